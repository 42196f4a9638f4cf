// The reminder suite on SQLite, one database file per test in a temp folder.
#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "services/reminder_test_suite.h"

namespace planwatch::services::testing {
namespace {

std::string NewSqliteUrl() {
    static std::atomic<int> counter{0};
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("pw_reminders_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::filesystem::path file = dir / ("t" + std::to_string(++counter) + ".db");
    std::filesystem::remove(file);
    return "sqlite:" + file.string();
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ReminderSuite, ::testing::Values(ReminderBackend{"sqlite", NewSqliteUrl}),
                         [](const ::testing::TestParamInfo<ReminderBackend>& info) { return info.param.name; });

}  // namespace
}  // namespace planwatch::services::testing
