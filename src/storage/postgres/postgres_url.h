#pragma once
// PostgreSQL URIs as users write them, turned into the key=value connection
// string SOCI's postgresql back end passes to libpq.
#include <string>

#include "common/status.h"

namespace planwatch::storage::postgres {

// "postgresql://user:secret@host:5432/name?sslmode=require" ->
// "host='host' port='5432' dbname='name' user='user' password='secret' sslmode='require'".
// Accepts the postgres:// scheme too, [v6] hosts and %-escapes; parts left out
// are left to libpq's defaults. kInvalidArgument naming the URL for another
// scheme, a bad port or a bad %-escape.
StatusOr<std::string> ToConnectString(const std::string& url);

// The URL with any password replaced by "***", for messages and logs.
std::string RedactPassword(const std::string& url);

}  // namespace planwatch::storage::postgres
