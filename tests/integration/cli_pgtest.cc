// The end-to-end suite (cli_suite.cc) on PostgreSQL: one private server for the
// binary (tests/harness), a new database for every test and every tag.
#include "cli_suite.h"
#include "harness/pg_harness.h"

namespace planwatch::testing {

static ::testing::Environment* const kPostgres = ::testing::AddGlobalTestEnvironment(new PgEnvironment);

INSTANTIATE_TEST_SUITE_P(Postgres, CliEndToEnd,
                         ::testing::Values(Backend{"postgresql",
                                                   [](const std::string&, const std::string&) {
                                                       return PgEnvironment::NewDatabaseUrl();
                                                   }}),
                         [](const auto& info) { return info.param.name; });

}  // namespace planwatch::testing
