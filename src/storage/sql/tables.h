#pragma once
// Every table of the schema, parents before children, so that copying them in
// this order never breaks a foreign key (self references aside: institution and
// node parents). CountRows, Backup and Restore walk this list; a migration that
// adds a table adds it here too. schema_version is not listed: it describes the
// schema, not the data.
#include <array>

namespace planwatch::storage::sql {

inline constexpr std::array<const char*, 31> kTables = {
    "institution",       "institution_alias",
    "plan_series",       "plan",
    "plan_institution",  "plan_institution_alias",
    "unit_figure",       "node",
    "node_result",       "indicator",
    "node_period",       "responsibility",
    "budget_line",       "social_service",
    "service_budget",    "plan_warning",
    "app_user",          "api_token",
    "session",           "reporting_round",
    "progress_report",   "progress_value",
    "progress_evidence", "progress_revision",
    "audit_event",       "round_reopening",
    "reminder_outbox",   "app_setting",
    "need",              "service_month",
    "evidence_file",
};

// Tables whose rows point at other rows of the same table. A restore inserts
// them with the column NULL and sets it once every row exists.
struct SelfReference {
    const char* table;
    const char* column;
};
inline constexpr std::array<SelfReference, 2> kSelfReferences = {{{"institution", "parent_id"}, {"node", "parent_id"}}};

}  // namespace planwatch::storage::sql
