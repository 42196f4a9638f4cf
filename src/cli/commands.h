#pragma once
// One function per command (one .cc each), registering it on the CLI11 app.
// The command's callback sets ctx.exit_code; it never throws.
#include <CLI/CLI.hpp>

#include <memory>

#include "cli/context.h"

namespace planwatch::cli {

void AddParseCommand(CLI::App& app, CommandContext& ctx);
void AddImportCommand(CLI::App& app, CommandContext& ctx);
void AddPlansCommand(CLI::App& app, CommandContext& ctx);
void AddPublishCommand(CLI::App& app, CommandContext& ctx);
void AddExportCommand(CLI::App& app, CommandContext& ctx);
void AddDbCommand(CLI::App& app, CommandContext& ctx);
void AddUserCommand(CLI::App& app, CommandContext& ctx);
void AddServeCommand(CLI::App& app, CommandContext& ctx);
void AddInstitutionCommands(CLI::App& app, CommandContext& ctx);  // institutions, institution show|merge|confirm
void AddServicesCommand(CLI::App& app, CommandContext& ctx);
void AddNeedsCommands(CLI::App& app, CommandContext& ctx);  // needs add|list|month, gaps
void AddMonitoringCommands(CLI::App& app, CommandContext& ctx);  // status, rounds, round open
void AddRemindersCommand(CLI::App& app, CommandContext& ctx);
void AddReportCommand(CLI::App& app, CommandContext& ctx);

// Runs body, turning an escaped exception into an internal error (a bug: services return Status).
void RunGuarded(CommandContext& ctx, const std::function<void()>& body);

// Makes cmd run run(*args, ctx) guarded, failing the command with the Status it returns.
template <typename Args, typename ArgsRef>
void BindCommand(CLI::App* cmd, CommandContext& ctx, std::shared_ptr<Args> args,
                 Status (*run)(ArgsRef, CommandContext&)) {
    cmd->fallthrough();
    cmd->callback([args, &ctx, run] {
        RunGuarded(ctx, [&] {
            Status status = run(*args, ctx);
            if (!status.ok()) ctx.Fail(status);
        });
    });
}

}  // namespace planwatch::cli
