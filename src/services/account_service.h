#pragma once
// Accounts: people who sign in (admin, coordinator, reporter) and their API
// tokens. Passwords are stored only as argon2id hashes, tokens only as SHA-256.
#include <cstdint>
#include <optional>
#include <string>

#include "common/status.h"
#include "domain/user.h"
#include "services/actor.h"
#include "storage/store.h"

namespace planwatch::services {

struct NewAccount {
    std::string email;
    std::string role;         // admin | coordinator | reporter
    std::string institution;  // required for a reporter; a name, alias or acronym
    std::optional<std::string> password;  // generated when absent
    bool token = false;       // also create an API token
};

struct CreatedAccount {
    int64_t user_id = 0;
    std::string email;               // as stored (lower case)
    std::string generated_password;  // empty when the password was given
    std::string token;               // empty unless asked for; shown once, never stored
};

// What an administrator changes about an account: everything but the e-mail and
// the password.
struct AccountChange {
    int64_t user_id = 0;
    std::string role;         // admin | coordinator | reporter
    std::string institution;  // required for a reporter; a name, alias or acronym; empty: none
    bool disabled = false;    // a disabled account cannot sign in; its sessions and tokens end
};

class AccountService {
public:
    // Borrows store, which must outlive the service.
    explicit AccountService(storage::Store& store) : store_(store) {}

    // Creates the account, its token and an audit event (user.add) in one
    // transaction. Errors: kInvalidArgument with field "email", "role",
    // "password" or "institution" for bad values (a reporter without an
    // institution, a password shorter than kMinPasswordLength); kNotFound for an
    // institution that is not in the registry; kConflict for a known e-mail.
    StatusOr<CreatedAccount> Add(const NewAccount& account, const std::string& actor);

    // Changes the role, institution or disabled state of an account and writes a
    // user.update audit event, in one transaction; disabling also ends its
    // sessions and deletes its API tokens. kPermissionDenied unless the actor is
    // an administrator; kInvalidArgument with field "role" or "institution" for
    // bad values, and for an administrator disabling or demoting their own
    // account (nobody would be left to undo it); kNotFound for an unknown user or
    // institution. Returns the account as stored.
    StatusOr<domain::User> Update(const AccountChange& change, const Actor& actor);

private:
    storage::Store& store_;
};

}  // namespace planwatch::services
