// planwatch export (PLAN-ID|--all) [--format json|csv|xlsx|iati] [-o FILE] [--bom] [--as-of DATE]
// json is planwatch.plan/1 (export -> import -> export is byte-identical); with
// --all it needs -o DIR and writes one DIR/plan-<id>.json per plan. csv is one
// table of activities (all plans in one file with --all). xlsx (activities and
// their computed status) and iati (IATI 2.03 activities) come from the report
// writers, with statuses as of --as-of (default today), for one plan at a time.
#include <fmt/format.h>

#include <filesystem>

#include "cli/as_of.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/status_rules.h"
#include "services/evaluation_service.h"
#include "services/export_service.h"
#include "services/plan_catalog.h"

namespace planwatch::cli {
namespace {

struct ExportArgs {
    std::string plan_id;
    bool all = false;
    std::string format = "json";
    std::string output;
    bool bom = false;
    std::string as_of;
    RuleArgs rules;
};

Status Usage(std::string message) { return Status(StatusCode::kMalformed, std::move(message)); }

Status ExportAllJson(services::ExportService& exports, const std::vector<int64_t>& ids, const std::string& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) return InvalidArgument(fmt::format("cannot create the folder: {}", error.message()), {.file = dir});
    for (int64_t id : ids) {
        PW_ASSIGN_OR_RETURN(std::string json, exports.Json(id));
        PW_RETURN_IF_ERROR(WriteOutput(fmt::format("{}/plan-{}.json", dir, id), json));
    }
    return Status::Ok();
}

// xlsx and iati carry computed statuses, so they go through the report model.
Status ExportThroughWriters(const ExportArgs& args, CommandContext& ctx) {
    if (args.all) return Usage(fmt::format("export --format {} takes one PLAN-ID, not --all", args.format));
    PW_ASSIGN_OR_RETURN(int64_t id, services::ParsePlanId(args.plan_id));
    PW_ASSIGN_OR_RETURN(domain::CivilDate as_of, ParseAsOf(args.as_of));
    PW_ASSIGN_OR_RETURN(domain::StatusRules rules, RulesFrom(args.rules));
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::EvaluationService evaluations(*store, rules);
    PW_ASSIGN_OR_RETURN(services::WrittenReport written, evaluations.Evaluation(id, as_of, args.format));
    return WriteOutput(args.output, written.bytes);
}

Status Export(const ExportArgs& args, CommandContext& ctx) {
    if (args.all == !args.plan_id.empty()) return Usage("export needs either a PLAN-ID or --all");
    if (!args.as_of.empty() && (args.format == "json" || args.format == "csv")) {
        return Usage("--as-of applies to --format xlsx and iati only");
    }
    if (args.format == "xlsx" || args.format == "iati") return ExportThroughWriters(args, ctx);
    if (args.bom && args.format != "csv") return Usage("--bom applies to --format csv only");
    if (args.all && args.format == "json" && (args.output.empty() || args.output == "-")) {
        return Usage("export --all --format json needs -o DIR (one plan-<id>.json per plan)");
    }
    std::vector<int64_t> ids;
    if (!args.all) {
        PW_ASSIGN_OR_RETURN(int64_t id, services::ParsePlanId(args.plan_id));
        ids.push_back(id);
    }
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::ExportService exports(*store);
    if (args.all) {
        PW_ASSIGN_OR_RETURN(ids, exports.LatestPlanIds());
    }

    if (args.format == "csv") {
        PW_ASSIGN_OR_RETURN(std::string csv, exports.Csv(ids, {.bom = args.bom}));
        return WriteOutput(args.output, csv);
    }
    if (args.all) return ExportAllJson(exports, ids, args.output);
    PW_ASSIGN_OR_RETURN(std::string json, exports.Json(ids.front()));
    return WriteOutput(args.output, json);
}

}  // namespace

void AddExportCommand(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<ExportArgs>();
    CLI::App* cmd = app.add_subcommand("export", "Write stored plans out as planwatch.plan/1 JSON, CSV, XLSX or IATI 2.03 XML.");
    cmd->add_option("PLAN-ID", args->plan_id, "The plan to export (see `planwatch plans`)");
    cmd->add_flag("--all", args->all, "Every plan (newest versions)");
    cmd->add_option("--format", args->format, "Output format")
        ->check(CLI::IsMember({"json", "csv", "xlsx", "iati"}))
        ->default_str("json");
    cmd->add_option("-o,--output", args->output, "Output file (a folder for --all --format json); default stdout");
    cmd->add_flag("--bom", args->bom, "Start the CSV with a UTF-8 byte order mark (for Excel)");
    cmd->add_option("--as-of", args->as_of, "xlsx, iati: statuses as of YYYY-MM-DD (default: today, UTC)");
    // Only xlsx and iati carry statuses; json and csv are the plan as adopted.
    AddStatusRuleOptions(*cmd, args->rules);
    cmd->callback([args, &ctx] {
        RunGuarded(ctx, [&] {
            Status status = Export(*args, ctx);
            if (!status.ok()) ctx.Fail(status);
        });
    });
}

}  // namespace planwatch::cli
