#pragma once
// Search across plans, activities, institutions and social services, regardless
// of case and diacritics (the Store's full-text index: FTS5 on SQLite, unaccent
// + pg_trgm on PostgreSQL). Only the newest version of each plan the viewer may
// see is searched (plan_catalog.h: drafts only for staff).
#include <string>
#include <vector>

#include "common/status.h"
#include "services/actor.h"
#include "storage/store.h"

namespace planwatch::services {

inline constexpr size_t kMaxSearchQueryBytes = 200;

class SearchService {
public:
    // Borrows store, which must outlive the service. Any thread may call.
    explicit SearchService(storage::Store& store) : store_(store) {}

    // At most limit hits, best first. An empty query finds nothing; a query over
    // kMaxSearchQueryBytes is kInvalidArgument (field "q").
    StatusOr<std::vector<storage::SearchHit>> Search(const std::string& query, const Actor& viewer, int limit = 50);

private:
    storage::Store& store_;
};

}  // namespace planwatch::services
