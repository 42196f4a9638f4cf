// Institutions across the published plans: the list, and one institution's
// page with what it leads and partners on and its reporting completeness.
#include <algorithm>
#include <map>

#include "reports/format.h"
#include "services/plan_catalog.h"
#include "web/pages/pages.h"
#include "web/pages/view_helpers.h"
#include "web/portal_data.h"
#include "web/render.h"

namespace planwatch::web::pages {
namespace {

using reports::ReportModel;

nlohmann::json ActivityRows(const ReportModel& model, const std::vector<int>& indexes, RequestContext& ctx) {
    nlohmann::json rows = nlohmann::json::array();
    const int64_t plan_id = model.plan.id.value_or(0);
    for (int index : indexes) {
        const reports::ActivityRow& a = model.activities[index];
        rows.push_back({{"code", a.code},
                        {"title", a.title},
                        {"href", ActivityHref(plan_id, a.id, ctx)},
                        {"status", domain::Name(a.status)},
                        {"status_label", StatusLabel(a.status, ctx)},
                        {"deadline", a.schedule}});
    }
    return rows;
}

struct Known {
    std::string name;
    std::string acronym;
    int leads = 0;
    int partners = 0;
};

}  // namespace

Response Institutions(const Request& request, RequestContext& ctx) {
    auto models = ctx.portal.AllModels(ctx.today, ctx.lang);
    if (!models.ok()) return ErrorPage(models.status(), request, ctx);
    std::map<int64_t, Known> known;
    for (const auto& model : *models) {
        for (const domain::Institution& institution : model->plan.institutions) {
            if (!institution.id) continue;
            const reports::InstitutionSummary* summary = model->FindInstitution(institution.name);
            Known& entry = known[*institution.id];
            if (entry.name.empty()) entry.name = institution.name;
            if (entry.acronym.empty()) entry.acronym = institution.acronym;
            if (summary) {
                entry.leads += static_cast<int>(summary->led.size());
                entry.partners += static_cast<int>(summary->partnered.size());
            }
        }
    }
    std::vector<std::pair<int64_t, Known>> sorted(known.begin(), known.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        if (a.second.leads + a.second.partners != b.second.leads + b.second.partners) {
            return a.second.leads + a.second.partners > b.second.leads + b.second.partners;
        }
        return a.second.name < b.second.name;
    });
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& [id, entry] : sorted) {
        if (entry.leads + entry.partners == 0) continue;
        rows.push_back({{"name", entry.name},
                        {"acronym", entry.acronym},
                        {"href", InstitutionHref(id, ctx)},
                        {"leads", entry.leads},
                        {"partners", entry.partners}});
    }
    PageMeta meta{.title = ctx.t().Get("institutions_title"),
                  .nav = "institutions",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)}, {ctx.t().Get("nav_institutions"), ""}}};
    return RenderPage("institutions", {{"institutions", rows}}, meta, request, ctx);
}

Response Institution(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorPage(Status(StatusCode::kNotFound, id.status().message()), request, ctx);
    auto models = ctx.portal.AllModels(ctx.today, ctx.lang);
    if (!models.ok()) return ErrorPage(models.status(), request, ctx);
    nlohmann::json view = {{"as_of_text", FormatDate(ctx.today, ctx.lang)}};
    nlohmann::json plans = nlohmann::json::array();
    std::vector<std::string> aliases;
    for (const auto& model : *models) {
        for (const domain::Institution& institution : model->plan.institutions) {
            if (!institution.id || *institution.id != *id) continue;
            if (!view.contains("name")) {
                view["name"] = institution.name;
                view["acronym"] = institution.acronym;
            }
            for (const std::string& alias : institution.aliases) {
                if (std::find(aliases.begin(), aliases.end(), alias) == aliases.end()) aliases.push_back(alias);
            }
            const reports::InstitutionSummary* summary = model->FindInstitution(institution.name);
            if (!summary || (summary->led.empty() && summary->partnered.empty())) continue;
            std::optional<double> completeness = summary->Completeness();
            plans.push_back({{"title", model->plan.title},
                             {"href", PlanHref(model->plan.id.value_or(0), ctx)},
                             {"has_expected", summary->expected > 0},
                             {"expected", summary->expected},
                             {"received", summary->received},
                             {"on_time", summary->on_time},
                             {"completeness", completeness ? FormatPercent(*completeness, ctx.lang) : ""},
                             {"led", ActivityRows(*model, summary->led, ctx)},
                             {"has_led", !summary->led.empty()},
                             {"led_count", static_cast<int>(summary->led.size())},
                             {"partnered", ActivityRows(*model, summary->partnered, ctx)},
                             {"has_partnered", !summary->partnered.empty()},
                             {"partnered_count", static_cast<int>(summary->partnered.size())}});
        }
    }
    if (!view.contains("name")) {
        return ErrorPage(Status(StatusCode::kNotFound, "no institution " + std::to_string(*id)), request, ctx);
    }
    std::string joined;
    for (const std::string& alias : aliases) joined += (joined.empty() ? "" : "; ") + alias;
    view["aliases"] = joined;
    view["plans"] = plans;
    const std::string name = view["name"].get<std::string>();
    PageMeta meta{.title = name,
                  .nav = "institutions",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)},
                                  {ctx.t().Get("nav_institutions"), WithLang("/institutions", ctx)},
                                  {name, ""}}};
    return RenderPage("institution", std::move(view), meta, request, ctx);
}

}  // namespace planwatch::web::pages
