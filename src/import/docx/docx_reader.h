#pragma once
// Reads a Word document (.docx) into cells.h: paragraphs and tables in reading
// order, with horizontal (w:gridSpan) and vertical (w:vMerge) merges, bold runs,
// heading levels and the visible numbers of numbered paragraphs.
// Positions: `line` is the paragraph's ordinal in the document (every w:p,
// those inside tables included, counted from 1); cells also carry row/column.
#include <string_view>

#include "common/status.h"
#include "import/cells.h"

namespace planwatch::import {

// The largest text one cell or paragraph may hold; more is refused with kTooLarge.
constexpr size_t kMaxDocxCellBytes = 1u << 20;

// Errors: kInvalidArgument when the bytes are not a ZIP package, word/document.xml
// is missing or not well-formed, XML nests deeper than ooxml::kMaxXmlDepth, or a
// part expands past the zip-bomb limits (ooxml::ZipLimits); kTooLarge for a cell
// over kMaxDocxCellBytes. Messages name the part and position. Thread-safe.
StatusOr<Document> ReadDocx(std::string_view bytes);

}  // namespace planwatch::import
