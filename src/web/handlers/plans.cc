#include "web/handlers/plans.h"

#include "domain/plan_json.h"
#include "web/http_errors.h"

namespace planwatch::web::handlers {

Response Healthz() { return Response{.content_type = "text/plain; charset=utf-8", .body = "ok"}; }

Response ListPlans(services::PlanCatalog& catalog, const services::Actor& viewer) {
    StatusOr<std::vector<storage::PlanSummary>> plans = catalog.List(viewer);
    if (!plans.ok()) return ErrorResponse(plans.status());
    return Response{.body = services::PlanSummariesToJson(*plans)};
}

Response GetPlan(services::PlanCatalog& catalog, const std::string& id_text, const services::Actor& viewer) {
    StatusOr<int64_t> id = services::ParsePlanId(id_text);
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<domain::Plan> plan = catalog.Load(*id, viewer);
    if (!plan.ok()) return ErrorResponse(plan.status());
    return Response{.body = domain::PlanToJson(*plan)};
}

Response NotFound(const std::string& path) {
    // The path is the client's own text; it goes back inside a JSON string, escaped.
    return ErrorResponse(Status(StatusCode::kNotFound, "no such page: " + path));
}

}  // namespace planwatch::web::handlers
