#include "domain/activity_status.h"

#include <gtest/gtest.h>

namespace planwatch::domain {
namespace {

CivilDate D(const char* text) { return *ParseCivilDate(text); }

KnownReport Approved(const char* period, ClaimedState claimed, const char* on, std::vector<IndicatorValue> values = {}) {
    return KnownReport{period, claimed, ReviewState::kApproved, on, std::move(values)};
}

Node Activity(std::optional<DatePoint> deadline, std::optional<Target> target = std::nullopt) {
    Node n{.kind = NodeKind::kActivity, .code = "1.1", .title = "Seminar"};
    n.deadline = deadline;
    n.indicators.push_back({.name = "Număr de seminarii", .target = target});
    return n;
}

struct Case {
    const char* name;
    std::optional<DatePoint> deadline;
    std::optional<Target> target;
    std::vector<KnownReport> reports;
    std::vector<std::string> missed_rounds;
    const char* as_of;
    ActivityStatus expected;
    const char* reason;  // expected reason, exactly
};

class ActivityStatusTable : public ::testing::TestWithParam<Case> {};

TEST_P(ActivityStatusTable, ComputesStatusAndReason) {
    const Case& c = GetParam();
    ActivityContext context{.plan_start_year = 2017, .plan_end_year = 2020, .missed_rounds = c.missed_rounds,
                            .lead = "CPECA Cluj"};
    ComputedStatus s = ComputeActivityStatus(Activity(c.deadline, c.target), c.reports, context, D(c.as_of));
    EXPECT_EQ(Name(s.status), std::string(Name(c.expected))) << c.name;
    EXPECT_EQ(s.reason, c.reason) << c.name;
}

const Target kTwoAtLeast{.value = 2, .comparator = Comparator::kAtLeast, .unit = "seminarii"};
const Target kTwoPerYear{.value = 2, .comparator = Comparator::kAtLeast, .unit = "seminarii", .per = TargetPer::kYear};

INSTANTIATE_TEST_SUITE_P(
    Rules, ActivityStatusTable,
    ::testing::Values(
        Case{"before the plan starts", DatePoint{2020}, {}, {}, {}, "2016-06-30", ActivityStatus::kNotStarted,
             "starts 2017-01-01"},
        Case{"started year, no report, deadline far", DatePoint{2020}, {}, {}, {}, "2018-03-01",
             ActivityStatus::kNotStarted, "no approved report; deadline 2020-12-31"},
        Case{"deadline passed on the last day is not yet overdue", DatePoint{2020}, {}, {}, {}, "2020-12-31",
             ActivityStatus::kAtRisk, "deadline 2020-12-31 in 0 days; no approved report"},
        Case{"the day after the deadline", DatePoint{2020}, {}, {}, {}, "2021-01-01", ActivityStatus::kOverdue,
             "deadline 2020-12-31 passed; no approved report"},
        Case{"overdue with a report in progress", DatePoint{2018, 12},
             {}, {Approved("2018-S1", ClaimedState::kInProgress, "2018-07-10")}, {}, "2019-02-01",
             ActivityStatus::kOverdue, "deadline 2018-12-31 passed; last approved report 2018-S1 says in progress"},
        Case{"completed before the deadline", DatePoint{2018, 12},
             {}, {Approved("2018", ClaimedState::kCompleted, "2018-11-10")}, {}, "2019-02-01",
             ActivityStatus::kCompleted, "report 2018 approved: completed"},
        Case{"a report known only after the as-of date does not count", DatePoint{2018, 12},
             {}, {Approved("2018", ClaimedState::kCompleted, "2019-03-10")}, {}, "2019-02-01",
             ActivityStatus::kOverdue, "deadline 2018-12-31 passed; no approved report"},
        Case{"a submitted but unapproved report does not count", DatePoint{2020},
             {}, {KnownReport{"2018", ClaimedState::kCompleted, ReviewState::kSubmitted, "2018-05-01", {}}}, {},
             "2018-06-01", ActivityStatus::kNotStarted, "no approved report; deadline 2020-12-31"},
        Case{"in progress, far from the deadline", DatePoint{2020},
             {}, {Approved("2018", ClaimedState::kInProgress, "2018-05-01")}, {}, "2018-06-01",
             ActivityStatus::kOnTrack, "last approved report 2018 says in progress; deadline 2020-12-31"},
        Case{"at risk exactly 90 days before", DatePoint{2020, 12, 31}, {}, {}, {}, "2020-10-02",
             ActivityStatus::kAtRisk, "deadline 2020-12-31 in 90 days; no approved report"},
        Case{"not yet at risk 91 days before", DatePoint{2020, 12, 31}, {}, {}, {}, "2020-10-01",
             ActivityStatus::kNotStarted, "no approved report; deadline 2020-12-31"},
        Case{"near the deadline and behind its target", DatePoint{2020}, kTwoAtLeast,
             {Approved("2020-S1", ClaimedState::kInProgress, "2020-07-05", {{0, 1}})}, {}, "2020-11-01",
             ActivityStatus::kAtRisk, "deadline 2020-12-31 in 60 days; indicator \"Număr de seminarii\" at 50 % of its target"},
        Case{"near the deadline and the target met", DatePoint{2020}, kTwoAtLeast,
             {Approved("2019", ClaimedState::kInProgress, "2020-01-05", {{0, 1}}),
              Approved("2020-S1", ClaimedState::kInProgress, "2020-07-05", {{0, 1}})},
             {}, "2020-11-01", ActivityStatus::kOnTrack,
             "last approved report 2020-S1 says in progress; deadline 2020-12-31"},
        Case{"a closed round without the lead's report", DatePoint{2020}, {}, {}, {"2018"}, "2019-02-15",
             ActivityStatus::kNotReported, "round 2018 closed without a report from CPECA Cluj"},
        Case{"overdue wins over not reported", DatePoint{2018}, {}, {}, {"2018"}, "2019-02-15",
             ActivityStatus::kOverdue, "deadline 2018-12-31 passed; no approved report"},
        Case{"cancelled", DatePoint{2020}, {}, {Approved("2018", ClaimedState::kCancelled, "2018-05-01")}, {},
             "2021-05-01", ActivityStatus::kCancelled, "report 2018 approved: cancelled"},
        Case{"no deadline: the plan's end is the deadline", std::nullopt, {}, {}, {}, "2021-06-30",
             ActivityStatus::kOverdue, "deadline 2020-12-31 passed; no approved report"}),
    [](const ::testing::TestParamInfo<Case>& info) {
        std::string name = info.param.name;
        for (char& ch : name) {
            if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
        }
        return name;
    });

TEST(Classify, BoundariesOfMetNearAndBehind) {
    StatusRules rules;
    Target at_least{.value = 10, .comparator = Comparator::kAtLeast};
    EXPECT_EQ(Classify(at_least, 10, rules), Achievement::kMet);
    EXPECT_EQ(Classify(at_least, 9, rules), Achievement::kNear);     // exactly 90 %
    EXPECT_EQ(Classify(at_least, 8.99, rules), Achievement::kBehind);
    Target at_most{.value = 5, .comparator = Comparator::kAtMost};
    EXPECT_EQ(Classify(at_most, 5, rules), Achievement::kMet);
    EXPECT_EQ(Classify(at_most, 5.5, rules), Achievement::kNear);    // 5/5.5 = 0.909
    EXPECT_EQ(Classify(at_most, 6, rules), Achievement::kBehind);
    Target equal{.value = 4, .comparator = Comparator::kEqual};
    EXPECT_EQ(Classify(equal, 4, rules), Achievement::kMet);
    EXPECT_EQ(Classify(equal, 5, rules), Achievement::kBehind);      // 4/5 = 0.8
}

TEST(Achievements, CumulativeTargetsAddPeriodsAndResubmissionsReplace) {
    Node n = Activity(DatePoint{2020}, kTwoAtLeast);
    std::vector<KnownReport> reports = {Approved("2018", ClaimedState::kInProgress, "2019-01-10", {{0, 1}}),
                                        Approved("2018", ClaimedState::kInProgress, "2019-01-20", {{0, 1}}),
                                        Approved("2019", ClaimedState::kInProgress, "2020-01-10", {{0, 1}})};
    ComputedStatus s = ComputeActivityStatus(n, reports, {}, D("2020-02-01"));
    ASSERT_EQ(s.indicators.size(), 1u);
    EXPECT_EQ(s.indicators[0].actual, 2.0);  // 1 for 2018 (resubmitted) + 1 for 2019
    EXPECT_EQ(s.indicators[0].achievement, Achievement::kMet);
}

TEST(Achievements, PerYearTargetsUseTheLatestPeriod) {
    Node n = Activity(DatePoint{2020}, kTwoPerYear);
    std::vector<KnownReport> reports = {Approved("2018", ClaimedState::kInProgress, "2019-01-10", {{0, 3}}),
                                        Approved("2019", ClaimedState::kInProgress, "2020-01-10", {{0, 1}})};
    ComputedStatus s = ComputeActivityStatus(n, reports, {}, D("2020-02-01"));
    EXPECT_EQ(s.indicators[0].actual, 1.0);
    EXPECT_EQ(s.indicators[0].achievement, Achievement::kBehind);
}

TEST(PeriodStatuses, AnnualActivityGetsOneStatusPerYearStarted) {
    Node n = Activity(DatePoint{2020});
    n.frequency = Frequency::kAnnual;
    ActivityContext context{.plan_start_year = 2017, .plan_end_year = 2020};
    std::vector<KnownReport> reports = {Approved("2017", ClaimedState::kCompleted, "2018-01-15")};
    auto statuses = ComputePeriodStatuses(n, reports, context, D("2019-03-01"));
    ASSERT_EQ(statuses.size(), 3u);  // 2017, 2018, 2019
    EXPECT_EQ(statuses[0].first, "2017");
    EXPECT_EQ(statuses[0].second.status, ActivityStatus::kCompleted);
    EXPECT_EQ(statuses[1].second.status, ActivityStatus::kOverdue);
    EXPECT_EQ(statuses[1].second.reason, "deadline 2018-12-31 passed; no approved report");
    EXPECT_EQ(statuses[2].second.status, ActivityStatus::kNotStarted);
}

TEST(PeriodStatuses, OneOffActivitiesHaveNone) {
    EXPECT_TRUE(ComputePeriodStatuses(Activity(DatePoint{2020}), {}, {.plan_start_year = 2017}, D("2019-03-01")).empty());
}

TEST(StatusReasons, CarryCodesAndValuesThatTheEnglishTextIsMadeOf) {
    Node n = Activity(DatePoint{2018, 12});
    ComputedStatus s = ComputeActivityStatus(n, {Approved("2018-S1", ClaimedState::kInProgress, "2018-07-10")},
                                             {.plan_start_year = 2017}, D("2019-02-01"));
    ASSERT_EQ(s.reason_parts.size(), 2u);
    EXPECT_EQ(s.reason_parts[0], (ReasonPart{"deadline_passed", {{"due", "2018-12-31"}}}));
    EXPECT_EQ(s.reason_parts[1], (ReasonPart{"last_report", {{"period", "2018-S1"}, {"claimed", "in_progress"}}}));
    EXPECT_EQ(s.reason, EnglishReason(s.reason_parts));
    EXPECT_EQ(s.reason, "deadline 2018-12-31 passed; last approved report 2018-S1 says in progress");
}

TEST(StatusReasons, AMissedRoundWithoutALeadNamesTheLeadInstitution) {
    ComputedStatus s = ComputeActivityStatus(Activity(DatePoint{2020}), {},
                                             {.plan_start_year = 2017, .missed_rounds = {"2018"}}, D("2019-03-01"));
    ASSERT_EQ(s.reason_parts.size(), 1u);
    EXPECT_EQ(s.reason_parts[0].code, "round_missed");
    EXPECT_EQ(s.reason_parts[0].params.at("institution"), "");
    EXPECT_EQ(s.reason, "round 2018 closed without a report from the lead institution");
}

TEST(StatusRulesSettings, AWiderAtRiskWindowTurnsAnActivityAtRisk) {
    Node n = Activity(DatePoint{2020});
    ActivityContext context{.plan_start_year = 2017};
    // 2020-06-30: 184 days before the deadline; not near with the default 90 days, near with 200.
    EXPECT_EQ(ComputeActivityStatus(n, {}, context, D("2020-06-30")).status, ActivityStatus::kNotStarted);
    ComputedStatus wide = ComputeActivityStatus(n, {}, context, D("2020-06-30"), {.at_risk_days = 200});
    EXPECT_EQ(wide.status, ActivityStatus::kAtRisk);
    EXPECT_EQ(wide.reason, "deadline 2020-12-31 in 184 days; no approved report");
}

TEST(StatusRulesSettings, ThresholdsMoveTheBoundariesOfMetAndNear) {
    Target at_least{.value = 10, .comparator = Comparator::kAtLeast};
    StatusRules strict{.met_ratio = 1.1, .near_ratio = 0.95};
    EXPECT_EQ(Classify(at_least, 10, strict), Achievement::kNear);
    EXPECT_EQ(Classify(at_least, 9, strict), Achievement::kBehind);
    EXPECT_EQ(Classify(at_least, 11, strict), Achievement::kMet);
}

TEST(StatusRulesSettings, ValidationNamesTheRuleOutOfRange) {
    EXPECT_TRUE(ValidateRules({}).ok());
    EXPECT_EQ(ValidateRules({.at_risk_days = -1}).where().field, "at_risk_days");
    EXPECT_EQ(ValidateRules({.met_ratio = 0}).where().field, "met_percent");
    EXPECT_EQ(ValidateRules({.met_ratio = 0.8, .near_ratio = 0.9}).where().field, "near_percent");
    EXPECT_EQ(ValidateRules({.near_ratio = 0}).code(), StatusCode::kInvalidArgument);
}

TEST(CivilDate, ParsesAndRefusesImpossibleDays) {
    EXPECT_TRUE(ParseCivilDate("2020-02-29").ok());
    EXPECT_FALSE(ParseCivilDate("2019-02-29").ok());
    EXPECT_FALSE(ParseCivilDate("2019-7-1").ok());
    EXPECT_EQ(ToString(AddDays(D("2020-12-31"), 1)), "2021-01-01");
    EXPECT_EQ(DaysFromEpoch(D("1970-01-01")), 0);
    EXPECT_EQ(ToString(LastDay(DatePoint{2017, 2})), "2017-02-28");
}

}  // namespace
}  // namespace planwatch::domain
