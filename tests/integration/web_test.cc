// The HTTP end-to-end suite (web_suite.cc) on SQLite.
#include "web_registry_suite.h"
#include "roles_suite.h"
#include "web_staff_suite.h"
#include "web_suite.h"

namespace planwatch::testing {

// The CLI suite shares the helper library; it is instantiated in cli_test.cc, not here.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CliEndToEnd);

INSTANTIATE_TEST_SUITE_P(Sqlite, WebEndToEnd,
                         ::testing::Values(WebBackend{"sqlite",
                                                      [](const std::string& dir) { return "sqlite:" + dir + "/web.db"; }}),
                         [](const auto& info) { return info.param.name; });

// The registry screens (web_registry_suite.cc) share the suite's server: same backend name, same process.
INSTANTIATE_TEST_SUITE_P(Sqlite, RegistryWeb, ::testing::Values(WebBackend{"sqlite",
                                                      [](const std::string& dir) { return "sqlite:" + dir + "/web.db"; }}),
                         [](const auto& info) { return info.param.name; });

// Every route for every role (roles_suite.cc), on the same server.
INSTANTIATE_TEST_SUITE_P(Sqlite, RoleMatrix,
                         ::testing::Values(WebBackend{
                             "sqlite", [](const std::string& dir) { return "sqlite:" + dir + "/web.db"; }}),
                         [](const auto& info) { return info.param.name; });

// Account edits and round closing (web_staff_suite.cc), on the same server.
INSTANTIATE_TEST_SUITE_P(Sqlite, WebStaff, ::testing::Values(WebBackend{"sqlite", [](const std::string& dir) { return "sqlite:" + dir + "/web.db"; }}),
                         [](const auto& info) { return info.param.name; });

}  // namespace planwatch::testing
