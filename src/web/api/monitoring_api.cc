#include "web/api/monitoring_api.h"

#include <nlohmann/json.hpp>

#include "services/plan_catalog.h"
#include "web/api/json_body.h"
#include "web/http_errors.h"
#include "web/portal_data.h"

namespace planwatch::web::api {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// ReportJson already writes the report object; the API adds a newline.
Response ReportResponse(const domain::ProgressReport& report, int status = 200) {
    return Response{.status = status, .body = services::ReportJson(report) + "\n"};
}

// {status, indicators:[{indicator, value}], narrative, evidence:[url | {url, sha256}]}: the
// parts of a report its writer chooses, as POST and PUT take them.
StatusOr<services::ReportContent> Content(const json& body) {
    services::ReportContent content;
    PW_ASSIGN_OR_RETURN(std::string claimed, TextField(body, "status"));
    if (!claimed.empty()) {
        std::optional<domain::ClaimedState> state = domain::ParseClaimedState(claimed);
        if (!state) {
            return FieldError("status", "expected not_started, in_progress, completed or cancelled, not \"" +
                                            claimed + "\"");
        }
        content.claimed = *state;
    }
    PW_ASSIGN_OR_RETURN(content.narrative, TextField(body, "narrative"));
    if (auto it = body.find("indicators"); it != body.end() && !it->is_null()) {
        if (!it->is_array()) return FieldError("indicators", "expected a list of {indicator, value}");
        for (const json& item : *it) {
            auto indicator = item.is_object() ? item.find("indicator") : item.end();
            auto value = item.is_object() ? item.find("value") : item.end();
            if (!item.is_object() || indicator == item.end() || !indicator->is_number_integer() ||
                value == item.end() || !value->is_number()) {
                return FieldError("indicators",
                                  "each entry is {\"indicator\": its position on the activity, \"value\": a number}");
            }
            content.values.push_back({.indicator_index = indicator->get<int>(), .value = value->get<double>()});
        }
    }
    if (auto it = body.find("evidence"); it != body.end() && !it->is_null()) {
        if (!it->is_array()) return FieldError("evidence", "expected a list of links");
        for (const json& item : *it) {
            if (item.is_string()) {
                content.evidence.push_back({.url = item.get<std::string>()});
            } else if (item.is_object() && item.contains("url") && item["url"].is_string()) {
                domain::Evidence evidence{.url = item["url"].get<std::string>()};
                if (item.contains("sha256") && item["sha256"].is_string()) {
                    evidence.sha256 = item["sha256"].get<std::string>();
                }
                content.evidence.push_back(std::move(evidence));
            } else {
                return FieldError("evidence", "each entry is a link or {\"url\", \"sha256\"}");
            }
        }
    }
    return content;
}

// A 409 on an edit carries the stored report, so the client can show it next
// to what its user typed instead of losing either.
Response ConflictWithCurrent(const Status& status, RequestContext& ctx, int64_t report_id) {
    Response response = ErrorResponse(status);
    if (status.code() != StatusCode::kConflict) return response;
    StatusOr<domain::ProgressReport> current = ctx.services.progress_reports().Get(report_id);
    if (!current.ok()) return response;
    json body = json::parse(response.body, nullptr, false);
    if (body.is_discarded()) return response;
    body["current"] = json::parse(services::ReportJson(*current));
    response.body = body.dump() + "\n";
    return response;
}

using Transition = StatusOr<domain::ProgressReport> (services::ReportService::*)(int64_t, const services::Actor&);

Response Transit(const Request& request, RequestContext& ctx, Transition transition) {
    StatusOr<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<domain::ProgressReport> report = (ctx.services.progress_reports().*transition)(*id, ActorOf(ctx));
    if (!report.ok()) return ErrorResponse(report.status());
    ctx.portal.Invalidate();
    return ReportResponse(*report);
}

}  // namespace

Response ListRounds(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> plan = PathId(request, "id");
    if (!plan.ok()) return ErrorResponse(plan.status());
    StatusOr<domain::CivilDate> as_of = AsOfParam(request, ctx);
    if (!as_of.ok()) return ErrorResponse(as_of.status());
    StatusOr<std::vector<services::RoundView>> views = ctx.services.rounds().List(*plan, *as_of, ActorOf(ctx));
    if (!views.ok()) return ErrorResponse(views.status());
    ordered_json rounds = ordered_json::array();
    for (const services::RoundView& view : *views) rounds.push_back(services::RoundViewToJson(view));
    return JsonResponse({{"plan", *plan}, {"as_of", domain::ToString(*as_of)}, {"rounds", rounds}});
}

Response OpenRound(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> plan = PathId(request, "id");
    if (!plan.ok()) return ErrorResponse(plan.status());
    StatusOr<json> body = JsonBody(request);
    if (!body.ok()) return ErrorResponse(body.status());
    services::OpenRoundRequest open{.plan_id = *plan};
    StatusOr<std::string> period = TextField(*body, "period");
    if (!period.ok()) return ErrorResponse(period.status());
    open.period = *period;
    for (auto [field, target] : {std::pair{"opens_on", &open.opens_on}, std::pair{"due_on", &open.due_on}}) {
        StatusOr<std::string> text = TextField(*body, field);
        if (!text.ok()) return ErrorResponse(text.status());
        if (!text->empty()) *target = *text;
    }
    for (auto [field, target] : {std::pair{"grace_days", &open.grace_days},
                                 std::pair{"due_after_days", &open.due_after_days}}) {
        StatusOr<std::optional<int64_t>> days = IntField(*body, field);
        if (!days.ok()) return ErrorResponse(days.status());
        if (*days) {
            if (**days < 0 || **days > 366) return ErrorResponse(FieldError(field, "expected 0 to 366 days"));
            *target = static_cast<int>(**days);
        }
    }
    StatusOr<services::RoundView> view = ctx.services.rounds().Open(open, ActorOf(ctx), ctx.today);
    if (!view.ok()) return ErrorResponse(view.status());
    ctx.portal.Invalidate();
    Response response = JsonResponse(services::RoundViewToJson(*view), 201);
    response.headers.push_back({"Location", "/api/v1/rounds/" + std::to_string(view->round.id.value_or(0))});
    return response;
}

Response GetRound(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<domain::CivilDate> as_of = AsOfParam(request, ctx);
    if (!as_of.ok()) return ErrorResponse(as_of.status());
    StatusOr<services::RoundView> view = ctx.services.rounds().Get(*id, *as_of, ActorOf(ctx));
    if (!view.ok()) return ErrorResponse(view.status());
    return JsonResponse(services::RoundViewToJson(*view));
}

Response ReopenRound(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<json> body = JsonBody(request);
    if (!body.ok()) return ErrorResponse(body.status());
    StatusOr<std::string> institution = TextField(*body, "institution");
    if (!institution.ok()) return ErrorResponse(institution.status());
    if (institution->empty()) return ErrorResponse(FieldError("institution", "name the institution to reopen for"));
    StatusOr<std::string> until = TextField(*body, "until");
    if (!until.ok()) return ErrorResponse(until.status());
    StatusOr<services::RoundView> view =
        ctx.services.rounds().Reopen(*id, *institution, *until, ActorOf(ctx), ctx.today);
    if (!view.ok()) return ErrorResponse(view.status());
    ctx.portal.Invalidate();
    return JsonResponse(services::RoundViewToJson(*view));
}

Response CloseRound(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<services::RoundView> view = ctx.services.rounds().Close(*id, ActorOf(ctx), ctx.today);
    if (!view.ok()) return ErrorResponse(view.status());
    ctx.portal.Invalidate();
    return JsonResponse(services::RoundViewToJson(*view));
}

Response ListReports(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> plan = PathId(request, "id");
    if (!plan.ok()) return ErrorResponse(plan.status());
    std::optional<domain::ReviewState> review;
    if (std::string text = request.Query("review"); !text.empty()) {
        review = domain::ParseReviewState(text);
        if (!review) {
            return ErrorResponse(FieldError("review", "expected draft, submitted, approved or returned"));
        }
    }
    StatusOr<std::vector<domain::ProgressReport>> reports =
        ctx.services.progress_reports().ListForPlan(*plan, review);
    if (!reports.ok()) return ErrorResponse(reports.status());
    ordered_json list = ordered_json::array();
    for (const domain::ProgressReport& report : *reports) {
        list.push_back(ordered_json::parse(services::ReportJson(report)));
    }
    return JsonResponse({{"plan", *plan}, {"reports", list}});
}

Response CreateReport(const Request& request, RequestContext& ctx) {
    StatusOr<json> body = JsonBody(request);
    if (!body.ok()) return ErrorResponse(body.status());
    StatusOr<int64_t> activity =
        RequiredIdField(*body, "activity", "the id of the activity reported on is required");
    if (!activity.ok()) return ErrorResponse(activity.status());
    StatusOr<std::optional<int64_t>> institution = IdField(*body, "institution");
    if (!institution.ok()) return ErrorResponse(institution.status());
    StatusOr<std::string> period = TextField(*body, "period");
    if (!period.ok()) return ErrorResponse(period.status());
    StatusOr<services::ReportContent> content = Content(*body);
    if (!content.ok()) return ErrorResponse(content.status());
    services::NewReport report{.activity_id = *activity, .period = *period, .institution_id = *institution,
                               .content = std::move(*content)};
    StatusOr<domain::ProgressReport> created = ctx.services.progress_reports().Create(report, ActorOf(ctx));
    if (!created.ok()) return ErrorResponse(created.status());
    ctx.portal.Invalidate();
    Response response = ReportResponse(*created, 201);
    response.headers.push_back({"Location", "/api/v1/reports/" + std::to_string(created->id.value_or(0))});
    return response;
}

Response GetReport(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<domain::ProgressReport> report = ctx.services.progress_reports().Get(*id);
    if (!report.ok()) return ErrorResponse(report.status());
    StatusOr<std::vector<storage::ReportRevision>> history = ctx.services.progress_reports().History(*id);
    if (!history.ok()) return ErrorResponse(history.status());
    ordered_json body = ordered_json::parse(services::ReportJson(*report));
    ordered_json revisions = ordered_json::array();
    for (const storage::ReportRevision& revision : *history) {
        revisions.push_back({{"revision", revision.revision},
                             {"changed_at", revision.changed_at},
                             {"report", ordered_json::parse(revision.snapshot_json, nullptr, false)}});
    }
    body["history"] = revisions;
    return JsonResponse(body);
}

Response EditReport(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<json> body = JsonBody(request);
    if (!body.ok()) return ErrorResponse(body.status());
    StatusOr<int64_t> version =
        RequiredIntField(*body, "version", "send the version the edit was made on (from GET)");
    if (!version.ok()) return ErrorResponse(version.status());
    StatusOr<services::ReportContent> content = Content(*body);
    if (!content.ok()) return ErrorResponse(content.status());
    StatusOr<domain::ProgressReport> edited =
        ctx.services.progress_reports().Edit(*id, *content, static_cast<int>(*version), ActorOf(ctx));
    if (!edited.ok()) return ConflictWithCurrent(edited.status(), ctx, *id);
    ctx.portal.Invalidate();
    return ReportResponse(*edited);
}

Response SubmitReport(const Request& request, RequestContext& ctx) {
    return Transit(request, ctx, &services::ReportService::Submit);
}

Response ApproveReport(const Request& request, RequestContext& ctx) {
    return Transit(request, ctx, &services::ReportService::Approve);
}

Response ReturnReport(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<json> body = JsonBody(request);
    if (!body.ok()) return ErrorResponse(body.status());
    StatusOr<std::string> comment = TextField(*body, "comment");
    if (!comment.ok()) return ErrorResponse(comment.status());
    StatusOr<domain::ProgressReport> report =
        ctx.services.progress_reports().Return(*id, *comment, ActorOf(ctx));
    if (!report.ok()) return ErrorResponse(report.status());
    ctx.portal.Invalidate();
    return ReportResponse(*report);
}

}  // namespace planwatch::web::api
