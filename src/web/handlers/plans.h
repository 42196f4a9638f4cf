#pragma once
// Thin handlers for /healthz and /api/v1/plans: read the request's parts, call
// one service, render. No HTTP library here (see server.cc).
#include <string>

#include "services/plan_catalog.h"
#include "web/response.h"

namespace planwatch::web::handlers {

// GET /healthz: "ok" as text/plain.
Response Healthz();

// GET /api/v1/plans: the newest version of every plan viewer may see, with
// summary counts (drafts only for staff).
Response ListPlans(services::PlanCatalog& catalog, const services::Actor& viewer);

// GET /api/v1/plans/{id}: planwatch.plan/1 with ids; 400 for an id that is not
// a number, 404 for an unknown one or a draft viewer may not see.
Response GetPlan(services::PlanCatalog& catalog, const std::string& id_text, const services::Actor& viewer);

// Any other path: 404 JSON naming the path.
Response NotFound(const std::string& path);

}  // namespace planwatch::web::handlers
