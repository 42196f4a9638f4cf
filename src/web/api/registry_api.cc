#include "web/api/registry_api.h"

#include <nlohmann/json.hpp>

#include "services/plan_catalog.h"
#include "web/api/json_body.h"
#include "web/http_errors.h"

namespace planwatch::web::api {
namespace {

using nlohmann::json;

constexpr int64_t kMaxCount = 1'000'000'000;

// The services already write compact JSON with a trailing newline.
Response RawJson(std::string body, int status = 200) { return Response{.status = status, .body = std::move(body)}; }

}  // namespace

Response RegistryStatistics(const Request& request, RequestContext& ctx) {
    std::optional<int64_t> plan;
    if (std::string text = request.Query("plan"); !text.empty()) {
        StatusOr<int64_t> id = services::ParsePlanId(text);
        if (!id.ok()) return ErrorResponse(id.status());
        plan = *id;
    }
    StatusOr<services::ServiceStatistics> stats = ctx.services.registry().Statistics(plan);
    if (!stats.ok()) return ErrorResponse(stats.status());
    return RawJson(services::StatisticsToJson(*stats));
}

Response InstitutionFigures(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<services::InstitutionProfile> profile = ctx.services.registry().GetInstitution(*id);
    if (!profile.ok()) return ErrorResponse(profile.status());
    return RawJson(services::InstitutionProfileToJson(*profile));
}

Response MergeInstitution(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> from = services::ParsePlanId(request.PathParam("id"));
    if (!from.ok()) return ErrorResponse(from.status());
    StatusOr<json> body = JsonBody(request);
    if (!body.ok()) return ErrorResponse(body.status());
    StatusOr<std::optional<int64_t>> into = IdField(*body, "into");
    if (!into.ok()) return ErrorResponse(into.status());
    if (!*into) return ErrorResponse(InvalidArgument("into: the id of the institution that stays is required"));
    StatusOr<storage::InstitutionRecord> merged = ctx.services.registry().Merge(*from, **into, ActorOf(ctx));
    if (!merged.ok()) return ErrorResponse(merged.status());
    return RawJson(services::InstitutionToJson(*merged));
}

Response ListNeeds(const Request& request, RequestContext& ctx) {
    std::optional<int64_t> institution;
    if (std::string text = request.Query("institution"); !text.empty()) {
        StatusOr<int64_t> id = services::ParsePlanId(text);
        if (!id.ok()) return ErrorResponse(id.status());
        institution = *id;
    }
    StatusOr<std::vector<domain::Need>> needs = ctx.services.needs().List(ActorOf(ctx), institution);
    if (!needs.ok()) return ErrorResponse(needs.status());
    return RawJson(services::NeedsToJson(*needs));
}

Response CreateNeed(const Request& request, RequestContext& ctx) {
    StatusOr<json> body = JsonBody(request);
    if (!body.ok()) return ErrorResponse(body.status());
    services::NewNeed need;
    std::string* fields[] = {&need.recorded_on, &need.locality, &need.beneficiary_group, &need.kind,
                             &need.referred_by,  &need.urgency,  &need.outcome,          &need.identity};
    const char* names[] = {"recorded_on", "locality", "beneficiary_group", "kind",
                           "referred_by", "urgency",  "outcome",           "identity"};
    for (size_t i = 0; i < std::size(names); ++i) {
        StatusOr<std::string> value = TextField(*body, names[i]);
        if (!value.ok()) return ErrorResponse(value.status());
        if (!value->empty() || (std::string(names[i]) != "referred_by" && std::string(names[i]) != "urgency")) {
            *fields[i] = *value;
        }
    }
    StatusOr<std::optional<int64_t>> institution = IdField(*body, "institution");
    if (!institution.ok()) return ErrorResponse(institution.status());
    need.institution_id = *institution;
    StatusOr<std::optional<int64_t>> service = IdField(*body, "service");
    if (!service.ok()) return ErrorResponse(service.status());
    need.service_id = *service;
    StatusOr<int64_t> id = ctx.services.needs().Add(need, ActorOf(ctx));
    if (!id.ok()) return ErrorResponse(id.status());
    return RawJson(json{{"id", *id}}.dump() + "\n", 201);
}

Response UpdateNeed(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<json> body = JsonBody(request);
    if (!body.ok()) return ErrorResponse(body.status());
    StatusOr<int64_t> version = RequiredIntField(*body, "version", "the version the edit was made on is required");
    if (!version.ok()) return ErrorResponse(version.status());
    StatusOr<std::optional<int64_t>> service = IdField(*body, "service");
    if (!service.ok()) return ErrorResponse(service.status());
    StatusOr<std::string> outcome = TextField(*body, "outcome");
    if (!outcome.ok()) return ErrorResponse(outcome.status());
    services::NeedUpdate update{.version = static_cast<int>(*version), .service_id = *service, .outcome = *outcome};
    StatusOr<domain::Need> need = ctx.services.needs().Update(*id, update, ActorOf(ctx));
    if (!need.ok()) return ErrorResponse(need.status());
    return RawJson(services::NeedToJson(*need));
}

Response PutServiceMonth(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<json> body = JsonBody(request);
    if (!body.ok()) return ErrorResponse(body.status());
    StatusOr<int64_t> beneficiaries = RequiredIntField(*body, "beneficiaries", "is required");
    if (!beneficiaries.ok()) return ErrorResponse(beneficiaries.status());
    StatusOr<std::optional<int64_t>> waiting = IntField(*body, "waiting");
    if (!waiting.ok()) return ErrorResponse(waiting.status());
    // Counts of people in one service: anything near the range of int is a typing error.
    if (*beneficiaries > kMaxCount) return ErrorResponse(FieldError("beneficiaries", "is not a count of people"));
    if (waiting->value_or(0) > kMaxCount) return ErrorResponse(FieldError("waiting", "is not a count of people"));
    domain::ServiceMonth month{.service_id = *id,
                               .month = request.PathParam("month"),
                               .beneficiaries = static_cast<int>(*beneficiaries),
                               .waiting = static_cast<int>(waiting->value_or(0))};
    Status stored = ctx.services.needs().PutMonth(month, ActorOf(ctx));
    if (!stored.ok()) return ErrorResponse(stored);
    StatusOr<std::vector<services::ServiceOccupancy>> months = ctx.services.needs().Occupancy(*id, ActorOf(ctx));
    if (!months.ok()) return ErrorResponse(months.status());
    return RawJson(services::OccupancyToJson(*months));
}

Response ServiceOccupancy(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<std::vector<services::ServiceOccupancy>> months = ctx.services.needs().Occupancy(*id, ActorOf(ctx));
    if (!months.ok()) return ErrorResponse(months.status());
    return RawJson(services::OccupancyToJson(*months));
}

Response Gaps(const Request&, RequestContext& ctx) {
    StatusOr<std::vector<services::Gap>> gaps = ctx.services.needs().Gaps(ActorOf(ctx));
    if (!gaps.ok()) return ErrorResponse(gaps.status());
    return RawJson(services::GapsToJson(*gaps));
}

}  // namespace planwatch::web::api
