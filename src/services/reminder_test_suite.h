#pragma once
// The reminder service (digests, outbox, SMTP delivery through the sink of
// tests/harness) on a real Store, written once and run on SQLite
// (reminder_test.cc) and on the private PostgreSQL (reminder_pgtest.cc). The
// tests are in reminder_suite_test.cc: a name ending in _test.cc, because only
// tests may include tests/harness (tools/check_deps.sh).
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "services/services.h"
#include "storage/store.h"

namespace planwatch::services::testing {

struct ReminderBackend {
    std::string name;
    std::function<std::string()> new_url;  // a new, empty database on each call
    friend std::ostream& operator<<(std::ostream& os, const ReminderBackend& backend) { return os << backend.name; }
};

class ReminderSuite : public ::testing::TestWithParam<ReminderBackend> {
protected:
    void SetUp() override;
    // Imports samples/<file> and returns the plan id.
    int64_t ImportSeed(const std::string& file);
    // Adds a reporter account of the institution (registry id) and returns its e-mail.
    std::string AddReporter(int64_t institution_id, const std::string& email);
    // Imports seed 000, opens its 2017 round (due 2018-01-30, no grace) and adds a
    // reporter account for the lead of its first activity; returns that lead, 0 on failure.
    int64_t OpenSeed000Round2017(const std::string& email);

    std::unique_ptr<storage::Store> store_;
    std::unique_ptr<Services> services_;
    std::string now_ = "2018-01-15T09:00:00Z";  // the clock of reports_ and reminders_
    std::unique_ptr<ReportService> reports_;
    std::unique_ptr<ReminderService> reminders_;
};

}  // namespace planwatch::services::testing
