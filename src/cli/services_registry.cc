// planwatch services [--plan ID]
// The social-services registry statistics: capacity and budget per beneficiary
// group, source and locality; cost per place; proposed services against the
// HG 426/2020 cost standards; the checks (TOTAL rows, occupancy, impossible values).
// planwatch services --list [--q TEXT] [--code PREFIX] [--category GROUP] [--plan ID]
// The services themselves, filtered as GET /api/v1/services filters them; any
// filter implies --list.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "services/plan_catalog.h"
#include "services/registry_service.h"

namespace planwatch::cli {
namespace {

struct ServicesArgs {
    std::string plan;
    bool list = false;
    std::string q;
    std::string code;
    std::string category;
};

std::string Lei(int64_t minor) { return fmt::format("{:.2f}", static_cast<double>(minor) / 100.0); }

std::string Totals(const std::string& title, const std::map<std::string, services::ServiceGroupTotals>& groups) {
    std::string out = fmt::format("{}\n", title);
    for (const auto& [name, t] : groups) {
        std::string capacity, budget;
        for (const auto& [unit, value] : t.capacity) capacity += fmt::format(" {} {}", value, unit);
        for (const auto& [year, minor] : t.budget_minor) budget += fmt::format(" {}: {} lei", year, Lei(minor));
        out += fmt::format("  {:<24} {:>3} services;{}{}\n", name.empty() ? "-" : name, t.services, capacity,
                           budget.empty() ? "" : ";" + budget);
    }
    return out;
}

std::string Text(const services::ServiceStatistics& s) {
    std::string out = fmt::format("{} services, {} contracting lines, {} information lines, {} training lines\n",
                                  s.services, s.contracting_lines, s.information_lines, s.training_lines);
    out += Totals("per beneficiary group:", s.by_group);
    out += "per source:\n";
    for (const auto& [source, years] : s.by_source) {
        for (const auto& [year, minor] : years) out += fmt::format("  {:<24} {}: {} lei\n", source, year, Lei(minor));
    }
    out += Totals("per locality:", s.by_locality);
    out += "cost per place:\n";
    for (const services::CostPerPlace& c : s.cost_per_place) {
        out += fmt::format("  {:<16} {} {} places: {:.2f} lei/place  {}\n", c.code, c.year, c.places,
                           c.cost_per_place_lei, c.name);
    }
    out += "proposed services:\n";
    for (const services::ProposedCostCheck& p : s.proposed) {
        out += fmt::format("  {:<16} capacity {}, requested {} lei", p.code, p.capacity, Lei(p.requested_minor));
        if (p.implied_minor) {
            out += fmt::format(", cost standard {} lei -> {} lei, difference {} lei", *p.standard_lei,
                               Lei(*p.implied_minor), Lei(*p.difference_minor));
        }
        out += fmt::format("  {}\n", p.name);
    }
    for (const services::RegistryWarning& w : s.warnings) {
        out += fmt::format("warning: plan {} line {}: {} ({})\n", w.plan_id, w.line, w.message, w.code);
    }
    return out;
}

std::string ListingText(const std::vector<services::ServiceEntry>& entries) {
    std::string out = fmt::format("{:<5} {:<5} {:<16} {:>10} {:<14} {:<13}  {}\n", "ID", "PLAN", "CODE", "CAPACITY", "UNIT",
                                  "STATE", "NAME");
    for (const services::ServiceEntry& entry : entries) {
        const domain::SocialService& s = entry.service;
        out += fmt::format("{:<5} {:<5} {:<16} {:>10} {:<14} {:<13}  {}{}\n", s.id.value_or(0), entry.plan_id, s.code,
                           s.capacity ? fmt::format("{}", s.capacity->value) : "-",
                           s.capacity ? domain::Name(s.capacity->unit) : "-", domain::Name(s.state), s.name,
                           s.locality.empty() ? "" : " (" + s.locality + ")");
    }
    return out + fmt::format("{} services\n", entries.size());
}

Status List(const ServicesArgs& args, CommandContext& ctx) {
    PW_ASSIGN_OR_RETURN(services::ServiceFilter filter,
                        services::ParseServiceFilter(args.q, args.code, args.category, args.plan));
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::RegistryService registry(*store);
    PW_ASSIGN_OR_RETURN(services::ServiceListing listing,
                        registry.FindServices(filter, services::Actor::CommandLine(CliActor())));
    return WriteOutput("", ctx.json ? services::ServicesToJson(listing.entries) : ListingText(listing.entries));
}

Status Run(const ServicesArgs& args, CommandContext& ctx) {
    if (args.list || !args.q.empty() || !args.code.empty() || !args.category.empty()) return List(args, ctx);
    std::optional<int64_t> plan;
    if (!args.plan.empty()) {
        PW_ASSIGN_OR_RETURN(plan, services::ParsePlanId(args.plan));
    }
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::RegistryService registry(*store);
    PW_ASSIGN_OR_RETURN(services::ServiceStatistics stats, registry.Statistics(plan));
    return WriteOutput("", ctx.json ? services::StatisticsToJson(stats) : Text(stats));
}

}  // namespace

void AddServicesCommand(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<ServicesArgs>();
    CLI::App* cmd = app.add_subcommand("services", "Social-services registry: capacity, budgets, costs and checks.");
    cmd->add_option("--plan", args->plan, "Only this plan (default: the newest version of every plan)");
    cmd->add_flag("--list", args->list, "List the services instead of their statistics");
    cmd->add_option("--q", args->q, "List services whose name, provider, locality or beneficiaries hold every word");
    cmd->add_option("--code", args->code, "List services whose nomenclature code starts so, e.g. \"8790 CR-C\"");
    cmd->add_option("--category", args->category, "List services for this beneficiary group: C, D, V, …");
    cmd->fallthrough();
    cmd->callback([args, &ctx] {
        RunGuarded(ctx, [&] {
            Status status = Run(*args, ctx);
            if (!status.ok()) ctx.Fail(status);
        });
    });
}

}  // namespace planwatch::cli
