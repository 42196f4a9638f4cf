// planwatch serve [--bind 127.0.0.1] [--port 8080] [--secure-cookies] [--demo] [--at-risk-days N]
//                 [--met-percent P] [--near-percent P]
// Opens the database, seeds it with the samples when --demo and empty, and
// hands over to the web server (through the hook from main.cc).
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/status_rules.h"
#include "services/services.h"

namespace planwatch::cli {
namespace {

struct ServeArgs {
    ServeSettings settings;
    bool demo = false;
    RuleArgs rules;
};

Status PrintDemo(const services::DemoReport& report) {
    if (!report.seeded) {
        fmt::print("demo: the database already holds plans; nothing imported\n");
        return Status::Ok();
    }
    for (const std::string& line : report.imported) fmt::print("demo: {}\n", line);
    std::fflush(stdout);
    for (const Status& skipped : report.skipped) {
        ReportWarning(skipped.where().file, skipped.where().line,
                      fmt::format("sample skipped: {}", skipped.message()));
    }
    for (const services::CreatedAccount& account : report.accounts) {
        fmt::print("demo: account {} password {}\n", account.email, account.generated_password);
    }
    for (const std::string& round : report.rounds) fmt::print("demo: {}\n", round);
    for (const std::string& note : report.notes) fmt::print("demo: {}\n", note);
    std::fflush(stdout);
    return Status::Ok();
}

Status Serve(ServeArgs& args, CommandContext& ctx) {
    if (!ctx.serve) return Internal("this build has no web server");
    PW_ASSIGN_OR_RETURN(domain::StatusRules rules, RulesFrom(args.rules));
    PW_ASSIGN_OR_RETURN(size_t max_bytes, ctx.MaxBytes());
    args.settings.max_body_bytes = max_bytes;
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::Services services(*store, {.max_bytes = max_bytes, .language = ctx.lang}, rules);
    if (args.demo) {
        PW_ASSIGN_OR_RETURN(services::DemoReport report, services.demo().SeedIfEmpty(CliActor(), TodayUtc()));
        PW_RETURN_IF_ERROR(PrintDemo(report));
    }
    return ctx.serve(services, args.settings);
}

}  // namespace

void AddServeCommand(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<ServeArgs>();
    CLI::App* cmd = app.add_subcommand("serve", "Run the web application and API; --demo seeds an empty database "
                                                "with the sample plans and demo accounts.");
    cmd->add_option("--bind", args->settings.bind, "Address to listen on")->default_str("127.0.0.1");
    cmd->add_option("--port", args->settings.port, "TCP port")->default_str("8080");
    cmd->add_flag("--secure-cookies", args->settings.secure_cookies,
                  "Mark cookies Secure and send HSTS: for a server reached over HTTPS through a TLS-terminating "
                  "proxy (also PLANWATCH_SECURE_COOKIES=1)")
        ->envname("PLANWATCH_SECURE_COOKIES");
    AddStatusRuleOptions(*cmd, args->rules);
    cmd->add_flag("--demo", args->demo, "Import the samples and create demo accounts when the database has no plan");
    cmd->callback([args, &ctx] {
        RunGuarded(ctx, [&] {
            Status status = Serve(*args, ctx);
            if (!status.ok()) ctx.Fail(status);
        });
    });
}

}  // namespace planwatch::cli
