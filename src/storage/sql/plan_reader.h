#pragma once
// Reads a stored plan back into the domain value InsertPlan was given, with the
// ids the Store assigned (plan, nodes, institutions = registry ids, services).
// Throws soci::soci_error; SqlTransaction maps it.
#include <cstdint>

#include "common/status.h"
#include "domain/plan.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

// kNotFound for an unknown id.
StatusOr<domain::Plan> ReadPlan(soci::session& session, int64_t plan_id);

}  // namespace planwatch::storage::sql
