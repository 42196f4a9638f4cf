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
// The newest plan (any version) read from a file with these bytes.
std::optional<PlanSummary> FindPlanSummaryBySha256(soci::session& session, const std::string& sha256);
// The newest version of the newest series whose latest version has this source
// file name or this title.
std::optional<PlanSummary> FindLatestPlanSummary(soci::session& session, const std::string& source_file,
                                                 const std::string& title);

}  // namespace planwatch::storage::sql
