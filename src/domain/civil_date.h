#pragma once
// A calendar day without time zone, for "as of" computations. Plans speak of
// years and months; status rules need the last day those stand for.
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/plan.h"

namespace planwatch::domain {

struct CivilDate {
    int year = 1970;
    int month = 1;
    int day = 1;
    friend bool operator==(const CivilDate&, const CivilDate&) = default;
    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// "2019-07-31"; kInvalidArgument for anything else, including 2019-02-30.
StatusOr<CivilDate> ParseCivilDate(std::string_view text);
std::string ToString(const CivilDate& date);  // "2019-07-31"
std::string ToString(const DatePoint& point);  // at its precision: "2019", "2019-07", "2019-07-31"

int DaysInMonth(int year, int month);
// Days since 1970-01-01 (negative before); used for differences.
long DaysFromEpoch(const CivilDate& date);
CivilDate AddDays(const CivilDate& date, long days);

// The last day a DatePoint stands for: 2020 -> 2020-12-31, 2017-07 -> 2017-07-31.
CivilDate LastDay(const DatePoint& point);
// The first day: 2020 -> 2020-01-01, 2017-07 -> 2017-07-01.
CivilDate FirstDay(const DatePoint& point);

}  // namespace planwatch::domain
