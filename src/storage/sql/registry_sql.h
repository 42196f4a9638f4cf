#pragma once
// The SQL of the registries (registry issue): institution listing and merge,
// settings, the needs register and monthly beneficiaries. These throw
// soci::soci_error (SqlTransaction turns it into a Status) or return a Status
// for what the caller got wrong.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/needs.h"
#include "storage/store.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

// Every institution, or only institution_id, with aliases and counts.
std::vector<InstitutionRecord> ReadInstitutions(soci::session& session, std::optional<int64_t> institution_id);
Status MergeInstitutionRows(soci::session& session, int64_t from_id, int64_t into_id);
Status WriteInstitutionReviewed(soci::session& session, int64_t institution_id, bool reviewed);

std::optional<std::string> ReadSetting(soci::session& session, const std::string& name);
// Inserts unless set; returns the stored value.
std::string EnsureSettingRow(soci::session& session, const std::string& name, const std::string& value);

StatusOr<int64_t> WriteNeed(soci::session& session, const domain::Need& need);
// Store::UpdateNeed.
Status RewriteNeed(soci::session& session, int64_t need_id, int version, std::optional<int64_t> service_id,
                   const std::string& outcome);
std::vector<domain::Need> ReadNeeds(soci::session& session, std::optional<int64_t> need_id,
                                    std::optional<int64_t> institution_id);
Status WriteServiceMonth(soci::session& session, const domain::ServiceMonth& month);
std::vector<domain::ServiceMonth> ReadServiceMonths(soci::session& session, std::optional<int64_t> service_id);

}  // namespace planwatch::storage::sql
