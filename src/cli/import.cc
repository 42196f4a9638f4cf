// planwatch import FILE... [--replace] [--publish]
// Each file is parsed and stored in its own transaction; a file that fails
// changes nothing and the others still go in. The exit code is the worst one.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/output.h"
#include "services/demo_service.h"
#include "services/import_service.h"

namespace planwatch::cli {
namespace {

struct ImportArgs {
    std::vector<std::string> files;
    bool replace = false;
    bool publish = false;
};

std::string OutcomeJson(const std::string& file, const services::ImportOutcome& outcome) {
    nlohmann::ordered_json json = {{"file", file},
                                   {"id", std::to_string(outcome.plan_id)},
                                   {"version", outcome.version},
                                   {"title", outcome.title},
                                   {"activities", outcome.activities},
                                   {"warnings", outcome.warnings},
                                   {"published", outcome.published}};
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void RunImport(const ImportArgs& args, CommandContext& ctx) {
    StatusOr<size_t> max_bytes = ctx.MaxBytes();
    if (!max_bytes.ok()) return ctx.Fail(max_bytes.status());
    StatusOr<std::unique_ptr<storage::Store>> store = ctx.OpenStore();
    if (!store.ok()) return ctx.Fail(store.status());
    services::ImportService imports(**store, {.max_bytes = *max_bytes, .language = ctx.lang});
    const std::string actor = CliActor();
    for (const std::string& file : args.files) {
        StatusOr<services::ImportOutcome> outcome =
            imports.ImportFile(file, actor, {.replace = args.replace, .publish = args.publish});
        if (!outcome.ok()) {
            ctx.Fail(outcome.status());
            continue;
        }
        std::string line = ctx.json ? OutcomeJson(file, *outcome) : services::DescribeImport(*outcome);
        fmt::print("{}\n", line);
        std::fflush(stdout);
    }
}

}  // namespace

void AddImportCommand(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<ImportArgs>();
    CLI::App* cmd = app.add_subcommand("import", "Parse and store documents, each in one transaction; the same "
                                                 "document twice is refused unless --replace.");
    cmd->add_option("FILE", args->files, "Documents to import")->required();
    cmd->add_flag("--replace", args->replace, "Store a known document as a new version of its plan");
    cmd->add_flag("--publish", args->publish, "Publish each imported plan (otherwise it is a draft only staff see)");
    cmd->add_option("--lang", ctx.lang, "Document language")
        ->check(CLI::IsMember({"auto", "ro", "sl", "en", "it", "es"}))
        ->default_str("auto");
    cmd->callback([args, &ctx] { RunGuarded(ctx, [&] { RunImport(*args, ctx); }); });
}

}  // namespace planwatch::cli
