#pragma once
// The canonical JSON form of a Plan, planwatch.plan/1 (../shared/design/plan-format.md;
// data/schema/planwatch.plan-1.schema.json is its JSON Schema). The writer is the only
// place that decides how a plan looks as JSON, so export -> import -> export is
// byte-identical. Pure functions, no I/O; any thread may call them.
#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/plan.h"

namespace planwatch::domain {

// Deepest nesting of arrays and objects PlanFromJson accepts. A plan needs about
// 30; the limit keeps hostile input ("[[[[…") from exhausting the stack.
inline constexpr int kMaxJsonDepth = 100;

// Writes planwatch.plan/1: keys in the fixed order of plan-format.md, 2-space
// indent, UTF-8 kept as is (invalid UTF-8 becomes U+FFFD), one trailing newline.
// Empty strings, absent optionals and empty arrays are omitted ("nodes" is always
// written). Ids are strings ("id": "42"). Money is written in currency units from
// minor units (147802751 -> 1478027.51, 212600000 -> 2126000). Other numbers print
// as the shortest text that reads back to the same double; integral values print
// without a fraction (2.0 -> 2). Never fails: a non-finite number is written as
// null, which PlanFromJson then refuses.
std::string PlanToJson(const Plan& plan);

// Reads planwatch.plan/1. Errors (nothing is produced), all kInvalidArgument:
// - not JSON (or nested deeper than kMaxJsonDepth): the message says what the
//   parser expected; where.line / where.column (1-based, columns in characters)
//   point at the offending character;
// - wrong structure: where.field is the JSON path ("nodes[3].deadline.month") and
//   the message says what was expected and what was found, e.g.
//   `expected an integer 1..12, got "iulie"`; unknown and duplicate keys are refused;
//   an amount with more than 2 decimals is refused;
// - a plan that breaks an invariant of Validate(), with Validate's field path.
// Never throws.
StatusOr<Plan> PlanFromJson(std::string_view json);

}  // namespace planwatch::domain
