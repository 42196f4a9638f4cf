#pragma once
// The one Store implementation both databases share: a pool of SOCI sessions,
// transactions, migrations. sqlite/ and postgres/ derive from it and supply only
// what differs: how to connect, how to begin a write transaction, the migration
// dialect, and Check/Backup/Restore.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/store.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

class SqlStore : public Store {
public:
    ~SqlStore() override;

    StatusOr<std::unique_ptr<Transaction>> Begin() override;
    StatusOr<std::vector<int>> AppliedMigrations() override;
    StatusOr<int64_t> LastAuditId() override;

    // Applies, each in its own transaction, every embedded migration not yet in
    // schema_version. Safe when several processes open the same database at
    // once (LockForMigration). The back ends' Open functions call it.
    Status Migrate();

    // A connection from the pool, or a new one (kUnavailable when it cannot be
    // opened). Give it back with Release; a Transaction does this itself.
    StatusOr<std::unique_ptr<soci::session>> Acquire();
    void Release(std::unique_ptr<soci::session> session);

    // The newest migration number this binary knows for its dialect.
    int LatestKnownMigration() const;

protected:
    virtual StatusOr<std::unique_ptr<soci::session>> Connect() = 0;
    // The statement that starts a transaction through Begin().
    virtual const char* BeginStatement() const = 0;
    // "sqlite" or "postgres": picks NNNN_name.<dialect>.sql files.
    virtual const char* MigrationDialect() const = 0;
    // Called inside the migration transaction before schema_version is read.
    virtual void LockForMigration(soci::session& session) = 0;

    // OK when schema_version holds exactly the migrations this binary knows;
    // otherwise names what is missing or unknown.
    Status CheckSchemaVersion(soci::session& session);

private:
    std::mutex mutex_;
    std::vector<std::unique_ptr<soci::session>> idle_;  // GUARDED_BY(mutex_)
};

}  // namespace planwatch::storage::sql
