#include "services/monitoring_test_suite.h"

#include <algorithm>
#include <map>
#include <set>

#include "domain/activity_status.h"
#include "domain/rounds.h"

namespace planwatch::services::testing {
namespace {

using domain::ActivityStatus;
using domain::CivilDate;

CivilDate Day(const char* text) { return *domain::ParseCivilDate(text); }

std::vector<const domain::Node*> Activities(const domain::Plan& plan) {
    std::vector<const domain::Node*> result;
    domain::ForEachNode(plan.nodes, [&](const domain::Node& node) {
        if (node.kind == domain::NodeKind::kActivity) result.push_back(&node);
    });
    return result;
}

std::string Lead(const domain::Node& node) {
    for (const domain::Responsibility& r : node.responsible) {
        if (r.role == domain::ResponsibilityRole::kLead) return r.institution;
    }
    return "";
}

int64_t InstitutionId(const domain::Plan& plan, const std::string& name) {
    for (const domain::Institution& institution : plan.institutions) {
        if (institution.name == name) return institution.id.value_or(0);
    }
    return 0;
}

Actor Coordinator() { return Actor{.name = "coord@example.ro", .role = domain::Role::kCoordinator}; }
Actor Reporter(int64_t institution) {
    return Actor{.name = "rep" + std::to_string(institution) + "@example.ro", .role = domain::Role::kReporter,
                 .institution_id = institution};
}

const reports::ActivityRow* Row(const reports::ReportModel& model, int64_t activity_id) {
    for (const reports::ActivityRow& row : model.activities) {
        if (row.id == activity_id) return &row;
    }
    return nullptr;
}

}  // namespace

void MonitoringSuite::SetUp() {
    StatusOr<std::unique_ptr<storage::Store>> store = storage::OpenStore(GetParam().new_url());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
    services_ = std::make_unique<Services>(*store_);
    reports_ = std::make_unique<ReportService>(*store_, [this] { return now_; });
}

int64_t MonitoringSuite::ImportSeed(const std::string& file) {
    StatusOr<ImportOutcome> outcome =
        services_->imports().ImportFile(std::string(PLANWATCH_SOURCE_DIR) + "/samples/" + file, "test");
    EXPECT_TRUE(outcome.ok()) << outcome.status();
    return outcome.ok() ? outcome->plan_id : 0;
}

// Issue 5: seed 000 without reports.
TEST_P(MonitoringSuite, Seed000WithoutReportsIsNotStartedIn2016AndOverdueIn2021) {
    int64_t plan_id = ImportSeed("000_ffec081ef8fe4e47.txt");
    StatusOr<reports::ReportModel> early = services_->statuses().Compute(plan_id, Day("2016-06-30"));
    ASSERT_TRUE(early.ok()) << early.status();
    ASSERT_GT(early->activities.size(), 40u);
    EXPECT_EQ(early->totals.Of(ActivityStatus::kNotStarted), int(early->activities.size()));
    EXPECT_EQ(early->totals.Of(ActivityStatus::kOverdue), 0);

    StatusOr<reports::ReportModel> late = services_->statuses().Compute(plan_id, Day("2021-06-30"));
    ASSERT_TRUE(late.ok()) << late.status();
    EXPECT_EQ(late->totals.Of(ActivityStatus::kOnTrack), 0);
    EXPECT_EQ(late->totals.Of(ActivityStatus::kCompleted), 0);
    int due_by_2020 = 0;
    for (const reports::ActivityRow& row : late->activities) {
        if (row.due && row.due->year <= 2020) {
            ++due_by_2020;
            EXPECT_EQ(row.status, ActivityStatus::kOverdue) << row.code << ": " << row.reason;
            EXPECT_NE(row.reason.find("passed"), std::string::npos) << row.reason;
        }
    }
    EXPECT_EQ(due_by_2020, int(late->activities.size()));  // the plan runs 2017..2020
    EXPECT_EQ(late->totals.Of(ActivityStatus::kOverdue), due_by_2020);
}

// Issue 5: a full round on seed 000 (services level; the HTTP test drives the same through the API).
TEST_P(MonitoringSuite, Seed000RoundThroughSubmitReturnResubmitApprove) {
    int64_t plan_id = ImportSeed("000_ffec081ef8fe4e47.txt");
    StatusOr<domain::Plan> plan = [&] {
        auto tx = store_->Begin();
        return (*tx)->LoadPlan(plan_id);
    }();
    ASSERT_TRUE(plan.ok()) << plan.status();

    // Reporters cannot open rounds.
    EXPECT_EQ(services_->rounds().Open({.plan_id = plan_id, .period = "2017"}, Reporter(1), Day("2018-01-02"))
                  .status().code(), StatusCode::kPermissionDenied);
    StatusOr<RoundView> round =
        services_->rounds().Open({.plan_id = plan_id, .period = "2017", .grace_days = 10}, Coordinator(),
                                 Day("2018-01-02"));
    ASSERT_TRUE(round.ok()) << round.status();
    EXPECT_EQ(round->round.opens_on, "2018-01-01");
    EXPECT_EQ(round->round.due_on, "2018-01-30");
    EXPECT_EQ(round->locks_after, "2018-02-09");
    EXPECT_FALSE(round->locked);
    EXPECT_EQ(services_->rounds().Open({.plan_id = plan_id, .period = "2017"}, Coordinator(), Day("2018-01-02"))
                  .status().code(), StatusCode::kConflict);

    // Expected reporters: exactly the leads of the activities scheduled in 2017.
    std::multiset<std::pair<int64_t, std::string>> want, got;
    domain::Period y2017 = *domain::ParsePeriod("2017");
    for (const domain::Node* activity : Activities(*plan)) {
        if (domain::IsScheduledIn(*activity, y2017, *plan) && !Lead(*activity).empty()) {
            want.insert({*activity->id, Lead(*activity)});
        }
    }
    for (const ExpectedReporter& e : round->expected) got.insert({e.activity_id, e.institution});
    EXPECT_EQ(got, want);
    ASSERT_FALSE(round->expected.empty());
    EXPECT_EQ(round->received_count, 0);

    const ExpectedReporter target = round->expected.front();
    const int64_t lead = *target.institution_id;
    // An institution that is neither lead nor partner of the activity.
    int64_t outsider = 0;
    const domain::Node* activity = nullptr;
    for (const domain::Node* a : Activities(*plan)) {
        if (a->id == target.activity_id) activity = a;
    }
    ASSERT_NE(activity, nullptr);
    for (const domain::Institution& institution : plan->institutions) {
        bool responsible = std::any_of(activity->responsible.begin(), activity->responsible.end(),
                                       [&](const domain::Responsibility& r) { return r.institution == institution.name; });
        if (!responsible) outsider = *institution.id;
    }
    ASSERT_NE(outsider, 0);
    EXPECT_EQ(reports_->Create({.activity_id = target.activity_id, .period = "2017"}, Reporter(outsider))
                  .status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(reports_->Create({.activity_id = target.activity_id, .period = "2017", .institution_id = lead},
                               Reporter(outsider)).status().code(), StatusCode::kPermissionDenied);

    StatusOr<domain::ProgressReport> draft =
        reports_->Create({.activity_id = target.activity_id, .period = "2017",
                          .content = {.claimed = domain::ClaimedState::kInProgress, .narrative = "started"}},
                         Reporter(lead));
    ASSERT_TRUE(draft.ok()) << draft.status();
    EXPECT_EQ(draft->review, domain::ReviewState::kDraft);
    EXPECT_EQ(draft->version, 1);
    EXPECT_EQ(reports_->Approve(*draft->id, Coordinator()).status().code(), StatusCode::kConflict);  // not submitted

    now_ = "2018-01-20T10:00:00Z";
    StatusOr<domain::ProgressReport> submitted = reports_->Submit(*draft->id, Reporter(lead));
    ASSERT_TRUE(submitted.ok()) << submitted.status();
    EXPECT_EQ(submitted->submitted_at, "2018-01-20T10:00:00Z");
    EXPECT_EQ(reports_->Approve(*draft->id, Reporter(lead)).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(reports_->Return(*draft->id, " ", Coordinator()).status().code(), StatusCode::kInvalidArgument);

    StatusOr<RoundView> after_submit = services_->rounds().Get(*round->round.id, Day("2018-01-21"), Coordinator());
    ASSERT_TRUE(after_submit.ok()) << after_submit.status();
    EXPECT_EQ(after_submit->received_count, 1);
    EXPECT_EQ(after_submit->on_time_count, 1);

    StatusOr<domain::ProgressReport> returned = reports_->Return(*draft->id, "add the number of sessions",
                                                                 Coordinator());
    ASSERT_TRUE(returned.ok()) << returned.status();
    EXPECT_EQ(returned->review, domain::ReviewState::kReturned);
    EXPECT_EQ(returned->review_comment, "add the number of sessions");

    now_ = "2018-01-25T08:00:00Z";
    StatusOr<domain::ProgressReport> edited = reports_->Edit(
        *draft->id, {.claimed = domain::ClaimedState::kCompleted, .narrative = "done: 4 sessions"},
        returned->version, Reporter(lead));
    ASSERT_TRUE(edited.ok()) << edited.status();
    StatusOr<domain::ProgressReport> resubmitted = reports_->Submit(*draft->id, Reporter(lead));
    ASSERT_TRUE(resubmitted.ok()) << resubmitted.status();
    EXPECT_EQ(resubmitted->submitted_at, "2018-01-20T10:00:00Z");  // the first answer decides timeliness

    StatusOr<reports::ReportModel> before = services_->statuses().Compute(plan_id, Day("2018-02-01"));
    ASSERT_TRUE(before.ok()) << before.status();
    ActivityStatus status_before = Row(*before, target.activity_id)->status;
    EXPECT_NE(status_before, ActivityStatus::kCompleted);

    StatusOr<domain::ProgressReport> approved = reports_->Approve(*draft->id, Coordinator());
    ASSERT_TRUE(approved.ok()) << approved.status();
    EXPECT_EQ(approved->review, domain::ReviewState::kApproved);
    EXPECT_EQ(approved->version, 6);  // create, submit, return, edit, resubmit, approve

    StatusOr<reports::ReportModel> after = services_->statuses().Compute(plan_id, Day("2018-02-01"));
    ASSERT_TRUE(after.ok()) << after.status();
    const reports::ActivityRow* row = Row(*after, target.activity_id);
    EXPECT_EQ(row->status, ActivityStatus::kCompleted) << row->reason;
    EXPECT_EQ(after->totals.Of(ActivityStatus::kCompleted), before->totals.Of(ActivityStatus::kCompleted) + 1);

    StatusOr<RoundView> final_round = services_->rounds().Get(*round->round.id, Day("2018-02-01"), Coordinator());
    ASSERT_TRUE(final_round.ok());
    EXPECT_EQ(final_round->received_count, 1);
    EXPECT_EQ(final_round->expected_count, int(want.size()));
    for (const InstitutionCompleteness& c : final_round->institutions) {
        if (c.institution_id == lead) {
            EXPECT_GE(c.received, 1);
        }
    }

    // An edit after approval starts revision 2 and keeps the history.
    StatusOr<domain::ProgressReport> revised = reports_->Edit(
        *draft->id, {.claimed = domain::ClaimedState::kCompleted, .narrative = "done: 5 sessions"}, 6,
        Reporter(lead));
    ASSERT_TRUE(revised.ok()) << revised.status();
    EXPECT_EQ(revised->revision, 2);
    EXPECT_EQ(revised->review, domain::ReviewState::kDraft);
    StatusOr<std::vector<storage::ReportRevision>> history = reports_->History(*draft->id);
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->size(), 2u);  // the returned state and the approved one
    EXPECT_NE((*history)[1].snapshot_json.find("\"review\":\"approved\""), std::string::npos);

    // Every write was audited.
    auto tx = store_->Begin();
    StatusOr<std::vector<domain::AuditEvent>> audit = (*tx)->ListAudit(100);
    ASSERT_TRUE(audit.ok());
    std::multiset<std::string> actions;
    for (const domain::AuditEvent& event : *audit) actions.insert(event.action);
    EXPECT_EQ(actions.count("round.open"), 1u);
    EXPECT_EQ(actions.count("report.create"), 1u);
    EXPECT_EQ(actions.count("report.submit"), 2u);
    EXPECT_EQ(actions.count("report.return"), 1u);
    EXPECT_EQ(actions.count("report.approve"), 1u);
    EXPECT_EQ(actions.count("report.edit"), 2u);
}

// Recurring activities get a status per period: on seed 000, an annual activity
// whose lead reported 2017 completed is completed in 2017, overdue in 2018 (no
// report) and not started in 2019, as of 2019-03-01; a one-off activity has none.
TEST_P(MonitoringSuite, Seed000AnnualActivitiesGetAStatusPerYear) {
    int64_t plan_id = ImportSeed("000_ffec081ef8fe4e47.txt");
    StatusOr<domain::Plan> plan = [&] {
        auto tx = store_->Begin();
        return (*tx)->LoadPlan(plan_id);
    }();
    ASSERT_TRUE(plan.ok()) << plan.status();
    const domain::Node* annual = nullptr;
    const domain::Node* once = nullptr;
    int annual_count = 0;
    for (const domain::Node* a : Activities(*plan)) {
        const bool yearly = a->frequency == domain::Frequency::kAnnual;
        annual_count += yearly;
        if (yearly && !annual && !Lead(*a).empty() && a->deadline && a->deadline->year == 2020) annual = a;
        if (!a->frequency && !once) once = a;
    }
    ASSERT_NE(annual, nullptr) << "seed 000 has annual activities (\"Anual\") due by the plan's end, 2020";
    const int64_t lead = InstitutionId(*plan, Lead(*annual));
    StatusOr<domain::ProgressReport> report = reports_->Create(
        {.activity_id = *annual->id, .period = "2017", .content = {.claimed = domain::ClaimedState::kCompleted}},
        Reporter(lead));
    ASSERT_TRUE(report.ok()) << report.status();
    ASSERT_TRUE(reports_->Submit(*report->id, Reporter(lead)).ok());
    ASSERT_TRUE(reports_->Approve(*report->id, Coordinator()).ok());

    StatusOr<reports::ReportModel> model = services_->statuses().Compute(plan_id, Day("2019-03-01"));
    ASSERT_TRUE(model.ok()) << model.status();
    int recurring = 0;
    for (const reports::ActivityRow& row : model->activities) recurring += row.recurring;
    EXPECT_GE(recurring, annual_count);
    const reports::ActivityRow* row = Row(*model, *annual->id);
    ASSERT_NE(row, nullptr);
    EXPECT_TRUE(row->recurring);
    std::map<std::string, const reports::PeriodStatusRow*> by_period;
    for (const reports::PeriodStatusRow& p : row->periods) by_period[p.period] = &p;
    ASSERT_TRUE(by_period.count("2017") && by_period.count("2018") && by_period.count("2019")) << row->periods.size();
    EXPECT_FALSE(by_period.count("2020"));  // not begun by 2019-03-01
    EXPECT_EQ(row->periods.back().period, "2019");
    EXPECT_EQ(by_period["2017"]->status, ActivityStatus::kCompleted) << by_period["2017"]->reason;
    EXPECT_EQ(by_period["2017"]->reason, "report 2017 approved: completed");
    EXPECT_EQ(by_period["2018"]->status, ActivityStatus::kOverdue) << by_period["2018"]->reason;
    ASSERT_EQ(by_period["2018"]->reason_parts.size(), 2u);
    EXPECT_EQ(by_period["2018"]->reason_parts[0], (domain::ReasonPart{"deadline_passed", {{"due", "2018-12-31"}}}));
    EXPECT_EQ(by_period["2018"]->reason_parts[1].code, "no_report");
    EXPECT_EQ(by_period["2019"]->status, ActivityStatus::kNotStarted) << by_period["2019"]->reason;
    // The whole activity runs to the plan's end: its one report says completed.
    EXPECT_EQ(row->status, ActivityStatus::kCompleted);

    ASSERT_NE(once, nullptr);
    const reports::ActivityRow* one_off = Row(*model, *once->id);
    ASSERT_NE(one_off, nullptr);
    EXPECT_FALSE(one_off->recurring);
    EXPECT_TRUE(one_off->periods.empty());
}

// The installation's thresholds reach every status StatusService computes: with a
// 400-day at-risk window, activities due in 2020 are at risk as of 2020-01-15.
TEST_P(MonitoringSuite, ConfiguredThresholdsChangeStatuses) {
    int64_t plan_id = ImportSeed("000_ffec081ef8fe4e47.txt");
    StatusOr<reports::ReportModel> usual = services_->statuses().Compute(plan_id, Day("2020-01-15"));
    ASSERT_TRUE(usual.ok()) << usual.status();
    StatusService wide(*store_, {.at_risk_days = 400});
    // options.rules are the service's, whatever a caller passes.
    StatusOr<reports::ReportModel> wider = wide.Compute(plan_id, Day("2020-01-15"), {.rules = {.at_risk_days = 1}});
    ASSERT_TRUE(wider.ok()) << wider.status();
    int changed = 0;
    for (size_t i = 0; i < usual->activities.size(); ++i) {
        const reports::ActivityRow& before = usual->activities[i];
        const reports::ActivityRow& after = wider->activities[i];
        if (before.status == after.status) continue;
        ++changed;
        EXPECT_EQ(before.status, ActivityStatus::kNotStarted) << before.code << ": " << before.reason;
        EXPECT_EQ(after.status, ActivityStatus::kAtRisk) << after.code << ": " << after.reason;
        EXPECT_EQ(after.reason_parts.front().code, "deadline_near");
    }
    EXPECT_GT(changed, 0);
    EXPECT_EQ(wider->totals.Of(ActivityStatus::kAtRisk), usual->totals.Of(ActivityStatus::kAtRisk) + changed);
}

// National scale: the batch path (bulk reads, one transaction per batch) gives
// every model exactly as Compute gives it plan by plan; seed 000 with a 2017
// round and a few approved, submitted and draft reports, next to seed 002.
TEST_P(MonitoringSuite, ComputeEachGivesWhatComputeGivesPlanByPlan) {
    int64_t seed000 = ImportSeed("000_ffec081ef8fe4e47.txt");
    int64_t seed002 = ImportSeed("002_8d53b20a0e2536f7.txt");
    StatusOr<domain::Plan> plan = [&] { return (*store_->Begin())->LoadPlan(seed000); }();
    ASSERT_TRUE(plan.ok()) << plan.status();
    ASSERT_TRUE(services_->rounds().Open({.plan_id = seed000, .period = "2017", .grace_days = 10}, Coordinator(),
                                         Day("2018-01-02")).ok());
    std::vector<const domain::Node*> activities = Activities(*plan);
    ASSERT_GT(activities.size(), 40u);
    {
        auto tx = store_->Begin();
        ASSERT_TRUE(tx.ok());
        std::vector<domain::ProgressReport> reports;
        for (size_t a = 0; a < 6; ++a) {
            const std::string lead = Lead(*activities[a]);
            domain::ProgressReport report{
                .activity_id = *activities[a]->id,
                .institution_id = InstitutionId(*plan, lead),
                .period = "2017",
                .claimed = a % 2 == 0 ? domain::ClaimedState::kCompleted : domain::ClaimedState::kInProgress,
                .narrative = "Activitate desfășurată",
                .review = a < 3 ? domain::ReviewState::kApproved
                                : a < 5 ? domain::ReviewState::kSubmitted : domain::ReviewState::kDraft,
                .created_at = "2018-01-10T09:00:00Z",
                .submitted_at = a < 5 ? "2018-01-12T09:00:00Z" : ""};
            report.values.push_back({.indicator_index = 0, .value = 3.0 + a});
            report.evidence.push_back({.url = "https://cjcluj.ro/raport-" + std::to_string(a)});
            reports.push_back(std::move(report));
        }
        ASSERT_TRUE((*tx)->InsertReports(reports).ok());
        ASSERT_TRUE((*tx)->Append({.actor = "test", .action = "report.import", .entity = "plan"}).ok());
        ASSERT_TRUE((*tx)->Commit().ok());
    }

    for (storage::ReportFields fields : {storage::ReportFields::kAll, storage::ReportFields::kStatus}) {
        std::vector<reports::ReportModel> models;
        Status each = services_->statuses().ComputeEach(
            {seed002, seed000}, Day("2018-03-01"),
            [&](reports::ReportModel&& model) {
                models.push_back(std::move(model));
                return Status::Ok();
            },
            fields);
        ASSERT_TRUE(each.ok()) << each;
        ASSERT_EQ(models.size(), 2u);
        for (const auto& [index, plan_id] : std::vector<std::pair<size_t, int64_t>>{{0, seed002}, {1, seed000}}) {
            StatusOr<reports::ReportModel> one = services_->statuses().Compute(plan_id, Day("2018-03-01"));
            ASSERT_TRUE(one.ok()) << one.status();
            const reports::ReportModel& bulk = models[index];
            EXPECT_EQ(bulk.plan, one->plan);
            EXPECT_EQ(bulk.totals.by_status, one->totals.by_status);
            ASSERT_EQ(bulk.activities.size(), one->activities.size());
            for (size_t i = 0; i < bulk.activities.size(); ++i) {
                EXPECT_EQ(bulk.activities[i].id, one->activities[i].id);
                EXPECT_EQ(bulk.activities[i].status, one->activities[i].status) << one->activities[i].code;
                EXPECT_EQ(bulk.activities[i].reason, one->activities[i].reason);
                EXPECT_EQ(bulk.activities[i].indicators.size(), one->activities[i].indicators.size());
                for (size_t n = 0; n < bulk.activities[i].indicators.size(); ++n) {
                    EXPECT_EQ(bulk.activities[i].indicators[n].actual, one->activities[i].indicators[n].actual);
                    EXPECT_EQ(bulk.activities[i].indicators[n].achievement,
                              one->activities[i].indicators[n].achievement);
                }
                EXPECT_EQ(bulk.activities[i].periods.size(), one->activities[i].periods.size());
                if (fields == storage::ReportFields::kStatus) {
                    // Counting statuses needs no report rows.
                    EXPECT_TRUE(bulk.activities[i].reports.empty());
                    continue;
                }
                ASSERT_EQ(bulk.activities[i].reports.size(), one->activities[i].reports.size());
                for (size_t r = 0; r < bulk.activities[i].reports.size(); ++r) {
                    EXPECT_EQ(bulk.activities[i].reports[r].values, one->activities[i].reports[r].values);
                    EXPECT_EQ(bulk.activities[i].reports[r].narrative, one->activities[i].reports[r].narrative);
                }
            }
            ASSERT_EQ(bulk.rounds.size(), one->rounds.size());
            for (size_t r = 0; r < bulk.rounds.size(); ++r) {
                EXPECT_EQ(bulk.rounds[r].expected, one->rounds[r].expected);
                EXPECT_EQ(bulk.rounds[r].received, one->rounds[r].received);
                EXPECT_EQ(bulk.rounds[r].on_time, one->rounds[r].on_time);
            }
        }
        // Seed 000 as of 2018-03-01: the three approved reports, two of them "completed".
        EXPECT_EQ(models[1].totals.Of(ActivityStatus::kCompleted), 2);
        EXPECT_EQ(Row(models[1], *activities[0]->id)->status, ActivityStatus::kCompleted);
        // The round received the submitted reports (not the draft) of activities it expected.
        int scheduled_and_submitted = 0;
        for (size_t a = 0; a < 5; ++a) {
            if (domain::IsScheduledIn(*activities[a], *domain::ParsePeriod("2017"), *plan)) ++scheduled_and_submitted;
        }
        ASSERT_EQ(models[1].rounds.size(), 1u);
        EXPECT_EQ(models[1].rounds[0].received, scheduled_and_submitted);
        EXPECT_GT(models[1].rounds[0].expected, scheduled_and_submitted);
    }

    StatusOr<reports::StatusCounts> counts = services_->statuses().CountStatuses({seed000, seed002}, Day("2018-03-01"));
    ASSERT_TRUE(counts.ok()) << counts.status();
    StatusOr<reports::ReportModel> a = services_->statuses().Compute(seed000, Day("2018-03-01"));
    StatusOr<reports::ReportModel> b = services_->statuses().Compute(seed002, Day("2018-03-01"));
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(counts->total, a->totals.total + b->totals.total);
    for (ActivityStatus s : reports::StatusOrder()) EXPECT_EQ(counts->Of(s), a->totals.Of(s) + b->totals.Of(s));
    EXPECT_EQ(services_->statuses().CountStatuses({seed000, 424242}, Day("2018-03-01")).status().code(),
              StatusCode::kNotFound);
}

TEST_P(MonitoringSuite, StaleVersionIsAConflictAndKeepsTheNewerText) {
    int64_t plan_id = ImportSeed("000_ffec081ef8fe4e47.txt");
    auto tx = store_->Begin();
    domain::Plan plan = *(*tx)->LoadPlan(plan_id);
    tx->reset();
    const domain::Node* activity = Activities(plan).front();
    int64_t lead = InstitutionId(plan, Lead(*activity));
    StatusOr<domain::ProgressReport> draft =
        reports_->Create({.activity_id = *activity->id, .period = "2017"}, Reporter(lead));
    ASSERT_TRUE(draft.ok()) << draft.status();
    ASSERT_TRUE(reports_->Edit(*draft->id, {.narrative = "first writer"}, 1, Reporter(lead)).ok());
    StatusOr<domain::ProgressReport> loser = reports_->Edit(*draft->id, {.narrative = "second writer"}, 1,
                                                            Reporter(lead));
    EXPECT_EQ(loser.status().code(), StatusCode::kConflict);
    EXPECT_EQ(loser.status().message(),
              "report " + std::to_string(*draft->id) + " is at version 2, not 1: someone changed it meanwhile");
    StatusOr<domain::ProgressReport> current = reports_->Get(*draft->id);
    ASSERT_TRUE(current.ok());
    EXPECT_EQ(current->narrative, "first writer");
    EXPECT_EQ(current->version, 2);
    // A value for an indicator the activity does not have.
    StatusOr<domain::ProgressReport> bad = reports_->Edit(
        *draft->id, {.values = {{.indicator_index = 99, .value = 1}}}, 2, Reporter(lead));
    EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(bad.status().where().field, "values");
}

TEST_P(MonitoringSuite, RoundLocksAfterDuePlusGraceAndReopensForOneInstitution) {
    int64_t plan_id = ImportSeed("000_ffec081ef8fe4e47.txt");
    StatusOr<RoundView> round = services_->rounds().Open(
        {.plan_id = plan_id, .period = "2018", .due_on = "2019-01-31", .grace_days = 5}, Coordinator(),
        Day("2019-01-02"));
    ASSERT_TRUE(round.ok()) << round.status();
    // Two expected reports of different leads.
    const ExpectedReporter first = round->expected.front();
    auto other = std::find_if(round->expected.begin(), round->expected.end(), [&](const ExpectedReporter& e) {
        return e.institution_id != first.institution_id;
    });
    ASSERT_NE(other, round->expected.end());

    now_ = "2019-02-05T23:59:59Z";  // the last day of grace
    StatusOr<domain::ProgressReport> in_time =
        reports_->Create({.activity_id = first.activity_id, .period = "2018"}, Reporter(*first.institution_id));
    ASSERT_TRUE(in_time.ok()) << in_time.status();

    now_ = "2019-02-06T00:00:01Z";
    StatusOr<domain::ProgressReport> late =
        reports_->Create({.activity_id = other->activity_id, .period = "2018"}, Reporter(*other->institution_id));
    EXPECT_EQ(late.status().code(), StatusCode::kConflict);
    EXPECT_EQ(late.status().message(),
              "the 2018 round closed on 2019-02-05 (due 2019-01-31 plus 5 grace days); ask the coordinator to reopen "
              "it for your institution");
    EXPECT_EQ(reports_->Submit(*in_time->id, Reporter(*first.institution_id)).status().code(), StatusCode::kConflict);

    StatusOr<RoundView> reopened = services_->rounds().Reopen(*round->round.id, other->institution, "2019-02-15",
                                                              Coordinator(), Day("2019-02-06"));
    ASSERT_TRUE(reopened.ok()) << reopened.status();
    EXPECT_TRUE(reopened->locked);
    ASSERT_EQ(reopened->reopenings.size(), 1u);
    for (const InstitutionCompleteness& c : reopened->institutions) {
        EXPECT_EQ(c.locked, c.institution_id != other->institution_id) << c.institution;
    }
    EXPECT_TRUE(reports_->Create({.activity_id = other->activity_id, .period = "2018"},
                                 Reporter(*other->institution_id)).ok());
    // Still locked for the first institution.
    EXPECT_EQ(reports_->Submit(*in_time->id, Reporter(*first.institution_id)).status().code(), StatusCode::kConflict);
    EXPECT_EQ(services_->rounds().Reopen(*round->round.id, "x", "2019-02-15", Reporter(1), Day("2019-02-06"))
                  .status().code(), StatusCode::kPermissionDenied);

    auto tx = store_->Begin();
    StatusOr<std::vector<domain::AuditEvent>> audit = (*tx)->ListAudit(100);
    ASSERT_TRUE(audit.ok());
    EXPECT_TRUE(std::any_of(audit->begin(), audit->end(),
                            [](const domain::AuditEvent& e) { return e.action == "round.reopen"; }));
}

// A coordinator closes a round before its due date: from that day reporters
// cannot write in it, a lead without a report counts as not reported, the close
// is audited, a second close is a conflict, and a reopening still lets one
// institution in.
TEST_P(MonitoringSuite, ACoordinatorClosesARoundEarly) {
    int64_t plan_id = ImportSeed("000_ffec081ef8fe4e47.txt");
    StatusOr<RoundView> round = services_->rounds().Open(
        {.plan_id = plan_id, .period = "2018", .due_on = "2019-03-31", .grace_days = 10}, Coordinator(),
        Day("2019-01-02"));
    ASSERT_TRUE(round.ok()) << round.status();
    const int64_t round_id = *round->round.id;
    const ExpectedReporter first = round->expected.front();
    EXPECT_EQ(services_->rounds().Close(round_id, Reporter(*first.institution_id), Day("2019-02-01"))
                  .status().code(), StatusCode::kPermissionDenied);

    StatusOr<RoundView> closed = services_->rounds().Close(round_id, Coordinator(), Day("2019-02-01"));
    ASSERT_TRUE(closed.ok()) << closed.status();
    EXPECT_EQ(closed->round.closed_on, "2019-02-01");
    EXPECT_TRUE(closed->locked);
    EXPECT_EQ(services::RoundViewToJson(*closed)["closed_on"], "2019-02-01");
    StatusOr<RoundView> again = services_->rounds().Close(round_id, Coordinator(), Day("2019-02-02"));
    EXPECT_EQ(again.status().code(), StatusCode::kConflict);
    EXPECT_EQ(again.status().message(), "the 2018 round was closed on 2019-02-01 already");
    EXPECT_EQ(services_->rounds().Close(round_id + 1000, Coordinator(), Day("2019-02-02")).status().code(),
              StatusCode::kNotFound);

    // Open the day before it was closed, locked from that day on, though the due date is weeks away.
    EXPECT_FALSE(services_->rounds().Get(round_id, Day("2019-01-31"), Coordinator())->locked);
    EXPECT_TRUE(services_->rounds().Get(round_id, Day("2019-02-01"), Coordinator())->locked);
    now_ = "2019-02-03T10:00:00Z";
    StatusOr<domain::ProgressReport> refused =
        reports_->Create({.activity_id = first.activity_id, .period = "2018"}, Reporter(*first.institution_id));
    EXPECT_EQ(refused.status().code(), StatusCode::kConflict);
    EXPECT_EQ(refused.status().message(),
              "the coordinator closed the 2018 round on 2019-02-01; ask the coordinator to reopen it for your "
              "institution");

    // Before its due date, the closed round already makes the missing reports count.
    StatusOr<reports::ReportModel> model = services_->statuses().Compute(plan_id, Day("2019-02-10"));
    ASSERT_TRUE(model.ok()) << model.status();
    std::set<int64_t> expected;
    for (const ExpectedReporter& e : closed->expected) expected.insert(e.activity_id);
    int not_reported = 0;
    for (const reports::ActivityRow& row : model->activities) {
        if (row.status == domain::ActivityStatus::kNotReported) {
            ++not_reported;
            EXPECT_TRUE(expected.contains(*row.id)) << row.code;
            EXPECT_NE(row.reason.find("round 2018 closed without a report from"), std::string::npos) << row.reason;
        } else if (expected.contains(*row.id)) {
            // Past its deadline an activity is overdue first; that rule comes before the round's.
            EXPECT_EQ(row.status, domain::ActivityStatus::kOverdue) << row.code;
        }
    }
    EXPECT_GT(not_reported, 0);
    // As of the day before the close, nothing is missing yet.
    StatusOr<reports::ReportModel> before = services_->statuses().Compute(plan_id, Day("2019-01-31"));
    ASSERT_TRUE(before.ok());
    for (const reports::ActivityRow& row : before->activities) {
        EXPECT_NE(row.status, domain::ActivityStatus::kNotReported) << row.code;
    }

    ASSERT_TRUE(services_->rounds().Reopen(round_id, first.institution, "2019-02-20", Coordinator(),
                                           Day("2019-02-03")).ok());
    EXPECT_TRUE(reports_->Create({.activity_id = first.activity_id, .period = "2018"},
                                 Reporter(*first.institution_id)).ok());

    auto tx = store_->Begin();
    StatusOr<std::vector<domain::AuditEvent>> audit = (*tx)->ListAudit(100);
    ASSERT_TRUE(audit.ok());
    auto close = std::find_if(audit->begin(), audit->end(),
                              [](const domain::AuditEvent& e) { return e.action == "round.close"; });
    ASSERT_NE(close, audit->end());
    EXPECT_EQ(close->entity_id, std::to_string(round_id));
    EXPECT_NE(close->after_json.find("\"closed_on\":\"2019-02-01\""), std::string::npos) << close->after_json;
    EXPECT_EQ(std::count_if(audit->begin(), audit->end(),
                            [](const domain::AuditEvent& e) { return e.action == "round.close"; }),
              1);
}

// Issue 5: seed 002's semester rounds expect the leads of the activities marked X in that semester.
TEST_P(MonitoringSuite, Seed002SemesterRoundsFollowTheXGrid) {
    int64_t plan_id = ImportSeed("002_8d53b20a0e2536f7.txt");
    auto tx = store_->Begin();
    domain::Plan plan = *(*tx)->LoadPlan(plan_id);
    tx->reset();
    EXPECT_EQ(plan.cadence, domain::Cadence::kSemester);
    std::map<std::string, int> sizes;
    for (const char* semester : {"2019-S1", "2019-S2", "2020-S1", "2020-S2"}) {
        StatusOr<RoundView> round =
            services_->rounds().Open({.plan_id = plan_id, .period = semester}, Coordinator(), Day("2021-01-01"));
        ASSERT_TRUE(round.ok()) << round.status();
        // The grid writes "2019-1" for 2019-S1.
        std::string grid = std::string(semester).substr(0, 4) + "-" + std::string(semester).substr(6);
        std::multiset<std::pair<int64_t, std::string>> want, got;
        for (const domain::Node* activity : Activities(plan)) {
            if (Lead(*activity).empty() || activity->periods.empty()) continue;
            if (std::find(activity->periods.begin(), activity->periods.end(), grid) != activity->periods.end()) {
                want.insert({*activity->id, Lead(*activity)});
            }
        }
        for (const ExpectedReporter& e : round->expected) got.insert({e.activity_id, e.institution});
        EXPECT_EQ(got, want) << semester;
        sizes[semester] = int(got.size());
    }
    EXPECT_GT(sizes["2019-S1"], 0);
    EXPECT_NE(sizes["2019-S1"], sizes["2019-S2"]);
    StatusOr<std::vector<RoundView>> listed = services_->rounds().List(plan_id, Day("2021-01-01"), Coordinator());
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 4u);
    EXPECT_EQ((*listed)[0].round.period, "2019-S1");
    EXPECT_EQ((*listed)[0].round.due_on, "2019-07-30");
}

// Publishing (publish issue): drafts are seen by staff only, everywhere the
// public reads plans; publishing is a coordinator's audited write.
TEST_P(MonitoringSuite, ADraftIsHiddenFromThePublicUntilACoordinatorPublishesIt) {
    int64_t plan_id = ImportSeed("000_ffec081ef8fe4e47.txt");
    StatusOr<RoundView> round =
        services_->rounds().Open({.plan_id = plan_id, .period = "2019"}, Coordinator(), Day("2020-01-02"));
    ASSERT_TRUE(round.ok()) << round.status();
    const Actor visitor{.name = "web:anonymous"};
    const Actor reporter = Reporter(1);
    auto audit_count = [&] { return (*store_->Begin())->CountRows().value()["audit_event"]; };

    PlanCatalog& catalog = services_->catalog();
    EXPECT_TRUE(catalog.List(visitor)->empty());
    EXPECT_TRUE(catalog.List(reporter)->empty());
    ASSERT_EQ(catalog.List(Coordinator())->size(), 1u);
    for (const Actor& outsider : {visitor, reporter}) {
        StatusOr<storage::PlanSummary> hidden = catalog.Find(plan_id, outsider);
        EXPECT_EQ(hidden.status().code(), StatusCode::kNotFound);
        EXPECT_EQ(hidden.status().message(), "no plan with id " + std::to_string(plan_id));
        EXPECT_EQ(catalog.Load(plan_id, outsider).status().code(), StatusCode::kNotFound);
        EXPECT_EQ(services_->rounds().List(plan_id, Day("2020-02-01"), outsider).status().code(),
                  StatusCode::kNotFound);
        EXPECT_EQ(services_->rounds().Get(*round->round.id, Day("2020-02-01"), outsider).status().code(),
                  StatusCode::kNotFound);
        StatusOr<std::vector<storage::SearchHit>> hits = services_->search().Search("scoala parintilor", outsider);
        ASSERT_TRUE(hits.ok()) << hits.status();
        EXPECT_TRUE(hits->empty());
    }
    StatusOr<std::vector<storage::SearchHit>> staff_hits =
        services_->search().Search("scoala parintilor", Coordinator());
    ASSERT_TRUE(staff_hits.ok());
    EXPECT_FALSE(staff_hits->empty());

    const int64_t audit_before = audit_count();
    EXPECT_EQ(services_->publishing().Publish(plan_id, reporter).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(services_->publishing().Publish(plan_id + 1000, Coordinator()).status().code(), StatusCode::kNotFound);
    EXPECT_EQ(audit_count(), audit_before);

    StatusOr<PublishOutcome> published = services_->publishing().Publish(plan_id, Coordinator());
    ASSERT_TRUE(published.ok()) << published.status();
    EXPECT_TRUE(published->changed);
    EXPECT_TRUE(published->plan.published());
    EXPECT_EQ(published->plan.published_by, "coord@example.ro");
    EXPECT_EQ(audit_count(), audit_before + 1);
    domain::AuditEvent last = (*store_->Begin())->ListAudit(1).value()[0];
    EXPECT_EQ(last.action, "plan.publish");
    EXPECT_EQ(last.entity_id, std::to_string(plan_id));
    EXPECT_EQ(last.before_json, R"({"published":false,"published_at":null,"published_by":null})");
    EXPECT_NE(last.after_json.find(R"("published_by":"coord@example.ro")"), std::string::npos) << last.after_json;
    EXPECT_FALSE(services_->publishing().Publish(plan_id, Coordinator())->changed);
    EXPECT_EQ(audit_count(), audit_before + 1);

    ASSERT_EQ(catalog.List(visitor)->size(), 1u);
    EXPECT_TRUE(catalog.Find(plan_id, visitor).ok());
    EXPECT_TRUE(services_->rounds().Get(*round->round.id, Day("2020-02-01"), visitor).ok());
    EXPECT_FALSE(services_->search().Search("scoala parintilor", visitor)->empty());

    // A new version stays a draft; the public keeps reading the published one.
    StatusOr<ImportOutcome> replaced = services_->imports().ImportFile(
        std::string(PLANWATCH_SOURCE_DIR) + "/samples/000_ffec081ef8fe4e47.txt", "test", {.replace = true});
    ASSERT_TRUE(replaced.ok()) << replaced.status();
    EXPECT_FALSE(replaced->published);
    ASSERT_EQ(catalog.List(visitor)->size(), 1u);
    EXPECT_EQ(catalog.List(visitor)->at(0).id, plan_id);
    EXPECT_EQ(catalog.List(Coordinator())->at(0).id, replaced->plan_id);

    StatusOr<PublishOutcome> unpublished = services_->publishing().Unpublish(plan_id, Coordinator());
    ASSERT_TRUE(unpublished.ok()) << unpublished.status();
    EXPECT_FALSE(unpublished->plan.published());
    EXPECT_TRUE(catalog.List(visitor)->empty());
    EXPECT_EQ((*store_->Begin())->ListAudit(1).value()[0].action, "plan.unpublish");
}

}  // namespace planwatch::services::testing
