#include "import/text/row_grouping.h"

#include <gtest/gtest.h>

namespace planwatch::import::text {
namespace {

std::vector<GroupingCell> Cells(const std::string& pattern) {
    // '|' may start a row, '.' may not; 'e' / 'E' the same for an empty cell.
    std::vector<GroupingCell> cells;
    for (char c : pattern) cells.push_back(GroupingCell{c == '|' || c == 'E', c == 'e' || c == 'E'});
    return cells;
}

TEST(GroupRows, FindsTheWidthThatExplainsMostRows) {
    // Three rows of 4 with a possible (unused) break inside the second.
    const RowGrouping grouping = GroupRows(Cells("|...|.|.|..."));
    EXPECT_EQ(grouping.width, 4);
    EXPECT_EQ(grouping.row_sizes, (std::vector<int>{4, 4, 4}));
}

TEST(GroupRows, PrefersTheNarrowGridToOneThatPairsRows) {
    EXPECT_EQ(GroupRows(Cells("|..|..|..|..")).width, 3);
}

TEST(GroupRows, ReadsATitleRowAndAMergedHeader) {
    // title | header of 3 cells over a 5-cell row "e e x x e" | two data rows
    const RowGrouping grouping = GroupRows(Cells("||..E...e|....|...."));
    EXPECT_EQ(grouping.width, 5);
    EXPECT_EQ(grouping.row_sizes, (std::vector<int>{1, 3, 5, 5, 5}));
}

TEST(HeaderSpans, CountsEmptyCellsAndRunsOfFilledOnes) {
    std::vector<int> spans;
    EXPECT_EQ(HeaderSpans({true, true, false, false, false, false, true, true}, &spans), 5);
    EXPECT_EQ(spans, (std::vector<int>{1, 1, 4, 1, 1}));
}

}  // namespace
}  // namespace planwatch::import::text
