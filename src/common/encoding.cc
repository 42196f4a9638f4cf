#include "common/encoding.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include "common/text.h"

namespace planwatch::encoding {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string Hex2(unsigned char byte) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    return std::string("0x") + kHex[byte >> 4] + kHex[byte & 0x0f];
}

Status NotText(unsigned char byte, size_t offset) {
    return InvalidArgument("not a text file: binary byte " + Hex2(byte) + " at offset " + std::to_string(offset));
}

// Control bytes that no text export contains (TAB, LF, VT, FF, CR and ESC excepted).
bool IsBinaryControl(unsigned char byte) {
    return byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\v' && byte != '\f' && byte != '\r' &&
           byte != 0x1b;
}

// A NUL is never text; a few stray control bytes are tolerated (old exports carry
// the odd 0x1A end-of-file mark), more than one in 200 bytes is a binary file.
Status CheckNotBinary(std::string_view bytes) {
    size_t controls = 0;
    size_t first_control = std::string_view::npos;
    for (size_t offset = 0; offset < bytes.size(); ++offset) {
        const auto byte = static_cast<unsigned char>(bytes[offset]);
        if (byte == 0) return NotText(byte, offset);
        if (IsBinaryControl(byte)) {
            if (first_control == std::string_view::npos) first_control = offset;
            ++controls;
        }
    }
    if (controls > 64 || controls * 200 > bytes.size()) {
        return NotText(static_cast<unsigned char>(bytes[first_control]), first_control);
    }
    return Status::Ok();
}

std::string ToUtf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

StatusOr<icu::UnicodeString> IcuDecode(std::string_view bytes, const char* encoding_name) {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(encoding_name, &error), ucnv_close);
    if (U_FAILURE(error)) return InvalidArgument(std::string("unknown text encoding ") + encoding_name);
    // Stop at a byte the encoding does not define instead of inventing U+FFFD: that
    // byte is evidence the guess is wrong.
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &error);
    icu::UnicodeString out;
    const int32_t capacity = static_cast<int32_t>(bytes.size()) + 2;
    UChar* buffer = out.getBuffer(capacity);
    UChar* target = buffer;
    const char* source = bytes.data();
    ucnv_toUnicode(converter.get(), &target, buffer + capacity, &source, bytes.data() + bytes.size(), nullptr, true,
                   &error);
    out.releaseBuffer(static_cast<int32_t>(target - buffer));
    if (U_FAILURE(error)) {
        const size_t offset = static_cast<size_t>(source - bytes.data()) - (source > bytes.data() ? 1 : 0);
        return InvalidArgument(std::string("byte ") + Hex2(static_cast<unsigned char>(bytes[offset])) +
                               " at offset " + std::to_string(offset) + " is not defined in " + encoding_name);
    }
    return out;
}

// Debian's ICU data has no ISO-8859-16 converter (checked with `uconv -l`), and
// Romanian exports use it, so its upper half is spelled out here (0xA0..0xFF;
// 0x80..0x9F are the C1 controls, as in every ISO-8859 part).
constexpr std::array<char16_t, 96> kIso885916High = {
    0x00A0, 0x0104, 0x0105, 0x0141, 0x20AC, 0x201E, 0x0160, 0x00A7, 0x0161, 0x00A9, 0x0218, 0x00AB, 0x0179, 0x00AD,
    0x017A, 0x017B, 0x00B0, 0x00B1, 0x010C, 0x0142, 0x017D, 0x201D, 0x00B6, 0x00B7, 0x017E, 0x010D, 0x0219, 0x00BB,
    0x0152, 0x0153, 0x0178, 0x017C, 0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0106, 0x00C6, 0x00C7, 0x00C8, 0x00C9,
    0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF, 0x0110, 0x0143, 0x00D2, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x015A,
    0x0170, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x0118, 0x021A, 0x00DF, 0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x0107,
    0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x0111, 0x0144, 0x00F2, 0x00F3,
    0x00F4, 0x0151, 0x00F6, 0x015B, 0x0171, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0119, 0x021B, 0x00FF};

icu::UnicodeString DecodeIso885916(std::string_view bytes) {
    icu::UnicodeString out;
    for (char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        out.append(byte < 0xA0 ? static_cast<char16_t>(byte) : kIso885916High[byte - 0xA0]);
    }
    return out;
}

StatusOr<icu::UnicodeString> Decode(std::string_view bytes, const char* encoding_name) {
    if (std::string_view(encoding_name) == "ISO-8859-16") return DecodeIso885916(bytes);
    return IcuDecode(bytes, encoding_name);
}

// Letters (lower case) each language writes beyond ASCII. A wrong guess turns them
// into letters of some other alphabet, or mixes alphabets.
constexpr std::u16string_view kAlphabets[] = {
    u"ăâîșțşţ",    // ro
    u"čšžćđ",      // sl
    u"àèéìíòóùú",  // it
    u"áéíóúñü",    // es
};

// Punctuation that word processors put into any of these languages.
constexpr std::u16string_view kTypography = u"‘’‚“”„–—…€·•°«»§©®™\u00A0¿¡ºª";

// Higher is more plausible. Per alphabet: +2 for each letter of it, -2 for each other
// non-ASCII letter; the best alphabet counts. C1 controls cost 10, odd symbols 3.
double Plausibility(const icu::UnicodeString& text) {
    std::array<double, std::size(kAlphabets)> per_alphabet{};
    double common = 0;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (c < 0x80) continue;
        if (c < 0xA0) {
            common -= 10;
            continue;
        }
        if (u_isalpha(c)) {
            const auto lower = static_cast<char16_t>(u_tolower(c));
            for (size_t lang = 0; lang < std::size(kAlphabets); ++lang) {
                per_alphabet[lang] += kAlphabets[lang].find(lower) != std::u16string_view::npos ? 2 : -2;
            }
            // Comma-below is the correct Romanian form; when a byte reads as either
            // (ISO-8859-16 versus -2/1250), prefer it.
            if (lower == u'ș' || lower == u'ț') common += 0.5;
            continue;
        }
        if (c <= 0xFFFF && kTypography.find(static_cast<char16_t>(c)) != std::u16string_view::npos) {
            common += 1;
        } else if (c != 0xFFFD) {
            common -= 3;
        }
    }
    double best = per_alphabet[0];
    for (double score : per_alphabet) best = std::max(best, score);
    return best + common;
}

// Order breaks ties: with identical letters (Italian è in 1252 and 8859-16) the
// Windows code pages are the likelier source.
constexpr const char* kLegacyEncodings[] = {"windows-1252", "windows-1250", "ISO-8859-16", "ISO-8859-2"};

StatusOr<std::string> DecodeUtf16(std::string_view bytes, const char* encoding_name, std::string* detected) {
    if (bytes.size() % 2 != 0) {
        return InvalidArgument("not a text file: invalid UTF-16 at offset " + std::to_string(bytes.size() - 1));
    }
    StatusOr<icu::UnicodeString> text = IcuDecode(bytes, encoding_name);
    if (!text.ok()) return InvalidArgument("not a text file: invalid UTF-16 (" + text.status().message() + ")");
    if (detected) *detected = encoding_name;
    std::string utf8 = ToUtf8(*text);
    // The BOM decodes to U+FEFF; the caller wants text, not the mark.
    if (utf8.starts_with(kUtf8Bom)) utf8.erase(0, kUtf8Bom.size());
    PW_RETURN_IF_ERROR(CheckNotBinary(utf8));
    return utf8;
}

}  // namespace

StatusOr<std::string> ConvertToUtf8(std::string_view bytes, const char* encoding_name) {
    PW_ASSIGN_OR_RETURN(icu::UnicodeString text, Decode(bytes, encoding_name));
    return ToUtf8(text);
}

StatusOr<std::string> DecodeToUtf8(std::string_view bytes, std::string* detected) {
    if (bytes.starts_with("\xFF\xFE")) return DecodeUtf16(bytes, "UTF-16LE", detected);
    if (bytes.starts_with("\xFE\xFF")) return DecodeUtf16(bytes, "UTF-16BE", detected);
    const bool bom = bytes.starts_with(kUtf8Bom);
    if (bom) bytes.remove_prefix(kUtf8Bom.size());
    PW_RETURN_IF_ERROR(CheckNotBinary(bytes));
    size_t bad_offset = 0;
    if (text::IsValidUtf8(bytes, &bad_offset)) {
        if (detected) *detected = bom ? "UTF-8 BOM" : "UTF-8";
        return std::string(bytes);
    }
    if (bom) {
        return InvalidArgument("invalid UTF-8 at offset " + std::to_string(bad_offset + kUtf8Bom.size()) +
                               " after a UTF-8 byte order mark");
    }
    const char* best_name = nullptr;
    icu::UnicodeString best_text;
    double best_score = 0;
    for (const char* name : kLegacyEncodings) {
        StatusOr<icu::UnicodeString> text = Decode(bytes, name);
        if (!text.ok()) continue;  // a byte this encoding does not define: not this one
        const double score = Plausibility(*text);
        if (best_name == nullptr || score > best_score) {
            best_name = name;
            best_text = std::move(text).value();
            best_score = score;
        }
    }
    if (best_name == nullptr) {
        return InvalidArgument("invalid UTF-8 at offset " + std::to_string(bad_offset) +
                               " and no known encoding (windows-1250/1252, ISO-8859-2/16) explains the bytes");
    }
    if (detected) *detected = best_name;
    return ToUtf8(best_text);
}

}  // namespace planwatch::encoding
