#include "domain/rounds.h"

#include <optional>

namespace planwatch::domain {

CivilDate PeriodFirstDay(const Period& p) {
    switch (p.kind) {
        case Period::Kind::kYear: return {p.year, 1, 1};
        case Period::Kind::kSemester: return {p.year, p.index == 1 ? 1 : 7, 1};
        case Period::Kind::kQuarter: return {p.year, 3 * (p.index - 1) + 1, 1};
        case Period::Kind::kMonth: return {p.year, p.index, 1};
    }
    return {p.year, 1, 1};
}

CivilDate PeriodLastDay(const Period& p) {
    switch (p.kind) {
        case Period::Kind::kYear: return {p.year, 12, 31};
        case Period::Kind::kSemester: return p.index == 1 ? CivilDate{p.year, 6, 30} : CivilDate{p.year, 12, 31};
        case Period::Kind::kQuarter: return {p.year, 3 * p.index, DaysInMonth(p.year, 3 * p.index)};
        case Period::Kind::kMonth: return {p.year, p.index, DaysInMonth(p.year, p.index)};
    }
    return {p.year, 12, 31};
}

namespace {

bool Overlaps(const CivilDate& a_first, const CivilDate& a_last, const CivilDate& b_first, const CivilDate& b_last) {
    return a_first <= b_last && b_first <= a_last;
}

}  // namespace

bool IsScheduledIn(const Node& activity, const Period& period, const Plan& plan) {
    CivilDate first = PeriodFirstDay(period), last = PeriodLastDay(period);
    if (!activity.periods.empty()) {
        for (const std::string& text : activity.periods) {
            StatusOr<Period> marked = ParsePeriod(text);
            if (marked.ok() && Overlaps(PeriodFirstDay(*marked), PeriodLastDay(*marked), first, last)) return true;
        }
        return false;
    }
    std::optional<CivilDate> start, end;
    if (activity.start) {
        start = FirstDay(*activity.start);
    } else if (plan.period_start) {
        start = CivilDate{*plan.period_start, 1, 1};
    }
    if (activity.deadline) {
        end = LastDay(*activity.deadline);
    } else if (plan.period_end) {
        end = CivilDate{*plan.period_end, 12, 31};
    }
    // With neither a start nor an end known, the activity runs for the whole plan.
    return Overlaps(start.value_or(CivilDate{1900, 1, 1}), end.value_or(CivilDate{2200, 12, 31}), first, last);
}

std::vector<ExpectedReport> ExpectedReports(const Plan& plan, const Period& period) {
    std::vector<ExpectedReport> out;
    ForEachNode(plan.nodes, [&](const Node& node) {
        if (node.kind != NodeKind::kActivity || !IsScheduledIn(node, period, plan)) return;
        ExpectedReport e{.activity_id = node.id.value_or(0), .activity_code = node.code};
        for (const Responsibility& r : node.responsible) {
            if (r.role == ResponsibilityRole::kLead) {
                e.lead = r.institution;
            } else {
                e.partners.push_back(r.institution);
            }
        }
        out.push_back(std::move(e));
    });
    return out;
}

RoundDates DefaultRoundDates(const Period& period, int due_after_days) {
    CivilDate opens = AddDays(PeriodLastDay(period), 1);
    return {ToString(opens), ToString(AddDays(opens, due_after_days - 1))};
}

}  // namespace planwatch::domain
