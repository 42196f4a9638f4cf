#pragma once
// Read-only access to stored plans for listings, the API and exports, and the
// one rule of who sees which plan: a published plan is public, a draft is seen
// only by staff who manage plans (coordinators and administrators). Every reader
// for the public (web pages, API, search, rounds) goes through the functions
// below, so the rule cannot differ between pages.
#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/plan.h"
#include "services/actor.h"
#include "storage/store.h"

namespace planwatch::services {

// True for the roles that see drafts: coordinator and admin. A reporter is
// treated as the public here; its forms come from published plans.
bool SeesDrafts(const Actor& viewer);
bool MaySee(const storage::PlanSummary& plan, const Actor& viewer);

// From every stored version (ListPlans(true)): per series, the newest version
// viewer may see, by id. Staff see the newest version, draft or not; the public
// the newest published one, so a draft new version does not hide its series.
std::vector<storage::PlanSummary> VisiblePlans(const std::vector<storage::PlanSummary>& all_versions,
                                               const Actor& viewer);

// kNotFound "no plan with id N" both for an unknown id and for a plan viewer
// may not see, so a draft's existence is not revealed (404, not 403).
Status CheckVisible(const std::optional<storage::PlanSummary>& plan, int64_t plan_id, const Actor& viewer);
Status CheckVisible(storage::Transaction& tx, int64_t plan_id, const Actor& viewer);

class PlanCatalog {
public:
    // Borrows store, which must outlive the catalog. Any thread may call.
    explicit PlanCatalog(storage::Store& store) : store_(store) {}

    // Newest version of each plan, or every version with all_versions. kUnavailable
    // when the database cannot be reached.
    StatusOr<std::vector<storage::PlanSummary>> List(bool all_versions = false);

    // Every version of every plan, draft or published (the web's cache filters
    // it with VisiblePlans per request).
    StatusOr<std::vector<storage::PlanSummary>> ListAllVersions() { return List(/*all_versions=*/true); }
    // What viewer may see: VisiblePlans of every version.
    StatusOr<std::vector<storage::PlanSummary>> List(const Actor& viewer);

    // One plan's summary as stored now; kNotFound as CheckVisible says.
    StatusOr<storage::PlanSummary> Find(int64_t plan_id, const Actor& viewer);

    // One plan with ids; kNotFound names the id.
    StatusOr<domain::Plan> Load(int64_t plan_id);
    // The same, kNotFound also for a plan viewer may not see (CheckVisible).
    StatusOr<domain::Plan> Load(int64_t plan_id, const Actor& viewer);

    // Id of the newest audit event (storage::Store::LastAuditId), for
    // caches that must notice writes made by another process.
    StatusOr<int64_t> LastChange();

private:
    storage::Store& store_;
};

// The summaries as a JSON array (compact, one line, trailing newline):
// [{"id","series_id","version","latest","title","period":{"start","end"},
//   "activities","source":{"file","sha256"},"imported_at","published","published_at"}];
// published_at is null for a draft.
std::string PlanSummariesToJson(const std::vector<storage::PlanSummary>& plans);

// Reads a plan id as typed by a person or in a URL: digits only, > 0.
// kMalformed names the text and what was expected.
StatusOr<int64_t> ParsePlanId(const std::string& text);

}  // namespace planwatch::services
