#include "services/search_service.h"

#include <set>

#include "services/plan_catalog.h"

namespace planwatch::services {

StatusOr<std::vector<storage::SearchHit>> SearchService::Search(const std::string& query, const Actor& viewer,
                                                                int limit) {
    if (query.size() > kMaxSearchQueryBytes) {
        return InvalidArgument("the search text is longer than " + std::to_string(kMaxSearchQueryBytes) + " bytes",
                               SourcePosition{.field = "q"});
    }
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, tx->ListPlans(/*all_versions=*/true));
    std::set<int64_t> latest;
    for (const storage::PlanSummary& plan : VisiblePlans(plans, viewer)) latest.insert(plan.id);
    // Older versions share most text with the newest, and drafts are hidden from
    // the public; ask for more and drop them.
    PW_ASSIGN_OR_RETURN(std::vector<storage::SearchHit> hits, tx->Search(query, limit * 2));
    std::vector<storage::SearchHit> kept;
    for (storage::SearchHit& hit : hits) {
        if (hit.plan_id && !latest.contains(*hit.plan_id)) continue;
        if (static_cast<int>(kept.size()) == limit) break;
        kept.push_back(std::move(hit));
    }
    return kept;
}

}  // namespace planwatch::services
