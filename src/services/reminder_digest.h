#pragma once
// The text of one reminder digest: everything one institution still owes, all
// rounds and plans together, so it gets one message a day, never one per
// activity. In the language most of the plans it owes for are written in
// (Romanian on a tie), worded by data/i18n/reports. Pure.
#include <cstdint>
#include <string>
#include <vector>

#include "services/reminder_schedule.h"

namespace planwatch::services {

// One report an institution owes today, with what the message says about it.
struct OwedActivity {
    int64_t plan_id = 0;
    std::string plan_title;
    std::string plan_language;  // ISO 639-1 of the plan
    int64_t round_id = 0;
    std::string period;         // "2017", "2019-S1"
    int64_t activity_id = 0;
    std::string activity_code;
    std::string activity_path;  // codes of the nodes above it: "I/A/A.1"; may be empty
    std::string activity_text;
    std::string due_on;         // YYYY-MM-DD
    std::string locks_after;    // the last day the report is accepted
    ReminderKind kind = ReminderKind::kDue;
    long days_from_due = 0;     // negative before the due date
};

struct Digest {
    int64_t institution_id = 0;
    std::string institution;
    std::string digest_on;                // YYYY-MM-DD
    ReminderKind kind = ReminderKind::kDue;  // the most urgent of its items
    std::vector<std::string> recipients;  // the institution's reporter accounts
    std::vector<OwedActivity> items;      // by plan, round due date, activity order
    std::string language;                 // a language of data/i18n/reports: ro, sl, en
    std::string subject;
    std::string body;
};

// Fills kind, language, subject and body from the other fields; items must not be empty.
void ComposeDigest(Digest& digest);

}  // namespace planwatch::services
