#pragma once
// Pure geometry, no poppler: rebuilds paragraphs and tables from positioned words.
// Method (stack.md §5): group words into lines by vertical centre; split a line
// into fragments where the gap is wider than a space; fragment start positions
// that recur become column anchors; runs of lines whose fragments sit on anchors
// form a table; a new row starts at a line where no column continues the text of
// the line above it (cells are top-aligned, so all of a row's cells start on one
// line, and within a cell lines follow at the table's normal line pitch).
#include <string>
#include <vector>

#include "import/cells.h"
#include "import/pdf/pdf_rules.h"

namespace planwatch::import::pdf {

struct Word {
    std::string text;
    double x = 0, y = 0, width = 0, height = 0;  // points, origin top-left
    bool bold = false;
    bool space_after = true;
};

struct Page {
    double width = 0, height = 0;
    std::vector<Word> words;  // in any order
    std::vector<Rule> rules;  // table borders (FindRules); none for a page without ruled tables
    double pixel = 0.36;      // points per pixel of the rendering the rules were found in
};

// Drops running headers and footers (the same text, digits aside, in the top or
// bottom margin of at least half the pages, two at least) and bare page numbers
// ("7", "- 7 -", "Page 7 of 9", "7/9") in the margins. One note per dropped line.
void DropPageFurniture(std::vector<Page>* pages, std::vector<ReaderNote>* notes);

// The blocks of all pages in reading order; tables do not continue across pages.
// Where a page's rules form grids (FindGrids), those tables are read from the
// grid, merged cells included; the rest of the page from word positions alone.
std::vector<Block> LayoutPages(const std::vector<Page>& pages);

}  // namespace planwatch::import::pdf
