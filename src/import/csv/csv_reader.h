#pragma once
// Reads delimiter-separated text (CSV) into cells.h: one table, one row per
// record. The delimiter (, ; TAB |) and the quote (" or ') are sniffed from the
// first records; quoting follows RFC 4180 ("" inside quotes is one quote, quoted
// fields may span lines). A UTF-8 byte-order mark is skipped. Legacy encodings
// are the front door's job (common/encoding.h): the bytes must be UTF-8 here.
// Positions: line = source line where the field starts, row = record, column = field.
#include <string_view>

#include "common/status.h"
#include "import/cells.h"

namespace planwatch::import {

constexpr size_t kMaxCsvCellBytes = 1u << 20;

struct CsvDialect {
    char delimiter = ',';
    char quote = '"';
};

// The dialect that splits the first records most consistently; ',' and '"' when nothing fits better.
CsvDialect SniffCsvDialect(std::string_view utf8);

// Errors: kInvalidArgument for empty input, bytes that are not UTF-8 (with the
// offset), a quoted field never closed (with its line and column); kTooLarge for
// a field over kMaxCsvCellBytes. Thread-safe.
StatusOr<Document> ReadCsv(std::string_view bytes);

}  // namespace planwatch::import
