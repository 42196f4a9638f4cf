#pragma once
// The computed state of an activity as of a date. Statuses are never stored or
// typed: they follow from the plan (deadline, start, periods, targets), the
// reports known at that date and the reporting rounds closed by then. Pure.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/civil_date.h"
#include "domain/monitoring.h"
#include "domain/plan.h"

namespace planwatch::domain {

enum class ActivityStatus { kNotStarted, kOnTrack, kAtRisk, kOverdue, kCompleted, kCancelled, kNotReported };
const char* Name(ActivityStatus status);  // not_started | on_track | at_risk | overdue | completed | cancelled | not_reported

// Invariant (ValidateRules): at_risk_days >= 0, 0 < near_ratio <= met_ratio.
struct StatusRules {
    int at_risk_days = 90;     // a deadline this close counts as near
    double met_ratio = 1.0;    // achievement >= this: target met
    double near_ratio = 0.9;   // >= this: near the target; below: behind
};
// kInvalidArgument naming the rule ("at_risk_days", "met_percent", "near_percent")
// that breaks the invariant; the settings of serve and status come through here.
Status ValidateRules(const StatusRules& rules);

// One clause of a status's reason: a stable code and its values by name, so each
// interface words it in its language (data/i18n "reason_<code>"). Dates are
// YYYY-MM-DD under "due" and "date", a claimed state its Name() under "claimed",
// numbers digits under "days" and "percent"; "period", "institution" and
// "indicator" are shown as they are.
struct ReasonPart {
    std::string code;  // report_completed | report_cancelled | deadline_passed | last_report | no_report |
                       // round_missed | starts | deadline_near | indicator_behind | deadline
    std::map<std::string, std::string> params;
    friend bool operator==(const ReasonPart&, const ReasonPart&) = default;
};
// The clauses in English joined by "; " ("deadline 2018-12-31 passed; no approved
// report"): the reason as the command line, the API and the written reports give it.
std::string EnglishReason(const std::vector<ReasonPart>& parts);

// A report as the status rules see it. Only approved reports submitted on or
// before the as-of date count; the caller may pass others, they are ignored.
struct KnownReport {
    std::string period;        // canonical Period ("2019", "2019-S1")
    ClaimedState claimed = ClaimedState::kNotStarted;
    ReviewState review = ReviewState::kDraft;
    std::string submitted_on;  // YYYY-MM-DD
    std::vector<IndicatorValue> values;
};

struct ActivityContext {
    std::optional<int> plan_start_year;
    std::optional<int> plan_end_year;
    // Rounds closed by the as-of date that expected the lead's report and got none.
    std::vector<std::string> missed_rounds;
    std::string lead;  // the lead institution's name, for reasons
};

enum class Achievement { kNoTarget, kNoValue, kMet, kNear, kBehind };
const char* Name(Achievement achievement);  // no_target | no_value | met | near | behind

struct IndicatorAchievement {
    int indicator_index = 0;
    Achievement achievement = Achievement::kNoTarget;
    std::optional<double> actual;  // cumulative or latest, as the target's "per" says
    std::optional<double> ratio;   // 1.0 = exactly on target
};

struct ComputedStatus {
    ActivityStatus status = ActivityStatus::kNotStarted;
    std::string reason;  // "deadline 2018-12-31 passed; last approved report 2018-S1 says in progress"
    std::vector<ReasonPart> reason_parts;  // the same reason as codes; reason == EnglishReason(reason_parts)
    std::optional<CivilDate> due;
    std::vector<IndicatorAchievement> indicators;
};

// The status of the whole activity as of as_of.
ComputedStatus ComputeActivityStatus(const Node& activity, const std::vector<KnownReport>& reports,
                                     const ActivityContext& context, const CivilDate& as_of,
                                     const StatusRules& rules = {});

// Recurring activities (annual, semester, quarter, month, permanent) get one
// status per period of the plan that has begun by as_of, each measured against
// the end of its period with only that period's reports. Empty for others.
std::vector<std::pair<std::string, ComputedStatus>> ComputePeriodStatuses(
    const Node& activity, const std::vector<KnownReport>& reports, const ActivityContext& context,
    const CivilDate& as_of, const StatusRules& rules = {});

// Both at once, reading the reports once: what a model of every activity needs.
struct ActivityStatuses {
    ComputedStatus whole;                                      // ComputeActivityStatus
    std::vector<std::pair<std::string, ComputedStatus>> periods;  // ComputePeriodStatuses
};
ActivityStatuses ComputeActivityStatuses(const Node& activity, const std::vector<KnownReport>& reports,
                                         const ActivityContext& context, const CivilDate& as_of,
                                         const StatusRules& rules = {});

// Achievement of one indicator against its target; pure arithmetic, exposed for
// the boundary tests. comparator ">=": actual/target; "<=": met while actual <=
// target, else target/actual; "=": min/max of the two.
Achievement Classify(const Target& target, double actual, const StatusRules& rules, double* ratio = nullptr);

}  // namespace planwatch::domain
