#include "domain/activity_status.h"

#include "domain/rounds.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <map>
#include <tuple>

namespace planwatch::domain {
namespace {

std::optional<Period> ToPeriod(const std::string& text) {
    StatusOr<Period> p = ParsePeriod(text);
    if (!p.ok()) return std::nullopt;
    return *p;
}

const char* ClaimedPhrase(ClaimedState s) {
    switch (s) {
        case ClaimedState::kNotStarted: return "not started";
        case ClaimedState::kInProgress: return "in progress";
        case ClaimedState::kCompleted: return "completed";
        case ClaimedState::kCancelled: return "cancelled";
    }
    return "";
}

std::string DueText(const CivilDate& due) { return ToString(due); }

// A report that counts (approved and known by as_of) with its period parsed once:
// the sort and the per-period statuses would otherwise parse it again and again.
struct CountedReport {
    const KnownReport* report;
    Period period;
    CivilDate first_day;  // of its period
};

// The reports that count, oldest period first (then by submission).
std::vector<CountedReport> Counted(const std::vector<KnownReport>& reports, const CivilDate& as_of) {
    std::vector<CountedReport> counted;
    for (const KnownReport& r : reports) {
        if (r.review != ReviewState::kApproved) continue;
        StatusOr<CivilDate> on = ParseCivilDate(r.submitted_on);
        if (!on.ok() || *on > as_of) continue;
        std::optional<Period> period = ToPeriod(r.period);
        if (!period) continue;
        counted.push_back({&r, *period, PeriodFirstDay(*period)});
    }
    std::stable_sort(counted.begin(), counted.end(), [](const CountedReport& a, const CountedReport& b) {
        if (a.first_day != b.first_day) return a.first_day < b.first_day;
        return a.report->submitted_on < b.report->submitted_on;
    });
    return counted;
}

std::vector<const KnownReport*> Reports(const std::vector<CountedReport>& counted) {
    std::vector<const KnownReport*> out;
    out.reserve(counted.size());
    for (const CountedReport& c : counted) out.push_back(c.report);
    return out;
}

std::vector<IndicatorAchievement> Achievements(const Node& activity, const std::vector<const KnownReport*>& counted,
                                               const StatusRules& rules) {
    std::vector<IndicatorAchievement> out;
    for (size_t i = 0; i < activity.indicators.size(); ++i) {
        IndicatorAchievement a{.indicator_index = static_cast<int>(i)};
        const std::optional<Target>& target = activity.indicators[i].target;
        // The latest value reported for each period; a resubmission replaces, it does not add.
        std::map<std::string, double> per_period;
        std::optional<double> latest;
        for (const KnownReport* r : counted) {
            for (const IndicatorValue& v : r->values) {
                if (v.indicator_index != static_cast<int>(i)) continue;
                per_period[r->period] = v.value;
                latest = v.value;
            }
        }
        if (latest) {
            bool cumulative = !target || !target->per || *target->per == TargetPer::kPlan;
            double sum = 0;
            for (const auto& [period, value] : per_period) sum += value;
            a.actual = cumulative ? sum : *latest;
        }
        if (!target) {
            a.achievement = Achievement::kNoTarget;
        } else if (!a.actual) {
            a.achievement = Achievement::kNoValue;
        } else {
            double ratio = 0;
            a.achievement = Classify(*target, *a.actual, rules, &ratio);
            a.ratio = ratio;
        }
        out.push_back(a);
    }
    return out;
}

const IndicatorAchievement* FirstBehind(const std::vector<IndicatorAchievement>& indicators) {
    for (const IndicatorAchievement& a : indicators) {
        if (a.achievement == Achievement::kBehind) return &a;
    }
    return nullptr;
}

struct Window {
    std::optional<CivilDate> start;
    std::optional<CivilDate> due;
};

ReasonPart LastReportPart(const KnownReport* latest) {
    if (!latest) return {"no_report", {}};
    return {"last_report", {{"period", latest->period}, {"claimed", Name(latest->claimed)}}};
}

ReasonPart BehindPart(const Node& activity, const IndicatorAchievement& a) {
    return {"indicator_behind", {{"indicator", activity.indicators[a.indicator_index].name},
                                 {"percent", fmt::format("{:.0f}", 100 * a.ratio.value_or(0))}}};
}

// The status and the clauses of its reason; Decide words them.
std::pair<ActivityStatus, std::vector<ReasonPart>> Judge(const Node& activity,
                                                         const std::vector<const KnownReport*>& counted,
                                                         const std::vector<IndicatorAchievement>& indicators,
                                                         const Window& window, const ActivityContext& context,
                                                         const CivilDate& as_of, const StatusRules& rules) {
    const KnownReport* latest = counted.empty() ? nullptr : counted.back();
    const IndicatorAchievement* behind = FirstBehind(indicators);
    const std::string due = window.due ? DueText(*window.due) : "";

    if (latest && latest->claimed == ClaimedState::kCompleted) {
        std::vector<ReasonPart> parts = {{"report_completed", {{"period", latest->period}}}};
        if (behind) parts.push_back(BehindPart(activity, *behind));
        return {ActivityStatus::kCompleted, parts};
    }
    if (latest && latest->claimed == ClaimedState::kCancelled) {
        return {ActivityStatus::kCancelled, {{"report_cancelled", {{"period", latest->period}}}}};
    }
    if (window.due && as_of > *window.due) {
        return {ActivityStatus::kOverdue, {{"deadline_passed", {{"due", due}}}, LastReportPart(latest)}};
    }
    if (!context.missed_rounds.empty()) {
        return {ActivityStatus::kNotReported,
                {{"round_missed", {{"period", context.missed_rounds.back()}, {"institution", context.lead}}}}};
    }
    if (window.start && as_of < *window.start && !latest) {
        return {ActivityStatus::kNotStarted, {{"starts", {{"date", ToString(*window.start)}}}}};
    }
    long days_left = window.due ? DaysFromEpoch(*window.due) - DaysFromEpoch(as_of) : -1;
    bool near = window.due && days_left <= rules.at_risk_days;
    bool started = latest && latest->claimed == ClaimedState::kInProgress;
    ReasonPart near_part{"deadline_near", {{"due", due}, {"days", std::to_string(days_left)}}};
    if (near && !started) return {ActivityStatus::kAtRisk, {near_part, LastReportPart(latest)}};
    if (near && behind) return {ActivityStatus::kAtRisk, {near_part, BehindPart(activity, *behind)}};
    std::vector<ReasonPart> parts = {LastReportPart(latest)};
    if (window.due) parts.push_back({"deadline", {{"due", due}}});
    return {started ? ActivityStatus::kOnTrack : ActivityStatus::kNotStarted, parts};
}

ComputedStatus Decide(const Node& activity, const std::vector<const KnownReport*>& counted, const Window& window,
                      const ActivityContext& context, const CivilDate& as_of, const StatusRules& rules) {
    ComputedStatus result;
    result.due = window.due;
    result.indicators = Achievements(activity, counted, rules);
    std::tie(result.status, result.reason_parts) =
        Judge(activity, counted, result.indicators, window, context, as_of, rules);
    result.reason = EnglishReason(result.reason_parts);
    return result;
}

Window ActivityWindow(const Node& activity, const ActivityContext& context) {
    Window w;
    std::optional<Period> first, last;
    for (const std::string& text : activity.periods) {
        std::optional<Period> p = ToPeriod(text);
        if (!p) continue;
        if (!first || PeriodFirstDay(*p) < PeriodFirstDay(*first)) first = p;
        if (!last || PeriodLastDay(*p) > PeriodLastDay(*last)) last = p;
    }
    if (activity.start) {
        w.start = FirstDay(*activity.start);
    } else if (first) {
        w.start = PeriodFirstDay(*first);
    } else if (context.plan_start_year) {
        w.start = CivilDate{*context.plan_start_year, 1, 1};
    }
    if (activity.deadline) {
        w.due = LastDay(*activity.deadline);
    } else if (last) {
        w.due = PeriodLastDay(*last);
    } else if (context.plan_end_year) {
        w.due = CivilDate{*context.plan_end_year, 12, 31};
    }
    return w;
}

std::optional<Period::Kind> RecurrenceKind(const Node& activity) {
    if (!activity.frequency) return std::nullopt;
    switch (*activity.frequency) {
        case Frequency::kAnnual:
        case Frequency::kPermanent: return Period::Kind::kYear;
        case Frequency::kSemester: return Period::Kind::kSemester;
        case Frequency::kQuarter: return Period::Kind::kQuarter;
        case Frequency::kMonth: return Period::Kind::kMonth;
        case Frequency::kOnce: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

std::string EnglishReason(const std::vector<ReasonPart>& parts) {
    std::string text;
    for (const ReasonPart& part : parts) {
        auto param = [&part](const char* name) {
            auto it = part.params.find(name);
            return it == part.params.end() ? std::string() : it->second;
        };
        std::string clause;
        if (part.code == "report_completed") {
            clause = fmt::format("report {} approved: completed", param("period"));
        } else if (part.code == "report_cancelled") {
            clause = fmt::format("report {} approved: cancelled", param("period"));
        } else if (part.code == "deadline_passed") {
            clause = fmt::format("deadline {} passed", param("due"));
        } else if (part.code == "last_report") {
            std::optional<ClaimedState> claimed = ParseClaimedState(param("claimed"));
            clause = fmt::format("last approved report {} says {}", param("period"),
                                 claimed ? ClaimedPhrase(*claimed) : param("claimed"));
        } else if (part.code == "no_report") {
            clause = "no approved report";
        } else if (part.code == "round_missed") {
            const std::string institution = param("institution");
            clause = fmt::format("round {} closed without a report from {}", param("period"),
                                 institution.empty() ? "the lead institution" : institution);
        } else if (part.code == "starts") {
            clause = fmt::format("starts {}", param("date"));
        } else if (part.code == "deadline_near") {
            clause = fmt::format("deadline {} in {} days", param("due"), param("days"));
        } else if (part.code == "indicator_behind") {
            clause = fmt::format("indicator \"{}\" at {} % of its target", param("indicator"), param("percent"));
        } else if (part.code == "deadline") {
            clause = fmt::format("deadline {}", param("due"));
        } else {
            // Judge makes only the codes above; a new one must be worded here first.
            assert(false && "a reason code without English wording");
            clause = part.code;
        }
        text += (text.empty() ? "" : "; ") + clause;
    }
    return text;
}

Status ValidateRules(const StatusRules& rules) {
    if (rules.at_risk_days < 0 || rules.at_risk_days > 3660) {
        return Status(StatusCode::kInvalidArgument, "at_risk_days: expected 0 to 3660 days",
                      SourcePosition{.field = "at_risk_days"});
    }
    if (!(rules.met_ratio > 0) || rules.met_ratio > 10) {
        return Status(StatusCode::kInvalidArgument, "met_percent: expected more than 0 and at most 1000",
                      SourcePosition{.field = "met_percent"});
    }
    if (!(rules.near_ratio > 0) || rules.near_ratio > rules.met_ratio) {
        return Status(StatusCode::kInvalidArgument, "near_percent: expected more than 0 and at most the met percentage",
                      SourcePosition{.field = "near_percent"});
    }
    return Status::Ok();
}

const char* Name(ActivityStatus status) {
    switch (status) {
        case ActivityStatus::kNotStarted: return "not_started";
        case ActivityStatus::kOnTrack: return "on_track";
        case ActivityStatus::kAtRisk: return "at_risk";
        case ActivityStatus::kOverdue: return "overdue";
        case ActivityStatus::kCompleted: return "completed";
        case ActivityStatus::kCancelled: return "cancelled";
        case ActivityStatus::kNotReported: return "not_reported";
    }
    return "";
}

const char* Name(Achievement achievement) {
    switch (achievement) {
        case Achievement::kNoTarget: return "no_target";
        case Achievement::kNoValue: return "no_value";
        case Achievement::kMet: return "met";
        case Achievement::kNear: return "near";
        case Achievement::kBehind: return "behind";
    }
    return "";
}

Achievement Classify(const Target& target, double actual, const StatusRules& rules, double* ratio_out) {
    double ratio = 0;
    switch (target.comparator) {
        case Comparator::kAtLeast: ratio = target.value <= 0 ? 1.0 : actual / target.value; break;
        case Comparator::kAtMost: ratio = actual <= target.value ? 1.0 : (actual <= 0 ? 0 : target.value / actual); break;
        case Comparator::kEqual: {
            double hi = std::max(actual, target.value), lo = std::min(actual, target.value);
            ratio = hi <= 0 ? 1.0 : lo / hi;
            break;
        }
    }
    if (ratio_out) *ratio_out = ratio;
    if (ratio >= rules.met_ratio) return Achievement::kMet;
    if (ratio >= rules.near_ratio) return Achievement::kNear;
    return Achievement::kBehind;
}

ActivityStatuses ComputeActivityStatuses(const Node& activity, const std::vector<KnownReport>& reports,
                                         const ActivityContext& context, const CivilDate& as_of,
                                         const StatusRules& rules) {
    ActivityStatuses out;
    const std::vector<CountedReport> counted = Counted(reports, as_of);
    const Window whole = ActivityWindow(activity, context);
    out.whole = Decide(activity, Reports(counted), whole, context, as_of, rules);

    std::optional<Period::Kind> kind = RecurrenceKind(activity);
    if (!kind || !whole.start || !whole.due) return out;
    int per_year = *kind == Period::Kind::kYear ? 1 : *kind == Period::Kind::kSemester ? 2
                                                  : *kind == Period::Kind::kQuarter ? 4 : 12;
    for (int year = whole.start->year; year <= whole.due->year; ++year) {
        for (int index = per_year == 1 ? 0 : 1; index <= (per_year == 1 ? 0 : per_year); ++index) {
            Period period{year, *kind, index};
            Window w{PeriodFirstDay(period), PeriodLastDay(period)};
            if (*w.start > as_of) return out;
            std::string name = ToString(period);
            // Parsed periods are compared: no report's period is written out again.
            std::vector<const KnownReport*> mine;
            for (const CountedReport& c : counted) {
                if (c.period == period) mine.push_back(c.report);
            }
            ActivityContext period_context = context;
            period_context.missed_rounds.clear();
            for (const std::string& missed : context.missed_rounds) {
                if (missed == name) period_context.missed_rounds.push_back(missed);
            }
            out.periods.emplace_back(name, Decide(activity, mine, w, period_context, as_of, rules));
        }
    }
    return out;
}

ComputedStatus ComputeActivityStatus(const Node& activity, const std::vector<KnownReport>& reports,
                                     const ActivityContext& context, const CivilDate& as_of,
                                     const StatusRules& rules) {
    return Decide(activity, Reports(Counted(reports, as_of)), ActivityWindow(activity, context), context, as_of,
                  rules);
}

std::vector<std::pair<std::string, ComputedStatus>> ComputePeriodStatuses(const Node& activity,
                                                                          const std::vector<KnownReport>& reports,
                                                                          const ActivityContext& context,
                                                                          const CivilDate& as_of,
                                                                          const StatusRules& rules) {
    return ComputeActivityStatuses(activity, reports, context, as_of, rules).periods;
}

}  // namespace planwatch::domain
