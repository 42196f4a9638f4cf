#pragma once
// Reads a PDF with a text layer into cells.h. poppler gives words with boxes and
// fonts but no ruling lines, so tables are rebuilt from geometry (pdf_layout.h):
// words -> lines -> fragments split at wide gaps -> column anchors -> rows.
// Running headers, footers and page numbers are dropped (a ReaderNote each).
// poppler is used here and nowhere else in planwatch.
#include <string_view>

#include "common/status.h"
#include "import/cells.h"

namespace planwatch::import {

constexpr int kMaxPdfPages = 2000;

// Errors (kInvalidArgument, saying what was expected): bytes that are not a PDF
// or that poppler cannot parse ("%PDF-" followed by garbage), an encrypted PDF,
// no pages, no text layer (a scan: OCR it first); more than kMaxPdfPages pages.
// Thread-safe: each call has its own poppler document.
StatusOr<Document> ReadPdf(std::string_view bytes);

}  // namespace planwatch::import
