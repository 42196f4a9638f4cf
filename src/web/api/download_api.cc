#include "web/api/download_api.h"

#include "services/download_service.h"
#include "web/http_errors.h"

namespace planwatch::web::api {
namespace {

using services::DownloadKind;

Status Malformed(const char* field, const std::string& message) {
    return Status(StatusCode::kMalformed, std::string(field) + ": " + message, SourcePosition{.field = field});
}

// A query the client got wrong (a typo in a link, not content) is 400 throughout,
// so a bad date answers as a bad format does.
StatusOr<services::DownloadRequest> ReadQuery(const Request& request, const RequestContext& ctx) {
    services::DownloadRequest download;
    const std::string id = request.PathParam("id");
    StatusOr<int64_t> plan_id = services::ParsePlanId(id);
    if (!plan_id.ok()) return Malformed("id", plan_id.status().message());
    download.plan_id = *plan_id;
    download.format = request.Query("format");
    if (download.format.empty()) return Malformed("format", "missing");
    download.as_of = ctx.today;
    if (const std::string as_of = request.Query("as_of"); !as_of.empty()) {
        StatusOr<domain::CivilDate> parsed = domain::ParseCivilDate(as_of);
        if (!parsed.ok()) return Malformed("as_of", parsed.status().message());
        download.as_of = *parsed;
    }
    const std::string bom = request.Query("bom");
    if (bom == "1" || bom == "true") {
        download.bom = true;
    } else if (!bom.empty() && bom != "0" && bom != "false") {
        return Malformed("bom", "expected 1 or 0");
    }
    if (const std::string institution = request.Query("institution"); !institution.empty()) {
        StatusOr<int64_t> institution_id = services::ParsePlanId(institution);
        if (!institution_id.ok()) return Malformed("institution", "expected an institution id, a positive whole number");
        download.institution = *institution_id;
    }
    if (const std::string round = request.Query("round"); !round.empty()) {
        StatusOr<int64_t> round_id = services::ParsePlanId(round);
        if (!round_id.ok()) return Malformed("round", "expected a reporting round id, a positive whole number");
        // A report for a round is as of the round's due date.
        if (!request.Query("as_of").empty()) {
            return Malformed("as_of", "a report for a round is as of the round's due date: give round or as_of");
        }
        download.round = *round_id;
    }
    return download;
}

Response Answer(DownloadKind kind, const Request& request, RequestContext& ctx) {
    StatusOr<services::DownloadRequest> query = ReadQuery(request, ctx);
    if (!query.ok()) return ErrorResponse(query.status());
    StatusOr<services::Download> download = ctx.services.downloads().Get(kind, *query);
    if (!download.ok()) return ErrorResponse(download.status());
    Response response{.content_type = download->media_type, .shared_body = download->bytes};
    // File names are ASCII by construction (plan-12-report.pdf), so no RFC 6266 filename*.
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + download->file_name + "\"");
    return response;
}

}  // namespace

Response ExportPlan(const Request& request, RequestContext& ctx) { return Answer(DownloadKind::kExport, request, ctx); }

Response PlanReport(const Request& request, RequestContext& ctx) { return Answer(DownloadKind::kReport, request, ctx); }

}  // namespace planwatch::web::api
