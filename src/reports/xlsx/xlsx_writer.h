#pragma once
// The evaluation data as an XLSX workbook (libxlsxwriter): sheets Summary,
// Activities, Indicators, Reports and Institutions; numbers, percentages and
// dates as typed cells, header rows frozen, autofilter on every table. Any
// thread may call it (libxlsxwriter works in a private temporary directory).
#include <string>

#include "common/status.h"
#include "reports/report_model.h"
#include "reports/write_options.h"

namespace planwatch::reports::xlsx {

// kUnavailable when the temporary file cannot be written or read back;
// kInvalidArgument for options.document other than kEvaluation.
StatusOr<std::string> WriteXlsx(const ReportModel& model, const WriteOptions& options);

}  // namespace planwatch::reports::xlsx
