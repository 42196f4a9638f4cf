#include "reports/format.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "reports/labels.h"

namespace planwatch::reports {
namespace {

bool CommaDecimals(const std::string& language) { return language != "en"; }

// Groups the digits of a non-negative integer text by three.
std::string Group(const std::string& digits, char separator) {
    std::string out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

std::string Join(bool negative, const std::string& whole, const std::string& fraction, const std::string& language) {
    bool comma = CommaDecimals(language);
    std::string out = negative ? "-" : "";
    out += Group(whole, comma ? '.' : ',');
    if (!fraction.empty()) out += (comma ? "," : ".") + fraction;
    return out;
}

}  // namespace

std::string FormatNumber(double value, const std::string& language) {
    if (!std::isfinite(value)) return "–";
    long long cents = std::llround(std::fabs(value) * 100);
    std::string fraction = fmt::format("{:02d}", cents % 100);
    if (fraction == "00") fraction.clear();
    else if (fraction.back() == '0') fraction.pop_back();
    return Join(value < 0 && cents != 0, std::to_string(cents / 100), fraction, language);
}

std::string FormatMoney(int64_t amount_minor, const std::string& currency, const std::string& language) {
    int64_t abs = amount_minor < 0 ? -amount_minor : amount_minor;
    std::string fraction = abs % 100 == 0 ? "" : fmt::format("{:02d}", abs % 100);
    std::string out = Join(amount_minor < 0, std::to_string(abs / 100), fraction, language);
    return currency.empty() ? out : out + " " + currency;
}

std::string FormatPercent(std::optional<double> ratio, const std::string& language) {
    if (!ratio) return "–";
    return FormatNumber(std::round(*ratio * 100), language) + " %";
}

std::string FormatDatePoint(const domain::DatePoint& p) {
    if (p.month == 0) return std::to_string(p.year);
    if (p.day == 0) return fmt::format("{:04d}-{:02d}", p.year, p.month);
    return fmt::format("{:04d}-{:02d}-{:02d}", p.year, p.month, p.day);
}

std::string FormatTarget(const domain::Target& t, const std::string& language) {
    const char* sign = t.comparator == domain::Comparator::kAtLeast ? "≥ "
                       : t.comparator == domain::Comparator::kAtMost ? "≤ " : "";
    std::string out = sign + FormatNumber(t.value, language);
    if (t.percent) out += " %";
    else if (!t.unit.empty()) out += " " + t.unit;
    if (t.per == domain::TargetPer::kYear) out += " / " + Label(language, "per_year");
    return out;
}

std::string PlainAmount(int64_t amount_minor) {
    int64_t abs = amount_minor < 0 ? -amount_minor : amount_minor;
    std::string out = (amount_minor < 0 ? "-" : "") + std::to_string(abs / 100);
    if (abs % 100 != 0) {
        out += fmt::format(".{:02d}", abs % 100);
        if (out.back() == '0') out.pop_back();
    }
    return out;
}

}  // namespace planwatch::reports
