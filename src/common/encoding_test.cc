#include "common/encoding.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "common/text.h"

namespace planwatch::encoding {
namespace {

std::string ReadFile(const std::string& relative) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Lines first..last (1-based, inclusive) of a seed, as tools/make_encoding_fixtures.sh cuts them.
std::string SeedLines(const std::string& seed, int first, int last) {
    std::istringstream in(ReadFile("samples/" + seed));
    std::string line, out;
    for (int number = 1; std::getline(in, line); ++number) {
        if (number >= first && number <= last) out += line + "\n";
    }
    return out;
}

std::string AsciiTypography(std::string text) {
    for (auto [from, to] : {std::pair<std::string, std::string>{"–", "-"}, {"„", "\""}, {"”", "\""}, {"“", "\""}}) {
        for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
            text.replace(at, from.size(), to);
        }
    }
    return text;
}

struct Case {
    const char* fixture;
    const char* expected_encoding;
    std::string expected_text;  // before text::Normalize
};

class SeedFixture : public testing::TestWithParam<Case> {};

TEST_P(SeedFixture, DecodesBackToTheSeedText) {
    const Case& c = GetParam();
    std::string detected;
    StatusOr<std::string> decoded = DecodeToUtf8(ReadFile(std::string("tests/testdata/encodings/") + c.fixture),
                                                 &detected);
    ASSERT_TRUE(decoded.ok()) << decoded.status();
    EXPECT_EQ(detected, c.expected_encoding);
    ASSERT_FALSE(c.expected_text.empty());
    EXPECT_EQ(text::Normalize(*decoded, true), text::Normalize(c.expected_text, true));
}

const char* const k000 = "000_ffec081ef8fe4e47.txt";
const char* const k002 = "002_8d53b20a0e2536f7.txt";

INSTANTIATE_TEST_SUITE_P(
    Encodings, SeedFixture,
    testing::Values(Case{"utf8_bom_000.txt", "UTF-8 BOM", SeedLines(k000, 1, 60)},
                    Case{"utf16le_002.txt", "UTF-16LE", SeedLines(k002, 19, 140)},
                    Case{"utf16be_000.txt", "UTF-16BE", SeedLines(k000, 1, 60)},
                    Case{"windows1250_002.txt", "windows-1250", SeedLines(k002, 1, 140)},
                    Case{"windows1250_000.txt", "windows-1250", SeedLines(k000, 1, 170)},
                    Case{"iso8859_2_002.txt", "ISO-8859-2", AsciiTypography(SeedLines(k002, 19, 140))},
                    Case{"iso8859_16_000.txt", "ISO-8859-16", AsciiTypography(SeedLines(k000, 1, 170))},
                    Case{"windows1252_es.txt", "windows-1252",
                         ReadFile("tests/testdata/encodings/source/es_plan.utf8.txt")},
                    Case{"windows1252_it.txt", "windows-1252",
                         ReadFile("tests/testdata/encodings/source/it_plan.utf8.txt")}),
    [](const testing::TestParamInfo<Case>& info) {
        std::string name = info.param.fixture;
        return name.substr(0, name.find('.'));
    });

TEST(DecodeToUtf8, KeepsValidUtf8AsIs) {
    std::string detected;
    StatusOr<std::string> decoded = DecodeToUtf8("Poglavje iz strategije: Zakonodaja\n", &detected);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, "Poglavje iz strategije: Zakonodaja\n");
    EXPECT_EQ(detected, "UTF-8");
}

TEST(DecodeToUtf8, StripsTheUtf8ByteOrderMark) {
    StatusOr<std::string> decoded = DecodeToUtf8("\xEF\xBB\xBFOK");
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, "OK");
}

TEST(DecodeToUtf8, RefusesANulByteWithItsOffset) {
    StatusOr<std::string> decoded = DecodeToUtf8(std::string("PK\x03\x04\x14\x00\x06", 7));
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(decoded.status().message(), "not a text file: binary byte 0x00 at offset 5");
}

TEST(DecodeToUtf8, RefusesManyControlBytes) {
    std::string bytes = "abc";
    for (int i = 0; i < 10; ++i) bytes += "\x01\x02xyz";
    StatusOr<std::string> decoded = DecodeToUtf8(bytes);
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.status().message(), "not a text file: binary byte 0x01 at offset 3");
}

TEST(DecodeToUtf8, ToleratesOneStrayControlByteInLongText) {
    std::string bytes(1000, 'a');
    bytes[500] = '\x1a';
    EXPECT_TRUE(DecodeToUtf8(bytes).ok());
}

TEST(DecodeToUtf8, RefusesUtf16WithAnOddByteCount) {
    StatusOr<std::string> decoded = DecodeToUtf8(std::string("\xFF\xFE" "a\0b", 5));
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.status().message(), "not a text file: invalid UTF-16 at offset 4");
}

TEST(DecodeToUtf8, ReadsSloveneCaronsFromWindows1250) {
    std::string detected;
    StatusOr<std::string> decoded = DecodeToUtf8("Izvedbene aktivnosti \x96 \x9a\x9e\xe8 \x84X\x93", &detected);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, "Izvedbene aktivnosti – šžč „X“");
    EXPECT_EQ(detected, "windows-1250");
}

TEST(DecodeToUtf8, ReadsSpanishFromWindows1252) {
    std::string detected;
    StatusOr<std::string> decoded = DecodeToUtf8("Campa\xf1" "a \xbf" "c\xf3mo?", &detected);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, "Campaña ¿cómo?");
    EXPECT_EQ(detected, "windows-1252");
}

TEST(DecodeToUtf8, ReadsRomanianCommaBelowFromIso885916) {
    std::string detected;
    StatusOr<std::string> decoded = DecodeToUtf8("Re\xfe" "eaua \xba" "coal\xe3 \xa5" "X\xb5", &detected);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, "Rețeaua școală „X”");
    EXPECT_EQ(detected, "ISO-8859-16");
}

TEST(ConvertToUtf8, NamesAnUnknownEncoding) {
    StatusOr<std::string> converted = ConvertToUtf8("x", "no-such-encoding");
    ASSERT_FALSE(converted.ok());
    EXPECT_EQ(converted.status().message(), "unknown text encoding no-such-encoding");
}

}  // namespace
}  // namespace planwatch::encoding
