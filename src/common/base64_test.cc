#include "common/base64.h"

#include <gtest/gtest.h>

namespace planwatch {
namespace {

TEST(Base64, RoundTripsBytesWithNulAndHighBits) {
    const std::string bytes("%PDF\0\xff\x80 raport", 14);
    const std::string text = Base64Encode(bytes);
    EXPECT_EQ(text, "JVBERgD/gCByYXBvcnQ=");
    std::optional<std::string> back = Base64Decode(text);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, bytes);
}

TEST(Base64, EncodesTheEmptyStringAsEmpty) {
    EXPECT_EQ(Base64Encode(""), "");
    EXPECT_EQ(Base64Decode("").value_or("x"), "");
}

TEST(Base64, RefusesTextThatIsNotBase64) {
    EXPECT_FALSE(Base64Decode("JVBERgD/gCByYXBvcnQ").has_value());  // padding missing
    EXPECT_FALSE(Base64Decode("ab$d").has_value());
}

}  // namespace
}  // namespace planwatch
