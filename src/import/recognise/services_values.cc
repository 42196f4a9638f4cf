#include "import/recognise/services_values.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <vector>

#include "common/text.h"

namespace planwatch::import::recognise {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::vector<std::string> Lines(std::string_view cell) {
    std::vector<std::string> out;
    std::string normalised = text::Normalize(cell, /*keep_newlines=*/true);
    size_t start = 0;
    while (start <= normalised.size()) {
        size_t end = normalised.find('\n', start);
        if (end == std::string::npos) end = normalised.size();
        std::string line = text::Normalize(std::string_view(normalised).substr(start, end - start));
        if (!line.empty()) out.push_back(std::move(line));
        start = end + 1;
    }
    return out;
}

// SearchKey with the spaces around "/" removed, so "ore/ săptămână" reads as "ore/saptamana".
std::string UnitKey(std::string_view text) {
    std::string key = text::SearchKey(text);
    std::string out;
    for (size_t i = 0; i < key.size(); ++i) {
        if (key[i] == ' ' && ((i + 1 < key.size() && key[i + 1] == '/') || (!out.empty() && out.back() == '/'))) {
            continue;
        }
        out += key[i];
    }
    return out;
}

// "12.03.2019", "12/03/2019", "12-03-2019" or "2019-03-12"; nullopt for an impossible day.
std::optional<domain::DatePoint> DateOf(const std::smatch& match) {
    const bool iso = match[1].matched;
    domain::DatePoint date{std::stoi(match[iso ? 1 : 6]), std::stoi(match[iso ? 2 : 5]), std::stoi(match[iso ? 3 : 4])};
    if (date.year < 1900 || date.year > 2200 || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) {
        return std::nullopt;
    }
    return date;
}

// Trims what glues a licence number to the words around it: "0001234/" -> "0001234".
std::string TrimNumber(std::string token) {
    while (!token.empty() && std::string_view("/,;:.()").find(token.back()) != std::string_view::npos) token.pop_back();
    while (!token.empty() && std::string_view("/,;:(").find(token.front()) != std::string_view::npos) token.erase(0, 1);
    return token;
}

}  // namespace

std::optional<domain::ServiceLicence> ParseLicence(std::string_view cell, const RegistryWords& words) {
    if (IsBlankCell(cell)) return std::nullopt;
    static const std::regex kDate(R"((\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[./-](\d{1,2})[./-](\d{4}))");
    const std::string text = text::Normalize(cell);
    domain::ServiceLicence licence;
    std::string rest;  // the text without its dates, where the number is
    size_t previous_end = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kDate); it != std::sregex_iterator(); ++it) {
        const std::smatch& match = *it;
        const size_t start = static_cast<size_t>(match.position(0));
        const std::string before = text.substr(previous_end, start - previous_end);
        rest += before + " ";
        previous_end = start + static_cast<size_t>(match.length(0));
        std::optional<domain::DatePoint> date = DateOf(match);
        if (!date) continue;
        const bool expiry = ContainsAny(text::SearchKey(before), words.licence_expiry_markers);
        if (expiry || licence.date) {
            if (!licence.expiry) licence.expiry = date;
        } else {
            licence.date = date;
        }
    }
    rest += text.substr(previous_end);
    const std::vector<std::string> tokens = text::SplitNonEmpty(rest, ' ');
    auto has_digit = [](const std::string& token) { return token.find_first_of("0123456789") != std::string::npos; };
    for (size_t i = 0; i < tokens.size() && licence.number.empty(); ++i) {
        std::string key = text::SearchKey(tokens[i]);
        if (std::find(words.number_markers.begin(), words.number_markers.end(), key) != words.number_markers.end() &&
            i + 1 < tokens.size() && has_digit(tokens[i + 1])) {
            licence.number = TrimNumber(tokens[i + 1]);
        }
    }
    for (size_t i = 0; i < tokens.size() && licence.number.empty(); ++i) {
        if (has_digit(tokens[i])) licence.number = TrimNumber(tokens[i]);
    }
    if (licence.number.empty() && !licence.date && !licence.expiry) return std::nullopt;
    return licence;
}

bool IsBlankCell(std::string_view cell) {
    std::string n = text::Normalize(cell);
    return n.empty() || n == "-" || n == "\u2013" || n == "\u2014";
}

std::optional<double> FirstNumber(std::string_view text, size_t* end) {
    size_t i = 0;
    while (i < text.size() && !IsDigit(text[i])) ++i;
    if (i == text.size()) return std::nullopt;
    double value = 0;
    while (i < text.size() && IsDigit(text[i])) value = value * 10 + (text[i++] - '0');
    while (i + 1 < text.size() && (text[i] == '.' || text[i] == ',') && IsDigit(text[i + 1])) {
        size_t group_start = i + 1;
        size_t j = group_start;
        while (j < text.size() && IsDigit(text[j])) ++j;
        std::string_view group = text.substr(group_start, j - group_start);
        if (text[i] == '.' && group.size() == 3) {
            for (char c : group) value = value * 10 + (c - '0');
        } else {
            double scale = 0.1;
            for (char c : group) {
                value += (c - '0') * scale;
                scale /= 10;
            }
            i = j;
            break;
        }
        i = j;
    }
    if (end != nullptr) *end = i;
    return value;
}

std::optional<domain::CapacityUnit> CapacityUnitIn(std::string_view text, const RegistryWords& words) {
    std::optional<std::string> label = FindLabel(UnitKey(text), words.capacity_units);
    if (!label) return std::nullopt;
    return domain::ParseCapacityUnit(*label);
}

std::optional<domain::Capacity> ParseCapacity(std::string_view cell, std::string_view header,
                                              const RegistryWords& words) {
    if (IsBlankCell(cell)) return std::nullopt;
    size_t end = 0;
    std::optional<double> value = FirstNumber(cell, &end);
    if (!value) return std::nullopt;
    domain::Capacity capacity;
    capacity.value = *value;
    // Only the words after the number name its unit ("8 beneficiari/zi"); a later
    // "Vârsta: 18-64 ani" line is about the beneficiaries, so stop at the first line break.
    std::string_view after = cell.substr(end);
    std::string first_line = text::Normalize(after.substr(0, after.find("\n\n")));
    std::optional<domain::CapacityUnit> unit = CapacityUnitIn(first_line, words);
    if (!unit) unit = CapacityUnitIn(header, words);
    capacity.unit = unit.value_or(domain::CapacityUnit::kPlaces);
    return capacity;
}

std::optional<double> ParseOccupancy(std::string_view cell) {
    if (IsBlankCell(cell)) return std::nullopt;
    size_t end = 0;
    std::optional<double> value = FirstNumber(cell, &end);
    if (!value) return std::nullopt;
    bool percent = cell.find('%', end) != std::string_view::npos;
    if (percent || *value > 1) return *value / 100.0;
    return *value;
}

std::optional<double> ParseArea(std::string_view cell) {
    if (IsBlankCell(cell)) return std::nullopt;
    return FirstNumber(cell);
}

std::optional<int> CountStaff(std::string_view cell) {
    if (IsBlankCell(cell)) return std::nullopt;
    int total = 0;
    bool any = false;
    for (const std::string& line : Lines(cell)) {
        int line_sum = 0;
        bool has_number = false, has_letter = false;
        for (size_t i = 0; i < line.size();) {
            if (IsDigit(line[i])) {
                int n = 0;
                while (i < line.size() && IsDigit(line[i])) n = n * 10 + (line[i++] - '0');
                if (n < 1000) {  // a year or a reference is not a head count
                    line_sum += n;
                    has_number = true;
                }
                continue;
            }
            if (std::isalpha(static_cast<unsigned char>(line[i])) || static_cast<unsigned char>(line[i]) >= 0x80) {
                has_letter = true;
            }
            ++i;
        }
        if (has_number) {
            total += line_sum;
            any = true;
        } else if (has_letter) {
            total += 1;
            any = true;
        }
    }
    if (!any) return std::nullopt;
    return total;
}

std::optional<CellAmount> ExtractAmount(std::string_view cell, const Glossary& glossary, int64_t multiplier) {
    auto read = [&](std::string_view candidate, std::string rest) -> std::optional<CellAmount> {
        std::optional<Money> as_written = ParseMoney(candidate, glossary, 1);
        if (!as_written) return std::nullopt;
        CellAmount out;
        out.rest = std::move(rest);
        if (!as_written->currency.empty()) {
            out.money = *as_written;
            out.explicit_currency = true;
            return out;
        }
        std::optional<Money> scaled = ParseMoney(candidate, glossary, multiplier);
        if (!scaled) return std::nullopt;
        out.money = *scaled;
        return out;
    };
    std::string whole = text::Normalize(cell);
    if (whole.empty()) return std::nullopt;
    // Candidates in order: the whole cell, each line, the longest leading run of words
    // of each line. One that names its currency wins over a bare number ("2020" left
    // over from "HG nr. 426/\n2020" is not the amount).
    std::optional<CellAmount> first;
    auto consider = [&](std::optional<CellAmount> amount) -> bool {
        if (!amount) return false;
        if (amount->explicit_currency) {
            first = std::move(amount);
            return true;
        }
        if (!first) first = std::move(amount);
        return false;
    };
    if (consider(read(whole, ""))) return first;
    std::vector<std::string> lines = Lines(cell);
    for (size_t i = 0; i < lines.size() && lines.size() > 1; ++i) {
        std::string others;
        for (size_t k = 0; k < lines.size(); ++k) {
            if (k != i) others += (others.empty() ? "" : " ") + lines[k];
        }
        if (consider(read(lines[i], others))) return first;
    }
    for (const std::string& line : lines) {
        if (line.empty() || !IsDigit(line[0])) continue;
        std::vector<size_t> ends;
        for (size_t i = 0; i < line.size(); ++i) {
            if (line[i] == ' ') ends.push_back(i);
        }
        for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
            std::string rest = text::Normalize(std::string_view(line).substr(*it));
            if (consider(read(std::string_view(line).substr(0, *it), rest))) return first;
        }
    }
    return first;
}

}  // namespace planwatch::import::recognise
