#include "services/reminder_schedule.h"

#include <cassert>

namespace planwatch::services {

const char* Name(ReminderKind kind) {
    switch (kind) {  // no default: -Wswitch flags a kind left unnamed
        case ReminderKind::kBeforeDue: return "before_due";
        case ReminderKind::kDue: return "due";
        case ReminderKind::kOverdue: return "overdue";
    }
    return "due";
}

std::optional<ReminderKind> ReminderOn(const OwedReport& report, const domain::CivilDate& today,
                                       const ReminderPolicy& policy) {
    assert(policy.repeat_days >= 1);  // the CLI checks its options; 0 would divide by zero below
    if (report.received || report.locked || today < report.opens_on) return std::nullopt;
    const long after_due = domain::DaysFromEpoch(today) - domain::DaysFromEpoch(report.due_on);
    if (after_due == 0) return ReminderKind::kDue;
    if (after_due < 0) {
        if (policy.days_before > 0 && -after_due == policy.days_before) return ReminderKind::kBeforeDue;
        return std::nullopt;
    }
    if (after_due % policy.repeat_days == 0) return ReminderKind::kOverdue;
    return std::nullopt;
}

}  // namespace planwatch::services
