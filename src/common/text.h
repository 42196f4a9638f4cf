#pragma once
// Text as planwatch compares it (ICU). Documents mix "ş" (cedilla, U+015F) and
// "ș" (comma below, U+0219), decomposed and composed forms, odd spacing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planwatch::text {

// NFC; Romanian cedilla letters ş ţ Ş Ţ become the comma-below ș ț Ș Ț; every run
// of whitespace (incl. NBSP, tabs) becomes one space; trimmed. Line breaks are
// kept as '\n' when keep_newlines, collapsed otherwise. Input must be UTF-8;
// invalid sequences become U+FFFD.
std::string Normalize(std::string_view utf8, bool keep_newlines = false);

// A key for matching that ignores case, diacritics and spacing:
// "IŞJ  Cluj" and "ișj cluj" both give "isj cluj"; punctuation is kept.
std::string SearchKey(std::string_view utf8);

// Lower case by Unicode rules ("ȘTEFAN" -> "ștefan"), no other change.
std::string Lower(std::string_view utf8);

// True when the first letter-or-digit of the text is a lower-case letter
// ("drogami (ZPPPD)" yes, "Delovna", "2019" and "(MZ)" no).
bool StartsLowercase(std::string_view utf8);

// True when bytes are well-formed UTF-8 (no overlongs, no surrogates).
// On false, *bad_offset (if given) is the byte offset of the first bad sequence.
bool IsValidUtf8(std::string_view bytes, size_t* bad_offset = nullptr);

// The pieces of text between separators, empty ones left out: "a  b " -> {"a", "b"}.
std::vector<std::string> SplitNonEmpty(std::string_view text, char separator);

// A stored row's id as typed in a path, a form or a command line: ASCII digits
// only, 1 to 18 of them (so it fits int64_t), not zero. nullopt otherwise; each
// caller words the error for where the text came from.
std::optional<int64_t> ParseId(std::string_view text);

namespace internal {
// The ICU pipelines that define Normalize and SearchKey (the functions above take
// faster paths for ASCII and NFC text); for tests that check the two agree.
std::string NormalizeWithIcu(std::string_view utf8, bool keep_newlines = false);
std::string SearchKeyWithIcu(std::string_view utf8);
}  // namespace internal

}  // namespace planwatch::text
