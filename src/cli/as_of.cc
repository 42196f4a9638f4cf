#include "cli/as_of.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>

namespace planwatch::cli {

StatusOr<domain::CivilDate> ParseAsOf(const std::string& text) {
    if (text.empty()) {
        return domain::ParseCivilDate(
            fmt::format("{:%Y-%m-%d}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())));
    }
    StatusOr<domain::CivilDate> date = domain::ParseCivilDate(text);
    if (!date.ok()) return Status(StatusCode::kMalformed, "--as-of " + text + ": expected YYYY-MM-DD");
    return date;
}

}  // namespace planwatch::cli
