#include "storage/postgres/postgres_store.h"

#include <soci/soci.h>

#include "storage/postgres/postgres_backup.h"
#include "storage/postgres/postgres_url.h"
#include "storage/sql/errors.h"
#include "storage/sql/sql_store.h"
#include "storage/sql/tables.h"

namespace planwatch::storage::postgres {
namespace {

// "CREATE TABLE IF NOT EXISTS" and friends send NOTICEs that libpq prints on stderr.
constexpr char kQuiet[] = "SET client_min_messages = warning";
// The status read of 64 plans sorts about 10 MB of report rows; PostgreSQL's
// default of 4 MB sends that sort to disk (EXPLAIN ANALYZE in bench/scale).
constexpr char kSortMemory[] = "SET work_mem = '32MB'";
// Any constant works; it only has to be the same for every planwatch process.
constexpr char kMigrationLock[] = "SELECT 1 FROM pg_advisory_xact_lock(740572001)";
constexpr char kTableExists[] =
    "SELECT CAST(COUNT(*) AS INTEGER) FROM pg_tables "
    "WHERE schemaname = current_schema() AND tablename = :table";

class PostgresStore : public sql::SqlStore {
public:
    PostgresStore(const std::string& url, std::string connect)
        : url_(RedactPassword(url)), connect_(std::move(connect)) {}

    std::string BackendName() const override { return "postgresql"; }

    Status Check() override {
        PW_ASSIGN_OR_RETURN(std::unique_ptr<soci::session> session, Acquire());
        try {
            PW_RETURN_IF_ERROR(CheckSchemaVersion(*session));
            for (const char* table : sql::kTables) {
                int found = 0;
                std::string name = table;
                *session << kTableExists, soci::use(name), soci::into(found);
                if (found == 0) return Internal("table " + name + " is missing");
            }
        } catch (const std::exception& e) {
            return sql::FromSociError(e, "check " + url_);
        }
        Release(std::move(session));
        return Status::Ok();
    }

    Status Backup(const std::string& path) override {
        PW_ASSIGN_OR_RETURN(std::unique_ptr<soci::session> session, Acquire());
        PW_RETURN_IF_ERROR(WriteBackup(*session, path));
        Release(std::move(session));
        return Status::Ok();
    }

    Status Restore(const std::string& path) override {
        PW_ASSIGN_OR_RETURN(std::unique_ptr<soci::session> session, Acquire());
        PW_RETURN_IF_ERROR(ReadBackup(*session, path, LatestKnownMigration()));
        Release(std::move(session));
        return Status::Ok();
    }

protected:
    StatusOr<std::unique_ptr<soci::session>> Connect() override {
        try {
            auto session = std::make_unique<soci::session>("postgresql", connect_);
            *session << kQuiet;
            *session << kSortMemory;
            return session;
        } catch (const std::exception& e) {
            // Never echo connect_: it may hold the password.
            return Unavailable("cannot connect to " + url_ + ": " + e.what());
        }
    }
    const char* BeginStatement() const override { return "BEGIN"; }
    const char* MigrationDialect() const override { return "postgres"; }
    void LockForMigration(soci::session& session) override {
        int locked = 0;
        session << kMigrationLock, soci::into(locked);
    }

private:
    std::string url_;  // without its password
    std::string connect_;
};

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const StoreOptions& /*options*/) {
    PW_ASSIGN_OR_RETURN(std::string connect, ToConnectString(url));
    auto store = std::make_unique<PostgresStore>(url, std::move(connect));
    PW_RETURN_IF_ERROR(store->Migrate());
    return std::unique_ptr<Store>(std::move(store));
}

}  // namespace planwatch::storage::postgres
