#pragma once
// Small formatting helpers the page handlers share: status labels, dates as
// the plan wrote them, links that keep the language.
#include <optional>
#include <string>

#include "domain/activity_status.h"
#include "domain/plan.h"
#include "reports/report_model.h"
#include "web/context.h"

namespace planwatch::web::pages {

std::string StatusLabel(domain::ActivityStatus status, const RequestContext& ctx);
// An ISO day or timestamp ("2020-01-31…") as the page's language writes the day; other text as it is.
std::string LocalDate(const std::string& iso_day, const RequestContext& ctx);
// A year ("2020"), a month ("iulie 2017") or a day ("3 iulie 2017").
std::string DatePointText(const domain::DatePoint& point, const RequestContext& ctx);
// "2017 – 2020", "2025", or "" when the plan states none.
std::string PeriodText(std::optional<int> start, std::optional<int> end);
std::string PlanHref(int64_t plan_id, const RequestContext& ctx);
std::string ActivityHref(int64_t plan_id, const std::optional<int64_t>& activity_id, const RequestContext& ctx);
std::string InstitutionHref(int64_t institution_id, const RequestContext& ctx);
// The registry id of the institution the plan calls name, if the plan lists it.
std::optional<int64_t> InstitutionId(const domain::Plan& plan, const std::string& name);
// The as-of day of a request: ?as_of=YYYY-MM-DD when valid, else today.
domain::CivilDate AsOf(const std::string& as_of_param, const RequestContext& ctx);
// The node with this id, or nullptr.
const domain::Node* FindNode(const domain::Plan& plan, int64_t node_id);

}  // namespace planwatch::web::pages
