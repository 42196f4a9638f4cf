#pragma once
// Reporting rounds: opening one for a plan and a period, who is expected to
// report in it (derived from the stored plan by domain::ExpectedReports), how
// complete and timely it is, locking after due date plus grace, and reopening
// for one institution. Every write is one transaction with an audit event.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "domain/civil_date.h"
#include "domain/monitoring.h"
#include "services/actor.h"
#include "storage/store.h"

namespace planwatch::services {

struct OpenRoundRequest {
    int64_t plan_id = 0;
    std::string period;                // "2019", "2019-S1", "2019-Q3", "2019-07"
    std::optional<std::string> opens_on;  // default: the day after the period ends
    std::optional<std::string> due_on;    // default: opens_on + due_after_days - 1
    int due_after_days = 30;
    int grace_days = 0;
};

// One expected report: the lead of an activity scheduled in the round's period.
struct ExpectedReporter {
    int64_t activity_id = 0;
    std::string activity_code;
    std::string institution;            // the lead's canonical name
    std::optional<int64_t> institution_id;
    std::optional<int64_t> report_id;   // the lead's report for the period, if any
    std::string review;                 // its review state, empty without a report
    std::string submitted_on;           // YYYY-MM-DD of the first submission, empty if none
    bool received = false;              // submitted at least once
    bool on_time = false;               // submitted by due date plus grace
};

struct InstitutionCompleteness {
    std::string institution;
    std::optional<int64_t> institution_id;
    int expected = 0;
    int received = 0;
    int on_time = 0;
    bool locked = false;  // for this institution, as of the view's date
};

struct RoundView {
    domain::ReportingRound round;
    std::string locks_after;  // due_on + grace_days: the last day reporters may write
    bool locked = false;      // as of the view's date, for institutions without a reopening
    std::vector<ExpectedReporter> expected;
    std::vector<InstitutionCompleteness> institutions;  // sorted by name
    std::vector<storage::RoundReopening> reopenings;
    int expected_count = 0;
    int received_count = 0;
    int on_time_count = 0;
    double Completeness() const { return expected_count == 0 ? 1.0 : double(received_count) / expected_count; }
};

class RoundService {
public:
    // Borrows store, which must outlive the service.
    explicit RoundService(storage::Store& store) : store_(store) {}

    // kPermissionDenied unless the actor coordinates; kInvalidArgument (field
    // "period", "opens_on", "due_on" or "grace_days") for bad values; kNotFound
    // for an unknown plan; kConflict when the plan already has that round.
    StatusOr<RoundView> Open(const OpenRoundRequest& request, const Actor& actor, const domain::CivilDate& today);
    // Every round of the plan by due date; kNotFound for an unknown plan and for
    // a draft viewer may not see (plan_catalog.h). When reports is given it gets
    // the plan's reports the views were built from (ReportService::ListForPlan's
    // answer), so a screen that shows both reads them once.
    StatusOr<std::vector<RoundView>> List(int64_t plan_id, const domain::CivilDate& as_of, const Actor& viewer,
                                          std::vector<domain::ProgressReport>* reports = nullptr);
    // kNotFound for an unknown round and for a round of a plan viewer may not see.
    StatusOr<RoundView> Get(int64_t round_id, const domain::CivilDate& as_of, const Actor& viewer);
    // Lets one institution write in a locked round until until_on (inclusive);
    // audited as round.reopen. kPermissionDenied unless the actor coordinates;
    // kNotFound for an unknown round or institution (name, alias or acronym).
    StatusOr<RoundView> Reopen(int64_t round_id, const std::string& institution, const std::string& until_on,
                               const Actor& actor, const domain::CivilDate& today);

    // Closes the round from today for every institution without a reopening
    // (reporters can no longer write; a missing lead's report now counts as not
    // reported); audited as round.close. kPermissionDenied unless the actor
    // coordinates; kNotFound for an unknown round; kConflict when already closed.
    StatusOr<RoundView> Close(int64_t round_id, const Actor& actor, const domain::CivilDate& today);

private:
    storage::Store& store_;
};

// Whether reporters of institution_id may no longer write in round as of today:
// after due_on + grace_days or from the day a coordinator closed it, unless a reopening for it runs until today or later.
bool RoundLocked(const domain::ReportingRound& round, std::optional<int64_t> institution_id,
                 const std::vector<storage::RoundReopening>& reopenings, const domain::CivilDate& today);

// Builds the view of a stored round from its plan and that plan's reports (exposed for StatusService and tests).
StatusOr<RoundView> BuildRoundView(const domain::ReportingRound& round, const domain::Plan& plan,
                                   const std::vector<domain::ProgressReport>& reports,
                                   std::vector<storage::RoundReopening> reopenings, const domain::CivilDate& as_of);

// The view as the CLI (`rounds --json`) and the API show it: the round, its
// lock, the counts, completeness per institution and every expected report.
nlohmann::ordered_json RoundViewToJson(const RoundView& view);

}  // namespace planwatch::services
