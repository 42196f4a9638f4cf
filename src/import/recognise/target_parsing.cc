// ParseTarget: the number an indicator or result promises. See value_parsing.h.
#include <algorithm>
#include <cmath>

#include "common/text.h"
#include "import/recognise/value_parsing.h"
#include "import/recognise/value_tokens.h"

namespace planwatch::import::recognise {
namespace {

using internal::Token;
using internal::TokenKind;

constexpr size_t kMaxUnitWords = 3;
// Words allowed between a comparator and its number: "almeno il 50%", "minimum of 3".
constexpr size_t kMaxComparatorGap = 2;
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

struct Quantity {
    size_t first = 0;  // token range of the number (or number word)
    size_t last = 0;   // inclusive
    double value = 0;
    bool from_word = false;
    bool percent = false;
    size_t unit_from = 0;  // first token after the number (and % sign)
};


bool IsYearToken(const Token& token) {
    long long v = 0;
    return token.kind == TokenKind::kNumber && token.text.size() == 4 && internal::ParseDigits(token.text, &v) &&
           v >= kMinYear && v <= kMaxYear;
}

// A digit token as a number: "1.000" (thousands), "2,5" (decimal comma), "2.5"
// before a % sign. nullopt for codes and dates ("1.2", "31.12.2020").
std::optional<double> NumberValue(std::string_view digits, bool percent_follows, std::string_view lang) {
    std::vector<std::string_view> groups;
    std::vector<char> separators;
    size_t start = 0;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (digits[i] == '.' || digits[i] == ',') {
            groups.push_back(digits.substr(start, i - start));
            separators.push_back(digits[i]);
            start = i + 1;
        }
    }
    groups.push_back(digits.substr(start));
    long long whole = 0;
    if (separators.empty()) {
        if (!internal::ParseDigits(digits, &whole)) return std::nullopt;
        return static_cast<double>(whole);
    }
    bool all_same = std::all_of(separators.begin(), separators.end(), [&](char c) { return c == separators[0]; });
    bool groups_of_three = groups[0].size() <= 3 &&
                           std::all_of(groups.begin() + 1, groups.end(), [](std::string_view g) { return g.size() == 3; });
    auto decimal = [&](std::string_view integer_part, std::string_view fraction) -> std::optional<double> {
        long long i = 0, f = 0;
        if (!internal::ParseDigits(integer_part, &i) || !internal::ParseDigits(fraction, &f)) return std::nullopt;
        return static_cast<double>(i) + static_cast<double>(f) / std::pow(10.0, static_cast<double>(fraction.size()));
    };
    auto joined = [&](size_t count) {
        std::string all;
        for (size_t g = 0; g < count; ++g) all += groups[g];
        return all;
    };
    if (all_same && groups_of_three) {
        // "1.000" / "10,000": thousands — except a lone comma in a comma-decimal language.
        bool comma_decimal = separators[0] == ',' && separators.size() == 1 && lang != "en";
        if (!comma_decimal) {
            long long v = 0;
            if (!internal::ParseDigits(joined(groups.size()), &v)) return std::nullopt;
            return static_cast<double>(v);
        }
        return decimal(groups[0], groups[1]);
    }
    if (separators.size() == 1) {
        // "2,5" is a decimal; "1.2" is a code ("1.2." numbering) unless a % sign follows.
        if (separators[0] == ',' || percent_follows) return decimal(groups[0], groups[1]);
        return std::nullopt;
    }
    // "1.478.027,51" / "1,478,027.51": thousands then one decimal separator.
    if (!all_same && separators.back() != separators[0] &&
        std::all_of(separators.begin(), separators.end() - 1, [&](char c) { return c == separators[0]; }) &&
        groups[0].size() <= 3 &&
        std::all_of(groups.begin() + 1, groups.end() - 1, [](std::string_view g) { return g.size() == 3; })) {
        return decimal(joined(groups.size() - 1), groups.back());
    }
    return std::nullopt;  // dates, codes
}

// True when tokens[i] is a number that names something other than a quantity:
// a year, a date, a legal reference, a list number, a time.
bool IsNotQuantity(const std::vector<Token>& tokens, size_t i, const Glossary& glossary, std::string_view lang) {
    const Token& token = tokens[i];
    auto at = [&](size_t k) -> const Token* { return k < tokens.size() ? &tokens[k] : nullptr; };
    const Token* next = at(i + 1);
    const Token* next2 = at(i + 2);
    const Token* prev = i > 0 ? &tokens[i - 1] : nullptr;
    const Token* prev2 = i > 1 ? &tokens[i - 2] : nullptr;
    // "272/2004", "12:30", "2020-12-31": joined to another number without spaces.
    if (next && next2 && !next->space_before && next->kind == TokenKind::kPunct &&
        (next->key == "/" || next->key == ":") && next2->kind == TokenKind::kNumber && !next2->space_before) {
        return true;
    }
    if (prev && prev2 && !token.space_before && prev->kind == TokenKind::kPunct &&
        (prev->key == "/" || prev->key == ":" || prev->key == "-" || prev->key == ".") && prev2->kind == TokenKind::kNumber) {
        return true;
    }
    // "1." / "1.2." / "1)" opening a line: numbering.
    bool line_start = i == 0 || token.line_break_before;
    if (line_start && next && !next->space_before && (next->key == "." || next->key == ")")) return true;
    if (next && !next->space_before && next->key == "." && next2 && next2->kind == TokenKind::kWord &&
        !next2->space_before) {
        return true;  // "1.Crearea": a list number glued to its text
    }
    // A reference: "Legea nr. 272", "art. 5", "HG 867": a prefix word, then at most punctuation.
    size_t k = i;
    while (k > 0 && i - k < 2 && tokens[k - 1].kind == TokenKind::kPunct) --k;
    if (k > 0 && tokens[k - 1].kind == TokenKind::kWord) {
        for (size_t start = k - 1;; --start) {
            auto match = internal::MatchPhrase(glossary, WordKind::kNotTargetPrefix, tokens, start, lang);
            if (match.phrase && start + match.count == k) return true;
            if (start == 0 || k - 1 - start >= 3) break;
        }
    }
    // A year: "2020", "până în 2020", "(2017, 2018)" — unless a noun follows ("2000 beneficiari").
    if (IsYearToken(token)) {
        if (!next || next->kind != TokenKind::kWord) return true;
        if (internal::MatchPhrase(glossary, WordKind::kMonth, tokens, i + 1, lang).phrase) return true;
        if (internal::MatchPhrase(glossary, WordKind::kConjunction, tokens, i + 1, lang).phrase) return true;
        if (internal::MatchPhrase(glossary, WordKind::kRangeJoiner, tokens, i + 1, lang).phrase) return true;
        if (prev && internal::MatchPhrase(glossary, WordKind::kMonth, tokens, i - 1, lang).phrase) return true;
    }
    return false;
}

bool IsStopForUnit(const std::vector<Token>& tokens, size_t i, const Glossary& glossary, std::string_view lang) {
    static constexpr WordKind kStops[] = {WordKind::kStopWord,   WordKind::kRecurrence, WordKind::kComparator,
                                          WordKind::kConjunction, WordKind::kMonth,      WordKind::kFrequency,
                                          WordKind::kStartMarker, WordKind::kDeadlineMarker};
    for (WordKind kind : kStops) {
        if (internal::MatchPhrase(glossary, kind, tokens, i, lang).phrase) return true;
    }
    return false;
}

// The noun phrase after the number: up to kMaxUnitWords words, stopping at
// punctuation, a line break, another number or a function word.
std::string UnitAfter(const std::vector<Token>& tokens, size_t from, std::string_view text, const Glossary& glossary,
                      std::string_view lang) {
    size_t i = from;
    // "20 de beneficiari", "5 of the schools": a filler right after the number is not the unit.
    while (i < tokens.size() && tokens[i].kind == TokenKind::kWord && !tokens[i].line_break_before &&
           internal::MatchPhrase(glossary, WordKind::kFiller, tokens, i, lang).phrase) {
        ++i;
    }
    size_t words = 0;
    size_t begin = std::string::npos;
    size_t end = 0;
    for (; i < tokens.size() && words < kMaxUnitWords; ++i) {
        const Token& token = tokens[i];
        // A cell's text wrapped mid-phrase continues lower-case: "Minimum o\ncampanie\nlocală".
        if (token.line_break_before && words > 0 && !internal::StartsLowerCase(token.text)) break;
        if (token.kind == TokenKind::kPunct) {
            // "e-mail", "Cluj-Napoca": a hyphen inside a word keeps the word whole.
            bool inner_hyphen = token.key == "-" && !token.space_before && words > 0 && i + 1 < tokens.size() &&
                                tokens[i + 1].kind == TokenKind::kWord && !tokens[i + 1].space_before;
            if (!inner_hyphen) break;
            continue;
        }
        if (token.kind == TokenKind::kNumber) break;
        if (IsStopForUnit(tokens, i, glossary, lang)) break;
        if (begin == std::string::npos) begin = token.begin;
        end = token.end;
        if (i + 1 >= tokens.size() || tokens[i + 1].key != "-" || tokens[i + 1].space_before) ++words;
    }
    if (begin == std::string::npos) return "";
    return text::Normalize(text.substr(begin, end - begin));
}

std::optional<domain::Comparator> ComparatorBefore(const std::vector<Token>& tokens, size_t quantity,
                                                   const Glossary& glossary, std::string_view lang) {
    // Symbols right before the number: ">= 5", "≥5", "> 5", "< 10".
    if (quantity > 0 && tokens[quantity - 1].kind == TokenKind::kPunct) {
        const std::string& key = tokens[quantity - 1].key;
        if (key == ">=" || key == ">") return domain::Comparator::kAtLeast;
        if (key == "<=" || key == "<") return domain::Comparator::kAtMost;
        if (key == "=" && quantity > 1) {
            const std::string& before = tokens[quantity - 2].key;
            if (before == ">") return domain::Comparator::kAtLeast;
            if (before == "<") return domain::Comparator::kAtMost;
        }
    }
    size_t earliest = quantity > 8 ? quantity - 8 : 0;
    // Earliest first: "no less than" must win over the "less than" inside it.
    for (size_t start = earliest; start < quantity; ++start) {
        auto match = internal::MatchPhrase(glossary, WordKind::kComparator, tokens, start, lang);
        if (!match.phrase) continue;
        size_t after = start + match.count;
        if (after > quantity) continue;
        bool gap_ok = quantity - after <= kMaxComparatorGap;
        for (size_t k = after; k < quantity && gap_ok; ++k) {
            gap_ok = tokens[k].kind == TokenKind::kPunct ? tokens[k].key == ":" || tokens[k].key == "."
                                                         : IsStopForUnit(tokens, k, glossary, lang) ||
                                                               internal::MatchPhrase(glossary, WordKind::kFiller,
                                                                                     tokens, k, lang).phrase;
        }
        if (gap_ok) return static_cast<domain::Comparator>(match.phrase->value);
    }
    return std::nullopt;
}

}  // namespace

std::optional<domain::Target> ParseTarget(std::string_view text, const Glossary& glossary, std::string_view lang) {
    std::string normalized = text::Normalize(text, /*keep_newlines=*/true);
    std::vector<Token> tokens = internal::Tokenize(normalized);
    const bool specific = internal::IsSpecificLanguage(lang);

    // Where a number word may stand: at the start of a line or list item, or
    // right after a comparator / recurrence ("Minimum o campanie", "În fiecare an un proiect").
    std::vector<bool> clause_start(tokens.size() + 1, false);
    std::optional<domain::TargetPer> per;
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (i == 0 || tokens[i].line_break_before) clause_start[i] = true;
        if (tokens[i].kind == TokenKind::kPunct &&
            (tokens[i].key == "-" || tokens[i].key == "\u2022" || tokens[i].key == "\u00B7" || tokens[i].key == ";" ||
             tokens[i].key == ":" || tokens[i].key == "(")) {
            clause_start[i + 1] = true;
        }
        auto comparator = internal::MatchPhrase(glossary, WordKind::kComparator, tokens, i, lang);
        if (comparator.phrase) clause_start[i + comparator.count] = true;
        auto recurrence = internal::MatchPhrase(glossary, WordKind::kRecurrence, tokens, i, lang);
        if (recurrence.phrase) {
            clause_start[i + recurrence.count] = true;
            if (!per) per = static_cast<domain::TargetPer>(recurrence.phrase->value);
        }
    }

    std::vector<Quantity> found;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        if (token.kind == TokenKind::kNumber) {
            if (IsNotQuantity(tokens, i, glossary, lang)) continue;
            size_t after = i + 1;
            bool percent = false;
            if (after < tokens.size() && tokens[after].key == "%") {
                percent = true;
                ++after;
            } else if (auto word = internal::MatchPhrase(glossary, WordKind::kPercentWord, tokens, after, lang);
                       word.phrase) {
                percent = true;
                after += word.count;
            }
            std::optional<double> value = NumberValue(token.text, percent, lang);
            if (!value) continue;
            found.push_back({i, i, *value, false, percent, after});
        } else if (token.kind == TokenKind::kWord && clause_start[i]) {
            auto number = internal::MatchPhrase(glossary, WordKind::kNumber, tokens, i, lang);
            if (!number.phrase || (specific && number.phrase->language != lang)) continue;
            size_t after = i + number.count;
            // A number word counts only before its noun: "Un seminar", not "... de un".
            if (after >= tokens.size() || tokens[after].kind != TokenKind::kWord) continue;
            found.push_back({i, after - 1, static_cast<double>(number.phrase->value), true, false, after});
        }
    }
    if (found.empty()) return std::nullopt;
    // "Una riduzione del 10%": a digit beats an article-like "one" word before it.
    const Quantity* chosen = &found.front();
    if (chosen->from_word && chosen->value == 1) {
        for (const Quantity& q : found) {
            if (!q.from_word) {
                chosen = &q;
                break;
            }
        }
    }

    domain::Target target;
    target.value = chosen->value;
    target.comparator = ComparatorBefore(tokens, chosen->first, glossary, lang).value_or(domain::Comparator::kEqual);
    target.percent = chosen->percent;
    size_t unit_from = chosen->unit_from;
    // "10-15 participanți": a range of numbers promises at least the first.
    if (!chosen->percent && unit_from + 1 < tokens.size() && tokens[unit_from].key == "-" &&
        tokens[unit_from + 1].kind == TokenKind::kNumber && !IsYearToken(tokens[chosen->first])) {
        target.comparator = domain::Comparator::kAtLeast;
        unit_from += 2;
        if (unit_from < tokens.size() && tokens[unit_from].key == "%") {
            target.percent = true;
            ++unit_from;
        }
    }
    target.unit = target.percent ? "%" : UnitAfter(tokens, unit_from, normalized, glossary, lang);
    target.per = per;
    return target;
}

}  // namespace planwatch::import::recognise
