#include "web/pages/view_helpers.h"

#include "domain/civil_date.h"
#include "web/render.h"

namespace planwatch::web::pages {

std::string StatusLabel(domain::ActivityStatus status, const RequestContext& ctx) {
    return ctx.t().Get(std::string("status_") + domain::Name(status));
}

std::string DatePointText(const domain::DatePoint& point, const RequestContext& ctx) {
    if (point.month == 0) return std::to_string(point.year);
    if (point.day == 0) return FormatMonth(point.year, point.month, ctx.lang);
    return FormatDate(domain::CivilDate{point.year, point.month, point.day}, ctx.lang);
}

std::string LocalDate(const std::string& iso_day, const RequestContext& ctx) {
    StatusOr<domain::CivilDate> day = domain::ParseCivilDate(iso_day.substr(0, 10));
    return day.ok() ? FormatDate(*day, ctx.lang) : iso_day;
}

std::string PeriodText(std::optional<int> start, std::optional<int> end) {
    if (start && end && *start != *end) return std::to_string(*start) + " – " + std::to_string(*end);
    if (start) return std::to_string(*start);
    if (end) return std::to_string(*end);
    return "";
}

std::string PlanHref(int64_t plan_id, const RequestContext& ctx) {
    return WithLang("/plans/" + std::to_string(plan_id), ctx);
}

std::string ActivityHref(int64_t plan_id, const std::optional<int64_t>& activity_id, const RequestContext& ctx) {
    if (!activity_id) return PlanHref(plan_id, ctx);
    return WithLang("/plans/" + std::to_string(plan_id) + "/activities/" + std::to_string(*activity_id), ctx);
}

std::string InstitutionHref(int64_t institution_id, const RequestContext& ctx) {
    return WithLang("/institutions/" + std::to_string(institution_id), ctx);
}

std::optional<int64_t> InstitutionId(const domain::Plan& plan, const std::string& name) {
    for (const domain::Institution& institution : plan.institutions) {
        if (institution.name == name) return institution.id;
    }
    return std::nullopt;
}

domain::CivilDate AsOf(const std::string& as_of_param, const RequestContext& ctx) {
    if (as_of_param.empty()) return ctx.today;
    StatusOr<domain::CivilDate> parsed = domain::ParseCivilDate(as_of_param);
    return parsed.ok() ? *parsed : ctx.today;
}

const domain::Node* FindNode(const domain::Plan& plan, int64_t node_id) {
    const domain::Node* found = nullptr;
    domain::ForEachNode(plan.nodes, [&](const domain::Node& node) {
        if (!found && node.id && *node.id == node_id) found = &node;
    });
    return found;
}

}  // namespace planwatch::web::pages
