#pragma once
// Where a search hit leads, for the page and the API alike.
#include <string>

#include "services/search_service.h"
#include "web/context.h"

namespace planwatch::web {

struct SearchLink {
    std::string href;        // a page of the portal
    std::string plan_title;  // the plan holding an activity or service; empty otherwise
};

SearchLink LinkFor(const storage::SearchHit& hit, RequestContext& ctx);

}  // namespace planwatch::web
