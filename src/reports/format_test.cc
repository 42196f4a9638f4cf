#include "reports/format.h"

#include <gtest/gtest.h>

#include "reports/labels.h"

namespace planwatch::reports {
namespace {

TEST(FormatMoney, WritesRomanianThousandsWithDotsAndDecimalsWithComma) {
    EXPECT_EQ(FormatMoney(147802751, "RON", "ro"), "1.478.027,51 RON");
    EXPECT_EQ(FormatMoney(212600000, "", "ro"), "2.126.000");
    EXPECT_EQ(FormatMoney(1011731700, "EUR", "sl"), "10.117.317 EUR");
    EXPECT_EQ(FormatMoney(147802751, "RON", "en"), "1,478,027.51 RON");
    EXPECT_EQ(FormatMoney(-5, "", "en"), "-0.05");
}

TEST(FormatNumber, KeepsAtMostTwoDecimals) {
    EXPECT_EQ(FormatNumber(2, "ro"), "2");
    EXPECT_EQ(FormatNumber(2.5, "ro"), "2,5");
    EXPECT_EQ(FormatNumber(12500.125, "en"), "12,500.13");
    EXPECT_EQ(FormatPercent(0.857, "ro"), "86 %");
    EXPECT_EQ(FormatPercent(std::nullopt, "ro"), "–");
}

TEST(FormatTarget, ShowsComparatorValueUnitAndRecurrence) {
    domain::Target t{.value = 2, .comparator = domain::Comparator::kAtLeast, .unit = "proiecte locale"};
    EXPECT_EQ(FormatTarget(t, "ro"), "≥ 2 proiecte locale");
    t.per = domain::TargetPer::kYear;
    EXPECT_EQ(FormatTarget(t, "ro"), "≥ 2 proiecte locale / an");
    EXPECT_EQ(FormatTarget({.value = 50, .comparator = domain::Comparator::kAtMost, .percent = true}, "en"), "≤ 50 %");
    EXPECT_EQ(PlainAmount(147802751), "1478027.51");
    EXPECT_EQ(PlainAmount(212600000), "2126000");
    EXPECT_EQ(PlainAmount(150), "1.5");
}

TEST(Labels, EveryLanguageHasEveryEnglishKey) {
    for (const char* key : {"evaluation_title", "status.overdue", "col.completeness", "page_before", "sp.total"}) {
        for (const char* lang : {"ro", "sl", "en"}) EXPECT_NE(Label(lang, key), key) << lang << " " << key;
    }
    EXPECT_EQ(Label("ro", "page_before"), "Pagina ");
    EXPECT_EQ(Label("sl", "page_between"), " od ");
    EXPECT_EQ(Label("ro", "no.such.key"), "no.such.key");
    EXPECT_EQ(StatusLabel("ro", domain::ActivityStatus::kOverdue), "Întârziat");
}

}  // namespace
}  // namespace planwatch::reports
