// Plan-level facts read from the document as a whole: title, period, kind,
// reporting cadence, default currency.
#include <algorithm>
#include <cctype>
#include <map>

#include "common/text.h"
#include "import/recognise/action_plan_internal.h"

namespace planwatch::import::recognise::internal {
namespace {

// Title lines are short; a longer paragraph is prose (an introduction).
constexpr size_t kMaxTitleLineChars = 250;
constexpr size_t kMaxTitleLines = 5;

bool HasYear(std::string_view s) {
    for (size_t i = 0; i + 4 <= s.size(); ++i) {
        bool boundary = (i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))) &&
                        (i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4])));
        if (!boundary) continue;
        if ((s.substr(i, 2) == "19" || s.substr(i, 2) == "20") && std::isdigit(static_cast<unsigned char>(s[i + 2])) &&
            std::isdigit(static_cast<unsigned char>(s[i + 3]))) {
            return true;
        }
    }
    return false;
}

int LineCount(std::string_view s) {
    int lines = 1;
    for (char c : s) lines += c == '\n' ? 1 : 0;
    return lines;
}

}  // namespace

std::string FindTitle(const Document& doc, const Glossary& glossary) {
    // Blocks of consecutive lines before the first table or heading.
    std::vector<std::vector<const Paragraph*>> groups;
    int next_line = -1;
    for (const Block& block : doc.blocks) {
        if (block.kind == Block::Kind::kTable) break;
        const Paragraph& paragraph = block.paragraph;
        if (text::Normalize(paragraph.text).empty()) continue;
        if (ClassifyHeading(paragraph.text, glossary)) break;
        bool adjacent = paragraph.where.line > 0 && paragraph.where.line == next_line;
        if (paragraph.text.size() > kMaxTitleLineChars) {
            if (!groups.empty() && !groups.back().empty()) groups.push_back({});
            next_line = -1;
            continue;
        }
        if (!adjacent || groups.empty()) groups.push_back({});
        groups.back().push_back(&paragraph);
        next_line = paragraph.where.line + LineCount(paragraph.text);
    }
    const std::vector<const Paragraph*>* chosen = nullptr;
    for (const auto& group : groups) {
        if (group.empty()) continue;
        if (chosen == nullptr) chosen = &group;
        bool year = false;
        for (const Paragraph* paragraph : group) year = year || HasYear(paragraph->text);
        if (year) {
            chosen = &group;
            break;
        }
    }
    if (chosen == nullptr) return "";
    std::vector<const Paragraph*> lines(chosen->begin(), chosen->begin() + std::min(chosen->size(), kMaxTitleLines));
    // "Uvod", "Introduction": a section label right under the title.
    while (lines.size() > 1 && text::Normalize(lines.back()->text).find(' ') == std::string::npos) lines.pop_back();
    std::string title;
    for (const Paragraph* paragraph : lines) {
        if (!title.empty()) title += ' ';
        title += paragraph->text;
    }
    return text::Normalize(title);
}

std::optional<std::pair<int, int>> PeriodFromTitle(std::string_view title) {
    auto year_at = [&](size_t i) -> int {
        if (i + 4 > title.size()) return 0;
        for (size_t k = i; k < i + 4; ++k) {
            if (!std::isdigit(static_cast<unsigned char>(title[k]))) return 0;
        }
        if (i + 4 < title.size() && std::isdigit(static_cast<unsigned char>(title[i + 4]))) return 0;
        int year = std::stoi(std::string(title.substr(i, 4)));
        return year >= 1900 && year <= 2200 ? year : 0;
    };
    for (size_t i = 0; i < title.size(); ++i) {
        if (i > 0 && std::isdigit(static_cast<unsigned char>(title[i - 1]))) continue;
        int first = year_at(i);
        if (first == 0) continue;
        size_t j = i + 4;
        while (j < title.size() && title[j] == ' ') ++j;
        // "-", "/", "–" (E2 80 93), "—" (E2 80 94)
        if (j < title.size() && (title[j] == '-' || title[j] == '/')) {
            ++j;
        } else if (title.substr(j, 3) == "\xE2\x80\x93" || title.substr(j, 3) == "\xE2\x80\x94") {
            j += 3;
        } else {
            continue;
        }
        while (j < title.size() && title[j] == ' ') ++j;
        int second = year_at(j);
        if (second >= first) return std::make_pair(first, second);
    }
    return std::nullopt;
}

domain::PlanKind KindFromTitle(std::string_view title) {
    // "operațional" (ro), "operativni" (sl), "operativo" (it, es), "operational" (en):
    // one stem per family, since the glossary has no plan-kind words.
    std::string key = text::SearchKey(title);
    if (key.find("operational") != std::string::npos || key.find("operativ") != std::string::npos) {
        return domain::PlanKind::kOperationalPlan;
    }
    return domain::PlanKind::kActionPlan;
}

std::optional<domain::Cadence> InferCadence(const std::vector<domain::Node>& nodes) {
    std::map<domain::Cadence, int> grid;
    std::map<domain::Frequency, int> frequencies;
    domain::ForEachNode(nodes, [&](const domain::Node& node) {
        for (const std::string& period : node.periods) {
            if (period.size() == 6) grid[domain::Cadence::kSemester]++;                                  // 2019-1
            else if (period.size() == 7 && (period[5] == 'Q')) grid[domain::Cadence::kQuarter]++;       // 2019-Q3
            else if (period.size() == 7 && period[5] == 'S') grid[domain::Cadence::kSemester]++;        // 2019-S1
            else if (period.size() == 7) grid[domain::Cadence::kMonth]++;                               // 2019-07
        }
        if (node.frequency) frequencies[*node.frequency]++;
    });
    if (!grid.empty()) {
        auto best = std::max_element(grid.begin(), grid.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
        return best->first;
    }
    if (frequencies.empty()) return std::nullopt;
    auto best = std::max_element(frequencies.begin(), frequencies.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    switch (best->first) {
        case domain::Frequency::kAnnual: return domain::Cadence::kAnnual;
        case domain::Frequency::kSemester: return domain::Cadence::kSemester;
        case domain::Frequency::kQuarter: return domain::Cadence::kQuarter;
        case domain::Frequency::kMonth: return domain::Cadence::kMonth;
        default: return std::nullopt;
    }
}

std::string DocumentCurrency(const Document& doc, const Glossary& glossary) {
    std::map<std::string, int> counts;
    auto count_in = [&](const std::string& text) {
        std::string key = text::SearchKey(text);
        for (size_t pos = 0; pos < key.size(); ++pos) {
            bool word_start = pos == 0 || key[pos - 1] == ' ' || key[pos - 1] == '(' || std::isdigit(static_cast<unsigned char>(key[pos - 1]));
            if (!word_start || key[pos] == ' ') continue;
            PhraseMatch match = glossary.MatchPrefix(WordKind::kCurrency, std::string_view(key).substr(pos));
            if (match.phrase != nullptr) counts[match.phrase->code]++;
        }
    };
    for (const Block& block : doc.blocks) {
        if (block.kind == Block::Kind::kParagraph) {
            count_in(block.paragraph.text);
            continue;
        }
        for (const Row& row : block.table.rows) {
            for (const Cell& cell : row.cells) count_in(cell.text);
        }
    }
    std::string best;
    int best_count = 0;
    for (const auto& [code, count] : counts) {
        if (count > best_count) best = code, best_count = count;
    }
    return best;
}

}  // namespace planwatch::import::recognise::internal
