#pragma once
// The registry tests (institutions, services statistics, needs register),
// written once (registry_test_suite.cc) and instantiated per back end:
// registry_test.cc on SQLite, registry_pgtest.cc on the private PostgreSQL of
// tests/harness. Each test gets a new, empty database.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "storage/store.h"

namespace planwatch::services::testing {

struct Backend {
    std::string name;                      // test name suffix
    std::function<std::string()> new_url;  // a URL of a new, empty database on each call
    friend std::ostream& operator<<(std::ostream& os, const Backend& backend) { return os << backend.name; }
};

class RegistrySuite : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override;
    // Imports samples/<file> and returns the plan id.
    int64_t Import(const std::string& file);

    std::unique_ptr<storage::Store> store_;
};

}  // namespace planwatch::services::testing
