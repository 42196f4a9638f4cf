// The public portal: published plans with their progress, the plan page (tree,
// filters, charts) and the activity page.
#include <algorithm>
#include <set>

#include "reports/document.h"
#include "reports/format.h"
#include "reports/html/charts.h"
#include "services/plan_catalog.h"
#include "web/pages/downloads.h"
#include "web/pages/pages.h"
#include "web/pages/view_helpers.h"
#include "web/portal_data.h"
#include "web/reasons.h"
#include "web/render.h"

namespace planwatch::web::pages {
namespace {

using domain::ActivityStatus;
using reports::ActivityRow;
using reports::ReportModel;

nlohmann::json StatusList(const reports::StatusCounts& counts, const RequestContext& ctx, const std::string& base) {
    nlohmann::json list = nlohmann::json::array();
    for (ActivityStatus status : reports::StatusOrder()) {
        if (counts.Of(status) == 0) continue;
        list.push_back({{"name", domain::Name(status)},
                        {"label", StatusLabel(status, ctx)},
                        {"count", counts.Of(status)},
                        {"href", base.empty() ? "" : base + "&status=" + domain::Name(status) + "#activities"}});
    }
    return list;
}

nlohmann::json PlanCard(const storage::PlanSummary& summary, const ReportModel* model, RequestContext& ctx) {
    nlohmann::json card = {{"title", summary.title},
                           {"href", PlanHref(summary.id, ctx)},
                           {"period", PeriodText(summary.period_start, summary.period_end)},
                           {"activities", summary.activities},
                           {"has_activities", summary.activities > 0}};
    if (!model) return card;
    card["jurisdiction"] = model->plan.jurisdiction;
    card["statuses"] = StatusList(model->totals, ctx, "");
    // Pillar table: columns only for statuses some pillar has.
    std::vector<ActivityStatus> columns;
    for (ActivityStatus status : reports::StatusOrder()) {
        if (model->totals.Of(status) > 0) columns.push_back(status);
    }
    nlohmann::json heads = nlohmann::json::array();
    for (ActivityStatus status : columns) heads.push_back(StatusLabel(status, ctx));
    nlohmann::json pillars = nlohmann::json::array();
    for (const reports::GroupSummary& group : model->by_pillar) {
        nlohmann::json counts = nlohmann::json::array();
        for (ActivityStatus status : columns) counts.push_back(group.counts.Of(status));
        std::string label = group.code.empty() ? group.title : group.code + ". " + group.title;
        pillars.push_back({{"label", label}, {"counts", counts}, {"total", group.counts.total}});
    }
    card["status_heads"] = heads;
    card["pillars"] = pillars;
    card["has_pillars"] = model->by_pillar.size() > 1;
    return card;
}

bool RunsIn(const ActivityRow& activity, int year) {
    int first = activity.start ? activity.start->year : (activity.due ? activity.due->year : 0);
    int last = activity.due ? activity.due->year : first;
    return first != 0 && first <= year && year <= last;
}

struct Filters {
    std::string status;
    std::string institution;
    int pillar = -1;
    int year = 0;
    bool Active() const { return !status.empty() || !institution.empty() || pillar >= 0 || year > 0; }
    bool Match(const ActivityRow& a) const {
        if (!status.empty() && status != domain::Name(a.status)) return false;
        if (!institution.empty() && a.lead != institution &&
            std::find(a.partners.begin(), a.partners.end(), institution) == a.partners.end()) {
            return false;
        }
        if (pillar >= 0 && a.pillar != pillar) return false;
        if (year > 0 && !RunsIn(a, year)) return false;
        return true;
    }
};

Filters ReadFilters(const Request& request) {
    Filters filters;
    filters.status = request.Query("status");
    filters.institution = request.Query("institution");
    std::string pillar = request.Query("pillar");
    if (!pillar.empty() && std::all_of(pillar.begin(), pillar.end(), ::isdigit) && pillar.size() < 6) {
        filters.pillar = std::stoi(pillar);
    }
    std::string year = request.Query("period");
    if (year.size() == 4 && std::all_of(year.begin(), year.end(), ::isdigit)) filters.year = std::stoi(year);
    return filters;
}

nlohmann::json Option(const std::string& value, const std::string& label, bool selected) {
    return {{"value", value}, {"label", label}, {"selected", selected}};
}

void AddFilterOptions(const ReportModel& model, const Filters& filters, RequestContext& ctx, nlohmann::json& view) {
    nlohmann::json statuses = nlohmann::json::array();
    for (ActivityStatus status : reports::StatusOrder()) {
        statuses.push_back(Option(domain::Name(status), StatusLabel(status, ctx), filters.status == domain::Name(status)));
    }
    nlohmann::json institutions = nlohmann::json::array();
    for (const reports::InstitutionSummary& institution : model.institutions) {
        if (institution.led.empty() && institution.partnered.empty()) continue;
        institutions.push_back(Option(institution.name, institution.name, filters.institution == institution.name));
    }
    nlohmann::json pillars = nlohmann::json::array();
    for (size_t index = 0; index < model.by_pillar.size(); ++index) {
        const reports::GroupSummary& group = model.by_pillar[index];
        std::string label = group.code.empty() ? group.title : group.code + ". " + group.title;
        pillars.push_back(Option(std::to_string(index), label, filters.pillar == static_cast<int>(index)));
    }
    std::set<int> years;
    for (const ActivityRow& activity : model.activities) {
        int first = activity.start ? activity.start->year : (activity.due ? activity.due->year : 0);
        int last = activity.due ? activity.due->year : first;
        for (int year = first; year > 0 && year <= last && years.size() < 50; ++year) years.insert(year);
    }
    nlohmann::json periods = nlohmann::json::array();
    for (int year : years) periods.push_back(Option(std::to_string(year), std::to_string(year), filters.year == year));
    view["filter_status"] = statuses;
    view["filter_institution"] = institutions;
    view["filter_pillar"] = pillars;
    view["filter_period"] = periods;
}

// The outline as headings, each followed by the table of its own activities that
// pass the filters; with filters on, headings with nothing below them are dropped.
nlohmann::json Groups(const ReportModel& model, const Filters& filters, int64_t plan_id, RequestContext& ctx,
                      int* shown) {
    struct Group {
        int depth = -1;
        nlohmann::json heading;
        nlohmann::json rows = nlohmann::json::array();
        std::string caption;
    };
    std::vector<Group> groups(1);
    for (const reports::OutlineEntry& entry : model.outline) {
        if (entry.activity < 0) {
            Group group;
            group.depth = entry.depth;
            group.heading = {{"level", std::min(entry.depth + 3, 6)},
                             {"kind", domain::Name(entry.kind)},
                             {"code", entry.code},
                             {"text", entry.title}};
            group.caption = entry.code.empty() ? entry.title : entry.code + " " + entry.title;
            groups.push_back(std::move(group));
            continue;
        }
        const ActivityRow& a = model.activities[entry.activity];
        if (!filters.Match(a)) continue;
        ++*shown;
        groups.back().rows.push_back({{"code", a.code},
                                      {"title", a.title},
                                      {"href", ActivityHref(plan_id, a.id, ctx)},
                                      {"status", domain::Name(a.status)},
                                      {"status_label", StatusLabel(a.status, ctx)},
                                      {"deadline", a.schedule},
                                      {"lead", a.lead}});
    }
    // A heading stays when it or a deeper heading before the next sibling has rows.
    std::vector<bool> keep(groups.size(), false);
    std::vector<int> open_depths;  // depths of headings waiting for rows, innermost last
    std::vector<size_t> open_index;
    for (size_t index = 0; index < groups.size(); ++index) {
        while (!open_depths.empty() && open_depths.back() >= groups[index].depth && groups[index].depth >= 0) {
            open_depths.pop_back();
            open_index.pop_back();
        }
        if (!groups[index].rows.empty()) {
            keep[index] = true;
            for (size_t open : open_index) keep[open] = true;
        }
        if (groups[index].depth >= 0) {
            open_depths.push_back(groups[index].depth);
            open_index.push_back(index);
        }
    }
    nlohmann::json out = nlohmann::json::array();
    for (size_t index = 0; index < groups.size(); ++index) {
        if (filters.Active() && !keep[index]) continue;
        if (groups[index].depth < 0 && groups[index].rows.empty()) continue;
        out.push_back({{"heading", groups[index].heading},
                       {"has_rows", !groups[index].rows.empty()},
                       {"rows", groups[index].rows},
                       {"caption", groups[index].caption.empty() ? model.plan.title : groups[index].caption}});
    }
    return out;
}

// The charts of the evaluation report (reports/), each with its data table.
nlohmann::json Charts(const ReportModel& model) {
    reports::Document document = reports::BuildEvaluationDocument(model);
    nlohmann::json charts = nlohmann::json::array();
    for (size_t index = 0; index < document.blocks.size(); ++index) {
        const reports::Block& block = document.blocks[index];
        if (block.kind != reports::Block::Kind::kChart) continue;
        const std::string table_id = "chart-data-" + block.chart.id;
        nlohmann::json chart = {{"svg", reports::html::ChartSvg(block.chart, table_id)},
                                {"table_id", table_id},
                                {"title", block.chart.title}};
        nlohmann::json header = nlohmann::json::array();
        nlohmann::json rows = nlohmann::json::array();
        if (index + 1 < document.blocks.size() && document.blocks[index + 1].kind == reports::Block::Kind::kTable) {
            const reports::Table& table = document.blocks[index + 1].table;
            for (const std::string& head : table.header) header.push_back(head);
            for (const std::vector<reports::Cell>& row : table.rows) {
                nlohmann::json cells = nlohmann::json::array();
                for (const reports::Cell& cell : row) cells.push_back({{"text", cell.text}, {"head", cell.row_header}});
                rows.push_back({{"cells", cells}});
            }
        } else {
            header.push_back("");
            for (const reports::Chart::Row& row : block.chart.rows) {
                nlohmann::json cells = nlohmann::json::array({{{"text", row.label}, {"head", true}}});
                for (double value : row.values) cells.push_back({{"text", reports::FormatNumber(value, model.language)}, {"head", false}});
                rows.push_back({{"cells", cells}});
            }
        }
        chart["header"] = header;
        chart["rows"] = rows;
        charts.push_back(std::move(chart));
    }
    return charts;
}

}  // namespace

Response Home(const Request& request, RequestContext& ctx) {
    StatusOr<std::vector<storage::PlanSummary>> plans = ctx.portal.Plans(ActorOf(ctx));
    if (!plans.ok()) return ErrorPage(plans.status(), request, ctx);
    nlohmann::json cards = nlohmann::json::array();
    for (const storage::PlanSummary& summary : *plans) {
        StatusOr<std::shared_ptr<const ReportModel>> model =
            ctx.portal.Model(summary.id, ctx.today, ctx.lang, ActorOf(ctx));
        cards.push_back(PlanCard(summary, model.ok() ? model->get() : nullptr, ctx));
    }
    nlohmann::json view = {{"plans", cards},
                           {"intro", ctx.t().Format("home_intro", {{"date", FormatDate(ctx.today, ctx.lang)}})}};
    return RenderPage("home", std::move(view), {.title = ctx.t().Get("home_title"), .nav = "plans"}, request, ctx);
}

Response Plan(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = services::ParsePlanId(request.PathParam("id"));
    if (!id.ok()) return ErrorPage(Status(StatusCode::kNotFound, id.status().message()), request, ctx);
    const domain::CivilDate as_of = AsOf(request.Query("as_of"), ctx);
    StatusOr<std::shared_ptr<const ReportModel>> model = ctx.portal.Model(*id, as_of, ctx.lang, ActorOf(ctx));
    if (!model.ok()) return ErrorPage(model.status(), request, ctx);
    const ReportModel& m = **model;
    const domain::Plan& plan = m.plan;
    // Found above, so visible to this viewer; a draft only to staff, who are told.
    StatusOr<storage::PlanSummary> summary = ctx.portal.Summary(*id, ActorOf(ctx));
    const bool draft = summary.ok() && !summary->published();
    Filters filters = ReadFilters(request);
    const std::string self = "/plans/" + std::to_string(*id);
    nlohmann::json view = {{"id", *id},
                           {"draft", draft},
                           {"self", self},
                           {"title", plan.title},
                           {"period", PeriodText(plan.period_start, plan.period_end)},
                           {"activities", static_cast<int>(m.activities.size())},
                           {"has_activities", !m.activities.empty()},
                           {"jurisdiction", plan.jurisdiction},
                           {"adopted_by", plan.adopted_by},
                           {"version", plan.version},
                           {"source", plan.source.file},
                           {"as_of_text", FormatDate(as_of, ctx.lang)},
                           {"statuses", StatusList(m.totals, ctx, WithLang(self, ctx))},
                           {"has_services", !plan.services.empty()},
                           {"services_count", static_cast<int>(plan.services.size())},
                           {"has_warnings", !plan.warnings.empty()},
                           {"warnings_count", static_cast<int>(plan.warnings.size())}};
    nlohmann::json warnings = nlohmann::json::array();
    for (const domain::PlanWarning& warning : plan.warnings) {
        warnings.push_back({{"line", warning.line > 0 ? std::to_string(warning.line) : ""}, {"message", warning.message}});
    }
    view["warnings"] = warnings;
    if (!m.activities.empty()) {
        int shown = 0;
        view["groups"] = Groups(m, filters, *id, ctx, &shown);
        view["shown_text"] = ctx.t().Format("shown_of", {{"shown", std::to_string(shown)},
                                                         {"total", std::to_string(m.activities.size())}});
        AddFilterOptions(m, filters, ctx, view);
        view["charts"] = Charts(m);
    }
    view["downloads"] = DownloadLinks({.plan_id = *id, .as_of = as_of, .as_of_given = !(as_of == ctx.today),
                                       .reports = !m.activities.empty()},
                                      ctx);
    PageMeta meta{.title = plan.title,
                  .nav = "plans",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)}, {plan.title, ""}}};
    return RenderPage("plan", std::move(view), meta, request, ctx);
}

Response Activity(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> plan_id = services::ParsePlanId(request.PathParam("id"));
    StatusOr<int64_t> activity_id = services::ParsePlanId(request.PathParam("activity"));
    if (!plan_id.ok() || !activity_id.ok()) return ErrorPage(Status(StatusCode::kNotFound, "no such activity"), request, ctx);
    const domain::CivilDate as_of = AsOf(request.Query("as_of"), ctx);
    StatusOr<std::shared_ptr<const ReportModel>> model = ctx.portal.Model(*plan_id, as_of, ctx.lang, ActorOf(ctx));
    if (!model.ok()) return ErrorPage(model.status(), request, ctx);
    const ReportModel& m = **model;
    auto it = std::find_if(m.activities.begin(), m.activities.end(),
                           [&](const ActivityRow& a) { return a.id && *a.id == *activity_id; });
    const domain::Node* node = FindNode(m.plan, *activity_id);
    if (it == m.activities.end() || !node) {
        return ErrorPage(Status(StatusCode::kNotFound, "plan " + std::to_string(*plan_id) + " has no activity " +
                                                           std::to_string(*activity_id)),
                         request, ctx);
    }
    const ActivityRow& a = *it;
    nlohmann::json view = {{"plan_href", PlanHref(*plan_id, ctx)},
                           {"plan_title", m.plan.title},
                           {"path", a.path},
                           {"code", a.code},
                           {"title", a.title},
                           {"status", domain::Name(a.status)},
                           {"status_label", StatusLabel(a.status, ctx)},
                           {"reason", LocalReason(a.reason_parts, ctx.t())},
                           {"as_of_text", FormatDate(as_of, ctx.lang)},
                           {"start", node->start ? DatePointText(*node->start, ctx) : ""},
                           {"deadline", node->deadline ? DatePointText(*node->deadline, ctx) : ""},
                           {"deadline_text", node->deadline_text},
                           {"frequency", a.frequency.empty() ? "" : ctx.t().Get("freq_" + a.frequency)}};
    std::string periods;
    for (const std::string& period : node->periods) periods += (periods.empty() ? "" : ", ") + period;
    view["periods"] = periods;
    nlohmann::json period_statuses = nlohmann::json::array();
    for (const reports::PeriodStatusRow& p : a.periods) {
        period_statuses.push_back({{"period", p.period},
                                   {"status", domain::Name(p.status)},
                                   {"status_label", StatusLabel(p.status, ctx)},
                                   {"reason", LocalReason(p.reason_parts, ctx.t())}});
    }
    view["has_period_statuses"] = !period_statuses.empty();
    view["period_statuses"] = std::move(period_statuses);
    view["results"] = a.results;
    view["has_results"] = !a.results.empty();
    nlohmann::json indicators = nlohmann::json::array();
    for (const reports::IndicatorRow& indicator : a.indicators) {
        indicators.push_back(
            {{"name", indicator.name},
             {"target", indicator.target_text.empty() ? ctx.t().Get("none") : indicator.target_text},
             {"actual", indicator.actual ? FormatNumber(*indicator.actual, ctx.lang) : ctx.t().Get("none")},
             {"achievement", domain::Name(indicator.achievement)},
             {"achievement_label", ctx.t().Get(std::string("ach_") + domain::Name(indicator.achievement))},
             {"ratio", indicator.ratio ? FormatPercent(*indicator.ratio, ctx.lang) : ""}});
    }
    view["indicators"] = indicators;
    view["has_indicators"] = !a.indicators.empty();
    nlohmann::json responsible = nlohmann::json::array();
    auto add_responsible = [&](const std::string& name, bool lead) {
        std::optional<int64_t> institution = InstitutionId(m.plan, name);
        responsible.push_back({{"name", name},
                               {"href", institution ? InstitutionHref(*institution, ctx) : ""},
                               {"lead", lead},
                               {"role", ctx.t().Get(lead ? "role_lead" : "role_partner")}});
    };
    if (!a.lead.empty()) add_responsible(a.lead, true);
    for (const std::string& partner : a.partners) add_responsible(partner, false);
    view["responsible"] = responsible;
    view["has_responsible"] = !responsible.empty();
    nlohmann::json budget = nlohmann::json::array();
    for (const domain::BudgetLine& line : a.budget) {
        budget.push_back({{"amount", reports::FormatMoney(line.amount_minor, line.currency, ctx.lang)},
                          {"source", line.source},
                          {"year", line.year ? std::to_string(*line.year) : ""}});
    }
    view["budget"] = budget;
    view["has_budget"] = !budget.empty();
    nlohmann::json history = nlohmann::json::array();
    for (const reports::ReportRow& report : a.reports) {
        history.push_back({{"period", report.period},
                           {"institution", report.institution},
                           {"claimed", ctx.t().Get(std::string("claimed_") + domain::Name(report.claimed))},
                           {"submitted_on", LocalDate(report.submitted_on, ctx)},
                           {"narrative", report.narrative}});
    }
    view["reports"] = history;
    view["has_reports"] = !history.empty();
    PageMeta meta{.title = a.code.empty() ? a.title : a.code + " " + a.title,
                  .nav = "plans",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)},
                                  {m.plan.title, PlanHref(*plan_id, ctx)},
                                  {a.code.empty() ? ctx.t().Get("kind_activity") : a.code, ""}}};
    return RenderPage("activity", std::move(view), meta, request, ctx);
}

}  // namespace planwatch::web::pages
