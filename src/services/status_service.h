#pragma once
// Computed statuses of a stored plan as of a date: the plan, the reports known
// at that date and the rounds due by then go through reports::BuildReportModel
// (domain::ComputeActivityStatus per activity), so the CLI, the API, the pages
// and the written reports all show the same statuses and counts.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/civil_date.h"
#include "reports/report_model.h"
#include "storage/store.h"

namespace planwatch::services {

class StatusService {
public:
    // Borrows store, which must outlive the service.
    explicit StatusService(storage::Store& store) : store_(store) {}

    // Every activity's status and reason, the counts per status, per pillar and
    // per institution, and per-round completeness. kNotFound for an unknown plan.
    StatusOr<reports::ReportModel> Compute(int64_t plan_id, const domain::CivilDate& as_of,
                                           const reports::ModelOptions& options = {});
    // The same for a plan already loaded (with its ids), e.g. one the web portal keeps.
    StatusOr<reports::ReportModel> Compute(const domain::Plan& plan, const domain::CivilDate& as_of,
                                           const reports::ModelOptions& options = {});

private:
    storage::Store& store_;
};

// The stored reports of a plan grouped per activity, with the writers' names, as BuildReportModel takes them.
std::vector<reports::ActivityReports> GroupReports(const domain::Plan& plan,
                                                   const std::vector<domain::ProgressReport>& reports,
                                                   const std::map<int64_t, std::string>& institution_names);

}  // namespace planwatch::services
