#pragma once
// Writes a whole plan: the plan row, its institutions (registry + the plan's own
// view), the node tree with everything hanging off activities, social services
// and warnings. Throws soci::soci_error; SqlTransaction runs it in a savepoint.
#include <cstdint>
#include <optional>

#include "common/status.h"
#include "domain/plan.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

// The new plan id. With replace_series the plan becomes version max+1 of that
// series (kNotFound for an unknown series); otherwise version 1 of a new one.
StatusOr<int64_t> WritePlan(soci::session& session, const domain::Plan& plan, std::optional<int64_t> replace_series);

}  // namespace planwatch::storage::sql
