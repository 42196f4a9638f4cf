#include "storage/sql/sql_store.h"

#include <soci/soci.h>

#include <algorithm>

#include "storage/sql/clock.h"
#include "storage/sql/errors.h"
#include "storage/sql/migrations.h"
#include "storage/sql/sql_transaction.h"

namespace planwatch::storage::sql {
namespace {

constexpr char kCreateSchemaVersion[] = R"sql(
    CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL))sql";
constexpr char kSelectApplied[] = "SELECT version FROM schema_version ORDER BY version";
constexpr char kCountApplied[] = "SELECT COUNT(*) FROM schema_version WHERE version = :version";
constexpr char kInsertApplied[] =
    "INSERT INTO schema_version (version, name, applied_at) VALUES (:version, :name, :applied_at)";

// Idle connections kept for the next Begin(); more are closed on release.
constexpr size_t kMaxIdle = 4;

std::vector<int> ReadApplied(soci::session& session) {
    std::vector<int> applied;
    int version = 0;
    soci::statement st = (session.prepare << kSelectApplied, soci::into(version));
    st.execute();
    while (st.fetch()) applied.push_back(version);
    return applied;
}

void RollbackQuietly(soci::session& session) {
    try {
        session << "ROLLBACK";
    } catch (const std::exception&) {
        // Nothing to undo, or the connection is gone; either way the work is not committed.
    }
}

}  // namespace

SqlStore::~SqlStore() = default;

StatusOr<std::unique_ptr<soci::session>> SqlStore::Acquire() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!idle_.empty()) {
            std::unique_ptr<soci::session> session = std::move(idle_.back());
            idle_.pop_back();
            return session;
        }
    }
    return Connect();
}

void SqlStore::Release(std::unique_ptr<soci::session> session) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.size() < kMaxIdle) idle_.push_back(std::move(session));
}

StatusOr<std::unique_ptr<Transaction>> SqlStore::Begin() {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<soci::session> session, Acquire());
    try {
        *session << BeginStatement();
    } catch (const std::exception& e) {
        return FromSociError(e, "begin transaction");
    }
    return std::unique_ptr<Transaction>(std::make_unique<SqlTransaction>(this, std::move(session)));
}

StatusOr<std::vector<int>> SqlStore::AppliedMigrations() {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<soci::session> session, Acquire());
    try {
        std::vector<int> applied = ReadApplied(*session);
        Release(std::move(session));
        return applied;
    } catch (const std::exception& e) {
        return FromSociError(e, "read schema_version");
    }
}

StatusOr<int64_t> SqlStore::LastAuditId() {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<soci::session> session, Acquire());
    try {
        long long id = 0;
        *session << "SELECT COALESCE(MAX(id), 0) FROM audit_event", soci::into(id);
        Release(std::move(session));
        return static_cast<int64_t>(id);
    } catch (const std::exception& e) {
        return FromSociError(e, "read the newest audit event");
    }
}

int SqlStore::LatestKnownMigration() const {
    std::vector<Migration> migrations = EmbeddedMigrations(MigrationDialect());
    return migrations.empty() ? 0 : migrations.back().number;
}

Status SqlStore::Migrate() {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<soci::session> session, Acquire());
    std::string doing = "create schema_version";
    try {
        *session << kCreateSchemaVersion;
        for (const Migration& migration : EmbeddedMigrations(MigrationDialect())) {
            doing = "apply migration " + migration.name;
            *session << BeginStatement();
            LockForMigration(*session);
            // Read under the lock: another process may have applied it meanwhile.
            long long done = 0;
            int number = migration.number;
            *session << kCountApplied, soci::use(number), soci::into(done);
            if (done > 0) {
                *session << "COMMIT";
                continue;
            }
            for (std::string_view script : migration.scripts) {
                for (const std::string& statement : SplitStatements(script)) *session << statement;
            }
            std::string name = migration.name;
            std::string now = NowUtc();
            *session << kInsertApplied, soci::use(number), soci::use(name), soci::use(now);
            *session << "COMMIT";
        }
    } catch (const std::exception& e) {
        RollbackQuietly(*session);
        return FromSociError(e, doing);
    }
    Release(std::move(session));
    return Status::Ok();
}

Status SqlStore::CheckSchemaVersion(soci::session& session) {
    std::vector<int> applied;
    try {
        applied = ReadApplied(session);
    } catch (const std::exception& e) {
        return FromSociError(e, "read schema_version");
    }
    std::vector<int> known;
    for (const Migration& migration : EmbeddedMigrations(MigrationDialect())) known.push_back(migration.number);
    for (int number : known) {
        if (std::find(applied.begin(), applied.end(), number) == applied.end()) {
            return Internal("schema_version: migration " + std::to_string(number) + " is not applied");
        }
    }
    for (int number : applied) {
        if (std::find(known.begin(), known.end(), number) == known.end()) {
            return Internal("schema_version: migration " + std::to_string(number) +
                            " is newer than this planwatch knows (" + std::to_string(LatestKnownMigration()) + ")");
        }
    }
    return Status::Ok();
}

}  // namespace planwatch::storage::sql
