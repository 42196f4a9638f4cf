// Phase 4: the levels of a plan. Headings come as paragraphs or one-cell rows
// ("I. REDUCEREA…", "A.1 Prevenirea…", "OBIECTIV GENERAL I: …", "Poglavje iz
// strategije: …"); objectives and activities come as numbered cells ("1.1.").
// Keywords are glossary data (WordKind::kHierarchy); only the numbering
// shapes (roman numerals, letters, dotted numbers) are code.
#include <cctype>
#include <string>

#include "common/text.h"
#include "import/recognise/action_plan_internal.h"

namespace planwatch::import::recognise::internal {
namespace {

using domain::NodeKind;

int Rank(NodeKind kind) {
    switch (kind) {
        case NodeKind::kPillar: return 0;
        case NodeKind::kArea: return 1;
        case NodeKind::kSection: return 2;
        case NodeKind::kGeneralObjective: return 3;
        case NodeKind::kSpecificObjective: return 4;
        case NodeKind::kActivity: return 5;
    }
    return 5;
}

std::optional<NodeKind> KindOfField(Field field) {
    switch (field) {
        case Field::kPillar: return NodeKind::kPillar;
        case Field::kArea: return NodeKind::kArea;
        case Field::kSection: return NodeKind::kSection;
        case Field::kGeneralObjective: return NodeKind::kGeneralObjective;
        case Field::kSpecificObjective: return NodeKind::kSpecificObjective;
        case Field::kActivity: return NodeKind::kActivity;
        default: return std::nullopt;
    }
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::string_view TrimLeft(std::string_view s) {
    while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
    return s;
}

// Upper-case first letter, in any script ("Î", "Č" count); digits and quotes do not.
bool StartsUpper(std::string_view s) {
    if (s.empty()) return false;
    if (static_cast<unsigned char>(s[0]) < 0x80) return IsAsciiUpper(s[0]);
    size_t len = (static_cast<unsigned char>(s[0]) >= 0xF0) ? 4 : (static_cast<unsigned char>(s[0]) >= 0xE0) ? 3 : 2;
    std::string first(s.substr(0, std::min(len, s.size())));
    return text::Lower(first) != first;
}

// The title as stored: lines joined, whitespace normalised, a leading separator dropped.
std::string CleanTitle(std::string_view s) {
    s = TrimLeft(s);
    while (!s.empty() && (s.front() == ':' || s.front() == '-' || s.front() == '.' || s.front() == ')')) {
        s = TrimLeft(s.substr(1));
    }
    if (s.substr(0, 3) == "\xE2\x80\x93" || s.substr(0, 3) == "\xE2\x80\x94") s = TrimLeft(s.substr(3));  // – —
    return text::Normalize(s);
}

// Skips `words` whitespace-separated words of s.
std::string_view SkipWords(std::string_view s, int words) {
    for (int i = 0; i < words; ++i) {
        s = TrimLeft(s);
        while (!s.empty() && !IsSpace(s.front()) && s.front() != ':') s.remove_prefix(1);
    }
    return s;
}

int CountWords(std::string_view key) {
    int words = 0;
    bool in_word = false;
    for (char c : key) {
        bool space = IsSpace(c);
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

bool IsRoman(std::string_view s) {
    if (s.empty() || s.size() > 6) return false;
    for (char c : s) {
        if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C') return false;
    }
    return true;
}

// A code right after a hierarchy keyword: "I", "IV", "2", "2.1", "A"; the
// length consumed, 0 when none. It must end the text or be followed by a separator.
size_t CodeLength(std::string_view s) {
    size_t n = 0;
    while (n < s.size() && (IsAsciiUpper(s[n]) || IsDigit(s[n]) || (s[n] == '.' && n + 1 < s.size() && IsDigit(s[n + 1])))) {
        ++n;
    }
    if (n == 0) return 0;
    std::string_view code = s.substr(0, n);
    bool digits = IsDigit(code[0]);
    if (!digits && !IsRoman(code) && code.size() != 1) return 0;
    if (n < s.size() && !IsSpace(s[n]) && s[n] != ':' && s[n] != '.' && s[n] != '-' && s[n] != ')' &&
        static_cast<unsigned char>(s[n]) != 0xE2) {
        return 0;
    }
    return n;
}

std::optional<Heading> KeywordHeading(std::string_view text, const Glossary& glossary) {
    std::string key = text::SearchKey(text);
    PhraseMatch match = glossary.MatchPrefix(WordKind::kHierarchy, key);
    if (match.phrase == nullptr) return std::nullopt;
    std::optional<NodeKind> kind = KindOfField(static_cast<Field>(match.phrase->value));
    if (!kind) return std::nullopt;

    std::string_view rest = TrimLeft(SkipWords(text, CountWords(std::string_view(key).substr(0, match.length))));
    Heading heading{*kind, "", ""};
    if (size_t n = CodeLength(rest); n > 0) {
        heading.code = std::string(rest.substr(0, n));
        rest = rest.substr(n);
    } else if (!rest.empty() && rest.front() != ':' && rest.front() != '-' &&
               static_cast<unsigned char>(rest.front()) != 0xE2) {
        return std::nullopt;  // "Obiectivul general al strategiei este…": prose, not a heading
    }
    heading.title = CleanTitle(rest);
    if (heading.title.empty() && heading.code.empty()) return std::nullopt;
    return heading;
}

// "A.1 Prevenirea", "B.1. Identificarea"
std::optional<Heading> SectionHeading(std::string_view text) {
    if (text.size() < 4 || !IsAsciiUpper(text[0]) || text[1] != '.' || !IsDigit(text[2])) return std::nullopt;
    size_t n = 2;
    while (n < text.size() && (IsDigit(text[n]) || (text[n] == '.' && n + 1 < text.size() && IsDigit(text[n + 1])))) ++n;
    std::string code(text.substr(0, n));
    if (n < text.size() && text[n] == '.') ++n;
    if (n >= text.size() || !IsSpace(text[n])) return std::nullopt;
    std::string title = CleanTitle(text.substr(n));
    if (!StartsUpper(title)) return std::nullopt;
    return Heading{NodeKind::kSection, code, title};
}

// "I. REDUCEREA…" (pillar), "A. Prevenirea…" (area).
std::optional<Heading> LetterHeading(std::string_view text) {
    size_t n = 0;
    while (n < text.size() && IsAsciiUpper(text[n])) ++n;
    if (n == 0 || n + 1 >= text.size() || text[n] != '.' || !IsSpace(text[n + 1])) return std::nullopt;
    std::string code(text.substr(0, n));
    std::string title = CleanTitle(text.substr(n + 1));
    if (!StartsUpper(title)) return std::nullopt;
    // One letter is an area unless it reads as a small roman numeral; "C." or "D." are areas.
    bool roman = n == 1 ? (code == "I" || code == "V" || code == "X") : IsRoman(code);
    if (n > 1 && !roman) return std::nullopt;
    return Heading{roman ? NodeKind::kPillar : NodeKind::kArea, code, title};
}

}  // namespace

std::optional<Heading> ClassifyHeading(std::string_view text, const Glossary& glossary) {
    text = TrimLeft(text);
    if (text.empty()) return std::nullopt;
    if (auto heading = KeywordHeading(text, glossary)) return heading;
    if (auto heading = SectionHeading(text)) return heading;
    return LetterHeading(text);
}

Numbered SplitLeadingCode(std::string_view text) {
    std::string_view s = TrimLeft(text);
    size_t n = 0;
    int groups = 0;
    while (true) {
        size_t start = n;
        while (n < s.size() && IsDigit(s[n])) ++n;
        size_t digits = n - start;
        if (digits == 0 || digits > 3 || (groups > 0 && digits == 3)) return {"", std::string(text)};
        ++groups;
        if (n + 1 < s.size() && s[n] == '.' && IsDigit(s[n + 1])) {
            ++n;
            continue;
        }
        break;
    }
    std::string code(s.substr(0, n));
    std::string_view rest = s.substr(n);
    bool closed = !rest.empty() && (rest.front() == '.' || rest.front() == ')');
    if (groups == 1 && !closed) return {"", std::string(text)};  // "1 proiect", "13", "2020"
    if (closed) rest.remove_prefix(1);
    if (!rest.empty() && IsDigit(rest.front())) return {"", std::string(text)};
    return {code, Squash(rest)};
}

domain::Node& HierarchyBuilder::At(const std::vector<size_t>& path) {
    domain::Node* node = &roots_[path[0]];
    for (size_t i = 1; i < path.size(); ++i) node = &node->children[path[i]];
    return *node;
}

void HierarchyBuilder::CloseFrom(NodeKind kind) {
    while (!open_.empty() && Rank(At(open_.back()).kind) >= Rank(kind)) open_.pop_back();
}

domain::Node& HierarchyBuilder::Open(NodeKind kind, std::string code, std::string title, int line) {
    CloseFrom(kind);
    domain::Node node;
    node.kind = kind;
    node.code = std::move(code);
    node.title = std::move(title);
    node.source_line = line;
    std::vector<size_t> path;
    if (open_.empty()) {
        roots_.push_back(std::move(node));
        path = {roots_.size() - 1};
    } else {
        path = open_.back();
        domain::Node& parent = At(path);
        parent.children.push_back(std::move(node));
        path.push_back(parent.children.size() - 1);
    }
    open_.push_back(path);
    return At(path);
}

domain::Node& HierarchyBuilder::AddActivity(domain::Node activity) {
    CloseFrom(NodeKind::kActivity);
    if (open_.empty()) {
        roots_.push_back(std::move(activity));
        return roots_.back();
    }
    domain::Node& parent = At(open_.back());
    parent.children.push_back(std::move(activity));
    return parent.children.back();
}

domain::Node* HierarchyBuilder::Current(NodeKind kind) {
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
        domain::Node& node = At(*it);
        if (node.kind == kind) return &node;
    }
    return nullptr;
}

}  // namespace planwatch::import::recognise::internal
