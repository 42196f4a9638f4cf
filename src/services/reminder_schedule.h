#pragma once
// Which days an institution is reminded of a report it owes in a round: once
// days_before days before the due date, on the due date, and every repeat_days
// days after it, for as long as the round accepts the report (due date plus
// grace, or a reopening for the institution). Pure: dates in, a kind or nothing out.
#include <optional>

#include "domain/civil_date.h"

namespace planwatch::services {

// Ordered by urgency: a digest mixing kinds takes the most urgent one.
enum class ReminderKind { kBeforeDue, kDue, kOverdue };
const char* Name(ReminderKind kind);  // before_due | due | overdue (the outbox's kind column)

struct ReminderPolicy {
    int days_before = 7;  // 0: no reminder before the due date
    int repeat_days = 7;  // after the due date; at least 1
};

// One report a round expects from an institution.
struct OwedReport {
    domain::CivilDate opens_on;
    domain::CivilDate due_on;
    bool received = false;  // submitted at least once: nothing more to remind of
    bool locked = false;    // the round no longer accepts it from this institution today
};

// The reminder to send on today for report, or nullopt when today is not a
// reminder day for it. Before the round opens nobody is reminded: the
// reporters could not write yet.
std::optional<ReminderKind> ReminderOn(const OwedReport& report, const domain::CivilDate& today,
                                       const ReminderPolicy& policy = {});

}  // namespace planwatch::services
