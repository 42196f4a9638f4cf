#include "storage/sqlite/sqlite_backup.h"

#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace planwatch::storage::sqlite {
namespace {

// Closes a handle on every path out.
struct Handle {
    sqlite3* db = nullptr;
    ~Handle() { sqlite3_close(db); }
    std::string Error() const { return db ? sqlite3_errmsg(db) : "out of memory"; }
};

Status Open(const std::string& path, int flags, int busy_timeout_ms, Handle* handle) {
    if (sqlite3_open_v2(path.c_str(), &handle->db, flags, nullptr) != SQLITE_OK) {
        return InvalidArgument("cannot open " + path + ": " + handle->Error());
    }
    sqlite3_busy_timeout(handle->db, busy_timeout_ms);
    return Status::Ok();
}

// Copies all pages of from's main database into to's, retrying while either is
// locked, until busy_timeout_ms has passed.
Status CopyPages(Handle& from, Handle& to, int busy_timeout_ms, const std::string& what) {
    sqlite3_backup* backup = sqlite3_backup_init(to.db, "main", from.db, "main");
    if (backup == nullptr) return Internal(what + ": " + to.Error());
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    int rc = SQLITE_OK;
    while (true) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
        if (std::chrono::steady_clock::now() > deadline) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    sqlite3_backup_finish(backup);
    if (rc == SQLITE_DONE) return Status::Ok();
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        return Unavailable(what + ": the database stayed locked for " + std::to_string(busy_timeout_ms) + " ms");
    }
    return Internal(what + ": " + sqlite3_errstr(rc));
}

}  // namespace

Status BackupDatabase(const std::string& db_path, const std::string& dest, int busy_timeout_ms) {
    std::string temp = dest + ".tmp-" + std::to_string(getpid());
    {
        Handle from, to;
        PW_RETURN_IF_ERROR(Open(db_path, SQLITE_OPEN_READONLY, busy_timeout_ms, &from));
        Status opened = Open(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, busy_timeout_ms, &to);
        if (!opened.ok()) return InvalidArgument("cannot write backup " + dest + ": " + opened.message());
        Status copied = CopyPages(from, to, busy_timeout_ms, "backup to " + dest);
        if (!copied.ok()) {
            std::remove(temp.c_str());
            return copied;
        }
    }
    std::error_code error;
    std::filesystem::rename(temp, dest, error);
    if (error) {
        std::remove(temp.c_str());
        return InvalidArgument("cannot write backup " + dest + ": " + error.message());
    }
    return Status::Ok();
}

StatusOr<int> InspectBackup(const std::string& path) {
    const std::string not_ours = path + " is not a planwatch SQLite backup: ";
    if (!std::filesystem::is_regular_file(path)) return InvalidArgument(not_ours + "no such file");
    Handle handle;
    if (sqlite3_open_v2(path.c_str(), &handle.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        return InvalidArgument(not_ours + handle.Error());
    }
    auto single_text = [&](const char* sql, std::string* out) -> Status {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(handle.db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
            return InvalidArgument(not_ours + handle.Error());
        }
        int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
            *out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return InvalidArgument(not_ours + sqlite3_errstr(rc));
        return Status::Ok();
    };
    std::string check;
    PW_RETURN_IF_ERROR(single_text("PRAGMA quick_check", &check));
    if (check != "ok") return InvalidArgument(not_ours + "quick_check says " + check);
    std::string version;
    PW_RETURN_IF_ERROR(single_text("SELECT MAX(version) FROM schema_version", &version));
    if (version.empty()) return InvalidArgument(not_ours + "schema_version is empty");
    return std::stoi(version);
}

Status CopyBackupInto(const std::string& backup_path, const std::string& db_path, int busy_timeout_ms) {
    Handle from, to;
    PW_RETURN_IF_ERROR(Open(backup_path, SQLITE_OPEN_READONLY, busy_timeout_ms, &from));
    Status opened = Open(db_path, SQLITE_OPEN_READWRITE, busy_timeout_ms, &to);
    if (!opened.ok()) return Unavailable(opened.message());
    return CopyPages(from, to, busy_timeout_ms, "restore from " + backup_path);
}

}  // namespace planwatch::storage::sqlite
