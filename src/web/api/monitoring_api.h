#pragma once
// JSON API of the monitoring (interfaces.md): reporting rounds of a plan,
// progress reports and their review. Thin: parse the body, call RoundService /
// ReportService (which check roles and institutions and audit every write),
// answer JSON; after a write the portal's cached statuses are dropped.
#include "web/context.h"
#include "web/request.h"
#include "web/response.h"

namespace planwatch::web::api {

Response ListRounds(const Request& request, RequestContext& ctx);    // GET /api/v1/plans/{id}/rounds?as_of=
Response OpenRound(const Request& request, RequestContext& ctx);     // POST /api/v1/plans/{id}/rounds
Response GetRound(const Request& request, RequestContext& ctx);      // GET /api/v1/rounds/{id}?as_of=
Response ReopenRound(const Request& request, RequestContext& ctx);   // POST /api/v1/rounds/{id}/reopen
Response CloseRound(const Request& request, RequestContext& ctx);    // POST /api/v1/rounds/{id}/close
Response ListReports(const Request& request, RequestContext& ctx);   // GET /api/v1/plans/{id}/reports?review=
Response CreateReport(const Request& request, RequestContext& ctx);  // POST /api/v1/reports
Response GetReport(const Request& request, RequestContext& ctx);     // GET /api/v1/reports/{id}
Response EditReport(const Request& request, RequestContext& ctx);    // PUT /api/v1/reports/{id}
Response SubmitReport(const Request& request, RequestContext& ctx);  // POST /api/v1/reports/{id}/submit
Response ApproveReport(const Request& request, RequestContext& ctx); // POST /api/v1/reports/{id}/approve
Response ReturnReport(const Request& request, RequestContext& ctx);  // POST /api/v1/reports/{id}/return

}  // namespace planwatch::web::api
