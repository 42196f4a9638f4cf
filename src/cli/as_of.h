#pragma once
// --as-of as every command reads it (status, rounds, report, export, reminders): a
// date that cannot be read is a usage error (kMalformed, exit 2), not bad content.
#include <string>

#include "common/status.h"
#include "domain/civil_date.h"

namespace planwatch::cli {

// YYYY-MM-DD; empty text is today (UTC).
StatusOr<domain::CivilDate> ParseAsOf(const std::string& text);

}  // namespace planwatch::cli
