// planwatch db (migrate|check|backup FILE|restore FILE)
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "services/db_service.h"

namespace planwatch::cli {
namespace {

std::string Join(const std::vector<int>& numbers) {
    std::string out;
    for (int n : numbers) out += (out.empty() ? "" : ", ") + fmt::format("{:04}", n);
    return out.empty() ? "none" : out;
}

Status Migrate(CommandContext& ctx) {
    // Opening the store applies whatever migration is missing.
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::DbService db(*store);
    PW_ASSIGN_OR_RETURN(std::vector<int> migrations, db.Migrations());
    if (ctx.json) {
        std::string list;
        for (int n : migrations) list += (list.empty() ? "" : ",") + std::to_string(n);
        fmt::print("{{\"backend\":\"{}\",\"migrations\":[{}]}}\n", store->BackendName(), list);
    } else {
        fmt::print("{} database is up to date; migrations applied: {}\n", store->BackendName(), Join(migrations));
    }
    return Status::Ok();
}

Status Check(CommandContext& ctx) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::DbService db(*store);
    PW_ASSIGN_OR_RETURN(services::DbCheckReport report, db.Check());
    if (ctx.json) {
        fmt::print("{}", services::DbCheckReportToJson(report));
    } else {
        fmt::print("{}: {}; migrations applied: {}\n", report.backend, report.integrity.ok() ? "ok" : "PROBLEM",
                   Join(report.migrations));
        for (const auto& [table, count] : report.rows) fmt::print("  {:<24} {:>10}\n", table, count);
    }
    std::fflush(stdout);
    if (!report.integrity.ok()) return Status(StatusCode::kInternal, report.integrity.ToString());
    return Status::Ok();
}

Status Backup(CommandContext& ctx, const std::string& file) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::DbService db(*store);
    PW_RETURN_IF_ERROR(db.Backup(file));
    fmt::print("backup written to {}\n", file);
    return Status::Ok();
}

Status Restore(CommandContext& ctx, const std::string& file) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::DbService db(*store);
    PW_RETURN_IF_ERROR(db.Restore(file, CliActor()));
    fmt::print("restored from {}\n", file);
    return Status::Ok();
}

void AddAction(CLI::App& db, CommandContext& ctx, const char* name, const char* help,
               std::function<Status(CommandContext&)> action) {
    CLI::App* cmd = db.add_subcommand(name, help);
    cmd->fallthrough();
    cmd->callback([&ctx, action = std::move(action)] {
        RunGuarded(ctx, [&] {
            Status status = action(ctx);
            if (!status.ok()) ctx.Fail(status);
        });
    });
}

}  // namespace

void AddDbCommand(CLI::App& app, CommandContext& ctx) {
    CLI::App* db = app.add_subcommand("db", "Database upkeep: migrate, check, backup FILE, restore FILE.");
    db->require_subcommand(1);
    db->fallthrough();
    AddAction(*db, ctx, "migrate", "Apply missing migrations and list the applied ones", Migrate);
    AddAction(*db, ctx, "check", "Check integrity and count rows per table (--json for a report)", Check);

    auto file = std::make_shared<std::string>();
    CLI::App* backup = db->add_subcommand("backup", "Write a consistent copy to FILE, also while the server runs");
    backup->add_option("FILE", *file, "Backup file")->required();
    backup->fallthrough();
    backup->callback([&ctx, file] {
        RunGuarded(ctx, [&] {
            Status status = Backup(ctx, *file);
            if (!status.ok()) ctx.Fail(status);
        });
    });
    CLI::App* restore = db->add_subcommand("restore", "Replace the whole database with the backup in FILE");
    restore->add_option("FILE", *file, "Backup file")->required();
    restore->fallthrough();
    restore->callback([&ctx, file] {
        RunGuarded(ctx, [&] {
            Status status = Restore(ctx, *file);
            if (!status.ok()) ctx.Fail(status);
        });
    });
}

}  // namespace planwatch::cli
