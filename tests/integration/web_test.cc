// The HTTP end-to-end suite (web_suite.cc) on SQLite.
#include "web_suite.h"

namespace planwatch::testing {

INSTANTIATE_TEST_SUITE_P(Sqlite, WebEndToEnd,
                         ::testing::Values(WebBackend{"sqlite",
                                                      [](const std::string& dir) { return "sqlite:" + dir + "/web.db"; }}),
                         [](const auto& info) { return info.param.name; });

}  // namespace planwatch::testing
