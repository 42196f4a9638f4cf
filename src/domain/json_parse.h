#pragma once
// Text -> nlohmann::json for the plan reader, hardened for untrusted input: a
// nesting limit (the SAX parser is iterative, so "[[[[…" stops at the limit
// instead of overflowing the stack), duplicate keys refused (nlohmann would keep
// the last one silently), and errors placed by line and column. Internal to
// domain/: only plan_json_reader.cc includes it, to keep nlohmann out of other TUs.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/status.h"

namespace planwatch::domain::internal {

// Errors, all kInvalidArgument: not JSON or trailing text (line/column of the
// offending character, the message says what the parser expected); nesting
// deeper than max_depth (line/column of the bracket that goes too deep); a
// duplicate key (field = its JSON path). Never throws.
StatusOr<nlohmann::json> ParseJson(std::string_view bytes, int max_depth);

// 1-based line and column of a byte offset; columns count characters (UTF-8
// code points), as an editor shows them. An offset past the end is clamped.
SourcePosition PositionOfOffset(std::string_view bytes, size_t offset);

// "nodes[3]" + "deadline" -> "nodes[3].deadline"; a key that is not an
// identifier is quoted: "nodes[3][\"a b\"]". An empty path gives the key alone.
std::string JoinPath(const std::string& path, std::string_view key);

}  // namespace planwatch::domain::internal
