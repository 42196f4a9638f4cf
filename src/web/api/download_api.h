#pragma once
// Downloads of a plan (the reports issue): its open data and its evaluation
// report as files, with Content-Disposition naming them. Thin: the query is read
// here, services::DownloadService writes (and keeps) the file. The routes run on
// the server's document pool (Pool::kDocuments).
#include "web/context.h"
#include "web/request.h"
#include "web/response.h"

namespace planwatch::web::api {

// GET /api/v1/plans/{id}/export?format=csv|json|xlsx|iati[&bom=1][&as_of=YYYY-MM-DD]
Response ExportPlan(const Request& request, RequestContext& ctx);
// GET /api/v1/plans/{id}/report?format=pdf|docx|html|xlsx[&as_of=YYYY-MM-DD][&institution=ID]
Response PlanReport(const Request& request, RequestContext& ctx);

}  // namespace planwatch::web::api
