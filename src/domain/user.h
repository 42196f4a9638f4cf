#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace planwatch::domain {

enum class Role { kPublic, kReporter, kCoordinator, kAdmin };
const char* Name(Role role);  // public | reporter | coordinator | admin
std::optional<Role> ParseRole(std::string_view name);

// A person who signs in. password_hash is an argon2id string from libsodium;
// a reporter always has an institution (Validate in the accounts service).
struct User {
    std::optional<int64_t> id;
    std::string email;
    Role role = Role::kReporter;
    std::optional<int64_t> institution_id;
    std::string password_hash;
    std::string disabled_at;  // ISO 8601 UTC when an administrator disabled it; empty while it may sign in
    bool Disabled() const { return !disabled_at.empty(); }
    friend bool operator==(const User&, const User&) = default;
};

}  // namespace planwatch::domain
