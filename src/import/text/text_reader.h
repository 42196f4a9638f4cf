#pragma once
// Readers for plain-text exports of plan tables (UTF-8 in; the front door decodes
// legacy encodings first). They know nothing about plans: they only rebuild
// tables, cells and paragraphs with their line numbers (cells.h).
#include <string_view>

#include "common/status.h"
#include "import/cells.h"

namespace planwatch::import::text {

// A word processor's "save as text" of a document with tables: a line starting
// with TAB starts a cell, lines without TAB continue it, a blank line ends a row
// (tab_reader.cc explains how rows and the grid width are worked out).
// Document.layout = "tab". Never fails on UTF-8 input; kInvalidArgument when the
// bytes are not UTF-8.
StatusOr<Document> ReadTabText(std::string_view utf8);

// Text pulled out of a PDF ("flattened"): columns come one after another, pages
// leave page numbers, running headers and repeated table headers in the flow.
// Those are dropped (one ReaderNote each); the rest becomes paragraphs, and each
// table header line a one-row Table. Document.layout = "flattened".
// kInvalidArgument when the bytes are not UTF-8.
StatusOr<Document> ReadFlattenedText(std::string_view utf8);

// True when some line starts with TAB: the text is a TAB-led export.
bool LooksTabLed(std::string_view utf8);

// ReadTabText when LooksTabLed, else ReadFlattenedText.
StatusOr<Document> ReadText(std::string_view utf8);

}  // namespace planwatch::import::text
