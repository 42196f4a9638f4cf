// planwatch plans [--json] [--all-versions]
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "services/plan_catalog.h"

namespace planwatch::cli {
namespace {

struct PlansArgs {
    bool all_versions = false;
};

std::string Period(const storage::PlanSummary& plan) {
    if (plan.period_start && plan.period_end) return fmt::format("{}-{}", *plan.period_start, *plan.period_end);
    if (plan.period_start) return fmt::format("{}-", *plan.period_start);
    if (plan.period_end) return fmt::format("-{}", *plan.period_end);
    return "-";
}

std::string Table(const std::vector<storage::PlanSummary>& plans) {
    std::string out = fmt::format("{:<6} {:<7} {:<10} {:>10}  {:<9}  {}\n", "ID", "VERSION", "PERIOD", "ACTIVITIES",
                                  "STATE", "TITLE");
    for (const storage::PlanSummary& plan : plans) {
        std::string version = fmt::format("{}{}", plan.version, plan.latest ? "" : "*");
        out += fmt::format("{:<6} {:<7} {:<10} {:>10}  {:<9}  {}\n", plan.id, version, Period(plan), plan.activities,
                           plan.published() ? "published" : "draft", plan.title);
    }
    return out;
}

void RunPlans(const PlansArgs& args, CommandContext& ctx) {
    StatusOr<std::unique_ptr<storage::Store>> store = ctx.OpenStore();
    if (!store.ok()) return ctx.Fail(store.status());
    services::PlanCatalog catalog(**store);
    StatusOr<std::vector<storage::PlanSummary>> plans = catalog.List(args.all_versions);
    if (!plans.ok()) return ctx.Fail(plans.status());
    Status written = WriteOutput("", ctx.json ? services::PlanSummariesToJson(*plans) : Table(*plans));
    if (!written.ok()) ctx.Fail(written);
}

}  // namespace

void AddPlansCommand(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<PlansArgs>();
    CLI::App* cmd =
        app.add_subcommand("plans", "List stored plans: id, version, period, activities, draft or published, title.");
    cmd->add_flag("--all-versions", args->all_versions, "Also list older versions (marked *)");
    cmd->callback([args, &ctx] { RunGuarded(ctx, [&] { RunPlans(*args, ctx); }); });
}

}  // namespace planwatch::cli
