// The registry of social services from every published plan, filtered by
// text, nomenclature code and beneficiary category (GET form), and one
// service's page: its code in the nomenclature, capacity, occupancy and budget.
#include <map>
#include <set>

#include "services/plan_catalog.h"
#include "web/i18n.h"
#include "web/pages/pages.h"
#include "web/pages/view_helpers.h"
#include "web/render.h"

namespace planwatch::web::pages {
namespace {

std::string CapacityText(const domain::SocialService& s, const RequestContext& ctx) {
    if (!s.capacity) return "";
    return FormatNumber(s.capacity->value, ctx.lang) + " " +
           ctx.t().Get(std::string("unit_") + domain::Name(s.capacity->unit));
}

std::string ServiceHref(int64_t service_id, const RequestContext& ctx) {
    return WithLang("/services/" + std::to_string(service_id), ctx);
}

std::string Lei(int64_t minor, const RequestContext& ctx) {
    return FormatNumber(static_cast<double>(minor) / 100.0, ctx.lang);
}

// Years down, sources across, with a total per year, per source and overall.
nlohmann::json BudgetView(const std::vector<domain::ServiceBudget>& budget, const RequestContext& ctx) {
    std::map<int, std::map<std::string, int64_t>> by_year;
    std::set<std::string> used;
    for (const domain::ServiceBudget& line : budget) {
        by_year[line.year][line.source] += line.amount_minor;
        used.insert(line.source);
    }
    // The order of the annual plan's columns; a source outside it comes after them.
    std::vector<std::string> sources;
    for (const char* known : {"local", "county", "state", "beneficiaries", "other"}) {
        if (used.erase(known) > 0) sources.push_back(known);
    }
    sources.insert(sources.end(), used.begin(), used.end());
    nlohmann::json columns = nlohmann::json::array();
    for (const std::string& source : sources) {
        const std::string key = "source_" + source;
        const std::string label = ctx.t().Get(key);
        columns.push_back({{"label", label == key ? source : label}});
    }
    std::map<std::string, int64_t> per_source;
    int64_t overall = 0;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& [year, amounts] : by_year) {
        nlohmann::json cells = nlohmann::json::array();
        int64_t year_total = 0;
        for (const std::string& source : sources) {
            auto found = amounts.find(source);
            cells.push_back({{"amount", found == amounts.end() ? "–" : Lei(found->second, ctx)}});
            if (found == amounts.end()) continue;
            year_total += found->second;
            per_source[source] += found->second;
        }
        overall += year_total;
        rows.push_back({{"year", std::to_string(year)}, {"cells", cells}, {"total", Lei(year_total, ctx)}});
    }
    nlohmann::json totals = nlohmann::json::array();
    for (const std::string& source : sources) totals.push_back({{"amount", Lei(per_source[source], ctx)}});
    return {{"has_budget", !rows.empty()},
            {"budget_sources", columns},
            {"budget_rows", rows},
            {"budget_totals", totals},
            {"budget_total", Lei(overall, ctx)}};
}

}  // namespace

Response Services(const Request& request, RequestContext& ctx) {
    StatusOr<services::ServiceFilter> filter = services::ParseServiceFilter(
        request.Query("q"), request.Query("code"), request.Query("category"), request.Query("plan"));
    if (!filter.ok()) return ErrorPage(filter.status(), request, ctx);
    StatusOr<services::ServiceListing> listing = ctx.services.registry().FindServices(*filter, ActorOf(ctx));
    if (!listing.ok()) return ErrorPage(listing.status(), request, ctx);
    nlohmann::json rows = nlohmann::json::array();
    for (const services::ServiceEntry& entry : listing->entries) {
        const domain::SocialService& s = entry.service;
        rows.push_back({{"code", s.code},
                        {"name", s.name},
                        {"href", s.id ? ServiceHref(*s.id, ctx) : ""},
                        {"beneficiaries", s.beneficiaries},
                        {"provider", s.provider},
                        {"locality", s.locality},
                        {"capacity", CapacityText(s, ctx)},
                        {"occupancy", s.occupancy ? FormatPercent(*s.occupancy, ctx.lang) : ""},
                        {"state", ctx.t().Get(std::string("state_") + domain::Name(s.state))}});
    }
    nlohmann::json categories = nlohmann::json::array();
    for (const std::string& category : listing->categories) {
        categories.push_back({{"value", category}, {"label", category}, {"selected", category == filter->category}});
    }
    nlohmann::json view = {{"q", filter->q},
                           {"code", filter->code},
                           {"categories", categories},
                           {"services", rows},
                           {"has_services", !rows.empty()},
                           {"count_text", ctx.t().Format("services_count", {{"n", std::to_string(rows.size())}})}};
    PageMeta meta{.title = ctx.t().Get("services_title"),
                  .nav = "services",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)}, {ctx.t().Get("nav_services"), ""}}};
    return RenderPage("services", std::move(view), meta, request, ctx);
}

Response Service(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorPage(Status(StatusCode::kNotFound, id.status().message()), request, ctx);
    StatusOr<services::ServiceEntry> entry = ctx.services.registry().GetService(*id, ActorOf(ctx));
    if (!entry.ok()) return ErrorPage(entry.status(), request, ctx);
    const domain::SocialService& s = entry->service;
    nlohmann::json view = {{"name", s.name},
                           {"code", s.code},
                           {"nomenclature", entry->described_as},
                           {"code_type", entry->type_name},
                           {"code_group", entry->group_name},
                           {"code_unknown", !s.code.empty() && entry->described_as.empty()},
                           {"provider", s.provider},
                           {"locality", s.locality},
                           {"beneficiaries", s.beneficiaries},
                           {"category", services::BeneficiaryGroupOf(s.code)},
                           {"capacity", CapacityText(s, ctx)},
                           {"occupancy", s.occupancy ? FormatPercent(*s.occupancy, ctx.lang) : ""},
                           {"state", ctx.t().Get(std::string("state_") + domain::Name(s.state))},
                           {"plan", {{"title", entry->plan_title}, {"href", PlanHref(entry->plan_id, ctx)}}}};
    if (s.licence) {
        view["licence"] = {{"number", s.licence->number},
                           {"granted", s.licence->date ? DatePointText(*s.licence->date, ctx) : ""},
                           {"expiry", s.licence->expiry ? DatePointText(*s.licence->expiry, ctx) : ""}};
    }
    view.update(BudgetView(s.budget, ctx));
    PageMeta meta{.title = s.name,
                  .nav = "services",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)},
                                  {ctx.t().Get("nav_services"), WithLang("/services", ctx)},
                                  {s.name, ""}}};
    return RenderPage("service", std::move(view), meta, request, ctx);
}

}  // namespace planwatch::web::pages
