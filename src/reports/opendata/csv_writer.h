#pragma once
// Activities as CSV for open-data portals: RFC 4180 (comma, CRLF, quotes doubled,
// fields quoted when they hold a comma, quote or line break), UTF-8, one row per
// activity with its computed status as of the report date. Pure.
#include <string>

#include "reports/report_model.h"
#include "reports/write_options.h"

namespace planwatch::reports::opendata {

// Column names, stable for scripts (not translated).
inline constexpr const char* kCsvColumns[] = {
    "plan_title", "code", "path", "pillar", "title", "status", "status_reason", "due", "schedule", "frequency",
    "lead", "partners", "indicators", "targets", "results", "budget", "approved_reports", "as_of"};

// options.csv_bom starts the text with a UTF-8 byte order mark.
std::string WriteCsv(const ReportModel& model, const WriteOptions& options);

// One field as RFC 4180 wants it.
std::string CsvField(const std::string& value);

}  // namespace planwatch::reports::opendata
