#pragma once
// Reporting rounds, progress reports (with values, evidence and revisions) and
// the reminder outbox. Throws soci::soci_error like the other sql/ helpers;
// SqlTransaction maps it to a Status. Returned Status errors are named per function.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "storage/store.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

// kNotFound for an unknown plan, kConflict for a period the plan already has.
StatusOr<int64_t> WriteRound(soci::session& session, const domain::ReportingRound& round);
// kNotFound for an unknown round.
Status WriteRoundClosed(soci::session& session, int64_t round_id, const std::string& closed_on);
std::optional<domain::ReportingRound> ReadRound(soci::session& session, int64_t round_id);
std::optional<domain::ReportingRound> ReadRoundByPeriod(soci::session& session, int64_t plan_id,
                                                        const std::string& period);
std::vector<domain::ReportingRound> ReadRounds(soci::session& session, std::optional<int64_t> plan_id);
// An entry for every id asked, each plan's rounds as ReadRounds orders them.
std::map<int64_t, std::vector<domain::ReportingRound>> ReadRoundsOfPlans(soci::session& session,
                                                                         const std::vector<int64_t>& plan_ids);
void WriteRoundReopening(soci::session& session, const RoundReopening& reopening);
std::vector<RoundReopening> ReadRoundReopenings(soci::session& session, int64_t round_id);

// kConflict when activity × institution × period exists; kNotFound for an unknown activity.
StatusOr<int64_t> WriteReport(soci::session& session, const domain::ProgressReport& report);
std::optional<domain::ProgressReport> ReadReport(soci::session& session, int64_t report_id);
std::optional<domain::ProgressReport> ReadReportFor(soci::session& session, int64_t activity_id,
                                                    int64_t institution_id, const std::string& period);
// kNotFound for an unknown id, kConflict for a stored version other than expected_version.
Status OverwriteReport(soci::session& session, const domain::ProgressReport& report, int expected_version);
std::vector<domain::ProgressReport> ReadPlanReports(soci::session& session, int64_t plan_id);
void WriteReportRevision(soci::session& session, const ReportRevision& revision);
std::vector<ReportRevision> ReadReportRevisions(soci::session& session, int64_t report_id);
std::optional<int64_t> ReadActivityPlan(soci::session& session, int64_t activity_id);
std::optional<std::string> ReadInstitutionName(soci::session& session, int64_t institution_id);

// false when (institution, day) already has a digest.
bool WriteOutbox(soci::session& session, const OutboxMessage& message);
std::vector<OutboxMessage> ReadOutbox(soci::session& session, bool unsent_only);
// kNotFound for an unknown id.
Status UpdateOutbox(soci::session& session, int64_t message_id, const std::string& sent_at, const std::string& error);

}  // namespace planwatch::storage::sql
