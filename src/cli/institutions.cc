// planwatch institutions [--q TEXT] [--kind KIND] [--parent ID] [--review]
// planwatch institution show ID|NAME
// planwatch institution merge FROM INTO
// planwatch institution confirm ID|NAME
// FROM, INTO and ID are registry ids or a name, alias or acronym.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "services/registry_service.h"

namespace planwatch::cli {
namespace {

struct InstitutionArgs {
    bool review_only = false;
    std::string q;
    std::string kind;
    std::string parent;
    std::string which;
    std::string from;
    std::string into;
};

std::string Table(const std::vector<storage::InstitutionRecord>& records) {
    std::string out = fmt::format("{:<5} {:<6} {:<12} {:<9} {:>5} {:>5} {:>8}  {}\n", "ID", "PARENT", "ACRONYM", "REVIEWED",
                                  "PLANS", "LEADS", "PARTNERS", "NAME");
    for (const storage::InstitutionRecord& r : records) {
        out += fmt::format("{:<5} {:<6} {:<12} {:<9} {:>5} {:>5} {:>8}  {}\n", r.institution.id.value_or(0),
                           r.parent_id ? std::to_string(*r.parent_id) : "-", r.institution.acronym,
                           r.reviewed ? "yes" : "no", r.plans, r.leads, r.partners, r.institution.name);
    }
    return out;
}

std::string ProfileText(const services::InstitutionProfile& p) {
    const domain::Institution& i = p.record.institution;
    std::string out = fmt::format("{} {}\n", i.id.value_or(0), i.name);
    if (!i.acronym.empty()) out += fmt::format("  acronym: {}\n", i.acronym);
    if (!i.kind.empty()) out += fmt::format("  kind: {}\n", i.kind);
    if (p.record.parent_id) out += fmt::format("  parent: {} {}\n", *p.record.parent_id, i.parent);
    if (!i.contact.empty()) out += fmt::format("  contact: {}\n", i.contact);
    for (const std::string& alias : i.aliases) out += fmt::format("  alias: {}\n", alias);
    out += fmt::format("  reviewed: {}; plans {}, leads {}, partners on {}, users {}\n", p.record.reviewed ? "yes" : "no",
                       p.record.plans, p.record.leads, p.record.partners, p.record.users);
    for (const storage::InstitutionRecord& c : p.children) {
        out += fmt::format("  unit: {} {}\n", c.institution.id.value_or(0), c.institution.name);
    }
    for (const services::InstitutionFigure& f : p.figures) {
        out += fmt::format("  {}: {} {} ({})\n", f.figure.year, f.figure.value, f.figure.unit, f.figure.counted);
    }
    return out;
}

Status List(const InstitutionArgs& args, CommandContext& ctx) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    PW_ASSIGN_OR_RETURN(services::InstitutionFilter filter,
                        services::ParseInstitutionFilter(args.q, args.kind, args.review_only ? "true" : "", args.parent));
    services::RegistryService registry(*store);
    PW_ASSIGN_OR_RETURN(std::vector<storage::InstitutionRecord> records,
                        registry.FindInstitutions(filter, services::Actor::CommandLine(CliActor())));
    return WriteOutput("", ctx.json ? services::InstitutionsToJson(records) : Table(records));
}

Status Show(const InstitutionArgs& args, CommandContext& ctx) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::RegistryService registry(*store);
    PW_ASSIGN_OR_RETURN(int64_t id, registry.Resolve(args.which));
    PW_ASSIGN_OR_RETURN(services::InstitutionProfile profile, registry.GetInstitution(id));
    return WriteOutput("", ctx.json ? services::InstitutionProfileToJson(profile) : ProfileText(profile));
}

Status Merge(const InstitutionArgs& args, CommandContext& ctx) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::RegistryService registry(*store);
    PW_ASSIGN_OR_RETURN(int64_t from, registry.Resolve(args.from));
    PW_ASSIGN_OR_RETURN(int64_t into, registry.Resolve(args.into));
    PW_ASSIGN_OR_RETURN(storage::InstitutionRecord merged,
                        registry.Merge(from, into, services::Actor::CommandLine(CliActor())));
    if (ctx.json) return WriteOutput("", services::InstitutionsToJson({merged}));
    return WriteOutput("", fmt::format("merged institution {} into {} \"{}\": {} aliases, {} plans\n", from, into,
                                       merged.institution.name, merged.institution.aliases.size(), merged.plans));
}

Status Confirm(const InstitutionArgs& args, CommandContext& ctx) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::RegistryService registry(*store);
    PW_ASSIGN_OR_RETURN(int64_t id, registry.Resolve(args.which));
    PW_RETURN_IF_ERROR(registry.Confirm(id, services::Actor::CommandLine(CliActor())));
    return WriteOutput("", fmt::format("confirmed institution {}\n", id));
}

}  // namespace

void AddInstitutionCommands(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<InstitutionArgs>();
    CLI::App* list = app.add_subcommand("institutions",
                                        "List the institution registry by name: id, parent, acronym, review, name.");
    list->add_option("--q", args->q, "Only entries whose name, acronym or an alias holds every word (diacritics ignored)");
    list->add_option("--kind", args->kind, "Only this kind: directorate, school_inspectorate, ngo, …");
    list->add_option("--parent", args->parent, "Only the units of this institution id");
    list->add_flag("--review", args->review_only, "Only institutions an import created and nobody confirmed yet");
    BindCommand(list, ctx, args, List);

    CLI::App* institution = app.add_subcommand("institution", "One institution: show, merge, confirm.");
    institution->require_subcommand(1);
    institution->fallthrough();
    CLI::App* show = institution->add_subcommand("show", "Aliases, parent, units and yearly figures of one institution");
    show->add_option("ID", args->which, "Registry id, name, alias or acronym")->required();
    BindCommand(show, ctx, args, Show);
    CLI::App* merge = institution->add_subcommand(
        "merge", "Merge FROM into INTO: its aliases and every reference move to INTO, FROM is deleted (audited)");
    merge->add_option("FROM", args->from, "The duplicate: registry id, name, alias or acronym")->required();
    merge->add_option("INTO", args->into, "The institution that stays")->required();
    BindCommand(merge, ctx, args, Merge);
    CLI::App* confirm = institution->add_subcommand("confirm", "Mark an institution an import created as checked");
    confirm->add_option("ID", args->which, "Registry id, name, alias or acronym")->required();
    BindCommand(confirm, ctx, args, Confirm);
}

}  // namespace planwatch::cli
