// The end-to-end suite (cli_suite.cc) on SQLite: every test gets a database file
// in its own temporary folder.
#include "cli_suite.h"

namespace planwatch::testing {

INSTANTIATE_TEST_SUITE_P(Sqlite, CliEndToEnd,
                         ::testing::Values(Backend{"sqlite",
                                                   [](const std::string& dir, const std::string& tag) {
                                                       return "sqlite:" + dir + "/" + tag + ".db";
                                                   }}),
                         [](const auto& info) { return info.param.name; });

}  // namespace planwatch::testing
