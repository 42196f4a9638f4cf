#pragma once
// Splitting a run of cells into table rows when the text does not mark rows
// unambiguously. In a TAB-led export every row ends with a blank line, but a cell
// that ends with an empty paragraph looks the same; so only the places after a
// blank line CAN start a row, and the grid width decides which ones do.
#include <vector>

namespace planwatch::import::text {

struct RowGrouping {
    int width = 0;               // grid columns; 1 when no row has more than one cell
    std::vector<int> row_sizes;  // cells per row, in order; they sum to the cell count
};

struct GroupingCell {
    bool can_start = false;  // may begin a row (the first cell always does)
    bool empty = false;      // no text: under a merged header cell, or a continuation
};

// Chooses the width W (2..max_width) and the rows that explain the cells best. Each
// row of W cells is a point for W, so the width that finds the most rows wins (a
// wide grid that swallows two real rows at a time finds half as many); a one-cell
// row (a title across the table) costs a little, less right above a header; a header
// row with merged cells costs little when the full row below shows the merges
// (HeaderSpans); any other count is a defect. Among equal explanations the narrower
// grid wins.
RowGrouping GroupRows(const std::vector<GroupingCell>& cells, int max_width = 40);

// How many header cells stand above a full row: each empty cell stands under one
// (merged vertically), each run of filled cells under one that spans the run. The
// spans, in order, go to *spans when given.
int HeaderSpans(const std::vector<bool>& empty_below, std::vector<int>* spans = nullptr);

}  // namespace planwatch::import::text
