#pragma once
// Secrets for accounts, all from libsodium: generated passwords, argon2id
// password hashes and API tokens. Thread-safe.
#include <string>
#include <string_view>

#include "common/status.h"

namespace planwatch::services {

inline constexpr size_t kGeneratedPasswordLength = 20;
inline constexpr size_t kMinPasswordLength = 10;

// A random password of kGeneratedPasswordLength characters from letters and
// digits that cannot be confused when read aloud or copied by hand (no 0/O, 1/l/I).
std::string GeneratePassword();

// "$argon2id$v=19$m=65536,t=2,p=1$…" with libsodium's INTERACTIVE limits.
// kInternal when libsodium cannot allocate the memory the hash needs.
StatusOr<std::string> HashPassword(std::string_view password);

// True when password matches a hash made by HashPassword.
bool VerifyPassword(std::string_view password, const std::string& hash);

// A new API token: "pw_" and 64 hex digits (32 random bytes). Shown once; only
// its SHA-256 (common/sha256.h) is stored.
std::string GenerateApiToken();

}  // namespace planwatch::services
