#include "import/text/page_furniture.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "common/text.h"

namespace planwatch::import::text {
namespace {

constexpr int kMinLinesPerPage = 15;
constexpr int kEdgeLines = 3;  // running headers/footers sit in the first or last lines of a page

std::string_view Trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool ConsumeNumber(std::string_view& s, int& value) {
    size_t digits = 0;
    value = 0;
    while (digits < s.size() && digits < 5 && std::isdigit(static_cast<unsigned char>(s[digits]))) {
        value = value * 10 + (s[digits] - '0');
        ++digits;
    }
    if (digits == 0 || (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits])))) return false;
    s.remove_prefix(digits);
    s = Trim(s);
    return true;
}

bool ConsumeWord(std::string_view& s, std::initializer_list<std::string_view> words) {
    const std::string lower = planwatch::text::Lower(s);
    for (std::string_view word : words) {
        if (std::string_view(lower).starts_with(word)) {
            // Lower() keeps byte lengths for these ASCII words and the letters before them.
            s.remove_prefix(word.size());
            s = Trim(s);
            return true;
        }
    }
    return false;
}

// Running headers repeat exactly (digits too: "Activitatea 10" and "Activitatea 11"
// at the top of two pages are content); spacing and case do not count.
std::string Shape(std::string_view line) { return planwatch::text::SearchKey(line); }

}  // namespace

int PageNumberOf(std::string_view line, bool* labelled) {
    std::string_view s = Trim(line);
    *labelled = false;
    if (s.empty()) return -1;
    if (s.front() == '-' || s.front() == '[' || s.front() == '(') {  // "- 3 -", "[3]"
        const char close = s.front() == '-' ? '-' : s.front() == '[' ? ']' : ')';
        s.remove_prefix(1);
        s = Trim(s);
        int value = 0;
        if (!ConsumeNumber(s, value) || s != std::string_view(&close, 1)) return -1;
        *labelled = true;
        return value;
    }
    if (ConsumeWord(s, {"pagina", "pagină", "página", "page", "pag.", "pag", "stran", "str.", "seite", "p."})) {
        *labelled = true;
    }
    int value = 0;
    if (!ConsumeNumber(s, value)) return -1;
    if (s.empty()) return value;
    // "3 / 12", "3 of 12", "3 din 12", "3 od 12", "3 de 12", "3 di 12"
    if (s.front() == '/') {
        s.remove_prefix(1);
        s = Trim(s);
    } else if (!ConsumeWord(s, {"of", "din", "od", "de", "di", "von"})) {
        return -1;
    }
    int total = 0;
    if (!ConsumeNumber(s, total) || !s.empty() || value > total) return -1;
    *labelled = true;
    return value;
}

bool IsPageNumberSequence(const std::vector<std::pair<int, int>>& candidates) {
    if (candidates.size() < 2) return false;
    for (size_t i = 1; i < candidates.size(); ++i) {
        if (candidates[i].second <= candidates[i - 1].second) return false;
    }
    const int span = candidates.back().first - candidates.front().first;
    return span >= kMinLinesPerPage * static_cast<int>(candidates.size() - 1);
}

std::vector<std::string> FindPageFurniture(const std::vector<Line>& lines, const std::vector<int>& pages) {
    std::vector<std::string> reasons(lines.size());
    std::vector<std::pair<int, int>> bare;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].blank) continue;
        bool labelled = false;
        const int value = PageNumberOf(lines[i].text, &labelled);
        if (value < 0) continue;
        if (labelled) {
            reasons[i] = "page number";
        } else if (value > 0 && (value < 1900 || value > 2100)) {  // a year in a cell is not a page number
            bare.emplace_back(static_cast<int>(i), value);
        }
    }
    if (IsPageNumberSequence(bare)) {
        for (auto [index, value] : bare) reasons[index] = "page number";
    }

    // Edges of pages: known from form feeds, else the lines around page numbers.
    std::vector<std::vector<int>> edges;  // per page, indexes of its first and last non-blank lines
    const int page_count = pages.empty() ? 1 : *std::max_element(pages.begin(), pages.end());
    if (page_count >= 3) {
        std::map<int, std::vector<int>> by_page;
        for (size_t i = 0; i < lines.size(); ++i) {
            if (!lines[i].blank && reasons[i].empty()) by_page[pages[i]].push_back(static_cast<int>(i));
        }
        for (auto& [page, indexes] : by_page) {
            std::vector<int> edge;
            for (int k = 0; k < static_cast<int>(indexes.size()); ++k) {
                if (k < kEdgeLines || k >= static_cast<int>(indexes.size()) - kEdgeLines) edge.push_back(indexes[k]);
            }
            edges.push_back(std::move(edge));
        }
    } else {
        for (size_t i = 0; i < lines.size(); ++i) {
            if (reasons[i] != "page number") continue;
            std::vector<int> edge;
            int seen = 0;
            for (int j = static_cast<int>(i) - 1; j >= 0 && seen < kEdgeLines - 1; --j) {
                if (!lines[j].blank) edge.push_back(j), ++seen;
            }
            seen = 0;
            for (size_t j = i + 1; j < lines.size() && seen < kEdgeLines - 1; ++j) {
                if (!lines[j].blank) edge.push_back(static_cast<int>(j)), ++seen;
            }
            edges.push_back(std::move(edge));
        }
    }
    if (edges.size() < 3) return reasons;
    // A line shape found at the edge of most pages is a running header or footer.
    std::map<std::string, int> pages_with_shape;
    for (const std::vector<int>& edge : edges) {
        std::set<std::string> shapes;
        for (int index : edge) {
            if (reasons[index].empty()) shapes.insert(Shape(lines[index].text));
        }
        for (const std::string& shape : shapes) ++pages_with_shape[shape];
    }
    for (const std::vector<int>& edge : edges) {
        for (int index : edge) {
            if (!reasons[index].empty()) continue;
            const int count = pages_with_shape[Shape(lines[index].text)];
            if (count >= 3 && count * 5 >= static_cast<int>(edges.size()) * 3) {
                reasons[index] = "running header or footer";
            }
        }
    }
    return reasons;
}

}  // namespace planwatch::import::text
