// Phase 1: which table rows name the columns. A header row is short cells most
// of which the glossary knows; a row of period labels right under it ("2019-1
// 2019-2 ...", the Slovenian schedule grid) belongs to the header too.
#include <cctype>
#include <set>
#include <string>

#include "common/text.h"
#include "import/recognise/action_plan_internal.h"

namespace planwatch::import::recognise::internal {
namespace {

// Longer cells are data, however they start: a header names a column in a few words.
constexpr size_t kMaxHeaderChars = 90;
constexpr double kMinHeaderScore = 0.8;  // exact or prefix match (glossary.h)

bool IsDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

bool IsYear(std::string_view s) { return s.size() == 4 && IsDigits(s) && (s[0] == '1' || s[0] == '2'); }

// Upper-cases ASCII letters and drops spaces, dashes and slashes between the parts.
std::string Compact(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t') continue;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

// "S1"/"H1" semester, "Q3"/"T3" quarter; index within range or 0.
std::string PeriodOf(std::string_view year, char kind, std::string_view index) {
    if (!IsYear(year) || !IsDigits(index) || index.size() > 2) return "";
    int n = std::stoi(std::string(index));
    if (kind == 'S' || kind == 'H') return n >= 1 && n <= 2 ? std::string(year) + "-" + std::to_string(n) : "";
    if (kind == 'Q' || kind == 'T') return n >= 1 && n <= 4 ? std::string(year) + "-Q" + std::to_string(n) : "";
    return "";
}

}  // namespace

std::string CanonicalPeriodLabel(std::string_view text) {
    std::string s = Compact(text);
    if (s.size() < 6 || s.size() > 9) return "";
    // Year first: "2019-1", "2019-S1", "2019/Q3", "2019-07".
    if (IsYear(std::string_view(s).substr(0, 4))) {
        std::string_view rest = std::string_view(s).substr(4);
        if (!rest.empty() && (rest[0] == '-' || rest[0] == '/' || rest[0] == '.')) rest.remove_prefix(1);
        if (rest.size() == 1 && (rest[0] == '1' || rest[0] == '2')) return s.substr(0, 4) + "-" + std::string(rest);
        if (rest.size() == 2 && IsDigits(rest)) {
            int month = std::stoi(std::string(rest));
            return month >= 1 && month <= 12 ? s.substr(0, 4) + "-" + std::string(rest) : "";
        }
        if (rest.size() >= 2 && std::isalpha(static_cast<unsigned char>(rest[0]))) {
            return PeriodOf(std::string_view(s).substr(0, 4), rest[0], rest.substr(1));
        }
        return "";
    }
    // Period first: "T3 2024", "Q3-2024", "S1 2019".
    if (std::isalpha(static_cast<unsigned char>(s[0])) && IsYear(std::string_view(s).substr(s.size() - 4))) {
        std::string_view body = std::string_view(s).substr(0, s.size() - 4);
        if (body.back() == '-' || body.back() == '/') body.remove_suffix(1);
        return PeriodOf(std::string_view(s).substr(s.size() - 4), body[0], body.substr(1));
    }
    return "";
}

bool IsPeriodLabel(std::string_view text) { return !CanonicalPeriodLabel(text).empty(); }

bool IsBlank(std::string_view text) {
    for (char c : text) {
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return false;
    }
    return true;
}

bool IsPeriodRow(const Row& row) {
    int periods = 0;
    for (const Cell& cell : row.cells) {
        if (cell.text.empty()) continue;
        if (!IsPeriodLabel(cell.text)) return false;
        ++periods;
    }
    return periods >= 2;
}

bool IsHeaderRow(const Row& row, const Glossary& glossary, bool strict) {
    // Cheap test first: a header is mostly short cells (glossary lookups cost a key each).
    int filled_cells = 0;
    int short_cells = 0;
    for (const Cell& cell : row.cells) {
        if (IsBlank(cell.text)) continue;
        ++filled_cells;
        short_cells += cell.text.size() <= kMaxHeaderChars ? 1 : 0;
    }
    if (short_cells < 2 || short_cells * 2 < filled_cells || (strict && short_cells < filled_cells)) return false;
    int filled = 0;
    int known = 0;
    std::set<Field> fields;
    for (const Cell& cell : row.cells) {
        if (IsBlank(cell.text)) continue;
        ++filled;
        if (IsPeriodLabel(cell.text)) {
            ++known;
            fields.insert(Field::kPeriodGrid);
            continue;
        }
        if (cell.text.size() > kMaxHeaderChars) continue;
        std::optional<HeaderMatch> match = glossary.MatchHeader(cell.text);
        if (match && match->score >= kMinHeaderScore) {
            ++known;
            fields.insert(match->field);
        }
    }
    // Two different fields at least: one known word in a data row is chance.
    return fields.size() >= 2 && (strict ? known == filled : known * 2 >= filled);
}

int HeaderRowsAt(const Table& table, size_t row_index, const Glossary& glossary) {
    // Inside a table, rows of short data cells can look like headers: there every cell must be one.
    bool strict = row_index > 0;
    if (row_index >= table.rows.size() || !IsHeaderRow(table.rows[row_index], glossary, strict)) return 0;
    int count = 1;
    for (size_t next = row_index + 1; next < table.rows.size(); ++next) {
        const Row& row = table.rows[next];
        if (!IsPeriodRow(row) && !IsHeaderRow(row, glossary, true)) break;
        ++count;
    }
    return count;
}

}  // namespace planwatch::import::recognise::internal
