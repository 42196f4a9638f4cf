#pragma once
// JSON API of the registries (registry issue): statistics of the social
// services, an institution's yearly figures, merging two institutions, the
// needs register and the gap analysis. Thin: parse, call services::Registry-
// Service / NeedsService (which check roles and audit), answer JSON.
#include "web/context.h"
#include "web/request.h"
#include "web/response.h"

namespace planwatch::web::api {

Response RegistryStatistics(const Request& request, RequestContext& ctx);  // GET /api/v1/registry/statistics?plan=
Response InstitutionFigures(const Request& request, RequestContext& ctx);  // GET /api/v1/institutions/{id}/figures
Response MergeInstitution(const Request& request, RequestContext& ctx);    // POST /api/v1/institutions/{id}/merge {"into"}
Response ListNeeds(const Request& request, RequestContext& ctx);           // GET /api/v1/needs?institution=
Response CreateNeed(const Request& request, RequestContext& ctx);          // POST /api/v1/needs
Response UpdateNeed(const Request& request, RequestContext& ctx);  // PUT /api/v1/needs/{id} {version, service, outcome}
Response Gaps(const Request& request, RequestContext& ctx);                // GET /api/v1/gaps
// PUT /api/v1/services/{id}/months/{month} {"beneficiaries", "waiting"}
Response PutServiceMonth(const Request& request, RequestContext& ctx);
Response ServiceOccupancy(const Request& request, RequestContext& ctx);  // GET /api/v1/services/{id}/occupancy

}  // namespace planwatch::web::api
