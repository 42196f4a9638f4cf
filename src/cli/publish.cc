// planwatch publish PLAN-ID [--unpublish]
// A stored plan is a draft that only coordinators and administrators see until
// it is published; this makes it public (or a draft again), audited.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/output.h"
#include "services/plan_catalog.h"
#include "services/publish_service.h"

namespace planwatch::cli {
namespace {

struct PublishArgs {
    std::string plan_id;
    bool unpublish = false;
};

std::string OutcomeLine(const services::PublishOutcome& outcome, bool json) {
    const storage::PlanSummary& plan = outcome.plan;
    if (json) {
        nlohmann::ordered_json out = {
            {"id", std::to_string(plan.id)},
            {"published", plan.published()},
            {"published_at", plan.published() ? nlohmann::ordered_json(plan.published_at) : nullptr},
            {"changed", outcome.changed}};
        return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    std::string state = plan.published() ? fmt::format("published {}", plan.published_at) : "draft";
    return fmt::format("plan {} \"{}\": {}{}", plan.id, plan.title, state, outcome.changed ? "" : " (unchanged)");
}

Status RunPublish(const PublishArgs& args, CommandContext& ctx) {
    PW_ASSIGN_OR_RETURN(int64_t plan_id, services::ParsePlanId(args.plan_id));
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::PublishService publishing(*store);
    const services::Actor actor = services::Actor::CommandLine(CliActor());
    PW_ASSIGN_OR_RETURN(services::PublishOutcome outcome,
                        args.unpublish ? publishing.Unpublish(plan_id, actor) : publishing.Publish(plan_id, actor));
    return WriteOutput("", OutcomeLine(outcome, ctx.json) + "\n");
}

}  // namespace

void AddPublishCommand(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<PublishArgs>();
    CLI::App* cmd = app.add_subcommand("publish",
                                       "Publish a stored plan (new plans are drafts only staff see), or "
                                       "make it a draft again with --unpublish.");
    cmd->add_option("PLAN-ID", args->plan_id, "Plan id (see `planwatch plans`)")->required();
    cmd->add_flag("--unpublish", args->unpublish, "Make the plan a draft again");
    BindCommand(cmd, ctx, args, &RunPublish);
}

}  // namespace planwatch::cli
