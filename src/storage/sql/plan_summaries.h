#pragma once
// One line per stored plan (storage::PlanSummary), for lists and for finding the
// plan a re-import replaces. Throws soci::soci_error; SqlTransaction maps it.
#include <optional>
#include <string>
#include <vector>

#include "storage/store.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

// By id ascending; only the newest version of each series unless all_versions.
std::vector<PlanSummary> ListPlanSummaries(soci::session& session, bool all_versions);
// One plan (any version) by id; nullopt for an unknown id.
std::optional<PlanSummary> FindPlanSummary(soci::session& session, int64_t plan_id);
// Sets the publication columns of one plan (published_at '' makes it a draft);
// false when no plan has the id.
bool UpdatePlanPublication(soci::session& session, int64_t plan_id, const std::string& published_at,
                           const std::string& published_by);
// The newest plan (any version) read from a file with these bytes.
std::optional<PlanSummary> FindPlanSummaryBySha256(soci::session& session, const std::string& sha256);
// The newest version of the newest series whose latest version has this source
// file name or this title.
std::optional<PlanSummary> FindLatestPlanSummary(soci::session& session, const std::string& source_file,
                                                 const std::string& title);

}  // namespace planwatch::storage::sql
