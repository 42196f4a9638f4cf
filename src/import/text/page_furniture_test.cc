#include "import/text/page_furniture.h"

#include <gtest/gtest.h>

namespace planwatch::import::text {
namespace {

int Page(std::string_view line, bool expect_labelled) {
    bool labelled = false;
    const int value = PageNumberOf(line, &labelled);
    if (value >= 0) EXPECT_EQ(labelled, expect_labelled) << line;
    return value;
}

TEST(PageNumberOf, ReadsPageNumbersInTheirUsualForms) {
    EXPECT_EQ(Page("  12 ", false), 12);
    EXPECT_EQ(Page("- 3 -", true), 3);
    EXPECT_EQ(Page("Pagina 3 din 12", true), 3);
    EXPECT_EQ(Page("Page 4 of 9", true), 4);
    EXPECT_EQ(Page("Stran 5", true), 5);
    EXPECT_EQ(Page("Página 2 de 7", true), 2);
    EXPECT_EQ(Page("7/12", true), 7);
}

TEST(PageNumberOf, LeavesOtherTextAlone) {
    EXPECT_EQ(Page("1 raport anual", false), -1);
    EXPECT_EQ(Page("Pagina web", false), -1);
    EXPECT_EQ(Page("13/12", false), -1);  // more pages than the total: a date or a ratio
    EXPECT_EQ(Page("1.", false), -1);
}

TEST(IsPageNumberSequence, NeedsRisingNumbersAPageApart) {
    EXPECT_TRUE(IsPageNumberSequence({{20, 1}, {41, 2}, {60, 3}}));
    EXPECT_FALSE(IsPageNumberSequence({{20, 1}, {25, 2}, {30, 3}}));  // a numbered list
    EXPECT_FALSE(IsPageNumberSequence({{20, 2}, {41, 1}}));
    EXPECT_FALSE(IsPageNumberSequence({{20, 1}}));
}

}  // namespace
}  // namespace planwatch::import::text
