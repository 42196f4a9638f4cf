// Cells that hold lists: results one per line, indicators one per line or
// comma-separated item. Word and PDF wrap long lines; a wrapped line starts
// lower-case (or follows "sesiuni/"), so it joins the line before instead of
// becoming an item of its own.
#include <string>

#include "common/text.h"
#include "import/recognise/action_plan_internal.h"

namespace planwatch::import::recognise::internal {
namespace {

size_t CodePointLength(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

// A lower-case letter in any script; quotes, dashes and digits are not letters.
bool StartsLower(std::string_view s) {
    if (s.empty()) return false;
    unsigned char lead = static_cast<unsigned char>(s[0]);
    if (lead < 0x80) return s[0] >= 'a' && s[0] <= 'z';
    if (lead == 0xE2) return false;  // U+2000..U+2FFF: punctuation and symbols
    std::string first(s.substr(0, CodePointLength(lead)));
    return text::Lower(first) == first && text::SearchKey(first) != first;
}

bool StartsUpper(std::string_view s) {
    if (s.empty()) return false;
    unsigned char lead = static_cast<unsigned char>(s[0]);
    if (lead < 0x80) return s[0] >= 'A' && s[0] <= 'Z';
    if (lead == 0xE2) return false;
    std::string first(s.substr(0, CodePointLength(lead)));
    return text::Lower(first) != first;
}

std::string Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

std::string Squash(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::vector<std::string> SplitLines(std::string_view cell) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= cell.size()) {
        size_t end = cell.find('\n', start);
        if (end == std::string_view::npos) end = cell.size();
        std::string line = Trim(cell.substr(start, end - start));
        start = end + 1;
        if (line.empty()) continue;
        bool glued = !lines.empty() && (lines.back().back() == '/' || lines.back().back() == '-');
        if (!lines.empty() && (glued || StartsLower(line))) {
            lines.back() += glued ? line : " " + line;
        } else {
            lines.push_back(std::move(line));
        }
    }
    for (std::string& line : lines) {
        line = Squash(line);
        while (!line.empty() && (line.back() == ',' || line.back() == ';')) line.pop_back();
    }
    return lines;
}

std::vector<std::string> SplitListItems(std::string_view cell) {
    std::vector<std::string> items;
    for (const std::string& line : SplitLines(cell)) {
        size_t start = 0;
        for (size_t pos = 0; pos <= line.size(); ++pos) {
            bool end = pos == line.size();
            bool separator = !end && (line[pos] == ';' ||
                                      (line[pos] == ',' && StartsUpper(std::string_view(line).substr(
                                                               line.find_first_not_of(' ', pos + 1) == std::string::npos
                                                                   ? line.size()
                                                                   : line.find_first_not_of(' ', pos + 1)))));
            if (!end && !separator) continue;
            std::string item = Trim(std::string_view(line).substr(start, pos - start));
            while (!item.empty() && (item.back() == ',' || item.back() == ';')) item.pop_back();
            item = Trim(item);
            if (!item.empty()) items.push_back(std::move(item));
            start = pos + 1;
        }
    }
    return items;
}

}  // namespace planwatch::import::recognise::internal
