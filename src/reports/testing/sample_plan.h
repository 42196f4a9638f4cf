#pragma once
// Plans and reports for the tests and benchmarks of reports/, built in code so
// they do not wait for the importer: an action plan shaped like seed 000 (Cluj
// anti-drug plan 2017-2020: pillars I-IV, areas, sections, 47 activities, the
// county's institutions), a generated plan of any size, reports and rounds for
// them, and an annual social-services plan shaped like seed 001.
#include <vector>

#include "domain/monitoring.h"
#include "domain/plan.h"
#include "reports/report_model.h"

namespace planwatch::reports::testing {

inline constexpr char kSampleTitle[] =
    "PLANUL DE ACȚIUNE pentru implementarea Strategiei județene antidrog în perioada 2017 - 2020 la nivelul "
    "Județului Cluj";

// activities: 47 gives the seed's shape; larger numbers repeat sections.
domain::Plan SampleActionPlan(int activities = 47);

// Rounds 2017 and 2018 (annual), due 30 days after the year ends.
std::vector<domain::ReportingRound> SampleRounds();

// Reports for every third activity: approved completed, approved in progress with
// indicator values, submitted late, returned, draft; institution names canonical.
std::vector<ActivityReports> SampleReports(const domain::Plan& plan);

// Seed 001's shape: existing services in three categories, proposed services,
// contracting lines with CPV codes, information and training lines; 2025 budgets.
domain::Plan SampleServicesPlan();

}  // namespace planwatch::reports::testing

namespace planwatch::reports::testing {

// The 47-activity plan with SampleReports and SampleRounds as of 2019-03-01,
// built once per process.
const ReportModel& SampleModel();

// How many times needle occurs in haystack.
int Count(const std::string& haystack, const std::string& needle);

}  // namespace planwatch::reports::testing
