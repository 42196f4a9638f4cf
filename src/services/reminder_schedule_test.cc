#include "services/reminder_schedule.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace planwatch::services {
namespace {

domain::CivilDate Day(const char* text) { return *domain::ParseCivilDate(text); }

struct DayCase {
    const char* today;
    bool received;
    bool locked;
    std::optional<ReminderKind> want;
};

// A round opened 2018-01-01, due 2018-01-30, default policy (7 days before, weekly after).
TEST(ReminderOn, RemindsSevenDaysBeforeOnTheDueDayAndWeeklyAfterUntilReceivedOrLocked) {
    const DayCase cases[] = {
        {"2017-12-31", false, false, std::nullopt},               // before the round opens
        {"2018-01-01", false, false, std::nullopt},               // open, not a reminder day
        {"2018-01-22", false, false, std::nullopt},               // 8 days before
        {"2018-01-23", false, false, ReminderKind::kBeforeDue},   // 7 days before
        {"2018-01-24", false, false, std::nullopt},               // 6 days before
        {"2018-01-29", false, false, std::nullopt},
        {"2018-01-30", false, false, ReminderKind::kDue},         // the due date
        {"2018-01-31", false, false, std::nullopt},
        {"2018-02-05", false, false, std::nullopt},               // 6 days after
        {"2018-02-06", false, false, ReminderKind::kOverdue},     // 7 days after
        {"2018-02-13", false, false, ReminderKind::kOverdue},     // 14 days after
        {"2018-02-20", false, false, ReminderKind::kOverdue},     // 21 days after
        {"2018-02-21", false, false, std::nullopt},
        {"2018-01-23", true, false, std::nullopt},                // submitted: no more reminders
        {"2018-01-30", true, false, std::nullopt},
        {"2018-02-06", true, false, std::nullopt},
        {"2018-02-13", false, true, std::nullopt},                // locked: the report can no longer arrive
        {"2018-01-30", false, true, std::nullopt},
    };
    for (const DayCase& c : cases) {
        OwedReport report{.opens_on = Day("2018-01-01"), .due_on = Day("2018-01-30"), .received = c.received,
                          .locked = c.locked};
        std::optional<ReminderKind> got = ReminderOn(report, Day(c.today));
        EXPECT_EQ(got, c.want) << c.today << " received=" << c.received << " locked=" << c.locked
                               << " got=" << (got ? Name(*got) : "none");
    }
}

TEST(ReminderOn, FollowsThePolicy) {
    OwedReport report{.opens_on = Day("2019-01-01"), .due_on = Day("2019-01-31")};
    EXPECT_EQ(ReminderOn(report, Day("2019-01-28"), {.days_before = 3}), ReminderKind::kBeforeDue);
    EXPECT_EQ(ReminderOn(report, Day("2019-01-24"), {.days_before = 3}), std::nullopt);
    EXPECT_EQ(ReminderOn(report, Day("2019-01-24"), {.days_before = 0}), std::nullopt);
    EXPECT_EQ(ReminderOn(report, Day("2019-01-31"), {.days_before = 0}), ReminderKind::kDue);
    EXPECT_EQ(ReminderOn(report, Day("2019-02-01"), {.repeat_days = 1}), ReminderKind::kOverdue);
    EXPECT_EQ(ReminderOn(report, Day("2019-02-03"), {.repeat_days = 3}), ReminderKind::kOverdue);
    EXPECT_EQ(ReminderOn(report, Day("2019-02-04"), {.repeat_days = 3}), std::nullopt);
}

TEST(ReminderOn, SkipsTheEarlyReminderOfARoundOpenedLate) {
    // Opened three days before its due date: the 7-days-before day is before the opening.
    OwedReport report{.opens_on = Day("2019-01-28"), .due_on = Day("2019-01-31")};
    EXPECT_EQ(ReminderOn(report, Day("2019-01-24")), std::nullopt);
    EXPECT_EQ(ReminderOn(report, Day("2019-01-31")), ReminderKind::kDue);
}

TEST(ReminderKindName, MatchesTheOutboxKinds) {
    EXPECT_STREQ(Name(ReminderKind::kBeforeDue), "before_due");
    EXPECT_STREQ(Name(ReminderKind::kDue), "due");
    EXPECT_STREQ(Name(ReminderKind::kOverdue), "overdue");
    EXPECT_LT(ReminderKind::kBeforeDue, ReminderKind::kDue);
    EXPECT_LT(ReminderKind::kDue, ReminderKind::kOverdue);
}

}  // namespace
}  // namespace planwatch::services
