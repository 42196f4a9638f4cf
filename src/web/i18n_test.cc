#include "web/i18n.h"

#include <gtest/gtest.h>

namespace planwatch::web {
namespace {

TEST(Messages, EveryLanguageHasEveryKeyOfTheDefault) {
    const Messages& ro = MessagesFor("ro");
    ASSERT_GT(ro.entries().size(), 150u);
    for (const std::string& language : Languages()) {
        const Messages& other = MessagesFor(language);
        EXPECT_EQ(other.entries().size(), ro.entries().size()) << language;
        for (const auto& [key, text] : ro.entries()) {
            EXPECT_TRUE(other.entries().contains(key)) << language << " lacks " << key;
        }
    }
    EXPECT_EQ(MessagesFor("sl").Get("nav_plans"), "Načrti");
    EXPECT_EQ(MessagesFor("en").Get("status_overdue"), "Overdue");
    EXPECT_EQ(MessagesFor("ro").Get("status_overdue"), "Întârziată");
    EXPECT_EQ(MessagesFor("de").language(), "ro");  // unknown languages get the default
    EXPECT_EQ(MessagesFor("en").Get("no_such_key"), "no_such_key");
}

TEST(Messages, FormatFillsNamedValues) {
    EXPECT_EQ(MessagesFor("en").Format("shown_of", {{"shown", "3"}, {"total", "47"}}), "Showing 3 of 47 activities.");
    EXPECT_EQ(MessagesFor("ro").Format("shown_of", {{"shown", "3"}, {"total", "47"}}),
              "Se afișează 3 din 47 activități.");
}

TEST(NegotiateLanguage, QueryThenCookieThenAcceptLanguageThenRomanian) {
    EXPECT_EQ(NegotiateLanguage("en", "sl", "sl-SI"), "en");
    EXPECT_EQ(NegotiateLanguage("xx", "sl", "en"), "sl");
    EXPECT_EQ(NegotiateLanguage("", "", "de-DE,sl-SI;q=0.8,en;q=0.9"), "en");
    EXPECT_EQ(NegotiateLanguage("", "", "sl-SI,sl;q=0.9"), "sl");
    EXPECT_EQ(NegotiateLanguage("", "", "de, fr;q=0.5"), "ro");
    EXPECT_EQ(NegotiateLanguage("", "", ""), "ro");
}

TEST(Format, NumbersAndDatesFollowTheLanguage) {
    EXPECT_EQ(FormatNumber(12500.5, "ro"), "12.500,5");
    EXPECT_EQ(FormatNumber(12500.5, "en"), "12,500.5");
    EXPECT_EQ(FormatNumber(2, "sl"), "2");
    EXPECT_EQ(FormatPercent(0.857, "ro"), "86\u00a0%");
    EXPECT_EQ(FormatPercent(0.857, "en"), "86%");
    EXPECT_EQ(FormatDate({2020, 12, 31}, "ro"), "31 decembrie 2020");
    EXPECT_EQ(FormatDate({2020, 12, 31}, "en"), "31 December 2020");
    EXPECT_EQ(FormatDate({2020, 12, 31}, "sl"), "31. december 2020");
    EXPECT_EQ(FormatMonth(2017, 7, "ro"), "iulie 2017");
}

}  // namespace
}  // namespace planwatch::web
