#pragma once
// A Transaction on one pooled SOCI session. Every write runs inside a SAVEPOINT,
// so a failed call leaves the transaction as it was (PostgreSQL would otherwise
// refuse every later statement); Commit() enforces the audit rule of store.h.
#include <functional>
#include <memory>
#include <string_view>

#include "storage/store.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

class SqlStore;

class SqlTransaction : public Transaction {
public:
    // Takes a session on which BEGIN has been run; gives it back to store on
    // destruction, after a ROLLBACK unless Commit() succeeded.
    SqlTransaction(SqlStore* store, std::unique_ptr<soci::session> session);
    ~SqlTransaction() override;

    StatusOr<int64_t> InsertPlan(const domain::Plan& plan, std::optional<int64_t> replace_series) override;
    StatusOr<domain::Plan> LoadPlan(int64_t plan_id) override;
    StatusOr<std::vector<domain::Plan>> LoadPlans(const std::vector<int64_t>& plan_ids) override;
    StatusOr<std::vector<PlanSummary>> ListPlans(bool all_versions) override;
    StatusOr<std::optional<PlanSummary>> FindPlan(int64_t plan_id) override;
    Status SetPlanPublication(int64_t plan_id, const std::optional<std::string>& published_by) override;
    StatusOr<std::optional<PlanSummary>> FindPlanBySha256(const std::string& sha256) override;
    StatusOr<std::optional<PlanSummary>> FindLatestPlan(const std::string& source_file,
                                                        const std::string& title) override;

    StatusOr<int64_t> InsertUser(const domain::User& user) override;
    Status UpdateUser(const domain::User& user) override;
    Status RevokeUserAccess(int64_t user_id) override;
    StatusOr<std::optional<domain::User>> FindUserByEmail(const std::string& email) override;
    StatusOr<int64_t> InsertApiToken(int64_t user_id, const std::string& token_sha256,
                                     const std::string& label) override;
    StatusOr<std::optional<int64_t>> FindInstitution(const std::string& name) override;

    Status InsertSession(const SessionRecord& session) override;
    StatusOr<std::optional<SessionRecord>> FindSession(const std::string& token_sha256) override;
    Status DeleteSession(const std::string& token_sha256) override;
    StatusOr<std::optional<domain::User>> FindUserById(int64_t user_id) override;
    StatusOr<std::optional<domain::User>> FindUserByApiToken(const std::string& token_sha256) override;
    StatusOr<std::vector<domain::User>> ListUsers() override;
    StatusOr<std::vector<SearchHit>> Search(const std::string& query, int limit) override;

    StatusOr<int64_t> InsertRound(const domain::ReportingRound& round) override;
    StatusOr<std::optional<domain::ReportingRound>> FindRound(int64_t round_id) override;
    StatusOr<std::optional<domain::ReportingRound>> FindRoundByPeriod(int64_t plan_id,
                                                                      const std::string& period) override;
    StatusOr<std::vector<domain::ReportingRound>> ListRounds(std::optional<int64_t> plan_id) override;
    StatusOr<std::map<int64_t, std::vector<domain::ReportingRound>>> ListRoundsOfPlans(
        const std::vector<int64_t>& plan_ids) override;
    Status CloseRound(int64_t round_id, const std::string& closed_on) override;
    Status UpsertRoundReopening(const RoundReopening& reopening) override;
    StatusOr<std::vector<RoundReopening>> ListRoundReopenings(int64_t round_id) override;
    StatusOr<int64_t> InsertReport(const domain::ProgressReport& report) override;
    StatusOr<std::vector<int64_t>> InsertReports(const std::vector<domain::ProgressReport>& reports) override;
    StatusOr<std::optional<domain::ProgressReport>> LoadReport(int64_t report_id) override;
    StatusOr<std::optional<domain::ProgressReport>> FindReport(int64_t activity_id, int64_t institution_id,
                                                               const std::string& period) override;
    Status UpdateReport(const domain::ProgressReport& report, int expected_version) override;
    StatusOr<std::vector<domain::ProgressReport>> ListPlanReports(int64_t plan_id) override;
    StatusOr<std::map<int64_t, std::vector<domain::ProgressReport>>> ListReportsOfPlans(
        const std::vector<int64_t>& plan_ids, ReportFields fields) override;
    Status InsertReportRevision(const ReportRevision& revision) override;
    StatusOr<std::vector<ReportRevision>> ListReportRevisions(int64_t report_id) override;
    StatusOr<bool> PutEvidenceFile(const EvidenceFile& file) override;
    StatusOr<std::optional<EvidenceFile>> LoadEvidenceFile(const std::string& sha256, bool with_bytes) override;
    StatusOr<std::vector<int64_t>> ListReportsWithEvidence(const std::string& sha256) override;
    StatusOr<std::optional<int64_t>> FindActivityPlan(int64_t activity_id) override;
    StatusOr<std::optional<std::string>> InstitutionName(int64_t institution_id) override;
    StatusOr<bool> InsertOutbox(const OutboxMessage& message) override;
    StatusOr<std::vector<OutboxMessage>> ListOutbox(bool unsent_only) override;
    Status MarkOutbox(int64_t message_id, const std::string& sent_at, const std::string& error) override;

    StatusOr<std::vector<InstitutionRecord>> ListInstitutions() override;
    StatusOr<std::optional<InstitutionRecord>> LoadInstitution(int64_t institution_id) override;
    Status MergeInstitutions(int64_t from_id, int64_t into_id) override;
    Status SetInstitutionReviewed(int64_t institution_id, bool reviewed) override;
    StatusOr<int64_t> InsertInstitution(const InstitutionEdit& edit) override;
    Status UpdateInstitution(int64_t institution_id, const InstitutionEdit& edit) override;
    StatusOr<std::map<std::string, int64_t>> CountInstitutionReferences(int64_t institution_id) override;
    StatusOr<std::optional<std::string>> GetSetting(const std::string& name) override;
    StatusOr<std::string> EnsureSetting(const std::string& name, const std::string& value) override;
    StatusOr<int64_t> InsertNeed(const domain::Need& need) override;
    StatusOr<std::optional<domain::Need>> LoadNeed(int64_t need_id) override;
    StatusOr<std::vector<domain::Need>> ListNeeds(std::optional<int64_t> institution_id) override;
    Status UpdateNeed(int64_t need_id, int version, std::optional<int64_t> service_id,
                      const std::string& outcome) override;
    Status PutServiceMonth(const domain::ServiceMonth& month) override;
    StatusOr<std::vector<domain::ServiceMonth>> ListServiceMonths(std::optional<int64_t> service_id) override;

    Status Append(const domain::AuditEvent& event) override;
    StatusOr<std::vector<domain::AuditEvent>> ListAudit(int limit) override;
    StatusOr<std::map<std::string, int64_t>> CountRows() override;

    Status Commit() override;

private:
    // Runs write inside SAVEPOINT; on failure (Status or exception) rolls back
    // to it, so the transaction stays usable and unchanged.
    Status Write(std::string_view doing, const std::function<Status()>& write);
    // Runs read, mapping exceptions to a Status.
    Status Read(std::string_view doing, const std::function<Status()>& read);
    Status Usable() const;

    SqlStore* store_;  // not owned; outlives this transaction (store.h)
    std::unique_ptr<soci::session> session_;
    bool wrote_ = false;
    bool audited_ = false;
    bool finished_ = false;  // committed, or failed beyond repair
};

}  // namespace planwatch::storage::sql
