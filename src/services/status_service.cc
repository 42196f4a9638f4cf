#include "services/status_service.h"

#include <map>

namespace planwatch::services {

std::vector<reports::ActivityReports> GroupReports(const domain::Plan& plan,
                                                   const std::vector<domain::ProgressReport>& reports,
                                                   const std::map<int64_t, std::string>& institution_names) {
    std::map<int64_t, reports::ActivityReports> by_activity;
    for (const domain::ProgressReport& report : reports) {
        reports::ActivityReports& group = by_activity[report.activity_id];
        group.activity_id = report.activity_id;
        auto name = institution_names.find(report.institution_id);
        group.reports.push_back({.report = report,
                                 .institution = name == institution_names.end() ? "" : name->second});
    }
    // Codes repeat across pillars, so matching is by id; the code is for readers of the model.
    domain::ForEachNode(plan.nodes, [&](const domain::Node& node) {
        if (!node.id) return;
        auto found = by_activity.find(*node.id);
        if (found != by_activity.end()) found->second.activity_code = node.code;
    });
    std::vector<reports::ActivityReports> result;
    for (auto& [id, group] : by_activity) result.push_back(std::move(group));
    return result;
}

namespace {

// The plan's reports and rounds read in tx, then the statuses.
StatusOr<reports::ReportModel> ComputeIn(storage::Transaction& tx, const domain::Plan& plan,
                                         const domain::CivilDate& as_of, const reports::ModelOptions& options) {
    PW_ASSIGN_OR_RETURN(std::vector<domain::ProgressReport> stored, tx.ListPlanReports(*plan.id));
    PW_ASSIGN_OR_RETURN(std::vector<domain::ReportingRound> rounds, tx.ListRounds(*plan.id));
    std::map<int64_t, std::string> names;
    for (const domain::Institution& institution : plan.institutions) {
        if (institution.id) names[*institution.id] = institution.name;
    }
    for (const domain::ProgressReport& report : stored) {
        if (names.count(report.institution_id)) continue;
        PW_ASSIGN_OR_RETURN(std::optional<std::string> name, tx.InstitutionName(report.institution_id));
        names[report.institution_id] = name.value_or("");
    }
    return reports::BuildReportModel(plan, GroupReports(plan, stored, names), rounds, as_of, options);
}

}  // namespace

StatusOr<reports::ReportModel> StatusService::Compute(int64_t plan_id, const domain::CivilDate& as_of,
                                                      const reports::ModelOptions& options) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(domain::Plan plan, tx->LoadPlan(plan_id));
    return ComputeIn(*tx, plan, as_of, options);
}

StatusOr<reports::ReportModel> StatusService::Compute(const domain::Plan& plan, const domain::CivilDate& as_of,
                                                      const reports::ModelOptions& options) {
    if (!plan.id) return InvalidArgument("the plan has no id: statuses are computed for stored plans");
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    return ComputeIn(*tx, plan, as_of, options);
}

}  // namespace planwatch::services
