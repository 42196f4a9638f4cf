#include "web/pages/institution_views.h"

#include <algorithm>
#include <map>

#include "reports/chart.h"
#include "reports/html/charts.h"
#include "web/i18n.h"
#include "web/pages/view_helpers.h"

namespace planwatch::web::pages {
namespace {

constexpr char kFigureColor[] = "#005ea2";

std::string UnitsNote(const services::InstitutionProfile& profile, int64_t child_id, const std::string& kind,
                      const RequestContext& ctx) {
    std::string note = KindLabel(kind, ctx);
    auto units = profile.units_of_children.find(child_id);
    if (units != profile.units_of_children.end() && units->second > 0) {
        std::string count = ctx.t().Format("org_units_below", {{"count", std::to_string(units->second)}});
        note = note.empty() ? count : note + " · " + count;
    }
    return note;
}

}  // namespace

std::string KindLabel(const std::string& kind, const RequestContext& ctx) {
    if (kind.empty()) return "";
    const std::string key = "org_kind_" + kind;
    std::string label = ctx.t().Get(key);
    return label == key ? kind : label;
}

nlohmann::json OrgChartView(const services::InstitutionProfile& profile, const RequestContext& ctx) {
    const storage::InstitutionRecord& self = profile.record;
    if (profile.ancestors.empty() && profile.children.empty()) return {{"has_org", false}};
    reports::Chart chart{.kind = reports::Chart::Kind::kTree, .id = "org-chart"};
    nlohmann::json ancestors = nlohmann::json::array();
    for (const storage::InstitutionRecord& up : profile.ancestors) {
        chart.rows.push_back({.label = up.institution.name,
                              .parent = static_cast<int>(chart.rows.size()) - 1,
                              .note = KindLabel(up.institution.kind, ctx)});
        ancestors.push_back({{"name", up.institution.name},
                             {"href", InstitutionHref(up.institution.id.value_or(0), ctx)},
                             {"kind", KindLabel(up.institution.kind, ctx)}});
    }
    const int current = static_cast<int>(chart.rows.size());
    chart.rows.push_back({.label = self.institution.name,
                          .parent = current - 1,
                          .note = KindLabel(self.institution.kind, ctx),
                          .emphasis = true});
    nlohmann::json children = nlohmann::json::array();
    for (const storage::InstitutionRecord& child : profile.children) {
        const int64_t child_id = child.institution.id.value_or(0);
        std::string note = UnitsNote(profile, child_id, child.institution.kind, ctx);
        chart.rows.push_back({.label = child.institution.name, .parent = current, .note = note});
        children.push_back({{"name", child.institution.name}, {"href", InstitutionHref(child_id, ctx)}, {"note", note}});
    }
    const std::string root = profile.ancestors.empty() ? self.institution.name : profile.ancestors.front().institution.name;
    chart.title = ctx.t().Format("org_chart_title", {{"name", self.institution.name}});
    chart.desc = ctx.t().Format(profile.ancestors.empty() ? "org_chart_desc_root" : "org_chart_desc",
                                {{"name", self.institution.name},
                                                   {"root", root},
                                                   {"above", std::to_string(profile.ancestors.size())},
                                                   {"below", std::to_string(profile.children.size())}});
    return {{"has_org", true},
            {"org_svg", reports::html::ChartSvg(chart, "org-list")},
            {"org_title", chart.title},
            {"org_ancestors", ancestors},
            {"org_children", children},
            {"org_has_children", !children.empty()},
            {"org_children_count", static_cast<int>(children.size())}};
}

nlohmann::json FigureChartsView(const std::string& institution_name,
                                const std::vector<services::InstitutionFigure>& figures, const RequestContext& ctx) {
    // Figures in one unit share a scale; "51 atestate" and "27 copii" never share a bar axis.
    std::vector<std::string> units;
    std::map<std::string, std::vector<const services::InstitutionFigure*>> by_unit;
    for (const services::InstitutionFigure& figure : figures) {
        const std::string& unit = figure.figure.unit;
        if (by_unit.find(unit) == by_unit.end()) units.push_back(unit);
        by_unit[unit].push_back(&figure);
    }
    nlohmann::json charts = nlohmann::json::array();
    for (size_t index = 0; index < units.size(); ++index) {
        const std::string& unit = units[index];
        const std::vector<const services::InstitutionFigure*>& group = by_unit[unit];
        const std::string id = "figures-" + std::to_string(index + 1);
        reports::Chart chart{.kind = reports::Chart::Kind::kBars, .id = id};
        nlohmann::json rows = nlohmann::json::array();
        int first_year = group.front()->figure.year, last_year = first_year;
        for (const services::InstitutionFigure* figure : group) {
            const domain::UnitFigure& f = figure->figure;
            first_year = std::min(first_year, f.year);
            last_year = std::max(last_year, f.year);
            const std::string what = f.counted.empty() ? f.unit : f.counted;
            chart.rows.push_back({.label = std::to_string(f.year) + " · " + what, .values = {f.value},
                                  .color = kFigureColor});
            rows.push_back({{"year", f.year}, {"counted", what}, {"value", FormatNumber(f.value, ctx.lang)}});
        }
        const std::string years = first_year == last_year ? std::to_string(first_year)
                                                           : std::to_string(first_year) + "–" + std::to_string(last_year);
        chart.title = ctx.t().Format("org_figures_chart_title", {{"unit", unit}, {"years", years}});
        chart.desc = ctx.t().Format("org_figures_chart_desc", {{"name", institution_name},
                                                                {"unit", unit},
                                                                {"count", std::to_string(group.size())},
                                                                {"years", years}});
        const std::string table_id = id + "-data";
        charts.push_back({{"svg", reports::html::ChartSvg(chart, table_id)},
                          {"title", chart.title},
                          {"table_id", table_id},
                          {"rows", rows}});
    }
    return {{"has_figures", !charts.empty()}, {"figure_charts", charts}};
}

}  // namespace planwatch::web::pages
