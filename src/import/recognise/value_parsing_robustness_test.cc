// Hostile cell text: every parser returns (nothing, or something sane) for
// random bytes, broken UTF-8 and huge cells, without crashing.
#include <random>

#include <gtest/gtest.h>

#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise {
namespace {

void RunAll(const std::string& text) {
    const Glossary& glossary = Glossary::Default();
    (void)glossary.MatchHeader(text);
    (void)ParseTarget(text, glossary, "auto");
    Schedule schedule = ParseSchedule(text, glossary, "auto");
    for (int year : schedule.years) {
        EXPECT_GE(year, 1900);
        EXPECT_LE(year, 2200);
    }
    (void)ParseMoney(text, glossary, 1000);
    (void)HeaderMoneyMultiplier(text);
    for (const NamedInstitution& named : SplitInstitutions(text, glossary)) EXPECT_FALSE(named.name.empty());
    (void)DetectLanguage(text);
}

TEST(ValueParsingRobustnessTest, RandomBytes) {
    std::mt19937 random(20240607);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 400);
    for (int round = 0; round < 300; ++round) {
        std::string text(static_cast<size_t>(length(random)), '\0');
        for (char& c : text) c = static_cast<char>(byte(random));
        RunAll(text);
    }
}

TEST(ValueParsingRobustnessTest, BrokenUtf8AndOddPunctuation) {
    for (const char* text : {"\xC8", "\xE2\x80", "Iulie \xFF 2017", ",,,,,,", "((((((((", "))))", "- - - -",
                             "1.2.3.4.5.6.7.8.9", "2017-2018-2019-2020", "9999999999999999999999 lei",
                             "T T T 2024", "Minimum", "de de de de", "\xE2\x80\x93\xE2\x80\x93"}) {
        RunAll(text);
    }
}

TEST(ValueParsingRobustnessTest, HugeCells) {
    std::string names;
    for (int i = 0; i < 20000; ++i) names += "Primăria Cluj, MZ și NIJZ; ";
    EXPECT_EQ(SplitInstitutions(names, Glossary::Default()).size(), 60000u);
    std::string years;
    for (int i = 0; i < 20000; ++i) years += "2017-2020, ";
    Schedule schedule = ParseSchedule(years, Glossary::Default(), "ro");
    EXPECT_EQ(schedule.years, (std::vector<int>{2017, 2018, 2019, 2020}));
    RunAll(std::string(1 << 20, 'x'));
    RunAll(names);
}

}  // namespace
}  // namespace planwatch::import::recognise
