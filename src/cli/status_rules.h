#pragma once
// The status thresholds of `serve` and `status`: --at-risk-days, --met-percent and
// --near-percent (or PLANWATCH_AT_RISK_DAYS, PLANWATCH_MET_PERCENT,
// PLANWATCH_NEAR_PERCENT), checked as a whole once parsed: a value out of range is
// a usage error (kMalformed, exit 2) that names its flag.
#include <CLI/CLI.hpp>

#include <optional>

#include "common/status.h"
#include "domain/activity_status.h"

namespace planwatch::cli {

// As typed; nullopt: the default of domain::StatusRules.
struct RuleArgs {
    std::optional<int> at_risk_days;
    std::optional<double> met_percent;
    std::optional<double> near_percent;
};

void AddStatusRuleOptions(CLI::App& command, RuleArgs& args);
StatusOr<domain::StatusRules> RulesFrom(const RuleArgs& args);

}  // namespace planwatch::cli
