#pragma once
// Read-only access to stored plans for listings, the API and exports.
#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/plan.h"
#include "storage/store.h"

namespace planwatch::services {

class PlanCatalog {
public:
    // Borrows store, which must outlive the catalog. Any thread may call.
    explicit PlanCatalog(storage::Store& store) : store_(store) {}

    // Newest version of each plan, or every version with all_versions. kUnavailable
    // when the database cannot be reached.
    StatusOr<std::vector<storage::PlanSummary>> List(bool all_versions = false);

    // One plan with ids; kNotFound names the id.
    StatusOr<domain::Plan> Load(int64_t plan_id);

private:
    storage::Store& store_;
};

// The summaries as a JSON array (compact, one line, trailing newline):
// [{"id","series_id","version","latest","title","period":{"start","end"},
//   "activities","source":{"file","sha256"},"imported_at"}].
std::string PlanSummariesToJson(const std::vector<storage::PlanSummary>& plans);

// Reads a plan id as typed by a person or in a URL: digits only, > 0.
// kMalformed names the text and what was expected.
StatusOr<int64_t> ParsePlanId(const std::string& text);

}  // namespace planwatch::services
