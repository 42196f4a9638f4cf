#include "cli/status_rules.h"

#include <fmt/format.h>

namespace planwatch::cli {

void AddStatusRuleOptions(CLI::App& command, RuleArgs& args) {
    const domain::StatusRules defaults;
    command.add_option("--at-risk-days", args.at_risk_days,
                       fmt::format("An activity whose deadline is this many days away or fewer, not started or "
                                   "behind its targets, is at risk (default {})", defaults.at_risk_days))
        ->envname("PLANWATCH_AT_RISK_DAYS");
    command.add_option("--met-percent", args.met_percent,
                       fmt::format("An indicator at this percentage of its target or more has met it (default {:g})",
                                   100 * defaults.met_ratio))
        ->envname("PLANWATCH_MET_PERCENT");
    command.add_option("--near-percent", args.near_percent,
                       fmt::format("At this percentage or more (below --met-percent) it is near its target, below it "
                                   "behind (default {:g})", 100 * defaults.near_ratio))
        ->envname("PLANWATCH_NEAR_PERCENT");
}

StatusOr<domain::StatusRules> RulesFrom(const RuleArgs& args) {
    domain::StatusRules rules;
    if (args.at_risk_days) rules.at_risk_days = *args.at_risk_days;
    if (args.met_percent) rules.met_ratio = *args.met_percent / 100;
    if (args.near_percent) rules.near_ratio = *args.near_percent / 100;
    Status valid = domain::ValidateRules(rules);
    if (valid.ok()) return rules;
    // The rule's name as the user typed it: the flag (its environment variable says the same).
    const std::string& field = valid.where().field;
    const std::string flag = field == "at_risk_days"  ? "--at-risk-days"
                             : field == "met_percent" ? "--met-percent"
                                                      : "--near-percent";
    // The message starts with the rule's name; the error line names the flag instead (output.cc prints the field).
    std::string message = valid.message();
    message = message.substr(message.find(": ") + 2);
    return Status(StatusCode::kMalformed,
                  fmt::format("{} (at-risk days {}, met {:g} %, near {:g} %)", message, rules.at_risk_days,
                              100 * rules.met_ratio, 100 * rules.near_ratio),
                  SourcePosition{.field = flag});
}

}  // namespace planwatch::cli
