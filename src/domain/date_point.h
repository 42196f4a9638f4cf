#pragma once
// A date as documents write it, at the precision they give: plans state deadlines
// by year or month, licences by day.

namespace planwatch::domain {

// A calendar point at year, month or day precision: month 0 means the whole year,
// day 0 the whole month. Invariant (Validate): year in 1900..2200, month 0..12,
// day 0..31 and day > 0 only with a month.
struct DatePoint {
    int year = 0;
    int month = 0;
    int day = 0;
    friend bool operator==(const DatePoint&, const DatePoint&) = default;
    friend auto operator<=>(const DatePoint&, const DatePoint&) = default;
};

}  // namespace planwatch::domain
