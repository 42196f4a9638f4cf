#pragma once
// The Store tests, written once (store_test_suite.cc) and instantiated per back
// end: store_test.cc on SQLite in a temp folder, store_pgtest.cc on the private
// PostgreSQL of tests/harness. Both binaries compile store_test_suite.cc
// themselves (a static library's TEST_Ps would be dropped by the linker).
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "storage/store.h"

namespace planwatch::storage::testing {

struct Backend {
    std::string name;                       // "sqlite", "postgresql": the test name suffix
    std::function<std::string()> new_url;   // a URL of a new, empty database on each call
    std::function<std::string()> new_path;  // a file name for a backup, in a temp folder
    friend std::ostream& operator<<(std::ostream& os, const Backend& backend) { return os << backend.name; }
};

class StoreSuite : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override;
    // Opens the database of this test again (a second Store on the same data).
    std::unique_ptr<Store> Reopen();

    std::string url_;
    std::unique_ptr<Store> store_;
};

}  // namespace planwatch::storage::testing
