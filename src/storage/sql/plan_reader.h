#pragma once
// Reads a stored plan back into the domain value InsertPlan was given, with the
// ids the Store assigned (plan, nodes, institutions = registry ids, services).
// Throws soci::soci_error; SqlTransaction maps it.
#include <cstdint>
#include <vector>

#include "common/status.h"
#include "domain/plan.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

// kNotFound for an unknown id.
StatusOr<domain::Plan> ReadPlan(soci::session& session, int64_t plan_id);
// The plans in the order of plan_ids, each as ReadPlan gives it, with one query
// per table for every kChunkRows of them (in_list.h); ReadPlan is this with one
// id. kNotFound naming the first unknown id.
StatusOr<std::vector<domain::Plan>> ReadPlans(soci::session& session, const std::vector<int64_t>& plan_ids);

}  // namespace planwatch::storage::sql
