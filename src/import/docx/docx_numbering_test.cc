#include "import/docx/docx_numbering.h"

#include <gtest/gtest.h>

namespace planwatch::import::docx {
namespace {

TEST(FormatNumber, RendersTheCommonListFormats) {
    EXPECT_EQ(FormatNumber(3, "decimal"), "3");
    EXPECT_EQ(FormatNumber(3, "lowerLetter"), "c");
    EXPECT_EQ(FormatNumber(28, "upperLetter"), "BB");
    EXPECT_EQ(FormatNumber(14, "upperRoman"), "XIV");
    EXPECT_EQ(FormatNumber(4, "lowerRoman"), "iv");
    EXPECT_EQ(FormatNumber(4, "chineseCounting"), "");
}

}  // namespace
}  // namespace planwatch::import::docx
