#include "domain/monitoring.h"

#include <fmt/format.h>

#include <charconv>

namespace planwatch::domain {
namespace {

std::optional<int> ToInt(std::string_view s) {
    int value = 0;
    if (s.empty()) return std::nullopt;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
    return value;
}

}  // namespace

StatusOr<Period> ParsePeriod(std::string_view text) {
    auto bad = [&text]() {
        return InvalidArgument(fmt::format("\"{}\" is not a period; expected 2019, 2019-S1, 2019-Q3 or 2019-07", text));
    };
    if (text.size() < 4) return bad();
    std::optional<int> year = ToInt(text.substr(0, 4));
    if (!year || *year < 1900 || *year > 2200) return bad();
    if (text.size() == 4) return Period{*year, Period::Kind::kYear, 0};
    if (text[4] != '-') return bad();
    std::string_view rest = text.substr(5);
    if (rest.size() == 2 && (rest[0] == 'S' || rest[0] == 'Q')) {
        std::optional<int> index = ToInt(rest.substr(1));
        bool semester = rest[0] == 'S';
        if (!index || *index < 1 || *index > (semester ? 2 : 4)) return bad();
        return Period{*year, semester ? Period::Kind::kSemester : Period::Kind::kQuarter, *index};
    }
    std::optional<int> index = ToInt(rest);
    if (!index) return bad();
    if (rest.size() == 1 && (*index == 1 || *index == 2)) return Period{*year, Period::Kind::kSemester, *index};
    if (rest.size() == 2 && *index >= 1 && *index <= 12) return Period{*year, Period::Kind::kMonth, *index};
    return bad();
}

std::string ToString(const Period& period) {
    switch (period.kind) {
        case Period::Kind::kYear: return fmt::format("{}", period.year);
        case Period::Kind::kSemester: return fmt::format("{}-S{}", period.year, period.index);
        case Period::Kind::kQuarter: return fmt::format("{}-Q{}", period.year, period.index);
        case Period::Kind::kMonth: return fmt::format("{}-{:02}", period.year, period.index);
    }
    return "";
}

}  // namespace planwatch::domain
