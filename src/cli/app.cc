#include "cli/app.h"

#include <fmt/format.h>

#include <cstring>
#include <exception>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"

namespace planwatch::cli {

void RunGuarded(CommandContext& ctx, const std::function<void()>& body) {
    try {
        body();
    } catch (const std::exception& e) {
        ctx.Fail(Internal(fmt::format("unexpected error: {}", e.what())));
    } catch (...) {
        ctx.Fail(Internal("unexpected error"));
    }
}

int Run(int argc, char** argv, ServeHook serve) {
    CommandContext ctx;
    ctx.serve = std::move(serve);
    CLI::App app{"planwatch: action plans imported, stored, monitored and served.", "planwatch"};
    app.set_version_flag("--version", fmt::format("planwatch {}", kVersion));
    app.require_subcommand(1);
    app.fallthrough();  // global options may follow the command: `planwatch plans --json`
    app.add_option("--db", ctx.db_url, "Database: sqlite:PATH or postgresql://user@host:port/name")
        ->envname("PLANWATCH_DB")
        ->default_str(kDefaultDatabase);
    app.add_flag("--json", ctx.json, "Print results and errors as JSON");
    app.add_option("--max-size", ctx.max_size, "Largest document accepted, e.g. 50M (default 50 MiB)")
        ->envname("PLANWATCH_MAX_UPLOAD");

    AddParseCommand(app, ctx);
    AddImportCommand(app, ctx);
    AddPlansCommand(app, ctx);
    AddPublishCommand(app, ctx);
    AddExportCommand(app, ctx);
    AddDbCommand(app, ctx);
    AddUserCommand(app, ctx);
    AddServeCommand(app, ctx);
    AddInstitutionCommands(app, ctx);
    AddServicesCommand(app, ctx);
    AddNeedsCommands(app, ctx);
    AddMonitoringCommands(app, ctx);
    AddRemindersCommand(app, ctx);
    AddReportCommand(app, ctx);
    for (CLI::App* command : app.get_subcommands({})) command->fallthrough();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // The flag may not have been parsed when the error came; look for it by hand.
        bool json = ctx.json;
        for (int i = 1; i < argc; ++i) json = json || std::strcmp(argv[i], "--json") == 0;
        Status usage(StatusCode::kMalformed, fmt::format("{} (run `planwatch --help`)", e.what()));
        return ReportError(usage, json);
    }
    return ctx.exit_code;
}

}  // namespace planwatch::cli
