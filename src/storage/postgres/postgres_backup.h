#pragma once
// PostgreSQL backup files: every table read in one REPEATABLE READ, READ ONLY
// snapshot and written as JSON lines. The format:
//   {"format":"planwatch.postgresql-backup","format_version":1,"schema_version":2,...}
//   {"table":"institution","rows":3}
//   {"id":1,"name":"…",…}            <- rows: one JSON object per line, as row_to_json gives it
//   {"table":"institution_alias","rows":0}
//   …
// Text keeps its bytes and DOUBLE PRECISION its shortest exact digits, so a
// restore gives back bit-identical values.
#include <string>

#include "common/status.h"

namespace soci {
class session;
}

namespace planwatch::storage::postgres {

// session must be idle (no open transaction). Writes "<path>.tmp-<pid>" and
// renames it to path; kInvalidArgument when path cannot be written.
Status WriteBackup(soci::session& session, const std::string& path);

// Replaces all data with the backup in one transaction: truncate every table,
// insert every row with its id, move each identity past the largest id.
// kInvalidArgument (and nothing changed) for a file that is not such a backup
// or comes from a newer schema than latest_schema_version.
Status ReadBackup(soci::session& session, const std::string& path, int latest_schema_version);

}  // namespace planwatch::storage::postgres
