#pragma once
// The SQLite back end: sql::SqlStore plus what only SQLite has (pragmas on
// connect, BEGIN IMMEDIATE, integrity_check, the online backup API).
#include <memory>
#include <string>

#include "common/status.h"
#include "storage/store.h"

namespace planwatch::storage::sqlite {

// Opens or creates the database file (and its folder) at path, then migrates.
// kUnavailable when the file cannot be opened or is locked past the timeout.
StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const StoreOptions& options);

}  // namespace planwatch::storage::sqlite
