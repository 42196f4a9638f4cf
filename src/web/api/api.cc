#include "web/api/api.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "common/resources.h"
#include "domain/plan_json.h"
#include "reports/format.h"
#include "services/plan_catalog.h"
#include "web/api/json_body.h"
#include "web/handlers/plans.h"
#include "web/http_errors.h"
#include "web/pages/view_helpers.h"
#include "web/portal_data.h"
#include "web/registry.h"
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
        activities.push_back({{"id", a.id ? ordered_json(*a.id) : ordered_json(nullptr)},
                              {"code", a.code},
                              {"title", a.title},
                              {"status", domain::Name(a.status)},
                              {"reason", a.reason},
                              {"due", a.due ? ordered_json(domain::ToString(*a.due)) : ordered_json(nullptr)},
                              {"lead", a.lead},
                              {"indicators", indicators}});
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

Response ListInstitutions(const Request&, RequestContext& ctx) {
    auto models = ctx.portal.AllModels(ctx.today, "en", ActorOf(ctx));
    if (!models.ok()) return ErrorResponse(models.status());
    std::map<int64_t, ordered_json> by_id;
    for (const auto& model : *models) {
        for (const domain::Institution& institution : model->plan.institutions) {
            if (!institution.id) continue;
            ordered_json& entry = by_id[*institution.id];
            if (entry.is_null()) {
                entry = {{"id", *institution.id},
                         {"name", institution.name},
                         {"acronym", institution.acronym},
                         {"aliases", ordered_json::array()},
                         {"parent", institution.parent},
                         {"leads", 0},
                         {"partners_on", 0}};
            }
            for (const std::string& alias : institution.aliases) {
                if (std::find(entry["aliases"].begin(), entry["aliases"].end(), alias) == entry["aliases"].end()) {
                    entry["aliases"].push_back(alias);
                }
            }
        }
        std::set<int64_t> counted;  // a plan's several names for one institution count once
        for (const domain::Institution& institution : model->plan.institutions) {
            if (!institution.id || !counted.insert(*institution.id).second) continue;
            if (std::optional<reports::InstitutionSummary> summary = model->SummaryOf(*institution.id)) {
                ordered_json& entry = by_id[*institution.id];
                entry["leads"] = entry["leads"].get<int>() + static_cast<int>(summary->led.size());
                entry["partners_on"] = entry["partners_on"].get<int>() + static_cast<int>(summary->partnered.size());
            }
        }
    }
    ordered_json list = ordered_json::array();
    for (auto& [id, entry] : by_id) list.push_back(std::move(entry));
    return JsonResponse(list);
}

Response GetInstitution(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorResponse(id.status());
    auto models = ctx.portal.AllModels(ctx.today, "en", ActorOf(ctx));
    if (!models.ok()) return ErrorResponse(models.status());
    ordered_json body;
    ordered_json plans = ordered_json::array();
    for (const auto& model : *models) {
        std::optional<reports::InstitutionSummary> summary = model->SummaryOf(*id);
        if (!summary) continue;
        if (body.is_null()) {
            auto entry = std::find_if(model->plan.institutions.begin(), model->plan.institutions.end(),
                                      [&](const domain::Institution& i) { return i.id == *id; });
            body = {{"id", *id}, {"name", entry->name}, {"acronym", entry->acronym},
                    {"aliases", entry->aliases}, {"parent", entry->parent}};
        }
        auto activity_list = [&](const std::vector<int>& indexes) {
            ordered_json list = ordered_json::array();
            for (int index : indexes) {
                const reports::ActivityRow& a = model->activities[index];
                list.push_back({{"id", a.id ? ordered_json(*a.id) : ordered_json(nullptr)},
                                {"code", a.code},
                                {"title", a.title},
                                {"status", domain::Name(a.status)}});
            }
            return list;
        };
        plans.push_back({{"plan", model->plan.id.value_or(0)},
                         {"title", model->plan.title},
                         {"leads", activity_list(summary->led)},
                         {"partners_on", activity_list(summary->partnered)},
                         {"expected", summary->expected},
                         {"received", summary->received},
                         {"on_time", summary->on_time}});
    }
    if (body.is_null()) return ErrorResponse(NotFound("no institution with id " + std::to_string(*id)));
    body["plans"] = plans;
    return JsonResponse(body);
}

Response ListServices(const Request& request, RequestContext& ctx) {
    RegistryFilter filter{.q = request.Query("q"), .code = request.Query("code"), .category = request.Query("category")};
    StatusOr<RegistryResult> result = FindServices(ctx.portal, filter, ActorOf(ctx));
    if (!result.ok()) return ErrorResponse(result.status());
    ordered_json list = ordered_json::array();
    for (const RegistryEntry& entry : result->entries) {
        const domain::SocialService& s = *entry.service;
        ordered_json budget = ordered_json::array();
        for (const domain::ServiceBudget& line : s.budget) {
            budget.push_back({{"year", line.year},
                              {"source", line.source},
                              {"amount", static_cast<double>(line.amount_minor) / 100.0},
                              {"currency", line.currency}});
        }
        list.push_back(
            {{"id", s.id ? ordered_json(*s.id) : ordered_json(nullptr)},
             {"plan", entry.plan->id.value_or(0)},
             {"code", s.code},
             {"category", ServiceCategory(s.code)},
             {"name", s.name},
             {"beneficiaries", s.beneficiaries},
             {"provider", s.provider},
             {"locality", s.locality},
             {"capacity", s.capacity ? ordered_json{{"value", s.capacity->value}, {"unit", domain::Name(s.capacity->unit)}}
                                     : ordered_json(nullptr)},
             {"occupancy", Optional(s.occupancy)},
             {"state", domain::Name(s.state)},
             {"budget", budget}});
    }
    return JsonResponse(list);
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
