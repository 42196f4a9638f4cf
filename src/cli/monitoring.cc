// planwatch status PLAN-ID [--as-of DATE] [--json] [--at-risk-days N] [--met-percent P] [--near-percent P]
// planwatch rounds PLAN-ID [--as-of DATE] [--json]
// planwatch round open PLAN-ID PERIOD [--opens DATE] [--due DATE] [--grace N]
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/as_of.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/status_rules.h"
#include "services/round_service.h"
#include "services/status_service.h"

namespace planwatch::cli {
namespace {

struct MonitoringArgs {
    int64_t plan_id = 0;
    std::string as_of;
    std::string period;
    std::string opens_on;
    std::string due_on;
    int grace_days = 0;
    RuleArgs rules;
};

nlohmann::ordered_json CountsJson(const reports::StatusCounts& counts) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (domain::ActivityStatus status : reports::StatusOrder()) out[domain::Name(status)] = counts.Of(status);
    out["total"] = counts.total;
    return out;
}

std::string StatusJson(const reports::ReportModel& model, int64_t plan_id, const domain::StatusRules& rules) {
    nlohmann::ordered_json activities = nlohmann::ordered_json::array();
    for (const reports::ActivityRow& row : model.activities) {
        nlohmann::ordered_json activity = {
            {"id", row.id ? nlohmann::ordered_json(*row.id) : nullptr},
            {"code", row.code},
            {"path", row.path},
            {"title", row.title},
            {"lead", row.lead},
            {"due", row.due ? nlohmann::ordered_json(domain::ToString(*row.due)) : nullptr},
            {"status", domain::Name(row.status)},
            {"reason", row.reason},
            {"reason_parts", services::ReasonPartsJson(row.reason_parts)}};
        if (row.recurring) {
            nlohmann::ordered_json periods = nlohmann::ordered_json::array();
            for (const reports::PeriodStatusRow& p : row.periods) {
                periods.push_back({{"period", p.period},
                                   {"status", domain::Name(p.status)},
                                   {"reason", p.reason},
                                   {"reason_parts", services::ReasonPartsJson(p.reason_parts)}});
            }
            activity["periods"] = periods;
        }
        activities.push_back(std::move(activity));
    }
    nlohmann::ordered_json pillars = nlohmann::ordered_json::array();
    for (const reports::GroupSummary& group : model.by_pillar) {
        pillars.push_back({{"code", group.code}, {"title", group.title}, {"counts", CountsJson(group.counts)}});
    }
    nlohmann::ordered_json institutions = nlohmann::ordered_json::array();
    for (const reports::InstitutionSummary& summary : model.institutions) {
        if (summary.led.empty()) continue;
        institutions.push_back({{"name", summary.name},
                                {"counts", CountsJson(summary.lead_counts)},
                                {"expected", summary.expected},
                                {"received", summary.received},
                                {"on_time", summary.on_time}});
    }
    return nlohmann::ordered_json{{"plan", plan_id},
                                  {"as_of", domain::ToString(model.as_of)},
                                  {"rules", {{"at_risk_days", rules.at_risk_days},
                                             {"met_percent", 100 * rules.met_ratio},
                                             {"near_percent", 100 * rules.near_ratio}}},
                                  {"counts", CountsJson(model.totals)},
                                  {"by_pillar", pillars},
                                  {"by_institution", institutions},
                                  {"activities", activities}}
               .dump(2) +
           "\n";
}

std::string StatusTable(const reports::ReportModel& model) {
    std::string out = fmt::format("as of {}: ", domain::ToString(model.as_of));
    bool first = true;
    for (domain::ActivityStatus status : reports::StatusOrder()) {
        if (model.totals.Of(status) == 0) continue;
        out += fmt::format("{}{} {}", first ? "" : ", ", model.totals.Of(status), domain::Name(status));
        first = false;
    }
    out += fmt::format(" ({} activities)\n", model.totals.total);
    out += fmt::format("{:<18} {:<13} {}\n", "ACTIVITY", "STATUS", "REASON");
    for (const reports::ActivityRow& row : model.activities) {
        // Codes repeat under each pillar; the path of ancestor codes tells them apart.
        std::string name = row.path.empty() ? row.code : row.path + "/" + row.code;
        out += fmt::format("{:<18} {:<13} {}\n", name, domain::Name(row.status), row.reason);
        for (const reports::PeriodStatusRow& p : row.periods) {
            out += fmt::format("{:<18} {:<13} {}\n", "  " + p.period, domain::Name(p.status), p.reason);
        }
    }
    return out;
}

std::string RoundsTable(const std::vector<services::RoundView>& views) {
    std::string out = fmt::format("{:<6} {:<8} {:<10} {:<10} {:>5} {:>8} {:>8} {:>7}  {}\n", "ID", "PERIOD", "OPENS",
                                  "DUE", "GRACE", "EXPECTED", "RECEIVED", "ON TIME", "STATE");
    for (const services::RoundView& view : views) {
        out += fmt::format("{:<6} {:<8} {:<10} {:<10} {:>5} {:>8} {:>8} {:>7}  {}\n", view.round.id.value_or(0),
                           view.round.period, view.round.opens_on, view.round.due_on, view.round.grace_days,
                           view.expected_count, view.received_count, view.on_time_count,
                           view.locked ? "locked" : "open");
    }
    return out;
}

void RunStatus(const MonitoringArgs& args, CommandContext& ctx) {
    StatusOr<domain::CivilDate> as_of = ParseAsOf(args.as_of);
    if (!as_of.ok()) return ctx.Fail(as_of.status());
    StatusOr<domain::StatusRules> rules = RulesFrom(args.rules);
    if (!rules.ok()) return ctx.Fail(rules.status());
    StatusOr<std::unique_ptr<storage::Store>> store = ctx.OpenStore();
    if (!store.ok()) return ctx.Fail(store.status());
    services::StatusService statuses(**store, *rules);
    StatusOr<reports::ReportModel> model = statuses.Compute(args.plan_id, *as_of);
    if (!model.ok()) return ctx.Fail(model.status());
    Status written =
        WriteOutput("", ctx.json ? StatusJson(*model, args.plan_id, *rules) : StatusTable(*model));
    if (!written.ok()) ctx.Fail(written);
}

void RunRounds(const MonitoringArgs& args, CommandContext& ctx) {
    StatusOr<domain::CivilDate> as_of = ParseAsOf(args.as_of);
    if (!as_of.ok()) return ctx.Fail(as_of.status());
    StatusOr<std::unique_ptr<storage::Store>> store = ctx.OpenStore();
    if (!store.ok()) return ctx.Fail(store.status());
    services::RoundService rounds(**store);
    StatusOr<std::vector<services::RoundView>> views =
        rounds.List(args.plan_id, *as_of, services::Actor::CommandLine(CliActor()));
    if (!views.ok()) return ctx.Fail(views.status());
    std::string out;
    if (ctx.json) {
        nlohmann::ordered_json all = nlohmann::ordered_json::array();
        for (const services::RoundView& view : *views) all.push_back(services::RoundViewToJson(view));
        out = all.dump(2) + "\n";
    } else {
        out = RoundsTable(*views);
    }
    Status written = WriteOutput("", out);
    if (!written.ok()) ctx.Fail(written);
}

void RunRoundOpen(const MonitoringArgs& args, CommandContext& ctx) {
    StatusOr<std::unique_ptr<storage::Store>> store = ctx.OpenStore();
    if (!store.ok()) return ctx.Fail(store.status());
    services::RoundService rounds(**store);
    services::OpenRoundRequest request{.plan_id = args.plan_id, .period = args.period, .grace_days = args.grace_days};
    if (!args.opens_on.empty()) request.opens_on = args.opens_on;
    if (!args.due_on.empty()) request.due_on = args.due_on;
    StatusOr<services::RoundView> view =
        rounds.Open(request, services::Actor::CommandLine(CliActor()), TodayUtc());
    if (!view.ok()) return ctx.Fail(view.status());
    std::string out = ctx.json ? services::RoundViewToJson(*view).dump(2) + "\n"
                               : fmt::format("round {} opened: {} for plan {}, opens {}, due {}, {} grace day(s), "
                                             "{} report(s) expected from {} institution(s)\n",
                                             view->round.id.value_or(0), view->round.period, view->round.plan_id,
                                             view->round.opens_on, view->round.due_on, view->round.grace_days,
                                             view->expected_count, view->institutions.size());
    Status written = WriteOutput("", out);
    if (!written.ok()) ctx.Fail(written);
}

}  // namespace

void AddMonitoringCommands(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<MonitoringArgs>();
    CLI::App* status = app.add_subcommand("status", "Computed status of every activity as of a date, and counts.");
    status->add_option("PLAN-ID", args->plan_id, "Plan id (see `planwatch plans`)")->required();
    status->add_option("--as-of", args->as_of, "YYYY-MM-DD (default: today, UTC)");
    AddStatusRuleOptions(*status, args->rules);
    status->callback([args, &ctx] { RunGuarded(ctx, [&] { RunStatus(*args, ctx); }); });

    CLI::App* rounds = app.add_subcommand("rounds", "Reporting rounds of a plan with completeness and timeliness.");
    rounds->add_option("PLAN-ID", args->plan_id, "Plan id")->required();
    rounds->add_option("--as-of", args->as_of, "YYYY-MM-DD (default: today, UTC)");
    rounds->callback([args, &ctx] { RunGuarded(ctx, [&] { RunRounds(*args, ctx); }); });

    CLI::App* round = app.add_subcommand("round", "Manage one reporting round.");
    round->require_subcommand(1);
    CLI::App* open = round->add_subcommand("open", "Open a round for a plan and a period (2019, 2019-S1, 2019-Q3, 2019-07).");
    open->add_option("PLAN-ID", args->plan_id, "Plan id")->required();
    open->add_option("PERIOD", args->period, "Period")->required();
    open->add_option("--opens", args->opens_on, "Opening day (default: the day after the period ends)");
    open->add_option("--due", args->due_on, "Due day (default: 30 days after the period ends)");
    open->add_option("--grace", args->grace_days, "Grace days after the due day before the round locks")
        ->check(CLI::Range(0, 366));
    open->callback([args, &ctx] { RunGuarded(ctx, [&] { RunRoundOpen(*args, ctx); }); });
}

}  // namespace planwatch::cli
