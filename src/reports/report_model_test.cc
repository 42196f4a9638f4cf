#include "reports/report_model.h"

#include <gtest/gtest.h>

#include <numeric>

#include "reports/testing/sample_plan.h"

namespace planwatch::reports {
namespace {

using domain::ActivityStatus;

TEST(BuildReportModel, CountsEveryActivityOnceInTotalsPillarsAndLeads) {
    const ReportModel& m = testing::SampleModel();
    EXPECT_EQ(m.activities.size(), 47u);
    EXPECT_EQ(m.totals.total, 47);
    int by_status = std::accumulate(m.totals.by_status.begin(), m.totals.by_status.end(), 0);
    EXPECT_EQ(by_status, 47);
    ASSERT_EQ(m.by_pillar.size(), 4u);
    EXPECT_EQ(m.by_pillar[0].code, "I");
    EXPECT_EQ(m.by_pillar[0].counts.total, 28);
    EXPECT_EQ(m.by_pillar[1].counts.total, 7);
    EXPECT_EQ(m.by_pillar[2].counts.total, 6);
    EXPECT_EQ(m.by_pillar[3].counts.total, 6);
    int led = 0;
    for (const InstitutionSummary& i : m.institutions) led += i.lead_counts.total;
    EXPECT_EQ(led, 47);
    EXPECT_EQ(m.activities[0].path, "I/A/A.1");
    EXPECT_EQ(m.activities[0].code, "A.1.1");
}

TEST(BuildReportModel, OutlineKeepsDocumentOrderWithHeadingsBeforeTheirActivities) {
    const ReportModel& m = testing::SampleModel();
    ASSERT_GE(m.outline.size(), 4u);
    EXPECT_EQ(m.outline[0].code, "I");
    EXPECT_EQ(m.outline[1].code, "A");
    EXPECT_EQ(m.outline[2].code, "A.1");
    EXPECT_EQ(m.outline[3].activity, 0);
    int activities = 0;
    for (const OutlineEntry& e : m.outline) activities += e.activity >= 0;
    EXPECT_EQ(activities, 47);
}

// A plan small enough to check every number by hand.
domain::Plan SmallPlan() {
    domain::Plan plan{.title = "Plan mic", .language = "ro", .period_start = 2018, .period_end = 2019};
    domain::Node pillar{.kind = domain::NodeKind::kPillar, .code = "I", .title = "Prevenire"};
    auto activity = [](std::string code, int deadline, std::string lead) {
        domain::Node a{.kind = domain::NodeKind::kActivity, .code = std::move(code), .title = "Seminar " + lead};
        a.deadline = domain::DatePoint{deadline};
        a.indicators.push_back({.name = "Număr de seminarii",
                                .target = domain::Target{.value = 2, .comparator = domain::Comparator::kAtLeast}});
        a.responsible = {{lead, domain::ResponsibilityRole::kLead}, {"ONG", domain::ResponsibilityRole::kPartner}};
        return a;
    };
    pillar.children.push_back(activity("1.1", 2018, "ISJ Cluj"));
    pillar.children.push_back(activity("1.2", 2019, "ISJ Cluj"));
    pillar.children.push_back(activity("1.3", 2019, "DSP Cluj"));
    plan.nodes.push_back(pillar);
    plan.institutions = {{.name = "ISJ Cluj"}, {.name = "DSP Cluj"}, {.name = "ONG"}};
    return plan;
}

ReportEntry Report(std::string period, domain::ClaimedState claimed, std::string submitted, std::string who,
                   double value, domain::ReviewState review = domain::ReviewState::kApproved) {
    domain::ProgressReport r{.period = std::move(period), .claimed = claimed, .values = {{0, value}},
                             .review = review, .submitted_at = std::move(submitted)};
    return {r, std::move(who)};
}

TEST(ReportModel, SummaryOfJoinsThePlansNamesForOneInstitutionAfterAMerge) {
    // As a merge leaves it: "ONG" (partner on all three) and "DSP Cluj" (lead on 1.3) are one institution, 7.
    domain::Plan plan = SmallPlan();
    plan.institutions[0].id = 5;
    plan.institutions[1].id = 7;
    plan.institutions[2].id = 7;
    StatusOr<ReportModel> m = BuildReportModel(plan, {}, {}, domain::CivilDate{2019, 3, 1});
    ASSERT_TRUE(m.ok()) << m.status();

    std::optional<InstitutionSummary> merged = m->SummaryOf(7);
    ASSERT_TRUE(merged.has_value());
    EXPECT_EQ(merged->name, "DSP Cluj");
    EXPECT_EQ(merged->led, std::vector<int>{2});  // 1.3
    EXPECT_EQ(merged->partnered, (std::vector<int>{0, 1}));  // 1.3 is led, not partnered as well
    EXPECT_EQ(merged->lead_counts.total, 1);
    std::optional<InstitutionSummary> isj = m->SummaryOf(5);
    ASSERT_TRUE(isj.has_value());
    EXPECT_EQ(isj->led, (std::vector<int>{0, 1}));
    EXPECT_TRUE(isj->partnered.empty());
    EXPECT_FALSE(m->SummaryOf(99).has_value());
}

TEST(BuildReportModel, MeasuresCompletenessAndTimelinessPerLeadInstitution) {
    std::vector<ActivityReports> reports = {
        {.activity_code = "1.1",
         .reports = {Report("2018", domain::ClaimedState::kCompleted, "2019-01-10T08:00:00Z", "ISJ Cluj", 2)}},
        {.activity_code = "1.2",
         .reports = {Report("2018", domain::ClaimedState::kInProgress, "2019-02-20T08:00:00Z", "ISJ Cluj", 1)}},
        {.activity_code = "9.9", .reports = {Report("2018", domain::ClaimedState::kCompleted, "2019-01-10", "X", 1)}},
    };
    std::vector<domain::ReportingRound> rounds = {{.period = "2018", .opens_on = "2019-01-01", .due_on = "2019-01-31"}};
    StatusOr<ReportModel> m = BuildReportModel(SmallPlan(), reports, rounds, domain::CivilDate{2019, 3, 1});
    ASSERT_TRUE(m.ok()) << m.status();

    const InstitutionSummary* isj = m->FindInstitution("ISJ Cluj");
    ASSERT_NE(isj, nullptr);
    EXPECT_EQ(isj->expected, 2);
    EXPECT_EQ(isj->received, 2);
    EXPECT_EQ(isj->on_time, 1);  // 1.2 came on 2019-02-20, after the 2019-01-31 due date
    EXPECT_DOUBLE_EQ(*isj->Timeliness(), 0.5);
    const InstitutionSummary* dsp = m->FindInstitution("DSP Cluj");
    ASSERT_NE(dsp, nullptr);
    EXPECT_EQ(dsp->expected, 1);
    EXPECT_EQ(dsp->received, 0);
    EXPECT_DOUBLE_EQ(*dsp->Completeness(), 0.0);
    const InstitutionSummary* ong = m->FindInstitution("ONG");
    ASSERT_NE(ong, nullptr);
    EXPECT_EQ(ong->partnered.size(), 3u);
    EXPECT_FALSE(ong->Completeness().has_value());
    EXPECT_EQ(m->FindInstitution("X"), nullptr);  // reports for unknown activities are ignored

    EXPECT_EQ(m->activities[0].status, ActivityStatus::kCompleted);
    EXPECT_EQ(m->activities[1].status, ActivityStatus::kOnTrack);
    EXPECT_EQ(m->activities[2].status, ActivityStatus::kNotReported);
    EXPECT_EQ(m->activities[2].reason, "round 2018 closed without a report from DSP Cluj");
    EXPECT_EQ(m->activities[1].indicators[0].target_text, "≥ 2");
    EXPECT_EQ(m->activities[1].indicators[0].achievement, domain::Achievement::kBehind);
    ASSERT_EQ(m->rounds.size(), 1u);
    EXPECT_EQ(m->rounds[0].expected, 3);
    EXPECT_EQ(m->rounds[0].received, 2);
    EXPECT_EQ(m->rounds[0].on_time, 1);
    EXPECT_EQ(m->attention, (std::vector<int>{2}));
    EXPECT_EQ(m->achievement.with_target, 3);
    EXPECT_EQ(m->achievement.met, 1);
    EXPECT_EQ(m->achievement.behind, 1);
    EXPECT_EQ(m->achievement.no_value, 1);
}

TEST(BuildReportModel, AReportForARoundCountsItOnItsDueDateAndSplitsItPerLead) {
    std::vector<ActivityReports> reports = {
        {.activity_code = "1.1",
         .reports = {Report("2018", domain::ClaimedState::kCompleted, "2019-01-10T08:00:00Z", "ISJ Cluj", 2)}},
        {.activity_code = "1.2",
         .reports = {Report("2018", domain::ClaimedState::kInProgress, "2019-02-05T08:00:00Z", "ISJ Cluj", 1)}},
    };
    std::vector<domain::ReportingRound> rounds = {
        {.id = 7, .period = "2018", .opens_on = "2019-01-01", .due_on = "2019-01-31", .grace_days = 10},
        {.id = 8, .period = "2019", .opens_on = "2020-01-01", .due_on = "2020-01-31"}};
    const domain::CivilDate due{2019, 1, 31};
    // As of its due date, without the round named, round 2018 is not past its grace days yet.
    StatusOr<ReportModel> plain = BuildReportModel(SmallPlan(), reports, rounds, due);
    ASSERT_TRUE(plain.ok()) << plain.status();
    EXPECT_FALSE(plain->round.has_value());
    EXPECT_FALSE(plain->rounds[0].due);
    EXPECT_EQ(plain->rounds[0].expected, 0);

    StatusOr<ReportModel> m = BuildReportModel(SmallPlan(), reports, rounds, due, {.round_id = 7});
    ASSERT_TRUE(m.ok()) << m.status();
    ASSERT_TRUE(m->round.has_value());
    const RoundSummary& r = *m->round;
    EXPECT_EQ(r.id, 7);
    EXPECT_EQ(r.period, "2018");
    EXPECT_EQ(r.opens_on, "2019-01-01");
    EXPECT_EQ(r.due_on, "2019-01-31");
    EXPECT_EQ(r.grace_days, 10);
    EXPECT_TRUE(r.due);
    EXPECT_EQ(r.expected, 3);
    EXPECT_EQ(r.received, 1);  // 1.2's report came after the due date
    EXPECT_EQ(r.on_time, 1);
    ASSERT_EQ(r.institutions.size(), 2u);
    EXPECT_EQ(r.institutions[0].name, "DSP Cluj");
    EXPECT_EQ(r.institutions[0].counts.expected, 1);
    EXPECT_EQ(r.institutions[0].counts.received, 0);
    EXPECT_EQ(r.institutions[1].name, "ISJ Cluj");
    EXPECT_EQ(r.institutions[1].counts.expected, 2);
    EXPECT_DOUBLE_EQ(*r.institutions[1].counts.Completeness(), 0.5);
    EXPECT_FALSE(m->rounds[1].due);
    EXPECT_TRUE(m->rounds[1].institutions.empty());
    EXPECT_EQ(m->activities[2].status, ActivityStatus::kNotReported);

    StatusOr<ReportModel> unknown = BuildReportModel(SmallPlan(), reports, rounds, due, {.round_id = 9});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
}

TEST(BuildReportModel, IgnoresReportsNotYetSubmittedOrApprovedByTheDate) {
    std::vector<ActivityReports> reports = {
        {.activity_code = "1.1",
         .reports = {Report("2018", domain::ClaimedState::kCompleted, "2019-01-10T08:00:00Z", "ISJ Cluj", 2,
                            domain::ReviewState::kSubmitted)}},
        {.activity_code = "1.2",
         .reports = {Report("2018", domain::ClaimedState::kCompleted, "2019-05-10T08:00:00Z", "ISJ Cluj", 2)}},
    };
    StatusOr<ReportModel> m = BuildReportModel(SmallPlan(), reports, {}, domain::CivilDate{2019, 3, 1});
    ASSERT_TRUE(m.ok()) << m.status();
    EXPECT_EQ(m->activities[0].status, ActivityStatus::kOverdue);
    EXPECT_TRUE(m->activities[0].reports.empty());
    EXPECT_NE(m->activities[1].status, ActivityStatus::kCompleted);
    EXPECT_TRUE(m->activities[1].latest_reports.empty());
}

TEST(BuildReportModel, RefusesAPlanThatBreaksItsInvariants) {
    domain::Plan plan = SmallPlan();
    plan.title.clear();
    StatusOr<ReportModel> m = BuildReportModel(plan, {}, {}, domain::CivilDate{2019, 3, 1});
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument);
}

TEST(BuildReportModel, FallsBackToEnglishLabelsForALanguageWithoutThem) {
    domain::Plan plan = SmallPlan();
    plan.language = "it";
    StatusOr<ReportModel> m = BuildReportModel(plan, {}, {}, domain::CivilDate{2019, 3, 1});
    ASSERT_TRUE(m.ok()) << m.status();
    EXPECT_EQ(m->language, "en");
    plan.language = "sl";
    EXPECT_EQ(BuildReportModel(plan, {}, {}, domain::CivilDate{2019, 3, 1})->language, "sl");
}

}  // namespace
}  // namespace planwatch::reports
