// ParseMoney and HeaderMoneyMultiplier. See value_parsing.h.
#include <algorithm>
#include <cctype>
#include <limits>

#include "common/text.h"
#include "import/recognise/value_parsing.h"
#include "import/recognise/value_tokens.h"

namespace planwatch::import::recognise {
namespace {

using internal::Token;
using internal::TokenKind;

// Multiplier words shorter than this ("k", "m") count only next to a currency ("5m EUR", "$2k").
constexpr size_t kMinStandaloneMultiplier = 3;
constexpr int kMaxFractionDigits = 9;

// digits: ASCII digits with '.', ',' and ' ' between groups. Returns the amount
// scaled by 10^*fraction_digits, or nullopt when the grouping makes no sense.
std::optional<__int128> ParseAmount(std::string_view digits, int* fraction_digits) {
    std::vector<std::string_view> groups;
    std::vector<char> separators;
    size_t start = 0;
    for (size_t i = 0; i < digits.size(); ++i) {
        char c = digits[i];
        if (c == '.' || c == ',' || c == ' ') {
            groups.push_back(digits.substr(start, i - start));
            separators.push_back(c);
            start = i + 1;
        }
    }
    groups.push_back(digits.substr(start));
    for (std::string_view g : groups) {
        if (g.empty()) return std::nullopt;
    }
    // Which separator (if any) is the decimal point.
    char decimal = 0;
    if (!separators.empty()) {
        char last = separators.back();
        size_t last_count = std::count(separators.begin(), separators.end(), last);
        bool mixed = std::any_of(separators.begin(), separators.end(), [&](char c) { return c != last; });
        if (last != ' ' && last_count == 1 && (mixed || groups.back().size() != 3)) decimal = last;
    }
    size_t integer_groups = decimal ? groups.size() - 1 : groups.size();
    // Thousands groups: 1-3 digits first, exactly 3 after every separator.
    if (integer_groups > 1) {
        if (groups[0].size() > 3) return std::nullopt;
        char thousands = separators[0];
        for (size_t g = 1; g < integer_groups; ++g) {
            if (groups[g].size() != 3 || separators[g - 1] != thousands) {
                // "1 200" and "1.200" mixed in one number is fine only with spaces.
                if (groups[g].size() != 3 || (separators[g - 1] != ' ' && thousands != ' ')) return std::nullopt;
            }
        }
    }
    std::string whole;
    for (size_t g = 0; g < integer_groups; ++g) whole += groups[g];
    std::string fraction = decimal ? std::string(groups.back()) : std::string();
    if (whole.size() > 15 || static_cast<int>(fraction.size()) > kMaxFractionDigits) return std::nullopt;
    __int128 value = 0;
    for (char c : whole + fraction) value = value * 10 + (c - '0');
    *fraction_digits = static_cast<int>(fraction.size());
    return value;
}

}  // namespace

std::optional<Money> ParseMoney(std::string_view text, const Glossary& glossary, int64_t multiplier) {
    if (multiplier < 1) return std::nullopt;
    std::string normalized = text::Normalize(text);
    if (normalized.empty()) return std::nullopt;
    if (normalized == "-" || normalized == "\u2013" || normalized == "\u2014") return Money{0, ""};
    std::vector<Token> tokens = internal::Tokenize(normalized);

    std::string digits;
    bool have_number = false;
    bool number_closed = false;
    bool negative = false;
    std::string currency;
    __int128 factor = multiplier;
    for (size_t i = 0; i < tokens.size();) {
        const Token& token = tokens[i];
        if (token.kind == TokenKind::kNumber) {
            // "1 200 000,50": a space before a group of exactly three digits continues the number.
            bool continues = have_number && !number_closed && token.space_before && token.text.size() >= 3 &&
                             (token.text.size() == 3 || token.text[3] == '.' || token.text[3] == ',') &&
                             std::isdigit(static_cast<unsigned char>(token.text[2]));
            if (have_number && !continues) return std::nullopt;  // two numbers: not one amount
            if (continues) digits += ' ';
            digits += token.text;
            have_number = true;
            ++i;
            continue;
        }
        if (have_number) number_closed = true;
        if (token.kind == TokenKind::kPunct && token.key == "-" && !have_number && i + 1 < tokens.size() &&
            tokens[i + 1].kind == TokenKind::kNumber && !tokens[i + 1].space_before) {
            negative = true;
            ++i;
            continue;
        }
        if (auto match = internal::MatchPhrase(glossary, WordKind::kCurrency, tokens, i); match.phrase) {
            if (!currency.empty() && currency != match.phrase->code) return std::nullopt;
            currency = match.phrase->code;
            i += match.count;
            continue;
        }
        if (auto match = internal::MatchPhrase(glossary, WordKind::kMultiplier, tokens, i); match.phrase) {
            factor *= match.phrase->value;
            if (factor > std::numeric_limits<int64_t>::max()) return std::nullopt;
            i += match.count;
            continue;
        }
        if (token.kind == TokenKind::kPunct &&
            (token.key == "(" || token.key == ")" || token.key == "." || token.key == "*" || token.key == ":" ||
             token.key == "=")) {
            ++i;
            continue;
        }
        if (token.kind == TokenKind::kWord && internal::MatchPhrase(glossary, WordKind::kFiller, tokens, i).phrase) {
            ++i;
            continue;
        }
        return std::nullopt;  // a word that is not money
    }
    if (!have_number) return std::nullopt;
    int fraction_digits = 0;
    std::optional<__int128> scaled = ParseAmount(digits, &fraction_digits);
    if (!scaled) return std::nullopt;
    // minor units = scaled * 100 * factor / 10^fraction_digits, rounded half up.
    __int128 divisor = 1;
    for (int k = 0; k < fraction_digits; ++k) divisor *= 10;
    __int128 numerator = *scaled * 100 * factor;
    __int128 minor = (numerator + divisor / 2) / divisor;
    if (minor > std::numeric_limits<int64_t>::max()) return std::nullopt;
    Money money;
    money.amount_minor = static_cast<int64_t>(negative ? -minor : minor);
    money.currency = currency;
    return money;
}

int64_t HeaderMoneyMultiplier(std::string_view header) {
    const Glossary& glossary = Glossary::Default();
    std::string normalized = text::Normalize(header);
    std::vector<Token> tokens = internal::Tokenize(normalized);
    auto is_currency = [&](size_t i) {
        return i < tokens.size() && internal::MatchPhrase(glossary, WordKind::kCurrency, tokens, i).phrase != nullptr;
    };
    for (size_t i = 0; i < tokens.size(); ++i) {
        auto match = internal::MatchPhrase(glossary, WordKind::kMultiplier, tokens, i);
        if (!match.phrase) continue;
        bool standalone = match.phrase->key.size() >= kMinStandaloneMultiplier;
        bool by_currency = (i > 0 && is_currency(i - 1)) || is_currency(i + match.count);
        if (standalone || by_currency) return match.phrase->value;
    }
    return 1;
}

}  // namespace planwatch::import::recognise
