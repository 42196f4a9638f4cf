// Metadata and free-text chapters of an annual social-services plan: what the
// decision says about itself, and the information activities that are listed as
// numbered paragraphs rather than a table.
#include <algorithm>
#include <cctype>

#include "common/text.h"
#include "import/recognise/services_plan.h"
#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::vector<std::string> Words(std::string_view normalised) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < normalised.size()) {
        size_t end = normalised.find_first_of(" \n", start);
        if (end == std::string_view::npos) end = normalised.size();
        if (end > start) out.emplace_back(normalised.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string TrimPunctuation(std::string word) {
    while (!word.empty() && std::string_view(",;:.()\"").find(word.back()) != std::string_view::npos) word.pop_back();
    return word;
}

bool StartsUpper(const std::string& word) {
    if (word.empty()) return false;
    std::string lower = text::Lower(word);
    return lower.substr(0, 4) != word.substr(0, 4) && !IsDigit(word[0]);
}

// Index of the first word of a phrase (a search key of one or more words) in words, from `from`.
std::optional<size_t> FindPhrase(const std::vector<std::string>& words, const std::string& phrase_key, size_t from = 0) {
    size_t count = static_cast<size_t>(std::count(phrase_key.begin(), phrase_key.end(), ' ')) + 1;
    for (size_t i = from; i + count <= words.size(); ++i) {
        std::string joined;
        for (size_t k = 0; k < count; ++k) joined += (k ? " " : "") + TrimPunctuation(words[i + k]);
        if (text::SearchKey(joined) == phrase_key) return i;
    }
    return std::nullopt;
}

// "102/2025" -> 2025; nullopt when the token is not number/year.
std::optional<int> ActYear(std::string_view token) {
    size_t slash = token.find('/');
    if (slash == 0 || slash == std::string_view::npos || token.size() - slash - 1 < 4) return std::nullopt;
    for (size_t i = 0; i < slash; ++i) {
        if (!IsDigit(token[i])) return std::nullopt;
    }
    int year = 0;
    for (size_t i = slash + 1; i < slash + 5; ++i) {
        if (!IsDigit(token[i])) return std::nullopt;
        year = year * 10 + (token[i] - '0');
    }
    return year;
}

std::optional<int> LastYear(std::string_view text) {
    std::optional<int> year;
    for (size_t i = 0; i + 4 <= text.size(); ++i) {
        if ((i > 0 && IsDigit(text[i - 1])) || (i + 4 < text.size() && IsDigit(text[i + 4]))) continue;
        if (!IsDigit(text[i]) || !IsDigit(text[i + 1]) || !IsDigit(text[i + 2]) || !IsDigit(text[i + 3])) continue;
        int value = std::stoi(std::string(text.substr(i, 4)));
        if (value >= 1900 && value <= 2200) year = value;
    }
    return year;
}

bool CaseInsensitiveAt(std::string_view haystack, size_t pos, std::string_view needle) {
    if (pos + needle.size() > haystack.size()) return false;
    for (size_t i = 0; i < needle.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(haystack[pos + i])) !=
            std::tolower(static_cast<unsigned char>(needle[i]))) {
            return false;
        }
    }
    return true;
}

std::string StripBullet(std::string_view line) {
    std::string out = text::Normalize(line);
    for (std::string_view bullet : {"\u00b7", "\u2022", "\uf0b7", "\uf0a7", "-", "*"}) {
        if (out.rfind(bullet, 0) == 0) return text::Normalize(std::string_view(out).substr(bullet.size()));
    }
    return out;
}

// The schedules a line states: "Termen: anual" -> "anual"; "2 aprilie – Ziua …" -> "2 aprilie".
void CollectSchedule(const std::string& line, const Glossary& glossary, const RegistryWords& words,
                     std::vector<std::string>& out) {
    auto add = [&](std::string value) {
        value = TrimPunctuation(text::Normalize(value));
        if (!value.empty() && std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
    };
    for (const std::string& marker_key : words.deadline_markers) {
        std::string marker = TrimPunctuation(marker_key);
        if (marker.size() < 3) continue;  // "by", "do": too common outside a "Marker:" label
        for (size_t pos = 0; pos < line.size(); ++pos) {
            if (!CaseInsensitiveAt(line, pos, marker)) continue;
            size_t colon = pos + marker.size();
            if (colon >= line.size() || line[colon] != ':') continue;
            size_t end = line.find_first_of(".;", colon + 1);
            add(line.substr(colon + 1, end == std::string::npos ? std::string::npos : end - colon - 1));
        }
    }
    std::string item = StripBullet(line);
    std::vector<std::string> parts = Words(item);
    if (parts.size() >= 2 && IsDigit(parts[0][0])) {
        std::string day = TrimPunctuation(parts[0]);
        if (day.find_first_not_of("0123456789-") != std::string::npos) return;
        std::string month = parts[1].substr(0, parts[1].find_first_of("-,;.\u2013"));
        if (glossary.Lookup(WordKind::kMonth, month) != nullptr) add(day + " " + month);
    }
}

}  // namespace

std::vector<TextLine> DocumentLines(const Document& doc) {
    std::vector<TextLine> out;
    for (const Block& block : doc.blocks) {
        if (block.kind == Block::Kind::kParagraph) {
            out.push_back({text::Normalize(block.paragraph.text, true), block.paragraph.where.line});
            continue;
        }
        for (const Row& row : block.table.rows) {
            for (const Cell& cell : row.cells) {
                std::string cell_text = text::Normalize(cell.text, true);
                if (!cell_text.empty()) out.push_back({cell_text, cell.where.line});
            }
        }
    }
    return out;
}

size_t OutlineLabelLength(std::string_view line) {
    // "c.1.1.", "1.", "A.1", "a)", "(ii)", "IV."
    size_t i = 0;
    if (i < line.size() && line[i] == '(') ++i;
    size_t label_start = i;
    while (i < line.size() && i - label_start < 8 &&
           (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '.')) {
        ++i;
    }
    std::string_view label = line.substr(label_start, i - label_start);
    if (label.empty()) return 0;
    bool closed = i < line.size() && line[i] == ')';
    bool dotted = label.back() == '.';
    bool inner_dot = label.find('.') != std::string_view::npos;
    bool numeric = std::all_of(label.begin(), label.end(), [](char c) { return IsDigit(c) || c == '.'; });
    bool short_label = label.size() <= 2 || inner_dot || numeric;
    if (!short_label) return 0;
    if (closed) return i + 1;
    bool followed_by_space = i < line.size() && line[i] == ' ';
    if (dotted || (inner_dot && followed_by_space)) return i;
    return 0;
}

std::string StripOutlineLabel(std::string_view input) {
    std::string line = StripBullet(input);
    line = text::Normalize(std::string_view(line).substr(OutlineLabelLength(line)));
    while (!line.empty() && std::string_view(":;.,").find(line.back()) != std::string_view::npos) line.pop_back();
    return line;
}

void ReadServicesPlanMetadata(const Document& doc, const RegistryWords& words, domain::Plan& plan) {
    std::vector<std::string> paragraphs;
    for (const Block& block : doc.blocks) {
        if (block.kind == Block::Kind::kParagraph) paragraphs.push_back(text::Normalize(block.paragraph.text));
    }
    for (const std::string& paragraph : paragraphs) {
        if (paragraph.size() < 400 && StartsWithAny(text::SearchKey(paragraph), words.plan_titles)) {
            plan.title = paragraph;
            break;
        }
    }
    if (std::optional<int> year = LastYear(plan.title)) {
        plan.period_start = *year;
        plan.period_end = *year;
    }
    size_t best_length = std::string::npos;
    for (const std::string& paragraph : paragraphs) {
        std::vector<std::string> parts = Words(paragraph);
        for (size_t i = 0; i < parts.size(); ++i) {
            if (!StartsWithAny(text::SearchKey(TrimPunctuation(parts[i])), words.decision_words)) continue;
            for (size_t k = i + 1; k + 1 < parts.size() && k <= i + 8; ++k) {
                if (!StartsWithAny(text::SearchKey(parts[k]), words.number_markers)) continue;
                std::string token = TrimPunctuation(parts[k + 1]);
                std::optional<int> year = ActYear(token);
                if (!year || (plan.period_end && *year != *plan.period_end)) continue;
                if (paragraph.size() < best_length) {
                    std::string act;
                    for (size_t w = i; w <= k; ++w) act += parts[w] + " ";
                    plan.adopted_by = act + token;
                    best_length = paragraph.size();
                }
                break;
            }
        }
    }
    for (const std::string& paragraph : paragraphs) {
        std::vector<std::string> parts = Words(paragraph);
        for (const Jurisdiction& jurisdiction : words.jurisdictions) {
            std::optional<size_t> at = FindPhrase(parts, jurisdiction.issuer_key);
            if (!at) continue;
            size_t k = *at + static_cast<size_t>(std::count(jurisdiction.issuer_key.begin(),
                                                            jurisdiction.issuer_key.end(), ' ')) + 1;
            std::string name;
            for (; k < parts.size() && StartsUpper(parts[k]); ++k) {
                std::string word = TrimPunctuation(parts[k]);
                name += (name.empty() ? "" : " ") + word;
                if (word.size() != parts[k].size()) break;
            }
            if (!name.empty()) {
                plan.jurisdiction = jurisdiction.jurisdiction + " " + name;
                break;
            }
        }
        if (!plan.jurisdiction.empty()) break;
    }
    std::string sample;
    for (const std::string& paragraph : paragraphs) {
        if (sample.size() > 4000) break;
        sample += paragraph + "\n";
    }
    plan.language = DetectLanguage(sample);
}

std::vector<domain::SocialService> ReadInformationActivities(const std::vector<TextLine>& chapter,
                                                             const Glossary& glossary, const RegistryWords& words) {
    std::vector<domain::SocialService> out;
    std::vector<std::string> schedule;
    auto close = [&] {
        if (out.empty()) return;
        std::string joined;
        for (const std::string& s : schedule) joined += (joined.empty() ? "" : "; ") + s;
        out.back().schedule = joined;
        schedule.clear();
    };
    for (const TextLine& text_line : chapter) {
        std::string first = text::Normalize(text_line.text.substr(0, text_line.text.find('\n')));
        size_t i = 0;
        while (i < first.size() && IsDigit(first[i])) ++i;
        bool item = i > 0 && i <= 2 && i < first.size() && first[i] == '.' &&
                    (i + 1 >= first.size() || !IsDigit(first[i + 1]));
        if (item) {
            close();
            domain::SocialService line;
            line.line = domain::ServiceLineKind::kInformation;
            line.code = first.substr(0, i);
            line.name = StripOutlineLabel(first);
            line.state = domain::ServiceState::kExisting;
            line.source_line = text_line.line;
            out.push_back(std::move(line));
        }
        if (out.empty()) continue;
        size_t start = 0;
        while (start < text_line.text.size()) {
            size_t end = text_line.text.find('\n', start);
            if (end == std::string::npos) end = text_line.text.size();
            CollectSchedule(text_line.text.substr(start, end - start), glossary, words, schedule);
            start = end + 1;
        }
    }
    close();
    return out;
}

}  // namespace planwatch::import::recognise
