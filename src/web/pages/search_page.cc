// Search across plans, activities, institutions and services (GET /search?q=).
#include "web/pages/pages.h"
#include "web/pages/view_helpers.h"
#include "web/portal_data.h"
#include "web/render.h"
#include "web/search_links.h"

namespace planwatch::web::pages {

Response Search(const Request& request, RequestContext& ctx) {
    const std::string q = request.Query("q");
    nlohmann::json view = {{"q", q}, {"has_query", !q.empty()}};
    if (!q.empty()) {
        StatusOr<std::vector<storage::SearchHit>> hits = ctx.services.search().Search(q, ActorOf(ctx));
        if (!hits.ok()) return ErrorPage(hits.status(), request, ctx);
        nlohmann::json items = nlohmann::json::array();
        for (const storage::SearchHit& hit : *hits) {
            SearchLink link = LinkFor(hit, ctx);
            items.push_back({{"title", hit.title},
                             {"href", link.href},
                             {"kind_label", ctx.t().Get("kind_" + hit.kind)},
                             {"plan_title", link.plan_title}});
        }
        view["hits"] = items;
        view["results_title"] = ctx.t().Format("search_results", {{"q", q}});
    }
    PageMeta meta{.title = ctx.t().Get("search_title"),
                  .nav = "search",
                  .breadcrumbs = {{ctx.t().Get("home"), WithLang("/", ctx)}, {ctx.t().Get("nav_search"), ""}},
                  .search_q = q};
    return RenderPage("search", std::move(view), meta, request, ctx);
}

}  // namespace planwatch::web::pages
