#pragma once
// What a PDF page adds around the content: page numbers and running headers or
// footers. Text pulled out of a PDF keeps them in the flow; they must not end up
// inside a cell.
#include <string>
#include <string_view>
#include <vector>

#include "import/text/lines.h"

namespace planwatch::import::text {

// "12", "- 12 -", "Pagina 3 din 12", "Page 3 of 12", "Stran 3", "3/12": the page
// number, or -1 when the line is not one. Bare numbers are only candidates (a cell
// may hold "12"); the caller decides with IsPageNumberSequence.
int PageNumberOf(std::string_view line, bool* labelled);

// Bare-number candidates (line index, value) are page numbers when they rise
// strictly and lie a page apart (on average at least 15 lines).
bool IsPageNumberSequence(const std::vector<std::pair<int, int>>& candidates);

// For each line, why it is page furniture ("page number", "running header or
// footer"), or empty. pages[i] is the 1-based page of line i (all 1 when unknown).
std::vector<std::string> FindPageFurniture(const std::vector<Line>& lines, const std::vector<int>& pages);

}  // namespace planwatch::import::text
