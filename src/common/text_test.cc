#include "common/text.h"

#include <gtest/gtest.h>

#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace planwatch::text {
namespace {

TEST(Normalize, TurnsCedillaIntoCommaBelowAndCollapsesSpaces) {
    EXPECT_EQ(Normalize("  IŞJ \t Cluj\u00a0 "), "IȘJ Cluj");
    EXPECT_EQ(Normalize("Ţara şi ţara"), "Țara și țara");
}

TEST(Normalize, ComposesDecomposedLetters) {
    EXPECT_EQ(Normalize("s\u0326coala"), "școala");  // s + combining comma below
}

TEST(Normalize, KeepsLineBreaksOnlyWhenAsked) {
    EXPECT_EQ(Normalize("Termen de\n\nevaluare"), "Termen de evaluare");
    EXPECT_EQ(Normalize("Termen de \n\n evaluare", true), "Termen de\nevaluare");
}

TEST(SearchKey, IgnoresCaseDiacriticsAndCedillas) {
    EXPECT_EQ(SearchKey("IŞJ Cluj"), "isj cluj");
    EXPECT_EQ(SearchKey("IȘJ  Cluj"), "isj cluj");
    EXPECT_EQ(SearchKey("Sănătate"), "sanatate");
    EXPECT_EQ(SearchKey("Ministrstvo za zdravje"), "ministrstvo za zdravje");
}

TEST(Lower, FollowsUnicode) { EXPECT_EQ(Lower("ȘTEFAN ȚĂRAN"), "ștefan țăran"); }

TEST(StartsLowercase, LooksAtTheFirstLetterOrDigit) {
    EXPECT_TRUE(StartsLowercase("prepovedanimi drogami (ZPPPD)"));
    EXPECT_TRUE(StartsLowercase("  „școlilor” din județ"));
    EXPECT_TRUE(StartsLowercase("ţară"));
    EXPECT_FALSE(StartsLowercase("Delovna skupina"));
    EXPECT_FALSE(StartsLowercase("Ștefan"));
    EXPECT_FALSE(StartsLowercase("(MZ) in NIJZ"));
    EXPECT_FALSE(StartsLowercase("2019-1"));
    EXPECT_FALSE(StartsLowercase(""));
    EXPECT_FALSE(StartsLowercase("\xff bad"));
}

TEST(IsValidUtf8, FindsTheFirstBadByte) {
    size_t at = 0;
    EXPECT_TRUE(IsValidUtf8("județ"));
    EXPECT_FALSE(IsValidUtf8("ab\xC3(", &at));
    EXPECT_EQ(at, 2u);
    EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // an encoded surrogate
}

std::string CodePoint(UChar32 c) {
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);  // buffer holds any code point
    return std::string(buffer, static_cast<size_t>(length));
}

void ExpectSameAsIcu(const std::string& s) {
    EXPECT_EQ(Normalize(s), internal::NormalizeWithIcu(s)) << s;
    EXPECT_EQ(Normalize(s, true), internal::NormalizeWithIcu(s, true)) << s;
    EXPECT_EQ(SearchKey(s), internal::SearchKeyWithIcu(s)) << s;
}

// The fast paths (ASCII, NFC UTF-8, per-code-point keys) give what ICU gives: every
// code point of the BMP alone and between letters and spaces, decomposed and
// cedilla forms, invalid bytes.
TEST(FastPaths, AgreeWithIcuForEveryBmpCodePoint) {
    for (UChar32 c = 1; c < 0x10000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        std::string one = CodePoint(c);
        ExpectSameAsIcu(one);
        ExpectSameAsIcu("A" + one + " b" + one + one + "\n" + one);
        ExpectSameAsIcu(" " + one + "\u0301 \u00a0S" + one + "\u0327");
        if (::testing::Test::HasFailure()) return;
    }
    for (const char* s : {"s\u0326coala", "S\u0327", "t\u0327a\u0301\u0323", "IŞJ\u00a0 Cluj\n\nx", "a \u0301", "\u0301a",
                          "ab\xC3(", "\xED\xA0\x80x", "\xF0\x9F\x98\x80 Ǆ ǅ ß İ ﬁ", "\u2028x\u2029y\u0085z", ""}) {
        ExpectSameAsIcu(s);
    }
}

TEST(FastPaths, AgreeWithIcuOnEveryLineOfTheSeeds) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(PLANWATCH_SOURCE_DIR) + "/samples")) {
        if (entry.path().extension() != ".txt") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        std::string line;
        int checked = 0;
        while (std::getline(bytes, line)) {
            ExpectSameAsIcu(line);
            ++checked;
        }
        EXPECT_GT(checked, 100) << entry.path();
    }
}

TEST(SplitNonEmpty, LeavesOutEmptyPieces) {
    EXPECT_EQ(SplitNonEmpty("  mediere   familială ", ' '), (std::vector<std::string>{"mediere", "familială"}));
    EXPECT_EQ(SplitNonEmpty("Str. Dorobanților 106\n\nCluj-Napoca", '\n'),
              (std::vector<std::string>{"Str. Dorobanților 106", "Cluj-Napoca"}));
    EXPECT_TRUE(SplitNonEmpty("", ' ').empty());
    EXPECT_TRUE(SplitNonEmpty("   ", ' ').empty());
}

TEST(ParseId, AcceptsPositiveDigitsThatFitAndNothingElse) {
    EXPECT_EQ(ParseId("1"), 1);
    EXPECT_EQ(ParseId("000042"), 42);
    EXPECT_EQ(ParseId("999999999999999999"), 999999999999999999);
    for (const char* bad : {"", "0", "000", "-3", "+3", "3 ", " 3", "3a", "1.5", "1e3", "9999999999999999999"}) {
        EXPECT_EQ(ParseId(bad), std::nullopt) << bad;
    }
}

}  // namespace
}  // namespace planwatch::text
