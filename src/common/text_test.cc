#include "common/text.h"

#include <gtest/gtest.h>

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

TEST(IsValidUtf8, FindsTheFirstBadByte) {
    size_t at = 0;
    EXPECT_TRUE(IsValidUtf8("județ"));
    EXPECT_FALSE(IsValidUtf8("ab\xC3(", &at));
    EXPECT_EQ(at, 2u);
    EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // an encoded surrogate
}

}  // namespace
}  // namespace planwatch::text
