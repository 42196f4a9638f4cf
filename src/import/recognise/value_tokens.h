#pragma once
// Internal to the value parsers (glossary.cc, *_parsing.cc, institution_lists.cc,
// language_detection.cc): text cut into words, numbers and punctuation that
// remember where they were, so a parser can match glossary phrases on the
// case/diacritic-free keys and still cut the original spelling out of the text.
#include <string>
#include <string_view>
#include <vector>

#include "import/recognise/glossary.h"

namespace planwatch::import::recognise::internal {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
    TokenKind kind = TokenKind::kWord;
    std::string_view text;  // into the string given to Tokenize; it must outlive the tokens
    std::string key;        // lower case, no diacritics; dashes and quotes unified ("–" -> "-")
    size_t begin = 0;       // byte offsets in that string
    size_t end = 0;
    bool space_before = false;       // whitespace (or the start) separates it from the previous token
    bool line_break_before = false;  // a '\n' separates it from the previous token
};

// Words are runs of letters, numbers runs of ASCII digits with single '.' or ','
// between digits ("1.478.027,51", "31.12.2020", "2"), everything else one
// code point of punctuation. Digits and letters never share a token ("T3" is
// "T" + "3" with space_before false on "3").
std::vector<Token> Tokenize(std::string_view text);

// The key of one token's text (what Tokenize stores in Token::key).
std::string TokenKey(std::string_view token_text);

// The longest phrase of `kind` whose tokens equal tokens[pos...]; ties go to the
// preferred language. count is the number of tokens consumed (0 when none).
struct TokenMatch {
    const Phrase* phrase = nullptr;
    size_t count = 0;
};
TokenMatch MatchPhrase(const Glossary& glossary, WordKind kind, const std::vector<Token>& tokens, size_t pos,
                       std::string_view language = "auto");

// True when language names one language ("ro"), false for "", "auto".
bool IsSpecificLanguage(std::string_view language);

// True for ASCII letters/digits and any non-ASCII byte (letters of other scripts).
bool IsWordByte(char c);

// True when the first code point of text is a lower-case letter.
bool StartsLowerCase(std::string_view text);

// Parses an ASCII digit string (no separators) into value; false on overflow or non-digits.
bool ParseDigits(std::string_view digits, long long* value);

}  // namespace planwatch::import::recognise::internal
