#include "services/export_service.h"

#include <algorithm>

#include "domain/plan_json.h"

namespace planwatch::services {

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
    if (name == "json") return ExportFormat::kJson;
    if (name == "csv") return ExportFormat::kCsv;
    return std::nullopt;
}

StatusOr<std::vector<int64_t>> ExportService::LatestPlanIds() {
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, catalog_.List(/*all_versions=*/false));
    std::vector<int64_t> ids;
    for (const storage::PlanSummary& plan : plans) ids.push_back(plan.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

StatusOr<std::string> ExportService::Json(int64_t plan_id) {
    PW_ASSIGN_OR_RETURN(domain::Plan plan, catalog_.Load(plan_id));
    return domain::PlanToJson(plan);
}

StatusOr<std::string> ExportService::Csv(const std::vector<int64_t>& plan_ids, const PlanCsvOptions& options) {
    std::vector<domain::Plan> plans;
    for (int64_t id : plan_ids) {
        PW_ASSIGN_OR_RETURN(domain::Plan plan, catalog_.Load(id));
        plans.push_back(std::move(plan));
    }
    return PlansToCsv(plans, options);
}

}  // namespace planwatch::services
