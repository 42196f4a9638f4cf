#include "cli/as_of.h"

#include "cli/output.h"

namespace planwatch::cli {

StatusOr<domain::CivilDate> ParseAsOf(const std::string& text) {
    if (text.empty()) return TodayUtc();
    StatusOr<domain::CivilDate> date = domain::ParseCivilDate(text);
    if (!date.ok()) return Status(StatusCode::kMalformed, "--as-of " + text + ": expected YYYY-MM-DD");
    return date;
}

}  // namespace planwatch::cli
