#pragma once
// SQLite files through the sqlite3 C API: online backup, inspecting a backup,
// copying one back. Its own TU with its own sqlite3* handles because SOCI's
// SQLite header must never meet <sqlite3.h> (stack.md trap T6).
#include <string>

#include "common/status.h"

namespace planwatch::storage::sqlite {

// A consistent copy of the database at db_path while other connections write
// (sqlite3_backup_* on a snapshot), written to "<dest>.tmp-<pid>" and renamed
// to dest. kUnavailable when the database stays locked past busy_timeout_ms,
// kInvalidArgument when dest cannot be written; nothing is left behind on failure.
Status BackupDatabase(const std::string& db_path, const std::string& dest, int busy_timeout_ms);

// The highest schema_version of a file that should be a planwatch SQLite backup;
// kInvalidArgument naming the file when it is not an SQLite database, fails
// quick_check, or has no schema_version rows.
StatusOr<int> InspectBackup(const std::string& path);

// Overwrites the database at db_path with the backup file, in one step that
// other connections see atomically (the backup API takes the write lock).
Status CopyBackupInto(const std::string& backup_path, const std::string& db_path, int busy_timeout_ms);

}  // namespace planwatch::storage::sqlite
