#pragma once
// Standard base64 (RFC 4648, with padding) through libsodium. The stores keep
// uploaded evidence files as base64 text: PostgreSQL's text type cannot hold a
// NUL byte, and one TEXT column behaves the same on both databases, in backups too.
#include <optional>
#include <string>
#include <string_view>

namespace planwatch {

std::string Base64Encode(std::string_view bytes);
// nullopt when text is not padded standard base64.
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace planwatch
