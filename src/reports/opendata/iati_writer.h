#pragma once
// The plan as IATI 2.03 activity XML (iatistandard.org), one iati-activity per
// plan activity: the lead as participating-org role 2 (accountable), partners
// role 4 (implementing), funders role 1 with budgets, an activity status and
// dates, and a result whose indicators carry a period with target and actual.
// Codes come from the IATI codelists (OrganisationRole, ActivityStatus,
// ActivityDateType, BudgetType, BudgetStatus, ResultType, IndicatorMeasure,
// DescriptionType). Validates against the 2.03 XML Schema. Pure.
#include <string>

#include "reports/report_model.h"
#include "reports/write_options.h"

namespace planwatch::reports::opendata {

// IATI ActivityStatus code for a computed status: 1 pipeline, 2 implementation,
// 3 finalisation, 5 cancelled.
const char* IatiActivityStatus(domain::ActivityStatus status);

std::string WriteIati(const ReportModel& model, const WriteOptions& options);

}  // namespace planwatch::reports::opendata
