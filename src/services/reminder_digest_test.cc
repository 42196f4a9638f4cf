#include "services/reminder_digest.h"

#include <gtest/gtest.h>

namespace planwatch::services {
namespace {

OwedActivity Item(const std::string& language, ReminderKind kind, long days_from_due, int64_t round_id = 7) {
    return {.plan_id = 1, .plan_title = "Plan de acțiune 2017-2020", .plan_language = language,
            .round_id = round_id, .period = "2017", .activity_id = 11, .activity_code = "1.1",
            .activity_path = "I/A", .activity_text = "Campanii de informare\nîn școli", .due_on = "2018-01-30",
            .locks_after = "2018-02-09", .kind = kind, .days_from_due = days_from_due};
}

Digest For(std::vector<OwedActivity> items) {
    Digest digest{.institution_id = 3, .institution = "ISJ Cluj", .digest_on = "2018-02-06",
                  .items = std::move(items)};
    ComposeDigest(digest);
    return digest;
}

// Every sentence comes from data/i18n/reports: a missing entry would show its key.
TEST(ComposeDigest, WordsEverySentenceFromTheLanguageFiles) {
    for (const char* language : {"ro", "sl", "en"}) {
        Digest digest = For({Item(language, ReminderKind::kBeforeDue, -7), Item(language, ReminderKind::kOverdue, 7)});
        EXPECT_EQ(digest.language, language);
        EXPECT_EQ(digest.subject.find("reminder_"), std::string::npos) << digest.subject;
        EXPECT_EQ(digest.body.find("reminder_"), std::string::npos) << digest.body;
        EXPECT_NE(digest.body.find("I/A/1.1 Campanii de informare în școli"), std::string::npos) << digest.body;
        EXPECT_EQ(digest.kind, ReminderKind::kOverdue);
    }
}

TEST(ComposeDigest, EnglishOverdueDigestNamesDaysAndTheLastDay) {
    Digest digest = For({Item("en", ReminderKind::kOverdue, 7)});
    EXPECT_EQ(digest.subject, "Overdue progress reports – ISJ Cluj");
    EXPECT_NE(digest.body.find("Reports expected: 1."), std::string::npos) << digest.body;
    EXPECT_NE(digest.body.find("(7 days overdue)"), std::string::npos) << digest.body;
    EXPECT_NE(digest.body.find("Reports are accepted until 2018-02-09 inclusive."), std::string::npos) << digest.body;
}

// The language most items' plans are written in; a plan language without report
// words counts as English; a tie goes to Romanian.
TEST(ComposeDigest, PicksTheLanguageOfMostItems) {
    EXPECT_EQ(For({Item("sl", ReminderKind::kDue, 0), Item("sl", ReminderKind::kDue, 0),
                   Item("ro", ReminderKind::kDue, 0)}).language, "sl");
    EXPECT_EQ(For({Item("it", ReminderKind::kDue, 0)}).language, "en");
    EXPECT_EQ(For({Item("en", ReminderKind::kDue, 0), Item("ro", ReminderKind::kDue, 0)}).language, "ro");
    Digest romanian = For({Item("ro", ReminderKind::kDue, 0)});
    EXPECT_EQ(romanian.subject, "Rapoarte de progres scadente astăzi – ISJ Cluj");
    EXPECT_NE(romanian.body.find("(termenul este astăzi)"), std::string::npos) << romanian.body;
}

}  // namespace
}  // namespace planwatch::services
