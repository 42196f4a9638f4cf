#include "services/account_service.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "common/text.h"
#include "services/credentials.h"

namespace planwatch::services {
namespace {

Status FieldError(const char* field, std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message), SourcePosition{.field = field});
}

// Deliberately loose: one '@' with something on both sides and a dot in the
// domain, no spaces. Whether the mailbox exists is not ours to check.
Status CheckEmail(const std::string& email) {
    size_t at = email.find('@');
    bool ok = at != std::string::npos && at > 0 && at + 1 < email.size() && email.find('@', at + 1) == std::string::npos &&
              email.find_first_of(" \t\r\n,;<>") == std::string::npos &&
              email.find('.', at + 1) != std::string::npos && email.back() != '.';
    if (!ok) return FieldError("email", fmt::format("\"{}\" is not an e-mail address (expected name@domain)", email));
    return Status::Ok();
}

nlohmann::ordered_json AccountJson(const domain::User& user) {
    auto id_or_null = [](const std::optional<int64_t>& id) {
        return id ? nlohmann::ordered_json(*id) : nlohmann::ordered_json(nullptr);
    };
    return {{"email", user.email},
            {"role", domain::Name(user.role)},
            {"institution_id", id_or_null(user.institution_id)},
            {"disabled_at", user.disabled_at.empty() ? nlohmann::ordered_json(nullptr)
                                                     : nlohmann::ordered_json(user.disabled_at)}};
}

std::string UtcNow() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace

StatusOr<domain::User> AccountService::Update(const AccountChange& change, const Actor& actor) {
    if (actor.role != domain::Role::kAdmin) {
        return Status(StatusCode::kPermissionDenied, "only an administrator may change accounts");
    }
    std::optional<domain::Role> role = domain::ParseRole(change.role);
    if (!role || *role == domain::Role::kPublic) {
        return FieldError("role", fmt::format("role \"{}\": expected admin, coordinator or reporter", change.role));
    }
    if (*role == domain::Role::kReporter && change.institution.empty()) {
        return FieldError("institution", "a reporter needs the institution it reports for");
    }
    const bool self = actor.user_id && *actor.user_id == change.user_id;
    if (self && (change.disabled || *role != domain::Role::kAdmin)) {
        return FieldError("role", "you cannot disable your own account or take away your own administrator role");
    }
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<domain::User> before, tx->FindUserById(change.user_id));
    if (!before) return NotFound(fmt::format("no user with id {}", change.user_id));
    domain::User after = *before;
    after.role = *role;
    after.institution_id.reset();
    if (!change.institution.empty()) {
        PW_ASSIGN_OR_RETURN(std::optional<int64_t> institution, tx->FindInstitution(change.institution));
        if (!institution) {
            return Status(StatusCode::kNotFound,
                          fmt::format("no institution named \"{}\" in the registry", change.institution),
                          SourcePosition{.field = "institution"});
        }
        after.institution_id = institution;
    }
    if (!change.disabled) {
        after.disabled_at.clear();
    } else if (after.disabled_at.empty()) {
        after.disabled_at = UtcNow();
    }
    PW_RETURN_IF_ERROR(tx->UpdateUser(after));
    if (after.Disabled()) PW_RETURN_IF_ERROR(tx->RevokeUserAccess(change.user_id));
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name,
                                   .action = "user.update",
                                   .entity = "user",
                                   .entity_id = std::to_string(change.user_id),
                                   .before_json = AccountJson(*before).dump(),
                                   .after_json = AccountJson(after).dump()}));
    PW_RETURN_IF_ERROR(tx->Commit());
    return after;
}

StatusOr<CreatedAccount> AccountService::Add(const NewAccount& account, const std::string& actor) {
    std::string email = text::Lower(text::Normalize(account.email));
    PW_RETURN_IF_ERROR(CheckEmail(email));
    std::optional<domain::Role> role = domain::ParseRole(account.role);
    if (!role || *role == domain::Role::kPublic) {
        return FieldError("role", fmt::format("role \"{}\": expected admin, coordinator or reporter", account.role));
    }
    if (*role == domain::Role::kReporter && account.institution.empty()) {
        return FieldError("institution", "a reporter needs --institution: the institution it reports for");
    }
    CreatedAccount created;
    std::string password;
    if (account.password) {
        password = *account.password;
        if (password.size() < kMinPasswordLength) {
            return FieldError("password", fmt::format("the password has {} characters; at least {} are needed",
                                                      password.size(), kMinPasswordLength));
        }
    } else {
        password = GeneratePassword();
        created.generated_password = password;
    }
    // Hash before the transaction: 0.2 s of argon2id should not hold a write lock.
    PW_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));

    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    domain::User user;
    user.email = email;
    user.role = *role;
    user.password_hash = hash;
    if (!account.institution.empty()) {
        PW_ASSIGN_OR_RETURN(std::optional<int64_t> institution, tx->FindInstitution(account.institution));
        if (!institution) {
            return Status(StatusCode::kNotFound,
                          fmt::format("no institution named \"{}\" in the registry (import a plan that names it first)",
                                      account.institution),
                          SourcePosition{.field = "institution"});
        }
        user.institution_id = institution;
    }
    PW_ASSIGN_OR_RETURN(std::optional<domain::User> existing, tx->FindUserByEmail(email));
    if (existing) return Status(StatusCode::kConflict, fmt::format("a user with e-mail {} already exists", email),
                                SourcePosition{.field = "email"});
    PW_ASSIGN_OR_RETURN(created.user_id, tx->InsertUser(user));
    if (account.token) {
        created.token = GenerateApiToken();
        PW_ASSIGN_OR_RETURN(int64_t token_id, tx->InsertApiToken(created.user_id, Sha256Hex(created.token), "cli"));
        (void)token_id;
    }
    nlohmann::ordered_json after = {{"email", email},
                                    {"role", domain::Name(*role)},
                                    {"institution", account.institution.empty() ? nlohmann::ordered_json(nullptr)
                                                                                : nlohmann::ordered_json(account.institution)},
                                    {"token", account.token}};
    domain::AuditEvent event;
    event.actor = actor;
    event.action = "user.add";
    event.entity = "user";
    event.entity_id = std::to_string(created.user_id);
    event.before_json = "null";
    event.after_json = after.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    PW_RETURN_IF_ERROR(tx->Append(event));
    PW_RETURN_IF_ERROR(tx->Commit());
    created.email = email;
    return created;
}

}  // namespace planwatch::services
