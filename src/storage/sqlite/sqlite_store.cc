#include "storage/sqlite/sqlite_store.h"

#include <soci/soci.h>

#include <filesystem>

#include "storage/sql/errors.h"
#include "storage/sql/sql_store.h"
#include "storage/sqlite/sqlite_backup.h"

namespace planwatch::storage::sqlite {
namespace {

// WAL lets readers (and the online backup) run while one writer writes;
// foreign keys are off by default in SQLite and must be enabled per connection.
constexpr char kJournalMode[] = "PRAGMA journal_mode = WAL";
constexpr char kForeignKeys[] = "PRAGMA foreign_keys = ON";
constexpr char kSynchronous[] = "PRAGMA synchronous = NORMAL";  // safe with WAL: a crash loses no committed data
constexpr char kIntegrityCheck[] = "PRAGMA integrity_check";
constexpr char kForeignKeyCheck[] = "SELECT COUNT(*) FROM pragma_foreign_key_check";

class SqliteStore : public sql::SqlStore {
public:
    SqliteStore(std::string path, StoreOptions options) : path_(std::move(path)), options_(options) {}

    std::string BackendName() const override { return "sqlite"; }

    Status Check() override {
        PW_ASSIGN_OR_RETURN(std::unique_ptr<soci::session> session, Acquire());
        try {
            std::string line;
            std::string problems;
            soci::statement st = (session->prepare << kIntegrityCheck, soci::into(line));
            st.execute();
            while (st.fetch()) {
                if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
            }
            if (!problems.empty()) return Internal(path_ + ": integrity_check: " + problems);
            long long broken = 0;
            *session << kForeignKeyCheck, soci::into(broken);
            if (broken > 0) {
                return Internal(path_ + ": foreign_key_check: " + std::to_string(broken) + " rows refer to nothing");
            }
            PW_RETURN_IF_ERROR(CheckSchemaVersion(*session));
        } catch (const std::exception& e) {
            return sql::FromSociError(e, "check " + path_);
        }
        Release(std::move(session));
        return Status::Ok();
    }

    Status Backup(const std::string& path) override { return BackupDatabase(path_, path, options_.busy_timeout_ms); }

    Status Restore(const std::string& path) override {
        PW_ASSIGN_OR_RETURN(int version, InspectBackup(path));
        if (version > LatestKnownMigration()) {
            return InvalidArgument(path + " has schema version " + std::to_string(version) +
                                   ", newer than this planwatch knows (" + std::to_string(LatestKnownMigration()) +
                                   ")");
        }
        PW_RETURN_IF_ERROR(CopyBackupInto(path, path_, options_.busy_timeout_ms));
        // An older backup comes back at its own schema version; bring it up to date.
        return Migrate();
    }

protected:
    StatusOr<std::unique_ptr<soci::session>> Connect() override {
        try {
            auto session = std::make_unique<soci::session>("sqlite3", "db=\"" + path_ + "\"");
            std::string mode;
            int timeout = 0;
            *session << "PRAGMA busy_timeout = " + std::to_string(options_.busy_timeout_ms), soci::into(timeout);
            *session << kJournalMode, soci::into(mode);
            *session << kForeignKeys;
            *session << kSynchronous;
            if (mode != "wal") return Unavailable(path_ + ": cannot switch to WAL journal mode (got " + mode + ")");
            return session;
        } catch (const std::exception& e) {
            return sql::FromSociError(e, "open " + path_);
        }
    }
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads
    // and then writes can fail with SQLITE_BUSY without waiting when another
    // connection committed in between, which busy_timeout cannot cure.
    const char* BeginStatement() const override { return "BEGIN IMMEDIATE"; }
    const char* MigrationDialect() const override { return "sqlite"; }
    void LockForMigration(soci::session&) override {}  // BEGIN IMMEDIATE already serialises

private:
    std::string path_;
    StoreOptions options_;
};

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const StoreOptions& options) {
    std::filesystem::path folder = std::filesystem::path(path).parent_path();
    if (!folder.empty()) {
        std::error_code error;
        std::filesystem::create_directories(folder, error);
        if (error) return Unavailable("cannot create folder " + folder.string() + ": " + error.message());
    }
    auto store = std::make_unique<SqliteStore>(path, options);
    PW_RETURN_IF_ERROR(store->Migrate());
    return std::unique_ptr<Store>(std::move(store));
}

}  // namespace planwatch::storage::sqlite
