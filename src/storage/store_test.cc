// The Store suite on SQLite, each test in its own file under a temp folder;
// plus OpenStore's URL handling.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "storage/store_test_suite.h"

namespace planwatch::storage::testing {
namespace {

std::string TempDir() {
    static const std::string dir = [] {
        char pattern[] = "/tmp/pw_storage_test_XXXXXX";
        return std::string(mkdtemp(pattern));
    }();
    return dir;
}

std::string NewFile(const char* suffix) {
    static std::atomic<int> counter{0};
    return TempDir() + "/f" + std::to_string(++counter) + suffix;
}

// Removes the temp folder after the last test.
class TempDirCleanup : public ::testing::Environment {
public:
    void TearDown() override { std::filesystem::remove_all(TempDir()); }
};
const auto* const kCleanup = ::testing::AddGlobalTestEnvironment(new TempDirCleanup);

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreSuite,
                         ::testing::Values(Backend{"sqlite", [] { return "sqlite:" + NewFile("/plan.db"); },
                                                   [] { return NewFile(".backup"); }}),
                         [](const ::testing::TestParamInfo<Backend>& info) { return info.param.name; });

TEST(OpenStore, RefusesAUrlOfNoKnownKind) {
    StatusOr<std::unique_ptr<Store>> store = OpenStore("foo");
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(store.status().message(),
              "database URL \"foo\": expected sqlite:PATH or postgresql://user@host:port/name");
    EXPECT_EQ(OpenStore("sqlite:").status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(OpenStore("mysql://root@localhost/x").status().code(), StatusCode::kInvalidArgument);
}

TEST(OpenStore, CreatesTheFolderOfANewSqliteFile) {
    std::string path = TempDir() + "/new/deeper/planwatch.db";
    StatusOr<std::unique_ptr<Store>> store = OpenStore("sqlite:" + path);
    ASSERT_TRUE(store.ok()) << store.status();
    EXPECT_TRUE(std::filesystem::exists(path));
    EXPECT_EQ((*store)->BackendName(), "sqlite");
}

TEST(OpenStore, UnreachablePostgresqlIsUnavailable) {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    StatusOr<std::unique_ptr<Store>> store = OpenStore("postgresql://nobody:secret@127.0.0.1:1/none");
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kUnavailable);
    EXPECT_NE(store.status().message().find("postgresql://nobody:***@127.0.0.1:1/none"), std::string::npos)
        << store.status().message();
    EXPECT_EQ(store.status().message().find("secret"), std::string::npos);
}

TEST(SqliteRestore, RefusesAnSqliteFileThatIsNotOurs) {
    StatusOr<std::unique_ptr<Store>> store = OpenStore("sqlite:" + NewFile(".db"));
    ASSERT_TRUE(store.ok());
    std::string empty_db = NewFile(".sqlite");
    {
        std::ofstream touch(empty_db);  // zero bytes: SQLite opens it as an empty database
    }
    Status restored = (*store)->Restore(empty_db);
    EXPECT_EQ(restored.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(restored.message(), empty_db + " is not a planwatch SQLite backup: no such table: schema_version");
}

}  // namespace
}  // namespace planwatch::storage::testing
