#include "domain/monitoring.h"

#include <gtest/gtest.h>

namespace planwatch::domain {
namespace {

std::string Canonical(std::string_view text) {
    StatusOr<Period> p = ParsePeriod(text);
    return p.ok() ? ToString(*p) : "error";
}

TEST(ParsePeriod, ReadsEveryCadence) {
    EXPECT_EQ(Canonical("2019"), "2019");
    EXPECT_EQ(Canonical("2019-S1"), "2019-S1");
    EXPECT_EQ(Canonical("2019-2"), "2019-S2");  // the Slovenian grid's semester
    EXPECT_EQ(Canonical("2019-Q3"), "2019-Q3");
    EXPECT_EQ(Canonical("2019-07"), "2019-07");
}

TEST(ParsePeriod, RefusesWhatIsNotAPeriodAndSaysWhatWasExpected) {
    for (const char* bad : {"", "19", "2019-", "2019-S3", "2019-Q5", "2019-13", "2019-3", "abcd", "2019-07x"}) {
        StatusOr<Period> p = ParsePeriod(bad);
        ASSERT_FALSE(p.ok()) << bad;
        EXPECT_NE(p.status().message().find("expected 2019, 2019-S1"), std::string::npos);
    }
}

}  // namespace
}  // namespace planwatch::domain
