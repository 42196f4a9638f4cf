#pragma once
// The audit trail: who changed what, when, with the before and after JSON.
// Throws soci::soci_error; SqlTransaction maps it.
#include <vector>

#include "common/status.h"
#include "domain/audit.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

// Sets at to now when empty and an empty before/after to "null"; kInvalidArgument
// when before_json or after_json is not JSON or actor/action is empty.
Status AppendAudit(soci::session& session, const domain::AuditEvent& event);
// Newest first.
std::vector<domain::AuditEvent> ReadAudit(soci::session& session, int limit);

}  // namespace planwatch::storage::sql
