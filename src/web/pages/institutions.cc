// The institution registry: the list, filtered by text, kind and review state
// (GET form), with what each leads and partners on in the published plans, and
// one institution's page: its registry entry with the organisation chart and
// yearly figures, what it leads and partners on and its reporting completeness.
#include <algorithm>

#include "common/text.h"
#include "reports/format.h"
#include "services/plan_catalog.h"
#include "web/pages/downloads.h"
#include "web/pages/institution_views.h"
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

}  // namespace

Response Institutions(const Request& request, RequestContext& ctx) {
    StatusOr<services::InstitutionFilter> filter = services::ParseInstitutionFilter(
        request.Query("q"), request.Query("kind"), request.Query("review"), request.Query("parent"));
    if (!filter.ok()) return ErrorPage(filter.status(), request, ctx);
    StatusOr<std::vector<storage::InstitutionRecord>> found =
        ctx.services.registry().FindInstitutions(*filter, ActorOf(ctx));
    if (!found.ok()) return ErrorPage(found.status(), request, ctx);
    // The busiest first: who leads and partners on most is what a visitor looks for.
    std::stable_sort(found->begin(), found->end(), [](const auto& a, const auto& b) {
        return a.leads + a.partners > b.leads + b.partners;
    });
    nlohmann::json rows = nlohmann::json::array();
    for (const storage::InstitutionRecord& record : *found) {
        rows.push_back({{"name", record.institution.name},
                        {"acronym", record.institution.acronym},
                        {"kind", KindLabel(record.institution.kind, ctx)},
                        {"needs_review", !record.reviewed},
                        {"href", InstitutionHref(record.institution.id.value_or(0), ctx)},
                        {"leads", record.leads},
                        {"partners", record.partners}});
    }
    nlohmann::json kinds = nlohmann::json::array();
    for (const std::string& kind : services::InstitutionKinds()) {
        if (kind.empty()) continue;
        kinds.push_back({{"value", kind}, {"label", KindLabel(kind, ctx)}, {"selected", kind == filter->kind}});
    }
    const std::string review = request.Query("review");
    nlohmann::json view = {{"q", filter->q},
                           {"kinds", kinds},
                           {"review_true", review == "true"},
                           {"review_false", review == "false"},
                           {"parent", filter->parent_id ? std::to_string(*filter->parent_id) : ""},
                           {"institutions", rows},
                           {"has_institutions", !rows.empty()},
                           {"count_text", ctx.t().Format("institutions_count", {{"n", std::to_string(rows.size())}})}};
    PageMeta meta{.title = ctx.t().Get("institutions_title"),
                  .nav = "institutions",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)}, {ctx.t().Get("nav_institutions"), ""}}};
    return RenderPage("institutions", std::move(view), meta, request, ctx);
}

Response Institution(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorPage(Status(StatusCode::kNotFound, id.status().message()), request, ctx);
    StatusOr<services::InstitutionProfile> profile = ctx.services.registry().GetInstitution(*id);
    if (!profile.ok()) return ErrorPage(profile.status(), request, ctx);
    auto models = ctx.portal.AllModels(ctx.today, ctx.lang, ActorOf(ctx));
    if (!models.ok()) return ErrorPage(models.status(), request, ctx);
    const domain::Institution& registry = profile->record.institution;
    nlohmann::json view = {{"name", registry.name},
                           {"acronym", registry.acronym},
                           {"kind", KindLabel(registry.kind, ctx)},
                           {"as_of_text", FormatDate(ctx.today, ctx.lang)}};
    std::string joined;
    for (const std::string& alias : registry.aliases) joined += (joined.empty() ? "" : "; ") + alias;
    view["aliases"] = joined;
    if (profile->record.parent_id) {
        view["parent"] = {{"name", registry.parent}, {"href", InstitutionHref(*profile->record.parent_id, ctx)}};
    }
    // Imports keep the address on the first line of the contact, phone and web below it.
    std::vector<std::string> lines = text::SplitNonEmpty(registry.contact, '\n');
    view["address"] = lines.empty() ? "" : lines.front();
    nlohmann::json contacts = nlohmann::json::array();
    for (size_t line = 1; line < lines.size(); ++line) contacts.push_back(lines[line]);
    view["contacts"] = contacts;
    nlohmann::json plans = nlohmann::json::array();
    for (const auto& model : *models) {
        std::optional<reports::InstitutionSummary> summary = model->SummaryOf(*id);
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
                         {"partnered_count", static_cast<int>(summary->partnered.size())},
                         {"downloads", DownloadLinks({.plan_id = model->plan.id.value_or(0), .as_of = ctx.today,
                                                      .institution = *id, .plan_title = model->plan.title},
                                                     ctx)}});
    }
    view["plans"] = plans;
    view.update(OrgChartView(*profile, ctx));
    view.update(FigureChartsView(registry.name, profile->figures, ctx));
    std::vector<Crumb> crumbs = {{ctx.t().Get("home"), WithLang("/", ctx)},
                                 {ctx.t().Get("nav_institutions"), WithLang("/institutions", ctx)}};
    for (const storage::InstitutionRecord& up : profile->ancestors) {
        crumbs.push_back({up.institution.name, InstitutionHref(up.institution.id.value_or(0), ctx)});
    }
    crumbs.push_back({registry.name, ""});
    PageMeta meta{.title = registry.name, .nav = "institutions", .breadcrumbs = std::move(crumbs)};
    return RenderPage("institution", std::move(view), meta, request, ctx);
}

}  // namespace planwatch::web::pages
