#include "common/text.h"

#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <vector>

// Normalize and SearchKey run on every cell of every document, several times, so
// the common cases avoid ICU's UTF-16 round trip: ASCII text needs no Unicode at
// all, and already-NFC UTF-8 (nearly all real text) is collapsed in place. The
// ICU pipelines below stay the definition; text_test.cc checks the fast paths
// give byte-identical results to them.
namespace planwatch::text {
namespace {

const icu::Normalizer2& Nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    // ICU's data is linked in; failing here means a broken installation.
    if (U_FAILURE(status) || nfc == nullptr) std::abort();
    return *nfc;
}

const icu::Normalizer2& Nfd() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || nfd == nullptr) std::abort();
    return *nfd;
}

UChar32 CommaBelow(UChar32 c) {
    switch (c) {
        case 0x015F: return 0x0219;  // ş -> ș
        case 0x015E: return 0x0218;  // Ş -> Ș
        case 0x0163: return 0x021B;  // ţ -> ț
        case 0x0162: return 0x021A;  // Ţ -> Ț
        default: return c;
    }
}

bool IsNewline(UChar32 c) { return c == '\n' || c == 0x2028 || c == 0x2029 || c == '\v' || c == '\f'; }

bool IsSpace(UChar32 c) { return c == '\t' || c == ' ' || c == '\r' || u_isUWhiteSpace(c) || c == 0xA0; }

std::string ToUtf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

bool IsAscii(std::string_view s) {
    unsigned char any = 0;
    for (char c : s) any |= static_cast<unsigned char>(c);
    return any < 0x80;
}

// Offset of the first non-ASCII byte, or s.size().
size_t AsciiPrefix(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    return i;
}

void AppendUtf8(std::string* out, UChar32 c) {
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);  // buffer holds any code point
    out->append(buffer, static_cast<size_t>(length));
}

// The ICU definition of Normalize: NFC, then spaces collapsed and cedillas replaced.
std::string NormalizeIcu(std::string_view utf8, bool keep_newlines) {
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString nfc = Nfc().normalize(in, status);
    if (U_FAILURE(status)) nfc = in;
    icu::UnicodeString out;
    bool pending_space = false;
    bool pending_newline = false;
    for (int32_t i = 0; i < nfc.length();) {
        UChar32 c = nfc.char32At(i);
        i += U16_LENGTH(c);
        if (IsNewline(c)) {
            if (keep_newlines) {
                pending_newline = true;
            } else {
                pending_space = true;
            }
            continue;
        }
        if (IsSpace(c)) {
            pending_space = true;
            continue;
        }
        if (!out.isEmpty()) {
            if (pending_newline) {
                out.append(u'\n');
            } else if (pending_space) {
                out.append(u' ');
            }
        }
        pending_space = pending_newline = false;
        out.append(CommaBelow(c));
    }
    return ToUtf8(out);
}

// The ICU definition of SearchKey on text that is already Normalize()d.
std::string SearchKeyIcu(std::string_view normalized) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(normalized.data(), static_cast<int32_t>(normalized.size())));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString nfd = Nfd().normalize(s, status);
    if (U_FAILURE(status)) nfd = s;
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < nfd.length();) {
        UChar32 c = nfd.char32At(i);
        i += U16_LENGTH(c);
        if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
        stripped.append(c);
    }
    stripped.foldCase();
    return ToUtf8(stripped);
}

// Whitespace collapse and cedilla replacement over valid NFC UTF-8, the same loop
// as NormalizeIcu without the UTF-16 detour.
std::string Collapse(std::string_view nfc, bool keep_newlines) {
    std::string out;
    out.reserve(nfc.size());
    bool pending_space = false;
    bool pending_newline = false;
    // The whitespace seen since the last character, written once something follows it.
    auto flush_separator = [&] {
        if (!out.empty()) {
            if (pending_newline) {
                out.push_back('\n');
            } else if (pending_space) {
                out.push_back(' ');
            }
        }
        pending_space = pending_newline = false;
    };
    const auto* bytes = reinterpret_cast<const uint8_t*>(nfc.data());
    const int32_t length = static_cast<int32_t>(nfc.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        if (bytes[i] > ' ' && bytes[i] < 0x80) {
            // A run of printable ASCII: no space, newline or cedilla inside.
            int32_t end = i + 1;
            while (end < length && bytes[end] > ' ' && bytes[end] < 0x80) ++end;
            flush_separator();
            out.append(nfc.data() + start, static_cast<size_t>(end - start));
            i = end;
            continue;
        }
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (IsNewline(c)) {
            if (keep_newlines) {
                pending_newline = true;
            } else {
                pending_space = true;
            }
            continue;
        }
        if (c < 0x80 ? (c == ' ' || c == '\t' || c == '\r') : IsSpace(c)) {
            pending_space = true;
            continue;
        }
        flush_separator();
        UChar32 mapped = CommaBelow(c);
        if (mapped == c) {
            out.append(nfc.data() + start, static_cast<size_t>(i - start));
        } else {
            AppendUtf8(&out, mapped);
        }
    }
    return out;
}

// SearchKey of one code point (NFD, marks removed, case folded), for the blocks
// that European text is made of; other code points take the ICU path.
class KeyTable {
public:
    static const KeyTable& Get() {
        static const KeyTable table;
        return table;
    }

    // Nullptr when the code point is outside the table.
    const std::string* Find(UChar32 c) const {
        if (c >= 0 && c < kLatinEnd) return &latin_[static_cast<size_t>(c)];
        if (c >= kPunctuationStart && c < kPunctuationEnd) return &punctuation_[static_cast<size_t>(c - kPunctuationStart)];
        return nullptr;
    }

private:
    // Latin, Latin-1, Latin Extended A/B, IPA, spacing modifiers, combining marks;
    // general punctuation (dashes, quotes) and currency signs.
    static constexpr UChar32 kLatinEnd = 0x370;
    static constexpr UChar32 kPunctuationStart = 0x2000;
    static constexpr UChar32 kPunctuationEnd = 0x20D0;

    KeyTable() {
        for (UChar32 c = 0; c < kLatinEnd; ++c) latin_.push_back(KeyOf(c));
        for (UChar32 c = kPunctuationStart; c < kPunctuationEnd; ++c) punctuation_.push_back(KeyOf(c));
    }

    static std::string KeyOf(UChar32 c) {
        std::string one;
        AppendUtf8(&one, c);
        return SearchKeyIcu(one);
    }

    std::vector<std::string> latin_;
    std::vector<std::string> punctuation_;
};

}  // namespace

std::string Normalize(std::string_view utf8, bool keep_newlines) {
    const size_t ascii = AsciiPrefix(utf8);
    if (ascii == utf8.size()) return Collapse(utf8, keep_newlines);
    // U+FFFD replacement of bad bytes as ICU does it; the ASCII prefix is valid already.
    if (!IsValidUtf8(utf8.substr(ascii))) return NormalizeIcu(utf8, keep_newlines);
    UErrorCode status = U_ZERO_ERROR;
    icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
    if (Nfc().isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return Collapse(utf8, keep_newlines);
    std::string nfc;
    icu::StringByteSink<std::string> sink(&nfc);
    status = U_ZERO_ERROR;
    Nfc().normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) return NormalizeIcu(utf8, keep_newlines);
    return Collapse(nfc, keep_newlines);
}

std::string SearchKey(std::string_view utf8) {
    std::string normalized = Normalize(utf8);
    if (IsAscii(normalized)) {
        for (char& c : normalized) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return normalized;
    }
    // Per code point is exact here: NFD decomposes each code point on its own, the
    // reordering it does only moves marks (which are removed), and case folding has
    // no context.
    const KeyTable& table = KeyTable::Get();
    std::string out;
    out.reserve(normalized.size());
    const auto* bytes = reinterpret_cast<const uint8_t*>(normalized.data());
    const int32_t length = static_cast<int32_t>(normalized.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c >= 'A' && c <= 'Z') {
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if (c >= 0 && c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (const std::string* key = table.Find(c)) {
            out += *key;
        } else {
            return SearchKeyIcu(normalized);
        }
    }
    return out;
}

std::string Lower(std::string_view utf8) {
    if (IsAscii(utf8)) {
        std::string out(utf8);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return out;
    }
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    s.toLower(icu::Locale::getRoot());
    return ToUtf8(s);
}

bool StartsLowercase(std::string_view utf8) {
    int32_t at = 0;
    const int32_t length = static_cast<int32_t>(utf8.size());
    while (at < length) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), at, length, c);
        if (c < 0) return false;
        if (u_isalnum(c)) return u_islower(c);
        if (!u_isspace(c) && !u_ispunct(c)) return false;
    }
    return false;
}

bool IsValidUtf8(std::string_view bytes, size_t* bad_offset) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    int32_t length = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < length;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            if (bad_offset) *bad_offset = static_cast<size_t>(start);
            return false;
        }
    }
    return true;
}

namespace internal {

std::string NormalizeWithIcu(std::string_view utf8, bool keep_newlines) { return NormalizeIcu(utf8, keep_newlines); }

std::string SearchKeyWithIcu(std::string_view utf8) { return SearchKeyIcu(NormalizeIcu(utf8, false)); }

}  // namespace internal

std::vector<std::string> SplitNonEmpty(std::string_view text, char separator) {
    std::vector<std::string> pieces;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find(separator, start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) pieces.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return pieces;
}

std::optional<int64_t> ParseId(std::string_view text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    int64_t id = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        id = id * 10 + (c - '0');
    }
    if (id == 0) return std::nullopt;
    return id;
}

}  // namespace planwatch::text
