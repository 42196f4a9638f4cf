#pragma once
// The reader for .json uploads: a planwatch.plan/1 document is already a plan, so
// there is nothing to recognise; this is domain::PlanFromJson under the name the
// importer's front door (import.h) looks for. Any thread may call it.
#include <string_view>

#include "common/status.h"
#include "domain/plan.h"

namespace planwatch::import {

// Errors are those of domain::PlanFromJson, all kInvalidArgument: text that is
// not JSON (where.line / where.column), a structure that is not planwatch.plan/1
// (where.field = the JSON path, e.g. "nodes[3].deadline.month"), a plan that
// breaks an invariant of domain::Validate. The plan's source is kept as written;
// the front door fills it in when it is empty.
StatusOr<domain::Plan> ReadPlanJson(std::string_view bytes);

}  // namespace planwatch::import
