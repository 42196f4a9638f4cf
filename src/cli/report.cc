// planwatch report PLAN-ID --format html|pdf|docx|xlsx -o FILE [--as-of YYYY-MM-DD | --round ROUND-ID]
//                  [--institution NAME]
// planwatch report [PLAN-ID] --services-plan [--year N] --format docx|pdf|html -o FILE
// The evaluation report of a stored plan as of a date (default today), with the
// statuses `planwatch status` prints; --round writes the report for one of the
// plan's reporting rounds (`planwatch rounds PLAN-ID`), as of its due date and
// showing the round; --institution writes what one institution
// leads, partners on and reported. --services-plan regenerates the annual
// social-services plan (Ordin MMJS 1086/2018) from the stored registry: the named
// plan, else the newest plan holding services (for --year when given).
#include <fmt/format.h>

#include <optional>

#include "cli/as_of.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/status_rules.h"
#include "services/evaluation_service.h"
#include "services/plan_catalog.h"

namespace planwatch::cli {
namespace {

struct ReportArgs {
    std::string plan_id;
    std::string format;
    std::string output;
    std::string as_of;
    std::string institution;
    std::string round;
    bool services_plan = false;
    int year = 0;  // 0: any
    RuleArgs rules;
};

Status Usage(std::string message) { return Status(StatusCode::kMalformed, std::move(message)); }

StatusOr<std::optional<int64_t>> ParseRound(const std::string& text) {
    if (text.empty()) return std::optional<int64_t>();
    StatusOr<int64_t> id = services::ParsePlanId(text);
    if (!id.ok()) return Usage("--round " + text + ": expected a reporting round id, a positive whole number");
    return std::optional<int64_t>(*id);
}

Status Report(const ReportArgs& args, CommandContext& ctx) {
    if (!args.services_plan) {
        if (args.plan_id.empty()) return Usage("report needs a PLAN-ID (or --services-plan)");
        if (args.year != 0) return Usage("--year applies to --services-plan only");
        if (args.format == "xlsx" && !args.institution.empty()) {
            return Usage("--institution writes a document: use --format html, pdf or docx");
        }
        if (!args.round.empty() && !args.as_of.empty()) {
            return Usage("--round writes the report as of the round's due date: give --round or --as-of");
        }
    } else {
        if (!args.institution.empty()) return Usage("--institution does not apply to --services-plan");
        if (!args.round.empty()) return Usage("--round does not apply to --services-plan");
        if (args.format == "xlsx") return Usage("--services-plan writes a document: use --format docx, pdf or html");
    }
    PW_ASSIGN_OR_RETURN(domain::CivilDate as_of, ParseAsOf(args.as_of));
    PW_ASSIGN_OR_RETURN(std::optional<int64_t> round_id, ParseRound(args.round));
    std::optional<int64_t> plan_id;
    if (!args.plan_id.empty()) {
        PW_ASSIGN_OR_RETURN(plan_id, services::ParsePlanId(args.plan_id));
    }
    PW_ASSIGN_OR_RETURN(domain::StatusRules rules, RulesFrom(args.rules));
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::EvaluationService evaluations(*store, rules);
    services::WrittenReport report;
    if (args.services_plan) {
        std::optional<int> year;
        if (args.year != 0) year = args.year;
        PW_ASSIGN_OR_RETURN(report, evaluations.ServicesPlan(plan_id, year, args.format, as_of));
    } else {
        PW_ASSIGN_OR_RETURN(report, evaluations.Evaluation(*plan_id, as_of, args.format, args.institution, round_id));
    }
    return WriteOutput(args.output, report.bytes);
}

}  // namespace

void AddReportCommand(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<ReportArgs>();
    CLI::App* cmd =
        app.add_subcommand("report", "Write the evaluation report of a plan, or the annual social-services plan.");
    cmd->add_option("PLAN-ID", args->plan_id, "The plan (see `planwatch plans`)");
    cmd->add_option("--format", args->format, "Output format")
        ->required()
        ->check(CLI::IsMember({"html", "pdf", "docx", "xlsx"}));
    cmd->add_option("-o,--output", args->output, "Output file; - for stdout")->required();
    cmd->add_option("--as-of", args->as_of, "YYYY-MM-DD (default: today, UTC)");
    cmd->add_option("--institution", args->institution, "The report of one institution: id, name, alias or acronym");
    cmd->add_option("--round", args->round,
                    "The report for this reporting round of the plan (see `planwatch rounds`), as of its due date");
    cmd->add_flag("--services-plan", args->services_plan,
                  "The annual social-services plan (Ordin MMJS 1086/2018) from the stored registry");
    cmd->add_option("--year", args->year, "With --services-plan: the plan whose period starts in this year")
        ->check(CLI::Range(1900, 2200));
    AddStatusRuleOptions(*cmd, args->rules);
    cmd->callback([args, &ctx] {
        RunGuarded(ctx, [&] {
            Status status = Report(*args, ctx);
            if (!status.ok()) ctx.Fail(status);
        });
    });
}

}  // namespace planwatch::cli
