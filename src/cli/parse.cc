// planwatch parse FILE [--format json|csv] [--lang auto|ro|sl|en|it|es]
// Reads one document and prints the plan; warnings go to stderr. Stores nothing.
#include <filesystem>

#include "cli/commands.h"
#include "cli/output.h"
#include "domain/plan_json.h"
#include "import/import.h"
#include "services/document_file.h"
#include "services/plan_csv.h"

namespace planwatch::cli {
namespace {

struct ParseArgs {
    std::string file;
    std::string format = "json";
};

void RunParse(const ParseArgs& args, CommandContext& ctx) {
    StatusOr<size_t> max_bytes = ctx.MaxBytes();
    if (!max_bytes.ok()) return ctx.Fail(max_bytes.status());
    StatusOr<std::string> bytes = services::ReadDocumentFile(args.file, *max_bytes);
    if (!bytes.ok()) return ctx.Fail(bytes.status());

    import::ImportOptions options;
    options.max_bytes = *max_bytes;
    options.language = ctx.lang;
    std::string file_name = std::filesystem::path(args.file).filename().string();
    StatusOr<import::ImportResult> result = import::ImportDocument(*bytes, file_name, options);
    if (!result.ok()) return ctx.Fail(result.status().WithFile(args.file));

    const domain::Plan& plan = result->plan;
    for (const domain::PlanWarning& warning : plan.warnings) ReportWarning(args.file, warning.line, warning.message);
    std::string out = args.format == "csv" ? services::PlansToCsv({plan}) : domain::PlanToJson(plan);
    Status written = WriteOutput("", out);
    if (!written.ok()) ctx.Fail(written);
}

}  // namespace

void AddParseCommand(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<ParseArgs>();
    CLI::App* cmd = app.add_subcommand("parse", "Read one document (.docx .pdf .txt .csv .xlsx .json) and print it as "
                                                "planwatch.plan/1 JSON or CSV; warnings go to stderr. Stores nothing.");
    cmd->add_option("FILE", args->file, "The document")->required();
    cmd->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"json", "csv"}))->default_str("json");
    cmd->add_option("--lang", ctx.lang, "Document language")
        ->check(CLI::IsMember({"auto", "ro", "sl", "en", "it", "es"}))
        ->default_str("auto");
    cmd->callback([args, &ctx] { RunGuarded(ctx, [&] { RunParse(*args, ctx); }); });
}

}  // namespace planwatch::cli
