#pragma once
// JSON API handlers (/api/v1, interfaces.md). Errors use http_errors.h's format.
#include "web/context.h"
#include "web/request.h"
#include "web/response.h"

namespace planwatch::web::api {

Response OpenApi(const Request& request, RequestContext& ctx);          // GET /api/v1/openapi.json
Response ListPlans(const Request& request, RequestContext& ctx);        // GET /api/v1/plans
Response GetPlan(const Request& request, RequestContext& ctx);          // GET /api/v1/plans/{id}
Response CreatePlan(const Request& request, RequestContext& ctx);       // POST /api/v1/plans
Response PublishPlan(const Request& request, RequestContext& ctx);      // POST /api/v1/plans/{id}/publish
Response UnpublishPlan(const Request& request, RequestContext& ctx);    // POST /api/v1/plans/{id}/unpublish
Response PlanStatus(const Request& request, RequestContext& ctx);       // GET /api/v1/plans/{id}/status
Response ListInstitutions(const Request& request, RequestContext& ctx); // GET /api/v1/institutions
Response GetInstitution(const Request& request, RequestContext& ctx);   // GET /api/v1/institutions/{id}
Response ListServices(const Request& request, RequestContext& ctx);     // GET /api/v1/services
Response Search(const Request& request, RequestContext& ctx);           // GET /api/v1/search
Response Me(const Request& request, RequestContext& ctx);               // GET /api/v1/me

}  // namespace planwatch::web::api
