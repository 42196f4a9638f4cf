#include "web/search_links.h"

#include "web/pages/view_helpers.h"
#include "web/portal_data.h"
#include "web/render.h"

namespace planwatch::web {

SearchLink LinkFor(const storage::SearchHit& hit, RequestContext& ctx) {
    SearchLink link;
    if (hit.plan_id && hit.kind != "plan") {
        StatusOr<std::shared_ptr<const domain::Plan>> plan = ctx.portal.Plan(*hit.plan_id, ActorOf(ctx));
        if (plan.ok()) link.plan_title = (*plan)->title;
    }
    if (hit.kind == "plan") {
        link.href = pages::PlanHref(hit.id, ctx);
    } else if (hit.kind == "activity" && hit.plan_id) {
        link.href = pages::ActivityHref(*hit.plan_id, hit.id, ctx);
    } else if (hit.kind == "institution") {
        link.href = pages::InstitutionHref(hit.id, ctx);
    } else if (hit.kind == "service" && hit.plan_id) {
        link.href = WithLang("/services?plan=" + std::to_string(*hit.plan_id), ctx);
    } else {
        link.href = WithLang("/", ctx);
    }
    return link;
}

}  // namespace planwatch::web
