// The registry suite on SQLite, each test in its own file under a temp folder.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>

#include "services/registry_test_suite.h"

namespace planwatch::services::testing {
namespace {

std::string TempDir() {
    static const std::string dir = [] {
        char pattern[] = "/tmp/pw_registry_test_XXXXXX";
        return std::string(mkdtemp(pattern));
    }();
    return dir;
}

std::string NewUrl() {
    static std::atomic<int> counter{0};
    return "sqlite:" + TempDir() + "/r" + std::to_string(++counter) + ".db";
}

class TempDirCleanup : public ::testing::Environment {
public:
    void TearDown() override { std::filesystem::remove_all(TempDir()); }
};
const auto* const kCleanup = ::testing::AddGlobalTestEnvironment(new TempDirCleanup);

INSTANTIATE_TEST_SUITE_P(Sqlite, RegistrySuite, ::testing::Values(Backend{"sqlite", NewUrl}),
                         [](const ::testing::TestParamInfo<Backend>& info) { return info.param.name; });

}  // namespace
}  // namespace planwatch::services::testing
