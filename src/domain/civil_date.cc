#include "domain/civil_date.h"

#include <fmt/format.h>

#include <charconv>

namespace planwatch::domain {

int DaysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

StatusOr<CivilDate> ParseCivilDate(std::string_view text) {
    auto bad = [&text]() { return InvalidArgument(fmt::format("\"{}\" is not a date; expected YYYY-MM-DD", text)); };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
    CivilDate d;
    auto number = [&text](size_t pos, size_t len, int& out) {
        auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
        return ec == std::errc() && ptr == text.data() + pos + len;
    };
    if (!number(0, 4, d.year) || !number(5, 2, d.month) || !number(8, 2, d.day)) return bad();
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return bad();
    return d;
}

std::string ToString(const CivilDate& date) { return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day); }

std::string ToString(const DatePoint& point) {
    if (point.month == 0) return fmt::format("{:04}", point.year);
    if (point.day == 0) return fmt::format("{:04}-{:02}", point.year, point.month);
    return fmt::format("{:04}-{:02}-{:02}", point.year, point.month, point.day);
}

// Howard Hinnant's days_from_civil algorithm, written out for our struct.
long DaysFromEpoch(const CivilDate& date) {
    int y = date.year - (date.month <= 2 ? 1 : 0);
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = static_cast<unsigned>(y - era * 400);
    unsigned mp = static_cast<unsigned>(date.month + (date.month > 2 ? -3 : 9));
    unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(date.day) - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

CivilDate AddDays(const CivilDate& date, long days) {
    long z = DaysFromEpoch(date) + days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = static_cast<unsigned>(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = static_cast<long>(yoe) + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

CivilDate LastDay(const DatePoint& point) {
    if (point.month == 0) return {point.year, 12, 31};
    if (point.day == 0) return {point.year, point.month, DaysInMonth(point.year, point.month)};
    return {point.year, point.month, point.day};
}

CivilDate FirstDay(const DatePoint& point) {
    return {point.year, point.month == 0 ? 1 : point.month, point.day == 0 ? 1 : point.day};
}

}  // namespace planwatch::domain
