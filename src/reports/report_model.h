#pragma once
// The input of every report and export writer: a plan with the status of each
// activity as of a date already computed, the counts a reader looks for first,
// and the reporting record of each institution. Plain values, no I/O; writers
// only format what is here, so every format shows the same numbers.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/activity_status.h"
#include "domain/civil_date.h"
#include "domain/monitoring.h"
#include "domain/plan.h"

namespace planwatch::reports {

// One stored progress report with the canonical name of the institution that wrote it
// (ProgressReport knows only the institution's id).
struct ReportEntry {
    domain::ProgressReport report;
    std::string institution;
};

// The reports known for one activity. Matched to the plan's activity by id when
// both have one, otherwise by code, and by path too when one is given (plans
// repeat codes: seed 000 has "1.1" under each pillar).
struct ActivityReports {
    std::optional<int64_t> activity_id;
    std::string activity_code;
    std::string activity_path;  // ancestor codes joined by '/', as ActivityRow::path; empty: any
    std::vector<ReportEntry> reports;
};

inline constexpr int kStatusCount = 7;  // the enumerators of domain::ActivityStatus
// Every status in the order reports list them: the worrying ones first.
const std::array<domain::ActivityStatus, kStatusCount>& StatusOrder();

struct StatusCounts {
    std::array<int, kStatusCount> by_status{};  // indexed by the enumerator's value
    int total = 0;
    int Of(domain::ActivityStatus status) const { return by_status[static_cast<int>(status)]; }
    void Add(domain::ActivityStatus status) {
        ++by_status[static_cast<int>(status)];
        ++total;
    }
};

struct IndicatorRow {
    std::string name;
    std::optional<domain::Target> target;
    std::string target_text;  // ">= 2 proiecte locale", empty without a target
    std::optional<double> actual;
    std::optional<double> ratio;  // 1.0 = exactly on target
    domain::Achievement achievement = domain::Achievement::kNoTarget;
};

// An approved progress report as a reader sees it.
struct ReportRow {
    std::string period;
    std::string institution;
    domain::ClaimedState claimed = domain::ClaimedState::kNotStarted;
    std::string submitted_on;  // YYYY-MM-DD
    std::string narrative;
    std::vector<std::string> evidence;
    std::vector<std::pair<std::string, double>> values;  // indicator name, reported value
};

// A recurring activity's status in one of its periods (domain::ComputePeriodStatuses).
struct PeriodStatusRow {
    std::string period;  // canonical: "2019", "2019-S1"
    domain::ActivityStatus status = domain::ActivityStatus::kNotStarted;
    std::string reason;
    std::vector<domain::ReasonPart> reason_parts;
};

struct ActivityRow {
    std::optional<int64_t> id;
    std::string code;
    std::string title;
    int source_line = 0;
    std::string path;          // ancestor codes joined by '/': "I/A/A.1"
    int pillar = -1;           // index into ReportModel::by_pillar; -1 when the activity is at the top
    std::vector<std::string> results;
    std::vector<IndicatorRow> indicators;
    std::string frequency;     // domain name ("annual"), empty when unknown
    std::string schedule;      // deadline as written or as a date: "2020", "2017-07", "2019-S1, 2019-S2"
    std::optional<domain::CivilDate> start;  // first day the activity runs (its start, else the plan's)
    std::optional<domain::CivilDate> due;    // last day (its deadline, else the plan's end)
    std::string lead;
    std::vector<std::string> partners;
    std::vector<domain::BudgetLine> budget;
    domain::ActivityStatus status = domain::ActivityStatus::kNotStarted;
    std::string reason;
    std::vector<domain::ReasonPart> reason_parts;  // reason as codes, for interfaces in other languages
    bool recurring = false;                // annual, semester, quarter, month or permanent
    std::vector<PeriodStatusRow> periods;  // recurring only: each period begun by as_of, oldest first
    std::vector<ReportRow> reports;         // approved and known by as_of, oldest period first
    std::vector<ReportRow> latest_reports;  // the newest of those per institution
};

// The plan tree as headings and activities, in document order.
struct OutlineEntry {
    int depth = 0;  // 0 for top-level nodes
    domain::NodeKind kind = domain::NodeKind::kActivity;
    std::string code;
    std::string title;
    int activity = -1;  // index into ReportModel::activities for activities
};

struct GroupSummary {
    std::string code;
    std::string title;
    StatusCounts counts;
};

// What an institution leads and partners on, and how it reported. expected counts
// the (activity, round) pairs where it is the lead of an activity scheduled in a
// round due by as_of; received those it submitted by as_of; on_time those
// submitted by the round's due date plus grace days.
struct InstitutionSummary {
    std::string name;
    std::string acronym;
    std::vector<int> led;        // indexes into ReportModel::activities
    std::vector<int> partnered;
    StatusCounts lead_counts;    // statuses of the activities it leads
    int expected = 0;
    int received = 0;
    int on_time = 0;
    int approved_reports = 0;    // approved reports it wrote, known by as_of
    // received / expected and on_time / expected; nullopt when nothing was expected.
    std::optional<double> Completeness() const;
    std::optional<double> Timeliness() const;
};

// How the lead institutions reported in one round: expected counts the activities
// it leads that are scheduled in the round's period, received those it submitted
// a report for by as_of, on_time those submitted by due date plus grace days.
struct RoundCounts {
    int expected = 0;
    int received = 0;
    int on_time = 0;
    // received / expected and on_time / expected; nullopt when nothing was expected.
    std::optional<double> Completeness() const;
    std::optional<double> Timeliness() const;
};

struct RoundInstitution {
    std::string name;
    RoundCounts counts;
};

struct RoundSummary {
    std::optional<int64_t> id;
    std::string period;
    std::string opens_on;
    std::string due_on;
    int grace_days = 0;
    bool due = false;  // due (plus grace) before as_of, or the round the report is for: its expectations count
    int expected = 0;
    int received = 0;
    int on_time = 0;
    std::vector<RoundInstitution> institutions;  // when due: every lead expected to report, sorted by name
    RoundCounts Counts() const { return {expected, received, on_time}; }
};

struct AchievementCounts {
    int with_target = 0;
    int met = 0;
    int near = 0;
    int behind = 0;
    int no_value = 0;
};

struct ReportModel {
    domain::Plan plan;  // as given: canonical JSON and IATI read it directly
    domain::CivilDate as_of;
    std::string language;  // of the labels: ro, sl or en
    std::optional<RoundSummary> round;  // the round the report is for (ModelOptions::round_id), also in rounds
    std::vector<ActivityRow> activities;
    std::vector<OutlineEntry> outline;
    StatusCounts totals;
    std::vector<GroupSummary> by_pillar;  // one per top-level node holding activities, in document order
    std::vector<InstitutionSummary> institutions;  // every institution named, sorted by name
    std::vector<RoundSummary> rounds;
    AchievementCounts achievement;
    std::vector<int> attention;  // overdue, not reported and at-risk activities, worst first

    // The summary of the named institution (canonical name), or nullptr.
    const InstitutionSummary* FindInstitution(const std::string& name) const;
    // Everything the plan's entries for one registry institution lead and partner
    // on, as one summary named as the first entry: after a merge of institutions
    // two names of one plan can be one institution. nullopt when no entry has it.
    std::optional<InstitutionSummary> SummaryOf(int64_t institution_id) const;
};

struct ModelOptions {
    std::string language;  // empty: the plan's language when labels exist for it, else en
    // The report is for this round, one of the rounds given (ReportingRound::id):
    // it becomes ReportModel::round and its expectations count whatever as_of,
    // which the caller sets to the round's due date. kNotFound when no round has it.
    std::optional<int64_t> round_id;
    domain::StatusRules rules;
    // false: no ActivityRow::reports or latest_reports (statuses, reasons, counts
    // and indicators are the same), for callers that count statuses over many plans.
    bool report_rows = true;
};

// Computes every activity's status as of as_of with domain::ComputeActivityStatus,
// feeding it the approved reports known by then and the rounds due by then that
// got no report from the lead; counts statuses per pillar and institution;
// measures completeness and timeliness per institution from the rounds and the
// reports. Reports for activities the plan does not have are ignored; so are
// rounds whose period cannot be parsed. Returns kInvalidArgument for a plan that
// fails domain::Validate, kNotFound for an options.round_id not among rounds.
StatusOr<ReportModel> BuildReportModel(const domain::Plan& plan, const std::vector<ActivityReports>& reports,
                                       const std::vector<domain::ReportingRound>& rounds,
                                       const domain::CivilDate& as_of, const ModelOptions& options = {});

}  // namespace planwatch::reports
