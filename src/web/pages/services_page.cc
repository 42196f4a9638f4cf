// The registry of social services from every published plan, filtered by
// text, nomenclature code and beneficiary category (GET form).
#include <set>

#include "common/text.h"
#include "web/pages/pages.h"
#include "web/pages/view_helpers.h"
#include "web/portal_data.h"
#include "web/registry.h"
#include "web/render.h"

namespace planwatch::web::pages {

Response Services(const Request& request, RequestContext& ctx) {
    RegistryFilter filter{.q = request.Query("q"), .code = request.Query("code"), .category = request.Query("category")};
    std::string plan = request.Query("plan");
    if (!plan.empty()) filter.plan_id = std::atoll(plan.c_str());
    StatusOr<RegistryResult> result = FindServices(ctx.portal, filter, ActorOf(ctx));
    if (!result.ok()) return ErrorPage(result.status(), request, ctx);
    nlohmann::json rows = nlohmann::json::array();
    for (const RegistryEntry& entry : result->entries) {
        const domain::SocialService& s = *entry.service;
        std::string capacity =
            s.capacity ? FormatNumber(s.capacity->value, ctx.lang) + " " +
                             ctx.t().Get(std::string("unit_") + domain::Name(s.capacity->unit))
                       : "";
        rows.push_back({{"code", s.code},
                        {"name", s.name},
                        {"beneficiaries", s.beneficiaries},
                        {"provider", s.provider},
                        {"locality", s.locality},
                        {"capacity", capacity},
                        {"occupancy", s.occupancy ? FormatPercent(*s.occupancy, ctx.lang) : ""},
                        {"state", ctx.t().Get(std::string("state_") + domain::Name(s.state))}});
    }
    nlohmann::json categories = nlohmann::json::array();
    for (const std::string& category : result->categories) {
        categories.push_back({{"value", category}, {"label", category}, {"selected", category == filter.category}});
    }
    nlohmann::json view = {{"q", filter.q},
                           {"code", filter.code},
                           {"categories", categories},
                           {"services", rows},
                           {"has_services", !rows.empty()},
                           {"count_text", ctx.t().Format("services_count", {{"n", std::to_string(rows.size())}})}};
    PageMeta meta{.title = ctx.t().Get("services_title"),
                  .nav = "services",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)}, {ctx.t().Get("nav_services"), ""}}};
    return RenderPage("services", std::move(view), meta, request, ctx);
}

}  // namespace planwatch::web::pages
