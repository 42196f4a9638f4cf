#pragma once
#include <string>

namespace planwatch::storage::sql {

// Now as ISO 8601 UTC with seconds: "2025-11-23T18:49:07Z". Stored as text so
// both databases keep and compare it the same way.
std::string NowUtc();

}  // namespace planwatch::storage::sql
