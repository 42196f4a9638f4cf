#pragma once
// Which activities a reporting round expects reports for, and when it is due.
// Pure: the plan and the period in, the expectations out.
#include <string>
#include <vector>

#include "domain/civil_date.h"
#include "domain/monitoring.h"
#include "domain/plan.h"

namespace planwatch::domain {

// First and last day of a period ("2019-S2" -> 2019-07-01 .. 2019-12-31).
CivilDate PeriodFirstDay(const Period& period);
CivilDate PeriodLastDay(const Period& period);

// An activity is scheduled in a period when the period overlaps the days the
// activity runs: its marked grid periods when it has them, else from its start
// (or the plan's first year) to its deadline (or the plan's last year). A
// "Da settembre 2020" start keeps earlier periods free.
bool IsScheduledIn(const Node& activity, const Period& period, const Plan& plan);

struct ExpectedReport {
    int64_t activity_id = 0;     // 0 when the plan has not been stored
    std::string activity_code;
    std::string lead;            // canonical institution name; empty when the activity names none
    std::vector<std::string> partners;
};

// Every scheduled activity of the plan, in document order, with its lead.
std::vector<ExpectedReport> ExpectedReports(const Plan& plan, const Period& period);

struct RoundDates {
    std::string opens_on;  // the day after the period ends
    std::string due_on;    // opens_on + due_after_days - 1
};
RoundDates DefaultRoundDates(const Period& period, int due_after_days = 30);

}  // namespace planwatch::domain
