#include "web/api/api.h"

#include <nlohmann/json.hpp>

#include "common/resources.h"
#include "domain/plan_json.h"
#include "reports/format.h"
#include "services/plan_catalog.h"
#include "web/api/json_body.h"
#include "web/handlers/plans.h"
#include "web/http_errors.h"
#include "web/pages/view_helpers.h"
#include "web/portal_data.h"
#include "web/reasons.h"
#include "web/search_links.h"

namespace planwatch::web::api {
namespace {

using nlohmann::ordered_json;

ordered_json Counts(const reports::StatusCounts& counts) {
    ordered_json out = ordered_json::object();
    for (domain::ActivityStatus status : reports::StatusOrder()) out[domain::Name(status)] = counts.Of(status);
    out["total"] = counts.total;
    return out;
}

ordered_json Optional(const std::optional<double>& value) { return value ? ordered_json(*value) : ordered_json(nullptr); }

}  // namespace

Response OpenApi(const Request&, RequestContext&) {
    std::optional<std::string_view> document = resources::Find("data/schema/openapi.json");
    if (!document) return ErrorResponse(Internal("data/schema/openapi.json is not in the binary"));
    return Response{.body = std::string(*document)};
}

Response ListPlans(const Request&, RequestContext& ctx) {
    return handlers::ListPlans(ctx.services.catalog(), ActorOf(ctx));
}

Response GetPlan(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<std::shared_ptr<const domain::Plan>> plan = ctx.portal.Plan(*id, ActorOf(ctx));
    if (!plan.ok()) return ErrorResponse(plan.status());
    return Response{.body = domain::PlanToJson(**plan)};
}

Response CreatePlan(const Request& request, RequestContext& ctx) {
    std::string bytes;
    std::string file_name;
    const std::string content_type = request.Header("content-type");
    if (content_type.rfind("multipart/form-data", 0) == 0) {
        StatusOr<std::vector<FormPart>> parts = ParseMultipart(content_type, request.body);
        if (!parts.ok()) return ErrorResponse(parts.status());
        for (const FormPart& part : *parts) {
            if (part.name == "file") {
                bytes = part.data;
                file_name = part.file_name;
            }
        }
        if (file_name.empty()) {
            return ErrorResponse(Status(StatusCode::kMalformed, "the form has no file part named \"file\"",
                                        SourcePosition{.field = "file"}));
        }
    } else if (content_type.rfind("application/json", 0) == 0) {
        bytes = request.body;
        file_name = "upload.json";
    } else {
        return ErrorResponse(Status(StatusCode::kMalformed,
                                    "send multipart/form-data with a \"file\" part or an application/json plan"));
    }
    // Only the name: a path typed by a browser must not reach the store.
    size_t slash = file_name.find_last_of("/\\");
    if (slash != std::string::npos) file_name = file_name.substr(slash + 1);
    StatusOr<services::ImportOutcome> outcome = ctx.services.imports().ImportBytes(
        bytes, file_name, ctx.Actor(),
        {.replace = request.Query("replace") == "true", .publish = request.Query("publish") == "true"});
    if (!outcome.ok()) return ErrorResponse(outcome.status());
    ordered_json body = {{"id", outcome->plan_id},        {"version", outcome->version},
                         {"title", outcome->title},       {"activities", outcome->activities},
                         {"warnings", outcome->warnings}, {"published", outcome->published}};
    Response response = JsonResponse(body, 201);
    response.headers.emplace_back("Location", "/api/v1/plans/" + std::to_string(outcome->plan_id));
    return response;
}

namespace {

// {"plan", "published", "published_at", "published_by", "changed"}; null times for a draft.
Response Publication(const Request& request, RequestContext& ctx, bool publish) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorResponse(id.status());
    services::PublishService& publishing = ctx.services.publishing();
    StatusOr<services::PublishOutcome> outcome =
        publish ? publishing.Publish(*id, ActorOf(ctx)) : publishing.Unpublish(*id, ActorOf(ctx));
    if (!outcome.ok()) return ErrorResponse(outcome.status());
    const storage::PlanSummary& plan = outcome->plan;
    auto text_or_null = [&](const std::string& text) {
        return plan.published() ? ordered_json(text) : ordered_json(nullptr);
    };
    return JsonResponse({{"plan", plan.id},
                         {"published", plan.published()},
                         {"published_at", text_or_null(plan.published_at)},
                         {"published_by", text_or_null(plan.published_by)},
                         {"changed", outcome->changed}});
}

}  // namespace

Response PublishPlan(const Request& request, RequestContext& ctx) { return Publication(request, ctx, true); }
Response UnpublishPlan(const Request& request, RequestContext& ctx) { return Publication(request, ctx, false); }

Response PlanStatus(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<domain::CivilDate> as_of = AsOfParam(request, ctx);
    if (!as_of.ok()) return ErrorResponse(as_of.status());
    StatusOr<std::shared_ptr<const reports::ReportModel>> model = ctx.portal.Model(*id, *as_of, "en", ActorOf(ctx));
    if (!model.ok()) return ErrorResponse(model.status());
    const reports::ReportModel& m = **model;
    ordered_json activities = ordered_json::array();
    for (const reports::ActivityRow& a : m.activities) {
        ordered_json indicators = ordered_json::array();
        for (const reports::IndicatorRow& indicator : a.indicators) {
            indicators.push_back({{"name", indicator.name},
                                  {"achievement", domain::Name(indicator.achievement)},
                                  {"actual", Optional(indicator.actual)},
                                  {"ratio", Optional(indicator.ratio)}});
        }
        // reason stays English for scripts; reason_parts are its stable codes, reason_message the request's language.
        ordered_json activity = {{"id", a.id ? ordered_json(*a.id) : ordered_json(nullptr)},
                                 {"code", a.code},
                                 {"title", a.title},
                                 {"status", domain::Name(a.status)},
                                 {"reason", a.reason},
                                 {"reason_parts", services::ReasonPartsJson(a.reason_parts)},
                                 {"reason_message", LocalReason(a.reason_parts, ctx.t())},
                                 {"due", a.due ? ordered_json(domain::ToString(*a.due)) : ordered_json(nullptr)},
                                 {"lead", a.lead},
                                 {"indicators", indicators}};
        if (a.recurring) {
            ordered_json periods = ordered_json::array();
            for (const reports::PeriodStatusRow& p : a.periods) {
                periods.push_back({{"period", p.period},
                                   {"status", domain::Name(p.status)},
                                   {"reason", p.reason},
                                   {"reason_parts", services::ReasonPartsJson(p.reason_parts)},
                                   {"reason_message", LocalReason(p.reason_parts, ctx.t())}});
            }
            activity["periods"] = periods;
        }
        activities.push_back(std::move(activity));
    }
    ordered_json pillars = ordered_json::array();
    for (const reports::GroupSummary& group : m.by_pillar) {
        pillars.push_back({{"code", group.code}, {"title", group.title}, {"counts", Counts(group.counts)}});
    }
    ordered_json institutions = ordered_json::array();
    for (const reports::InstitutionSummary& institution : m.institutions) {
        if (institution.led.empty() && institution.partnered.empty()) continue;
        institutions.push_back({{"name", institution.name},
                                {"leads", institution.led.size()},
                                {"partners_on", institution.partnered.size()},
                                {"counts", Counts(institution.lead_counts)},
                                {"expected", institution.expected},
                                {"received", institution.received},
                                {"on_time", institution.on_time}});
    }
    ordered_json body = {{"plan", *id},
                         {"as_of", domain::ToString(*as_of)},
                         {"counts", Counts(m.totals)},
                         {"by_pillar", pillars},
                         {"by_institution", institutions},
                         {"activities", activities}};
    return JsonResponse(body);
}

Response ListInstitutions(const Request& request, RequestContext& ctx) {
    StatusOr<services::InstitutionFilter> filter = services::ParseInstitutionFilter(
        request.Query("q"), request.Query("kind"), request.Query("review"), request.Query("parent"));
    if (!filter.ok()) return ErrorResponse(filter.status());
    StatusOr<std::vector<storage::InstitutionRecord>> found =
        ctx.services.registry().FindInstitutions(*filter, ActorOf(ctx));
    if (!found.ok()) return ErrorResponse(found.status());
    return Response{.body = services::InstitutionsToJson(*found)};
}

namespace {

ordered_json ActivityList(const reports::ReportModel& model, const std::vector<int>& indexes) {
    ordered_json list = ordered_json::array();
    for (int index : indexes) {
        const reports::ActivityRow& a = model.activities[index];
        list.push_back({{"id", a.id ? ordered_json(*a.id) : ordered_json(nullptr)},
                        {"code", a.code},
                        {"title", a.title},
                        {"status", domain::Name(a.status)}});
    }
    return list;
}

}  // namespace

Response GetInstitution(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<storage::InstitutionRecord> record = ctx.services.registry().FindInstitution(*id, ActorOf(ctx));
    if (!record.ok()) return ErrorResponse(record.status());
    // The activities with their statuses today, from the same cached models as the institution page.
    auto models = ctx.portal.AllModels(ctx.today, "en", ActorOf(ctx));
    if (!models.ok()) return ErrorResponse(models.status());
    ordered_json plans = ordered_json::array();
    for (const auto& model : *models) {
        std::optional<reports::InstitutionSummary> summary = model->SummaryOf(*id);
        if (!summary || (summary->led.empty() && summary->partnered.empty())) continue;
        plans.push_back({{"plan", model->plan.id.value_or(0)},
                         {"title", model->plan.title},
                         {"leads", ActivityList(*model, summary->led)},
                         {"partners_on", ActivityList(*model, summary->partnered)},
                         {"expected", summary->expected},
                         {"received", summary->received},
                         {"on_time", summary->on_time}});
    }
    ordered_json body = ordered_json::parse(services::InstitutionToJson(*record));
    body["plans"] = plans;
    return JsonResponse(body);
}

Response ListServices(const Request& request, RequestContext& ctx) {
    StatusOr<services::ServiceFilter> filter = services::ParseServiceFilter(
        request.Query("q"), request.Query("code"), request.Query("category"), request.Query("plan"));
    if (!filter.ok()) return ErrorResponse(filter.status());
    StatusOr<services::ServiceListing> listing = ctx.services.registry().FindServices(*filter, ActorOf(ctx));
    if (!listing.ok()) return ErrorResponse(listing.status());
    return Response{.body = services::ServicesToJson(listing->entries)};
}

Response Search(const Request& request, RequestContext& ctx) {
    const std::string q = request.Query("q");
    StatusOr<std::vector<storage::SearchHit>> hits = ctx.services.search().Search(q, ActorOf(ctx));
    if (!hits.ok()) return ErrorResponse(hits.status());
    ordered_json list = ordered_json::array();
    for (const storage::SearchHit& hit : *hits) {
        SearchLink link = LinkFor(hit, ctx);
        list.push_back({{"kind", hit.kind},
                        {"id", hit.id},
                        {"plan", hit.plan_id ? ordered_json(*hit.plan_id) : ordered_json(nullptr)},
                        {"title", hit.title},
                        {"href", link.href}});
    }
    return JsonResponse({{"q", q}, {"hits", list}});
}

Response Me(const Request&, RequestContext& ctx) {
    const domain::User& user = *ctx.user;  // the route requires a signed-in caller
    ordered_json me = {{"id", user.id.value_or(0)},
                       {"email", user.email},
                       {"role", domain::Name(user.role)},
                       {"institution", user.institution_id ? ordered_json(*user.institution_id) : ordered_json(nullptr)}};
    // A script on a session cookie needs the session's CSRF token for its writes (X-CSRF-Token).
    if (!ctx.bearer && !ctx.csrf.empty()) me["csrf"] = ctx.csrf;
    return JsonResponse(me);
}

}  // namespace planwatch::web::api
