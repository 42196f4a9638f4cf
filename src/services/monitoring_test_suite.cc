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

    StatusOr<RoundView> after_submit = services_->rounds().Get(*round->round.id, Day("2018-01-21"));
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

    StatusOr<RoundView> final_round = services_->rounds().Get(*round->round.id, Day("2018-02-01"));
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
    StatusOr<std::vector<RoundView>> listed = services_->rounds().List(plan_id, Day("2021-01-01"));
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 4u);
    EXPECT_EQ((*listed)[0].round.period, "2019-S1");
    EXPECT_EQ((*listed)[0].round.due_on, "2019-07-30");
}

}  // namespace planwatch::services::testing
