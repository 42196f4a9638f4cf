#include <gtest/gtest.h>

#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise {
namespace {

using domain::DatePoint;
using domain::Frequency;

struct ScheduleCase {
    const char* text;
    const char* lang;
    std::optional<DatePoint> start;
    std::optional<DatePoint> deadline;
    std::optional<Frequency> frequency;
    std::vector<int> years;
    std::vector<std::string> periods;
};

constexpr std::nullopt_t kNone = std::nullopt;
DatePoint Y(int year) { return {year, 0, 0}; }
DatePoint M(int year, int month) { return {year, month, 0}; }
DatePoint D(int year, int month, int day) { return {year, month, day}; }

const ScheduleCase kSchedules[] = {
    // years, months in five languages
    {"2020", "auto", kNone, Y(2020), kNone, {2020}, {}},
    {" 2020 ", "ro", kNone, Y(2020), kNone, {2020}, {}},
    {"Iulie 2017", "auto", kNone, M(2017, 7), kNone, {2017}, {}},
    {"Decembrie 2022", "auto", kNone, M(2022, 12), kNone, {2022}, {}},
    {"Ianuarie 2017  ", "ro", kNone, M(2017, 1), kNone, {2017}, {}},
    {"julij 2019", "auto", kNone, M(2019, 7), kNone, {2019}, {}},
    {"decembra 2020", "sl", kNone, M(2020, 12), kNone, {2020}, {}},
    {"June 2020", "auto", kNone, M(2020, 6), kNone, {2020}, {}},
    {"Sept. 2021", "en", kNone, M(2021, 9), kNone, {2021}, {}},
    {"giugno 2021", "auto", kNone, M(2021, 6), kNone, {2021}, {}},
    {"junio de 2020", "auto", kNone, M(2020, 6), kNone, {2020}, {}},
    {"mai 2018", "ro", kNone, M(2018, 5), kNone, {2018}, {}},
    // days
    {"31.12.2020", "auto", kNone, D(2020, 12, 31), kNone, {2020}, {}},
    {"2020-12-31", "auto", kNone, D(2020, 12, 31), kNone, {2020}, {}},
    {"31/12/2020", "auto", kNone, D(2020, 12, 31), kNone, {2020}, {}},
    {"Termen: 30 iunie 2019", "ro", kNone, D(2019, 6, 30), kNone, {2019}, {}},
    {"1 de junio de 2020", "es", kNone, D(2020, 6, 1), kNone, {2020}, {}},
    {"June 30, 2020", "en", kNone, D(2020, 6, 30), kNone, {2020}, {}},
    {"12.2020", "ro", kNone, M(2020, 12), kNone, {2020}, {}},
    {"07/2017", "auto", kNone, M(2017, 7), kNone, {2017}, {}},
    // quarters and semesters
    {"T3 2024", "auto", kNone, M(2024, 9), kNone, {2024}, {"2024-Q3"}},
    {"Q3 2024", "auto", kNone, M(2024, 9), kNone, {2024}, {"2024-Q3"}},
    {"Q1/2025", "en", kNone, M(2025, 3), kNone, {2025}, {"2025-Q1"}},
    {"trimestrul III 2024", "ro", kNone, M(2024, 9), kNone, {2024}, {"2024-Q3"}},
    {"3. četrtletje 2024", "sl", kNone, M(2024, 9), kNone, {2024}, {"2024-Q3"}},
    {"2024-Q4", "auto", kNone, M(2024, 12), kNone, {2024}, {"2024-Q4"}},
    {"S1 2019", "auto", kNone, M(2019, 6), kNone, {2019}, {"2019-1"}},
    {"2019-1", "auto", kNone, M(2019, 6), kNone, {2019}, {"2019-1"}},
    {"2020-2", "auto", kNone, M(2020, 12), kNone, {2020}, {"2020-2"}},
    {"H2 2021", "en", kNone, M(2021, 12), kNone, {2021}, {"2021-2"}},
    {"primo semestre 2021", "it", kNone, M(2021, 6), kNone, {2021}, {"2021-1"}},
    {"Segundo trimestre de 2022", "es", kNone, M(2022, 6), kNone, {2022}, {"2022-Q2"}},
    {"3rd quarter 2024", "en", kNone, M(2024, 9), kNone, {2024}, {"2024-Q3"}},
    {"Semestrul II 2019", "ro", kNone, M(2019, 12), kNone, {2019}, {"2019-2"}},
    // frequencies
    {"Anual", "auto", kNone, kNone, Frequency::kAnnual, {}, {}},
    {"Anual (2017, \n2018, 2019, \n2020, 2021, \n2022) ", "auto", kNone, Y(2022), Frequency::kAnnual,
     {2017, 2018, 2019, 2020, 2021, 2022}, {}},
    {"Permanent  ", "auto", kNone, kNone, Frequency::kPermanent, {}, {}},
    {"Trimestrial", "auto", kNone, kNone, Frequency::kQuarter, {}, {}},
    {"Semestrial", "ro", kNone, kNone, Frequency::kSemester, {}, {}},
    {"Lunar", "ro", kNone, kNone, Frequency::kMonth, {}, {}},
    {"letno", "auto", kNone, kNone, Frequency::kAnnual, {}, {}},
    {"stalno", "sl", kNone, kNone, Frequency::kPermanent, {}, {}},
    {"ongoing", "auto", kNone, kNone, Frequency::kPermanent, {}, {}},
    {"Quarterly", "en", kNone, kNone, Frequency::kQuarter, {}, {}},
    {"annuale", "it", kNone, kNone, Frequency::kAnnual, {}, {}},
    {"continuativo", "it", kNone, kNone, Frequency::kPermanent, {}, {}},
    {"mensual", "es", kNone, kNone, Frequency::kMonth, {}, {}},
    {"Anual, până în 2020", "ro", kNone, Y(2020), Frequency::kAnnual, {2020}, {}},
    // starts and ranges
    {"Da settembre 2020", "auto", M(2020, 9), kNone, kNone, {2020}, {}},
    {"A partire dal gennaio 2021", "it", M(2021, 1), kNone, kNone, {2021}, {}},
    {"Începând cu 2019", "ro", Y(2019), kNone, kNone, {2019}, {}},
    {"from March 2022", "en", M(2022, 3), kNone, kNone, {2022}, {}},
    {"desde 2021", "es", Y(2021), kNone, kNone, {2021}, {}},
    {"2017-2020", "auto", Y(2017), Y(2020), kNone, {2017, 2018, 2019, 2020}, {}},
    {"2019–2020", "auto", Y(2019), Y(2020), kNone, {2019, 2020}, {}},
    {"2017 - 2020", "auto", Y(2017), Y(2020), kNone, {2017, 2018, 2019, 2020}, {}},
    {"Iulie 2017 - Decembrie 2017", "ro", M(2017, 7), M(2017, 12), kNone, {2017}, {}},
    {"od 2019 do 2020", "sl", Y(2019), Y(2020), kNone, {2019, 2020}, {}},
    {"dal 2021 al 2023", "it", Y(2021), Y(2023), kNone, {2021, 2022, 2023}, {}},
    {"between 2021 and 2022", "en", Y(2021), Y(2022), kNone, {2021, 2022}, {}},
    {"de 2019 a 2020", "es", Y(2019), Y(2020), kNone, {2019, 2020}, {}},
    {"Q1 2024 - Q2 2024", "en", M(2024, 1), M(2024, 6), kNone, {2024}, {"2024-Q1", "2024-Q2"}},
    // deadline markers
    {"până în 2020", "auto", kNone, Y(2020), kNone, {2020}, {}},
    {"do 2020", "auto", kNone, Y(2020), kNone, {2020}, {}},
    {"by 2020", "auto", kNone, Y(2020), kNone, {2020}, {}},
    {"by the end of 2020", "en", kNone, Y(2020), kNone, {2020}, {}},
    {"entro il 2020", "auto", kNone, Y(2020), kNone, {2020}, {}},
    {"entro giugno 2022", "it", kNone, M(2022, 6), kNone, {2022}, {}},
    {"antes de 2020", "auto", kNone, Y(2020), kNone, {2020}, {}},
    {"Decembrie 2017, Iunie 2018", "ro", kNone, M(2018, 6), kNone, {2017, 2018}, {}},
};

TEST(ScheduleParsingTest, ParsesDeadlinesStartsPeriodsAndFrequencies) {
    const Glossary& glossary = Glossary::Default();
    for (const ScheduleCase& c : kSchedules) {
        Schedule s = ParseSchedule(c.text, glossary, c.lang);
        EXPECT_TRUE(s.understood) << c.text;
        EXPECT_EQ(s.start, c.start) << c.text;
        EXPECT_EQ(s.deadline, c.deadline) << c.text;
        EXPECT_EQ(s.frequency, c.frequency) << c.text;
        EXPECT_EQ(s.years, c.years) << c.text;
        EXPECT_EQ(s.periods, c.periods) << c.text;
    }
}

TEST(ScheduleParsingTest, UnknownTextIsNotUnderstood) {
    const Glossary& glossary = Glossary::Default();
    for (const char* text : {"", "  ", "X", "la nevoie", "Imediat după aprobare", "31.02.2020", "13/2020", "mai mult",
                             "1850", "T3"}) {
        Schedule s = ParseSchedule(text, glossary, "auto");
        EXPECT_FALSE(s.understood) << text;
        EXPECT_EQ(s.deadline, std::nullopt) << text;
        EXPECT_EQ(s.start, std::nullopt) << text;
        EXPECT_TRUE(s.years.empty()) << text;
    }
}

TEST(ScheduleParsingTest, ImpossiblePeriodsAreNotPeriods) {
    Schedule s = ParseSchedule("Q5 2024", Glossary::Default(), "en");
    EXPECT_TRUE(s.periods.empty());
    s = ParseSchedule("2019-3", Glossary::Default(), "sl");  // semesters are 1 and 2
    EXPECT_TRUE(s.periods.empty());
}

}  // namespace
}  // namespace planwatch::import::recognise
