#pragma once
// Fingerprint of an imported file (plan.source.sha256): the same bytes always give
// the same 64 lower-case hex digits. libsodium's crypto_hash_sha256; thread-safe.
#include <string>
#include <string_view>

namespace planwatch {

std::string Sha256Hex(std::string_view bytes);

}  // namespace planwatch
