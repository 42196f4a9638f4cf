#pragma once
// Progress reports many at a time: every report of a set of plans in one query
// per table (the status of every activity, a county's dashboard), and many new
// reports in a few multi-row INSERTs (an import of a round, the national bench
// load). Throws soci::soci_error like the other sql/ helpers.
#include <cstdint>
#include <map>
#include <vector>

#include "common/status.h"
#include "domain/monitoring.h"
#include "storage/store.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

// The reports on the activities of each plan of plan_ids, with the fields
// store.h's ReportFields names: an entry for every id asked, empty when it has
// none or is unknown; each plan's reports ordered by activity id, then report id.
std::map<int64_t, std::vector<domain::ProgressReport>> ReadReportsOfPlans(soci::session& session,
                                                                          const std::vector<int64_t>& plan_ids,
                                                                          ReportFields fields);

// Stores every report as WriteReport would, with multi-row INSERTs; returns the
// new ids in the order of reports. kNotFound for an activity that does not
// exist, kConflict when an activity x institution x period is stored already or
// repeats within reports; on an error nothing is written (the caller's
// savepoint undoes what was).
StatusOr<std::vector<int64_t>> WriteReports(soci::session& session, const std::vector<domain::ProgressReport>& reports);

}  // namespace planwatch::storage::sql
