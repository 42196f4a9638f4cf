#pragma once
// Computed statuses of a stored plan as of a date: the plan, the reports known
// at that date and the rounds due by then go through reports::BuildReportModel
// (domain::ComputeActivityStatus per activity), so the CLI, the API, the pages
// and the written reports all show the same statuses and counts.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "domain/civil_date.h"
#include "reports/report_model.h"
#include "storage/store.h"

namespace planwatch::services {

// A model with the version of the stored data it was computed from.
struct VersionedModel {
    reports::ReportModel model;
    // A digest of the plan, its reports and rounds and the institution names as
    // read, so equal versions give equal models for the same date and options;
    // a cache keyed on it cannot serve a document written before a change.
    std::string data_version;
};

class StatusService {
public:
    // Borrows store, which must outlive the service. Every status it computes
    // follows rules (the installation's thresholds: serve and status take them as
    // flags), whatever ModelOptions::rules a caller passes. rules must satisfy
    // domain::ValidateRules.
    explicit StatusService(storage::Store& store, domain::StatusRules rules = {})
        : store_(store), rules_(rules) {}

    const domain::StatusRules& rules() const { return rules_; }

    // Every activity's status and reason, the counts per status, per pillar and
    // per institution, and per-round completeness. kNotFound for an unknown plan.
    StatusOr<reports::ReportModel> Compute(int64_t plan_id, const domain::CivilDate& as_of,
                                           const reports::ModelOptions& options = {});
    // The same for a plan already loaded (with its ids), e.g. one the web portal keeps.
    StatusOr<reports::ReportModel> Compute(const domain::Plan& plan, const domain::CivilDate& as_of,
                                           const reports::ModelOptions& options = {});
    // As Compute(plan_id, …), with the version of what was read (in the same transaction).
    StatusOr<VersionedModel> ComputeVersioned(int64_t plan_id, const domain::CivilDate& as_of,
                                              const reports::ModelOptions& options = {});

    // Compute for many plans: each batch of kPlansPerBatch plans is read in one
    // transaction with one query per table (Store::LoadPlans,
    // ListReportsOfPlans, ListRoundsOfPlans) instead of some twenty per plan, and
    // visit gets each plan's model in the order of plan_ids; memory holds one
    // batch. With ReportFields::kStatus the reports are read without their texts
    // and the models have no report rows (ModelOptions::report_rows); every
    // status, reason and count is the same. Returns the first error of the Store or of
    // visit; kNotFound for an unknown plan.
    Status ComputeEach(const std::vector<int64_t>& plan_ids, const domain::CivilDate& as_of,
                       const std::function<Status(reports::ReportModel&&)>& visit,
                       storage::ReportFields fields = storage::ReportFields::kAll,
                       const reports::ModelOptions& options = {});
    // The status counts of every activity of the plans added up (a county's
    // dashboard), from ComputeEach with ReportFields::kStatus.
    StatusOr<reports::StatusCounts> CountStatuses(const std::vector<int64_t>& plan_ids,
                                                  const domain::CivilDate& as_of);

    static constexpr size_t kPlansPerBatch = 64;

private:
    reports::ModelOptions WithRules(const reports::ModelOptions& options) const;

    storage::Store& store_;
    domain::StatusRules rules_;
};

// The clauses of a status reason with their stable codes, as the API and
// `status --json` give them: [{"code": "deadline_passed", "params": {"due": "2018-12-31"}}, …].
nlohmann::ordered_json ReasonPartsJson(const std::vector<domain::ReasonPart>& parts);

// The stored reports of a plan grouped per activity, with the writers' names, as BuildReportModel takes them.
std::vector<reports::ActivityReports> GroupReports(const domain::Plan& plan,
                                                   std::vector<domain::ProgressReport> reports,
                                                   const std::map<int64_t, std::string>& institution_names);

}  // namespace planwatch::services
