// The Store suite on PostgreSQL: one private server for the binary
// (tests/harness), one new database per test.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "harness/pg_harness.h"
#include "storage/store_test_suite.h"

namespace planwatch::storage::testing {
namespace {

std::string NewBackupPath() {
    static std::atomic<int> counter{0};
    return planwatch::testing::PgEnvironment::Server().dir() + "/backup" + std::to_string(++counter) + ".jsonl";
}

const auto* const kServer = ::testing::AddGlobalTestEnvironment(new planwatch::testing::PgEnvironment);

INSTANTIATE_TEST_SUITE_P(Postgres, StoreSuite,
                         ::testing::Values(Backend{"postgresql",
                                                   [] { return planwatch::testing::PgEnvironment::NewDatabaseUrl(); },
                                                   NewBackupPath}),
                         [](const ::testing::TestParamInfo<Backend>& info) { return info.param.name; });

TEST(PostgresRestore, RefusesABackupFromANewerSchema) {
    StatusOr<std::unique_ptr<Store>> store = OpenStore(planwatch::testing::PgEnvironment::NewDatabaseUrl());
    ASSERT_TRUE(store.ok()) << store.status();
    std::string path = NewBackupPath();
    {
        std::ofstream out(path);
        out << R"({"format":"planwatch.postgresql-backup","format_version":1,"schema_version":999})"
            << "\n";
    }
    Status restored = (*store)->Restore(path);
    EXPECT_EQ(restored.code(), StatusCode::kInvalidArgument);
    StatusOr<std::vector<int>> applied = (*store)->AppliedMigrations();
    ASSERT_TRUE(applied.ok() && !applied->empty());
    EXPECT_EQ(restored.message(), path + ": schema version 999 is not one this planwatch knows (1.." +
                                      std::to_string(applied->back()) + ")");
}

}  // namespace
}  // namespace planwatch::storage::testing
