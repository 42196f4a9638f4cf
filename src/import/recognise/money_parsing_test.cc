#include <gtest/gtest.h>

#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise {
namespace {

struct MoneyCase {
    const char* text;
    int64_t multiplier;
    int64_t amount_minor;
    const char* currency;
};

const MoneyCase kMoney[] = {
    {"1.478.027,51 lei", 1, 147802751, "RON"},
    {"10.117.317,00 evra", 1, 1011731700, "EUR"},
    {"3.888.886,00 evra", 1, 388888600, "EUR"},
    {"$1,200.50", 1, 120050, "USD"},
    {"2.126", 1000, 212600000, ""},
    {"2126", 1000, 212600000, ""},
    {"1 200,5 EUR", 1, 120050, "EUR"},
    {"150.000", 1, 15000000, ""},
    {"150.5", 1, 15050, ""},
    {"150,5", 1, 15050, ""},
    {"1,200", 1, 120000, ""},
    {"629.000 lei", 1, 62900000, "RON"},
    {"850 lei", 1, 85000, "RON"},
    {"€ 2.500", 1, 250000, "EUR"},
    {"2.500 €", 1, 250000, "EUR"},
    {"EUR 1,000,000", 1, 100000000, "EUR"},
    {"1.5 milioane lei", 1, 150000000, "RON"},
    {"2 mii lei", 1, 200000, "RON"},
    {"USD 45.20", 1, 4520, "USD"},
    {"12 000 000", 1, 1200000000, ""},
    {"0,00", 1, 0, ""},
    {"-", 1, 0, ""},
    {"0", 1000, 0, ""},
    {"(1.234,56 RON)", 1, 123456, "RON"},
    {"55.687,00 evra", 1, 5568700, "EUR"},
    {"1.234,567 lei", 1, 123457, "RON"},  // half a ban rounds up
    {"3 milioni di euro", 1, 300000000, "EUR"},
    {"25.000 euros", 1, 2500000, "EUR"},
    {"10 tisoč evrov", 1, 1000000, "EUR"},
};

TEST(MoneyParsingTest, ParsesAmountsWithEitherDecimalSeparator) {
    const Glossary& glossary = Glossary::Default();
    for (const MoneyCase& c : kMoney) {
        std::optional<Money> money = ParseMoney(c.text, glossary, c.multiplier);
        ASSERT_TRUE(money.has_value()) << c.text;
        EXPECT_EQ(money->amount_minor, c.amount_minor) << c.text;
        EXPECT_EQ(money->currency, c.currency) << c.text;
    }
}

TEST(MoneyParsingTest, RefusesWhatIsNotOneAmount) {
    const Glossary& glossary = Glossary::Default();
    for (const char* text : {
             "",
             "   ",
             "lei",
             "Fonduri PNRR*",
             "40.239 lei conf. HG 426/2020",
             "1.2.3",
             "12,34,5",
             "1.23.456",
             "100%",
             "8/zi",
             "2 3",
             "10 lei 5 euro",
             "5 EUR USD",
             "resurse proprii",
             "99999999999999999999",
             "1.000.000.000.000.000 lei",
         }) {
        EXPECT_EQ(ParseMoney(text, glossary), std::nullopt) << text;
    }
    EXPECT_EQ(ParseMoney("10", glossary, 0), std::nullopt);
}

TEST(MoneyParsingTest, NegativeAmounts) {
    std::optional<Money> money = ParseMoney("-1.200,00 lei", Glossary::Default());
    ASSERT_TRUE(money.has_value());
    EXPECT_EQ(money->amount_minor, -120000);
}

TEST(MoneyParsingTest, HeaderMultiplier) {
    EXPECT_EQ(HeaderMoneyMultiplier("Buget județean\n(mii lei)"), 1000);
    EXPECT_EQ(HeaderMoneyMultiplier("Buget estimat (mii lei)"), 1000);
    EXPECT_EQ(HeaderMoneyMultiplier("Budget (thousand EUR)"), 1000);
    EXPECT_EQ(HeaderMoneyMultiplier("Budget (EUR k)"), 1000);
    EXPECT_EQ(HeaderMoneyMultiplier("Importo (migliaia di euro)"), 1000);
    EXPECT_EQ(HeaderMoneyMultiplier("Presupuesto (miles de euros)"), 1000);
    EXPECT_EQ(HeaderMoneyMultiplier("Sredstva (v tisoč EUR)"), 1000);
    EXPECT_EQ(HeaderMoneyMultiplier("Cost (milioane lei)"), 1000000);
    EXPECT_EQ(HeaderMoneyMultiplier("Buget local"), 1);
    EXPECT_EQ(HeaderMoneyMultiplier("Buget (lei)"), 1);
    EXPECT_EQ(HeaderMoneyMultiplier("Area (m2)"), 1);
    EXPECT_EQ(HeaderMoneyMultiplier(""), 1);
}

}  // namespace
}  // namespace planwatch::import::recognise
