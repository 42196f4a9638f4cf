// planwatch user add EMAIL --role admin|coordinator|reporter [--institution NAME] [--token]
// The password is the first line of stdin when stdin is not a terminal and
// holds one; otherwise one is generated and printed, once.
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/output.h"
#include "services/account_service.h"

namespace planwatch::cli {
namespace {

struct UserAddArgs {
    std::string email;
    std::string role;
    std::string institution;
    bool token = false;
};

std::optional<std::string> PasswordFromStdin() {
    if (::isatty(STDIN_FILENO)) return std::nullopt;
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) return std::nullopt;
    return line;
}

Status AddUser(const UserAddArgs& args, CommandContext& ctx) {
    services::NewAccount account{.email = args.email, .role = args.role, .institution = args.institution,
                                 .password = PasswordFromStdin(), .token = args.token};
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Store> store, ctx.OpenStore());
    services::AccountService accounts(*store);
    PW_ASSIGN_OR_RETURN(services::CreatedAccount created, accounts.Add(account, CliActor()));
    if (ctx.json) {
        nlohmann::ordered_json json = {{"id", std::to_string(created.user_id)}, {"email", created.email},
                                       {"role", args.role}};
        if (!created.generated_password.empty()) json["password"] = created.generated_password;
        if (!created.token.empty()) json["token"] = created.token;
        fmt::print("{}\n", json.dump());
        return Status::Ok();
    }
    fmt::print("added user {} ({}) with id {}\n", created.email, args.role, created.user_id);
    if (!created.generated_password.empty()) {
        fmt::print("password: {}   (shown once; store it now)\n", created.generated_password);
    }
    if (!created.token.empty()) fmt::print("token: {}   (shown once; use as Authorization: Bearer)\n", created.token);
    return Status::Ok();
}

}  // namespace

void AddUserCommand(CLI::App& app, CommandContext& ctx) {
    CLI::App* user = app.add_subcommand("user", "Accounts: user add EMAIL --role ROLE [--institution NAME] [--token]");
    user->require_subcommand(1);
    user->fallthrough();
    auto args = std::make_shared<UserAddArgs>();
    CLI::App* add = user->add_subcommand("add", "Create an account; the password is read from stdin or generated");
    add->fallthrough();
    add->add_option("EMAIL", args->email, "E-mail address, used to sign in")->required();
    add->add_option("--role", args->role, "admin, coordinator or reporter")
        ->required()
        ->check(CLI::IsMember({"admin", "coordinator", "reporter"}));
    add->add_option("--institution", args->institution, "Institution (name, alias or acronym); needed for a reporter");
    add->add_flag("--token", args->token, "Also create an API token, printed once");
    add->callback([args, &ctx] {
        RunGuarded(ctx, [&] {
            Status status = AddUser(*args, ctx);
            if (!status.ok()) ctx.Fail(status);
        });
    });
}

}  // namespace planwatch::cli
