#pragma once
// Database upkeep: migrations, integrity check, backup and restore.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/store.h"

namespace planwatch::services {

struct DbCheckReport {
    std::string backend;                  // sqlite | postgresql
    std::vector<int> migrations;          // applied, ascending
    Status integrity;                     // Store::Check(): OK or what is wrong
    std::map<std::string, int64_t> rows;  // rows per table
};

class DbService {
public:
    // Borrows store, which must outlive the service.
    explicit DbService(storage::Store& store) : store_(store) {}

    // Migrations run when the store opens; this reports which are applied.
    StatusOr<std::vector<int>> Migrations();

    // Everything `db check` shows. Fails only when the database cannot be read
    // at all; an integrity problem is in the report.
    StatusOr<DbCheckReport> Check();

    // A consistent copy at path while others write (Store::Backup); a failure leaves no file.
    Status Backup(const std::string& path);

    // Replaces the whole content with the backup at path, then records a
    // db.restore audit event (so the restored database says who restored it,
    // from which file). kInvalidArgument for a file that is not a backup;
    // kNotFound when there is no such file.
    Status Restore(const std::string& path, const std::string& actor);

private:
    storage::Store& store_;
};

// The report as one JSON object: {"status":"ok"|"error","backend",
// "migrations":[…],"rows":{table: n},"error":"…" (only on error)}.
std::string DbCheckReportToJson(const DbCheckReport& report);

}  // namespace planwatch::services
