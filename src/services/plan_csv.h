#pragma once
// Activities as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
// when they hold a comma, quote or line break; UTF-8), one row per activity, for
// spreadsheets and open-data portals. Pure: no I/O.
#include <string>
#include <vector>

#include "domain/plan.h"

namespace planwatch::services {

struct PlanCsvOptions {
    bool bom = false;  // start with a UTF-8 byte order mark, which Excel needs to read UTF-8
};

// The header row: plan_id, code, path, title, results, indicators, frequency,
// deadline, periods, lead, partners, budget.
std::string PlanCsvHeader();

// The rows of one plan's activities in document order, without the header.
// path is the codes of the activity's ancestors joined by '/', e.g. "I/A/A.1";
// several values in one cell are joined by "; " (results and indicators by a
// line break, since they are sentences); plan_id is empty for a plan not stored.
std::string PlanCsvRows(const domain::Plan& plan);

// Header plus the rows of every plan, in the order given.
std::string PlansToCsv(const std::vector<domain::Plan>& plans, const PlanCsvOptions& options = {});

// One field quoted as RFC 4180 wants: as is unless it holds , " CR or LF.
std::string CsvField(const std::string& value);

// 147802751 -> "1478027.51", 212600000 -> "2126000", -5 -> "-0.05".
std::string FormatMinorUnits(int64_t amount_minor);

}  // namespace planwatch::services
