#include "import/recognise/services_values.h"

#include <gtest/gtest.h>

namespace planwatch::import::recognise {
namespace {

using domain::CapacityUnit;

const RegistryWords& Words() { return RegistryWords::Default(); }

TEST(ParseCapacity, ReadsPlacesAndRates) {
    auto places = ParseCapacity("50", "Capacitate", Words());
    ASSERT_TRUE(places);
    EXPECT_EQ(places->value, 50);
    EXPECT_EQ(places->unit, CapacityUnit::kPlaces);
    auto per_day = ParseCapacity("8 beneficiari /zi ", "Capacitate", Words());
    ASSERT_TRUE(per_day);
    EXPECT_EQ(per_day->value, 8);
    EXPECT_EQ(per_day->unit, CapacityUnit::kPerDay);
    EXPECT_EQ(ParseCapacity("8 beneficiari/\nzi", "", Words())->unit, CapacityUnit::kPerDay);
    EXPECT_EQ(ParseCapacity("150 beneficiari/an", "", Words())->unit, CapacityUnit::kPerYear);
    EXPECT_EQ(ParseCapacity("40 ore/\nsăptămână", "", Words())->unit, CapacityUnit::kHoursPerWeek);
    EXPECT_EQ(ParseCapacity("60/an", "", Words())->value, 60);
    EXPECT_EQ(ParseCapacity("10", "Capacitate necesară / Nr. benef./zi", Words())->unit, CapacityUnit::kPerDay);
    EXPECT_EQ(ParseCapacity("12", "Capacitate necesară / Nr. locuri (în paturi)", Words())->unit,
              CapacityUnit::kPlaces);
    EXPECT_EQ(ParseCapacity("110*\nîn restructurare", "Capacitate", Words())->value, 110);
}

TEST(ParseCapacity, NothingForDashOrWords) {
    EXPECT_FALSE(ParseCapacity("-", "", Words()));
    EXPECT_FALSE(ParseCapacity("", "", Words()));
    EXPECT_FALSE(ParseCapacity("nu este cazul", "", Words()));
}

TEST(ParseOccupancy, ReadsPercentAsFraction) {
    EXPECT_DOUBLE_EQ(*ParseOccupancy("100%"), 1.0);
    EXPECT_DOUBLE_EQ(*ParseOccupancy("95 %"), 0.95);
    EXPECT_DOUBLE_EQ(*ParseOccupancy("0,95"), 0.95);
    EXPECT_FALSE(ParseOccupancy(""));
}

TEST(ParseArea, ReadsDecimalComma) {
    EXPECT_DOUBLE_EQ(*ParseArea("421,75 mp"), 421.75);
    EXPECT_DOUBLE_EQ(*ParseArea("1330mp"), 1330);
    EXPECT_DOUBLE_EQ(*ParseArea("240,16mp"), 240.16);
}

TEST(CountStaff, SumsPostsPerLine) {
    EXPECT_EQ(CountStaff("şef de centru\npsihopedagog-1\nkinetoterapeut-1\nasistent medical-4"), 7);
    EXPECT_EQ(CountStaff("asistent medical – 10 kinetoterapeut-1   masor – 1 infirmiere –12 asistent social – 1 "
                         "psiholog  1 animator 2 îngrijitor curățenie4muncitor bucătărie3muncitor calificat "
                         "întreținere 1 "),
              36);
    EXPECT_EQ(CountStaff("-"), std::nullopt);
}

TEST(FirstNumber, GroupsThousandsWithDot) {
    EXPECT_DOUBLE_EQ(*FirstNumber("28.138 lei"), 28138);
    EXPECT_DOUBLE_EQ(*FirstNumber("Logoped1"), 1);
    EXPECT_FALSE(FirstNumber("fără cifre"));
}

TEST(StripBlank, DashesAreBlank) {
    EXPECT_TRUE(IsBlankCell(" - "));
    EXPECT_TRUE(IsBlankCell("\u2013"));
    EXPECT_FALSE(IsBlankCell("0"));
}

TEST(ParseLicence, ReadsNumberDateAndExpiry) {
    auto full = ParseLicence("LF nr. 0001234/12.03.2019, valabilă până la 12.03.2024", Words());
    ASSERT_TRUE(full);
    EXPECT_EQ(full->number, "0001234");
    EXPECT_EQ(full->date, (domain::DatePoint{2019, 3, 12}));
    EXPECT_EQ(full->expiry, (domain::DatePoint{2024, 3, 12}));
    // Only an expiry, after its marker; ISO dates; a number without a marker.
    auto expiry = ParseLicence("Licență valabilă până la 31/12/2026", Words());
    ASSERT_TRUE(expiry);
    EXPECT_EQ(expiry->number, "");
    EXPECT_FALSE(expiry->date);
    EXPECT_EQ(expiry->expiry, (domain::DatePoint{2026, 12, 31}));
    auto iso = ParseLicence("1047 2021-05-04 2026-05-04", Words());
    ASSERT_TRUE(iso);
    EXPECT_EQ(iso->number, "1047");
    EXPECT_EQ(iso->date, (domain::DatePoint{2021, 5, 4}));
    EXPECT_EQ(iso->expiry, (domain::DatePoint{2026, 5, 4}));
    EXPECT_EQ(ParseLicence("seria LF nr. 0003456", Words())->number, "0003456");
    EXPECT_FALSE(ParseLicence("-", Words()));
    EXPECT_FALSE(ParseLicence("în curs de licențiere", Words()));
    // An impossible day is no date.
    EXPECT_FALSE(ParseLicence("nr. 12 din 31.13.2019", Words())->date);
}

}  // namespace
}  // namespace planwatch::import::recognise
