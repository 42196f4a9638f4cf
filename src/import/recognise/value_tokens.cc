#include "import/recognise/value_tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <optional>

#include "common/text.h"

namespace planwatch::import::recognise::internal {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Decodes the code point at text[pos]; *length gets its byte length (1 for bad bytes).
UChar32 CodePointAt(std::string_view text, size_t pos, size_t* length) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    int32_t i = static_cast<int32_t>(pos);
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
    *length = static_cast<size_t>(i) - pos;
    if (*length == 0) *length = 1;
    return c;
}

// ASCII first: most text is, and ICU's property lookups cost more than the test.
bool IsLetter(UChar32 c) {
    if (c >= 0 && c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return c >= 0 && (u_isalpha(c) || u_getCombiningClass(c) != 0);
}

bool IsSpace(UChar32 c) {
    if (c >= 0 && c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');  // Unicode White_Space in ASCII
    return c == 0xA0 || u_isUWhiteSpace(c);
}

// Punctuation that documents spell in several ways, reduced to one key.
std::string PunctKey(std::string_view p) {
    static const std::pair<std::string_view, std::string_view> kSame[] = {
        {"\u2013", "-"}, {"\u2014", "-"}, {"\u2010", "-"}, {"\u2011", "-"}, {"\u2212", "-"},
        {"\u2019", "'"}, {"\u2018", "'"}, {"\u00B4", "'"}, {"`", "'"},
        {"\u201E", "\""}, {"\u201C", "\""}, {"\u201D", "\""}, {"\u00AB", "\""}, {"\u00BB", "\""}, {"\u2033", "\""},
        {"\u2265", ">="}, {"\u2264", "<="},
    };
    for (const auto& [from, to] : kSame) {
        if (p == from) return std::string(to);
    }
    return std::string(p);
}

// Lower-case, diacritic-free keys of the Latin letters U+0080..U+024F, computed
// once with ICU: most tokens then need no ICU call ("ș" -> "s", "ß" -> "ss").
constexpr UChar32 kLatinEnd = 0x250;
const std::vector<std::string>& LatinKeys() {
    static const std::vector<std::string> table = [] {
        std::vector<std::string> keys(kLatinEnd);
        for (UChar32 c = 0x80; c < kLatinEnd; ++c) {
            if (!u_isalpha(c)) continue;
            char buffer[4];
            int32_t length = 0;
            U8_APPEND_UNSAFE(buffer, length, c);
            keys[c] = text::SearchKey(std::string_view(buffer, static_cast<size_t>(length)));
        }
        return keys;
    }();
    return table;
}

// The key without ICU when every code point is ASCII or a table letter; nullopt otherwise.
std::optional<std::string> FastKey(std::string_view token_text) {
    const std::vector<std::string>& latin = LatinKeys();
    std::string key;
    key.reserve(token_text.size());
    for (size_t pos = 0; pos < token_text.size();) {
        auto byte = static_cast<unsigned char>(token_text[pos]);
        if (byte < 0x80) {
            key += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
            ++pos;
            continue;
        }
        size_t length = 0;
        UChar32 c = CodePointAt(token_text, pos, &length);
        if (c < 0 || c >= kLatinEnd || latin[c].empty()) return std::nullopt;
        key += latin[c];
        pos += length;
    }
    return key;
}

}  // namespace

bool IsWordByte(char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool StartsLowerCase(std::string_view text) {
    if (text.empty()) return false;
    size_t length = 0;
    UChar32 c = CodePointAt(text, 0, &length);
    return c >= 0 && u_islower(c);
}

bool ParseDigits(std::string_view digits, long long* value) {
    if (digits.empty() || digits.size() > 18) return false;
    long long v = 0;
    for (char c : digits) {
        if (!IsAsciiDigit(c)) return false;
        v = v * 10 + (c - '0');
    }
    *value = v;
    return true;
}

std::string TokenKey(std::string_view token_text) {
    bool ascii = true;
    for (char c : token_text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        std::string key(token_text);
        for (char& c : key) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return key;
    }
    size_t length = 0;
    UChar32 c = CodePointAt(token_text, 0, &length);
    if (length == token_text.size() && !IsLetter(c)) return PunctKey(token_text);
    if (std::optional<std::string> key = FastKey(token_text)) return *key;
    return text::SearchKey(token_text);
}

std::vector<Token> Tokenize(std::string_view text) {
    std::vector<Token> tokens;
    bool space = true;
    bool line_break = false;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t length = 0;
        UChar32 c = CodePointAt(text, pos, &length);
        if (IsSpace(c)) {
            space = true;
            if (c == '\n') line_break = true;
            pos += length;
            continue;
        }
        Token token;
        token.begin = pos;
        token.space_before = space;
        token.line_break_before = line_break;
        space = false;
        line_break = false;
        if (IsAsciiDigit(text[pos])) {
            token.kind = TokenKind::kNumber;
            size_t end = pos;
            while (end < text.size()) {
                if (IsAsciiDigit(text[end])) {
                    ++end;
                } else if ((text[end] == '.' || text[end] == ',') && end + 1 < text.size() &&
                           IsAsciiDigit(text[end + 1])) {
                    ++end;
                } else {
                    break;
                }
            }
            token.end = end;
        } else if (IsLetter(c)) {
            token.kind = TokenKind::kWord;
            size_t end = pos + length;
            while (end < text.size()) {
                size_t next_length = 0;
                UChar32 next = CodePointAt(text, end, &next_length);
                if (!IsLetter(next)) break;
                end += next_length;
            }
            token.end = end;
        } else {
            token.kind = TokenKind::kPunct;
            token.end = pos + length;
        }
        token.text = text.substr(token.begin, token.end - token.begin);
        token.key = token.kind == TokenKind::kNumber ? std::string(token.text) : TokenKey(token.text);
        pos = token.end;
        tokens.push_back(std::move(token));
    }
    return tokens;
}

bool IsSpecificLanguage(std::string_view language) { return !language.empty() && language != "auto"; }

TokenMatch MatchPhrase(const Glossary& glossary, WordKind kind, const std::vector<Token>& tokens, size_t pos,
                       std::string_view language) {
    TokenMatch best;
    if (pos >= tokens.size()) return best;
    const std::vector<size_t>* candidates = glossary.PhrasesStartingWith(kind, tokens[pos].key);
    if (candidates == nullptr) return best;
    const std::vector<Phrase>& phrases = glossary.Phrases(kind);
    const bool specific = IsSpecificLanguage(language);
    for (size_t index : *candidates) {
        const Phrase& phrase = phrases[index];
        size_t n = phrase.tokens.size();
        if (n == 0 || pos + n > tokens.size()) continue;
        bool equal = true;
        for (size_t k = 1; k < n && equal; ++k) equal = tokens[pos + k].key == phrase.tokens[k];
        if (!equal) continue;
        bool better = n > best.count;
        if (n == best.count && specific && phrase.language == language && best.phrase->language != language) {
            better = true;
        }
        if (better) {
            best.phrase = &phrase;
            best.count = n;
        }
    }
    return best;
}

}  // namespace planwatch::import::recognise::internal
