#pragma once
// The SQL of the administrator's institution edits (store.h InsertInstitution,
// UpdateInstitution) and of the counts a merge preview shows. Throw
// soci::soci_error (SqlTransaction turns it into a Status) or return a Status
// naming the form field the caller got wrong.
#include <cstdint>
#include <map>
#include <string>

#include "common/status.h"
#include "storage/store.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

StatusOr<int64_t> InsertInstitutionRow(soci::session& session, const InstitutionEdit& edit);
Status UpdateInstitutionRow(soci::session& session, int64_t institution_id, const InstitutionEdit& edit);
std::map<std::string, int64_t> CountReferenceRows(soci::session& session, int64_t institution_id);

}  // namespace planwatch::storage::sql
