// planwatch needs add --institution NAME --date YYYY-MM-DD --locality L --group G --kind K
//                     [--referred-by WHO] [--urgency U] [--service ID] [--outcome TEXT]
//   The person's identity is read from the first line of stdin, hashed, and
//   never stored or printed (the shell history keeps no trace of it either).
// planwatch needs list [--institution NAME]
// planwatch needs update NEED-ID --version N [--service ID] [--outcome TEXT]
//   Sets where the need was referred and what came of it (both replace the stored values).
// planwatch needs month SERVICE-ID YYYY-MM BENEFICIARIES [--waiting N]
// planwatch gaps
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/output.h"
#include "services/needs_service.h"
#include "services/registry_service.h"

namespace planwatch::cli {
namespace {

struct NeedsArgs {
    services::NewNeed need;
    std::string institution;
    int64_t service = 0;
    domain::ServiceMonth month;
    int64_t need_id = 0;
    services::NeedUpdate update;
};

Status ResolveInstitution(storage::Store& store, const std::string& text, std::optional<int64_t>& id) {
    if (text.empty()) return Status::Ok();
    services::RegistryService registry(store);
    PW_ASSIGN_OR_RETURN(int64_t found, registry.Resolve(text));
    id = found;
    return Status::Ok();
}

Status Add(NeedsArgs& args, CommandContext& ctx) {
    std::string line;
    if (!std::getline(std::cin, line) || line.empty()) {
        return InvalidArgument("identity: give the person's identity on the first line of stdin");
    }
    if (line.back() == '\r') line.pop_back();
    args.need.identity = line;
    if (args.service > 0) args.need.service_id = args.service;
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    PW_RETURN_IF_ERROR(ResolveInstitution(*store, args.institution, args.need.institution_id));
    services::NeedsService needs(*store);
    PW_ASSIGN_OR_RETURN(int64_t id, needs.Add(args.need, services::Actor::CommandLine(CliActor())));
    return WriteOutput("", ctx.json ? fmt::format("{{\"id\":{}}}\n", id) : fmt::format("recorded need {}\n", id));
}

Status List(NeedsArgs& args, CommandContext& ctx) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    std::optional<int64_t> institution;
    PW_RETURN_IF_ERROR(ResolveInstitution(*store, args.institution, institution));
    services::NeedsService needs(*store);
    PW_ASSIGN_OR_RETURN(std::vector<domain::Need> list, needs.List(services::Actor::CommandLine(CliActor()), institution));
    if (ctx.json) return WriteOutput("", services::NeedsToJson(list));
    std::string out = fmt::format("{:<5} {:<11} {:<5} {:<10} {:<9} {:<20} {:<12}  {}\n", "ID", "DATE", "INST", "GROUP",
                                  "URGENCY", "LOCALITY", "PERSON", "KIND");
    for (const domain::Need& n : list) {
        out += fmt::format("{:<5} {:<11} {:<5} {:<10} {:<9} {:<20} {:<12}  {}\n", n.id.value_or(0), n.recorded_on,
                           n.institution_id, n.beneficiary_group, n.urgency, n.locality, n.person_key.substr(0, 12),
                           n.kind);
    }
    return WriteOutput("", out);
}

Status Update(NeedsArgs& args, CommandContext& ctx) {
    if (args.service > 0) args.update.service_id = args.service;
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::NeedsService needs(*store);
    PW_ASSIGN_OR_RETURN(domain::Need need,
                        needs.Update(args.need_id, args.update, services::Actor::CommandLine(CliActor())));
    if (ctx.json) return WriteOutput("", services::NeedToJson(need));
    return WriteOutput("", fmt::format("need {} is at version {}\n", args.need_id, need.version));
}

Status Month(NeedsArgs& args, CommandContext& ctx) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::NeedsService needs(*store);
    PW_RETURN_IF_ERROR(needs.PutMonth(args.month, services::Actor::CommandLine(CliActor())));
    return WriteOutput("", fmt::format("service {} {}: {} beneficiaries, {} waiting\n", args.month.service_id,
                                       args.month.month, args.month.beneficiaries, args.month.waiting));
}

Status Gaps(NeedsArgs&, CommandContext& ctx) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::NeedsService needs(*store);
    PW_ASSIGN_OR_RETURN(std::vector<services::Gap> gaps, needs.Gaps(services::Actor::CommandLine(CliActor())));
    if (ctx.json) return WriteOutput("", services::GapsToJson(gaps));
    std::string out = fmt::format("{:<6} {:<24} {:>6} {:>6} {:>9} {:>7} {:>8} {:>10}\n", "GROUP", "LOCALITY", "NEEDS",
                                  "OPEN", "CAPACITY", "SERVED", "WAITING", "UNCOVERED");
    auto n = [](const auto& v) { return v ? fmt::format("{}", *v) : std::string("<5"); };
    for (const services::Gap& g : gaps) {
        out += fmt::format("{:<6} {:<24} {:>6} {:>6} {:>9} {:>7} {:>8} {:>10}\n", g.beneficiary_group, g.locality,
                           n(g.needs), n(g.open_needs), g.capacity, n(g.served), n(g.waiting), n(g.uncovered));
    }
    return WriteOutput("", out);
}

}  // namespace

void AddNeedsCommands(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<NeedsArgs>();
    CLI::App* needs = app.add_subcommand("needs", "Needs register: needs add|list|update, needs month.");
    needs->require_subcommand(1);
    needs->fallthrough();
    CLI::App* add = needs->add_subcommand("add", "Record a need; the person's identity is read from stdin and hashed");
    add->add_option("--institution", args->institution, "Recording institution (id, name, alias or acronym)")->required();
    add->add_option("--date", args->need.recorded_on, "YYYY-MM-DD")->required();
    add->add_option("--locality", args->need.locality, "Locality")->required();
    add->add_option("--group", args->need.beneficiary_group, "HG 867/2015 group: C, D, V, VD, VTP, PD, MC, PN")->required();
    add->add_option("--kind", args->need.kind, "Kind of need or situation")->required();
    add->add_option("--referred-by", args->need.referred_by, "self, family, school, police, hospital, doctor, ngo, …");
    add->add_option("--urgency", args->need.urgency, "low, normal, high or emergency");
    add->add_option("--service", args->service, "Id of the social service it was referred to");
    add->add_option("--outcome", args->need.outcome, "Outcome, as recorded");
    BindCommand(add, ctx, args, Add);
    CLI::App* list = needs->add_subcommand("list", "Records (each read is audited)");
    list->add_option("--institution", args->institution, "Only this recording institution");
    BindCommand(list, ctx, args, List);
    CLI::App* update = needs->add_subcommand("update", "Record where a need was referred and its outcome");
    update->add_option("NEED-ID", args->need_id, "Need id")->required();
    update->add_option("--version", args->update.version, "The need's version the edit was made on (needs list --json)")
        ->required();
    update->add_option("--service", args->service, "Id of the social service it was referred to; absent: none");
    update->add_option("--outcome", args->update.outcome, "Outcome, as recorded; absent: none yet");
    BindCommand(update, ctx, args, Update);
    CLI::App* month = needs->add_subcommand("month", "Beneficiaries of a service in a month, and its waiting list");
    month->add_option("SERVICE-ID", args->month.service_id, "Social service id")->required();
    month->add_option("MONTH", args->month.month, "YYYY-MM")->required();
    month->add_option("BENEFICIARIES", args->month.beneficiaries, "Beneficiaries served that month")->required();
    month->add_option("--waiting", args->month.waiting, "People on the waiting list");
    BindCommand(month, ctx, args, Month);

    CLI::App* gaps = app.add_subcommand("gaps", "Needs per beneficiary group and locality against the capacity there.");
    BindCommand(gaps, ctx, args, Gaps);
}

}  // namespace planwatch::cli
