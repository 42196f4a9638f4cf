#pragma once
// Reads an Excel workbook (.xlsx) into cells.h: for each sheet, in workbook
// order, a heading paragraph with the sheet's name and one table. Shared and
// inline strings, numbers (shortest form), booleans, formulas' cached values,
// dates (numbers whose style is a date format -> "2024-07-01"), percentages,
// bold fonts and merged ranges (<mergeCells>: the first cell gets the spans;
// cells below it are carried-down copies with merged_from_above, cells to its
// right are left out, as a horizontally merged DOCX cell would be).
// Positions: page = sheet number (1-based), row and column as Excel numbers them.
#include <string_view>

#include "common/status.h"
#include "import/cells.h"

namespace planwatch::import {

constexpr size_t kMaxXlsxCellBytes = 1u << 20;
constexpr int kMaxXlsxColumns = 1000;  // columns with content; a plan never needs more

// Errors: kInvalidArgument when the bytes are not a ZIP package, xl/workbook.xml
// or a sheet it lists is missing or not well-formed, XML nests too deep, a part
// expands past the zip-bomb limits, or a sheet uses a column past
// kMaxXlsxColumns; kTooLarge for a cell over kMaxXlsxCellBytes. Thread-safe.
StatusOr<Document> ReadXlsx(std::string_view bytes);

// Excel's serial day number (1900 date system, with its fictitious 1900-02-29) as
// "YYYY-MM-DD", plus "THH:MM" when there is a time of day. Empty when out of range.
std::string ExcelSerialToIso(double serial, bool date1904 = false);

}  // namespace planwatch::import
