// The registry suite on the private PostgreSQL of tests/harness, a new database per test.
#include <gtest/gtest.h>

#include "harness/pg_harness.h"
#include "services/registry_test_suite.h"

namespace planwatch::services::testing {
namespace {

const auto* const kServer = ::testing::AddGlobalTestEnvironment(new planwatch::testing::PgEnvironment);

INSTANTIATE_TEST_SUITE_P(Postgres, RegistrySuite,
                         ::testing::Values(Backend{"postgresql",
                                                   [] { return planwatch::testing::PgEnvironment::NewDatabaseUrl(); }}),
                         [](const ::testing::TestParamInfo<Backend>& info) { return info.param.name; });

}  // namespace
}  // namespace planwatch::services::testing
