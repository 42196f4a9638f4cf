#include "common/text.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>


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

char16_t CommaBelow(char16_t c) {
    switch (c) {
        case u'\u015F': return u'\u0219';  // ş -> ș
        case u'\u015E': return u'\u0218';  // Ş -> Ș
        case u'\u0163': return u'\u021B';  // ţ -> ț
        case u'\u0162': return u'\u021A';  // Ţ -> Ț
        default: return c;
    }
}

bool IsSpace(UChar32 c) { return c == '\t' || c == ' ' || c == '\r' || u_isUWhiteSpace(c) || c == 0xA0; }

std::string ToUtf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

}  // namespace

std::string Normalize(std::string_view utf8, bool keep_newlines) {
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
        if (c == '\n' || c == 0x2028 || c == 0x2029 || c == '\v' || c == '\f') {
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
        if (c <= 0xFFFF) {
            out.append(CommaBelow(static_cast<char16_t>(c)));
        } else {
            out.append(c);
        }
    }
    return ToUtf8(out);
}

std::string SearchKey(std::string_view utf8) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(Normalize(utf8));
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

std::string Lower(std::string_view utf8) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    s.toLower(icu::Locale::getRoot());
    return ToUtf8(s);
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

}  // namespace planwatch::text
