#pragma once
// The end-to-end suite of the command line and `serve`, written once and run on
// every back end: cli_test.cc instantiates it on SQLite, cli_pgtest.cc on the
// private PostgreSQL of tests/harness.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "process.h"

namespace planwatch::testing {

struct Backend {
    std::string name;
    // The URL of a new, empty database for one test; dir is a fresh folder the
    // test owns, tag tells apart several databases of one test.
    std::function<std::string(const std::string& dir, const std::string& tag)> fresh_database;
};

// gtest prints the parameter of a failing test with this, not as raw bytes.
inline void PrintTo(const Backend& backend, std::ostream* os) { *os << backend.name; }

class CliEndToEnd : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override;
    void TearDown() override;

    // planwatch --db <db_> args...
    RunResult Run(std::vector<std::string> args, const std::string& input = "");
    RunResult RunOn(const std::string& db, std::vector<std::string> args, const std::string& input = "");
    std::vector<std::string> WithDb(const std::string& db, std::vector<std::string> args) const;
    std::string NewDatabase(const std::string& tag) { return GetParam().fresh_database(dir_, tag); }

    // Rows per table, read through the Store as the CLI left them.
    std::map<std::string, int64_t> CountRows(const std::string& db);
    std::map<std::string, int64_t> CountRows() { return CountRows(db_); }

    std::string Path(const std::string& name) const { return dir_ + "/" + name; }
    std::string Fixture(const std::string& name) const;
    // Runs tests/schema/validate_plan_json.py on a file; "" when valid, else its output.
    std::string SchemaProblems(const std::string& path) const;
    // A planwatch.plan/1 document with the given number of activities (several KiB each).
    static std::string LargePlanJson(int activities);
    // Imports the small fixture and returns its plan id (as printed).
    std::string ImportSmallPlan();

    std::string dir_;
    std::string db_;
};

}  // namespace planwatch::testing
