// The reminder suite on PostgreSQL: one private server for the binary
// (tests/harness), one new database per test.
#include "harness/pg_harness.h"
#include "services/reminder_test_suite.h"

namespace planwatch::services::testing {
namespace {

const auto* const kServer = ::testing::AddGlobalTestEnvironment(new planwatch::testing::PgEnvironment);

INSTANTIATE_TEST_SUITE_P(Postgres, ReminderSuite,
                         ::testing::Values(ReminderBackend{
                             "postgresql", [] { return planwatch::testing::PgEnvironment::NewDatabaseUrl(); }}),
                         [](const ::testing::TestParamInfo<ReminderBackend>& info) { return info.param.name; });

}  // namespace
}  // namespace planwatch::services::testing
