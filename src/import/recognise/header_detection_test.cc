#include <gtest/gtest.h>

#include "import/recognise/action_plan_internal.h"

namespace planwatch::import::recognise::internal {
namespace {

Row MakeRow(std::vector<std::string> texts, int line = 1) {
    Row row;
    int column = 1;
    for (std::string& text : texts) {
        Cell cell;
        cell.text = std::move(text);
        cell.where = {0, line, 1, column++};
        row.cells.push_back(std::move(cell));
    }
    return row;
}

TEST(PeriodLabel, ReadsSemesterQuarterAndMonthForms) {
    EXPECT_EQ(CanonicalPeriodLabel("2019-1"), "2019-1");
    EXPECT_EQ(CanonicalPeriodLabel("2020-2"), "2020-2");
    EXPECT_EQ(CanonicalPeriodLabel("2019-S1"), "2019-1");
    EXPECT_EQ(CanonicalPeriodLabel("T3 2024"), "2024-Q3");
    EXPECT_EQ(CanonicalPeriodLabel("Q4-2024"), "2024-Q4");
    EXPECT_EQ(CanonicalPeriodLabel("2024 Q2"), "2024-Q2");
    EXPECT_EQ(CanonicalPeriodLabel("2021-07"), "2021-07");
}

TEST(PeriodLabel, RejectsYearsNumbersAndText) {
    EXPECT_EQ(CanonicalPeriodLabel("2019"), "");
    EXPECT_EQ(CanonicalPeriodLabel("2019-3"), "");
    EXPECT_EQ(CanonicalPeriodLabel("Q5 2024"), "");
    EXPECT_EQ(CanonicalPeriodLabel("2021-13"), "");
    EXPECT_EQ(CanonicalPeriodLabel("X"), "");
    EXPECT_EQ(CanonicalPeriodLabel("1.478.027"), "");
}

TEST(HeaderDetection, JoinsHeaderSplitOverSeveralLines) {
    const Glossary& glossary = Glossary::Default();
    Row row = MakeRow({"Obiective\nspecifice", "Activitati", "Rezultate", "Indicatori\n\nde evaluare",
                       "Termen de\n\nevaluare", "Termen de\n\nfinalizare", "Responsabili"});
    EXPECT_TRUE(IsHeaderRow(row, glossary));
}

TEST(HeaderDetection, DataRowIsNotAHeader) {
    const Glossary& glossary = Glossary::Default();
    Row row = MakeRow({"1.Creşterea nivelului de informare", "1.1.Implementarea de proiecte", "Un seminar",
                       "Număr de participanţi", "Anual", "2020", "CPECA Cluj, ISJ Cluj"});
    EXPECT_FALSE(IsHeaderRow(row, glossary));
}

TEST(HeaderDetection, PeriodRowUnderAHeaderBelongsToIt) {
    const Glossary& glossary = Glossary::Default();
    Table table;
    table.rows.push_back(MakeRow({"Konkretni cilji", "Izvedbene aktivnosti", "Časovno obdobje za realizacijo aktivnosti",
                                  "Pričakovani rezultati", "Odgovorne institucije"}));
    table.rows[0].cells[2].col_span = 4;
    table.rows[0].cells[3].where.column = 7;
    table.rows[0].cells[4].where.column = 8;
    table.rows.push_back(MakeRow({"", "", "2019-1", "2019-2", "2020-1", "2020-2", "", ""}, 2));
    table.rows.push_back(MakeRow({"Cilj", "Aktivnost", "", "X", "", "", "Rezultat", "MZ"}, 3));  // short, but data
    EXPECT_EQ(HeaderRowsAt(table, 0, glossary), 2);
    EXPECT_EQ(HeaderRowsAt(table, 2, glossary), 0);

    std::vector<domain::PlanWarning> warnings;
    Layout layout = MapColumns({&table.rows[0], &table.rows[1]}, glossary, warnings);
    ASSERT_EQ(layout.columns.size(), 8u);
    EXPECT_EQ(layout.columns[0].field, Field::kSpecificObjective);
    EXPECT_EQ(layout.columns[1].field, Field::kActivity);
    for (int column = 2; column < 6; ++column) EXPECT_EQ(layout.columns[column].field, Field::kPeriodGrid);
    EXPECT_EQ(layout.columns[2].period, "2019-1");
    EXPECT_EQ(layout.columns[5].period, "2020-2");
    EXPECT_EQ(layout.columns[6].field, Field::kResults);
    EXPECT_EQ(layout.columns[7].field, Field::kResponsible);
    EXPECT_TRUE(warnings.empty());
}

TEST(ColumnMapping, ReadsMoneyMultiplierAndCurrencyFromTheHeader) {
    const Glossary& glossary = Glossary::Default();
    Row row = MakeRow({"Activități", "Buget estimativ (mii lei)", "Termen"});
    std::vector<domain::PlanWarning> warnings;
    Layout layout = MapColumns({&row}, glossary, warnings);
    ASSERT_EQ(layout.columns.size(), 3u);
    EXPECT_EQ(layout.columns[1].field, Field::kBudget);
    EXPECT_EQ(layout.columns[1].money_multiplier, 1000);
    EXPECT_EQ(layout.columns[1].currency, "RON");
}

TEST(ColumnMapping, WarnsAboutAColumnItCannotName) {
    const Glossary& glossary = Glossary::Default();
    Row row = MakeRow({"Activități", "Culoarea preferată", "Termen"}, 12);
    std::vector<domain::PlanWarning> warnings;
    Layout layout = MapColumns({&row}, glossary, warnings);
    EXPECT_FALSE(layout.columns[1].field.has_value());
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].line, 12);
    EXPECT_EQ(warnings[0].message, "column 2 “Culoarea preferată” not recognised; its cells are ignored");
}

}  // namespace
}  // namespace planwatch::import::recognise::internal
