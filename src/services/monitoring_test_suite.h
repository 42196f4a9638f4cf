#pragma once
// The monitoring services (rounds, reports, statuses) on a real Store, written
// once (monitoring_test_suite.cc) and run on SQLite (monitoring_test.cc) and on
// the private PostgreSQL of tests/harness (monitoring_pgtest.cc).
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "services/services.h"
#include "storage/store.h"

namespace planwatch::services::testing {

struct Backend {
    std::string name;
    std::function<std::string()> new_url;  // a new, empty database on each call
    friend std::ostream& operator<<(std::ostream& os, const Backend& backend) { return os << backend.name; }
};

class MonitoringSuite : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override;
    // Imports samples/<file> and returns the plan id.
    int64_t ImportSeed(const std::string& file);

    std::unique_ptr<storage::Store> store_;
    std::unique_ptr<Services> services_;
    std::string now_ = "2018-01-15T09:00:00Z";  // the clock of reports_
    std::unique_ptr<ReportService> reports_;
};

}  // namespace planwatch::services::testing
