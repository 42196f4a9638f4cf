#pragma once
// The PostgreSQL back end: sql::SqlStore plus what only PostgreSQL has (URL
// conversion, an advisory lock around migrations, snapshot backup and restore).
#include <memory>
#include <string>

#include "common/status.h"
#include "storage/store.h"

namespace planwatch::storage::postgres {

// Connects to the URL (postgresql://user@host:port/name) and migrates.
// kInvalidArgument for a malformed URL, kUnavailable when the server cannot be
// reached or refuses the login.
StatusOr<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const StoreOptions& options);

}  // namespace planwatch::storage::postgres
