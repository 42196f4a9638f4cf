#pragma once
// The only way planwatch reads or writes persistent data. OpenStore(url) picks
// the back end: "sqlite:PATH" (embedded, one county) or a PostgreSQL URI
// "postgresql://user@host:port/name" (national). Both run the same SQL through
// SOCI (sql/), apply the numbered migrations on open, and keep the same data.
//
// Any thread may call Begin(); a Transaction belongs to the thread that began it
// and must be destroyed before the Store. Nothing written through a transaction
// is visible to others until Commit() returns OK; destroying it uncommitted rolls
// it back. Every write transaction must Append() at least one AuditEvent; Commit()
// refuses (kInternal) a transaction that wrote without one.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/audit.h"
#include "domain/monitoring.h"
#include "domain/needs.h"
#include "domain/plan.h"
#include "domain/user.h"

namespace planwatch::storage {

struct PlanSummary {
    int64_t id = 0;
    int64_t series_id = 0;  // all versions of one plan share it
    int version = 1;
    bool latest = true;     // the newest version of its series
    std::string title;
    std::optional<int> period_start;
    std::optional<int> period_end;
    int activities = 0;
    std::string source_file;
    std::string sha256;
    std::string imported_at;  // ISO 8601 UTC
    std::string published_at;  // ISO 8601 UTC; empty while the plan is a draft
    std::string published_by;  // the actor who published it; empty for a draft
    bool published() const { return !published_at.empty(); }
};

// A signed-in browser (web issue). Only the SHA-256 of the cookie's secret is stored.
struct SessionRecord {
    std::string token_sha256;
    int64_t user_id = 0;
    std::string csrf_token;  // the form token bound to this session
    std::string created_at;  // ISO 8601 UTC
    std::string expires_at;  // ISO 8601 UTC
    domain::User user;       // filled by FindSession
};

// One search result: kind is plan | activity | institution | service; id is the
// row of that kind (plan id, node id, institution id, social_service id).
struct SearchHit {
    std::string kind;
    int64_t id = 0;
    std::optional<int64_t> plan_id;  // absent for institutions
    std::string title;
};

// A locked round opened again for one institution until a day (monitoring issue).
struct RoundReopening {
    int64_t round_id = 0;
    int64_t institution_id = 0;
    std::string until_on;     // YYYY-MM-DD, inclusive
    std::string reopened_by;  // actor
    std::string reopened_at;  // ISO 8601 UTC
};

// An earlier state of a progress report, kept when an approved or returned report changes.
struct ReportRevision {
    int64_t report_id = 0;
    int revision = 0;
    std::string snapshot_json;
    std::optional<int64_t> changed_by;
    std::string changed_at;
};

// An uploaded evidence file, stored once per content (monitoring issue).
struct EvidenceFile {
    std::string sha256;  // 64 lower-case hex digits of bytes
    int64_t size = 0;
    std::string media_type;  // as given at the first upload
    std::string bytes;       // empty when read without content
    std::string stored_at;   // ISO 8601 UTC
    std::string stored_by;   // actor
};

// One reminder digest for one institution on one day; sent_at is empty until sent.
struct OutboxMessage {
    std::optional<int64_t> id;
    int64_t institution_id = 0;
    std::string digest_on;   // YYYY-MM-DD: with institution_id, the idempotency key
    std::string kind;        // before_due | due | overdue
    std::string recipients;  // comma-separated e-mails
    std::string subject;
    std::string body;
    std::string created_at;
    std::string sent_at;
    std::string error;       // the last delivery failure
};

// The registry view of one institution (registry issue): the entry with its
// aliases and parent, whether a person confirmed it, and what refers to it.
struct InstitutionRecord {
    domain::Institution institution;  // id, name, acronym, aliases, kind, parent (its name), contact; no figures
    std::optional<int64_t> parent_id;
    bool reviewed = false;  // false: created by an import from a name no entry matched
    int plans = 0;          // newest plan versions naming it
    int leads = 0;          // activities of those plans it leads
    int partners = 0;       // activities of those plans it partners on
    int users = 0;          // accounts of its staff
};

// What an administrator writes about an institution (admin institutions screen).
// contact holds the address on its first line, then phone, e-mail and web, the
// way imports store what a document prints under an institution's name.
struct InstitutionEdit {
    std::string name;  // canonical name
    std::string acronym;
    std::vector<std::string> aliases;
    std::string kind;
    std::optional<int64_t> parent_id;
    std::string contact;
};

// How much of each progress report a bulk read fills in.
enum class ReportFields {
    kAll,     // everything, as LoadReport gives it
    kStatus,  // id, activity_id, institution_id, period, claimed, review, revision, version,
              // submitted_at and values; narrative, review_comment, evidence, author_id and
              // created_at stay empty
};

class Transaction {
public:
    virtual ~Transaction() = default;

    // Stores the plan with all its nodes, indicators, responsibilities, budgets,
    // institutions, services and warnings; returns its new id. With
    // replace_series set, the plan becomes the next version of that series
    // (older versions stay readable); otherwise it starts a new series.
    // plan.id and node ids are ignored on input.
    virtual StatusOr<int64_t> InsertPlan(const domain::Plan& plan,
                                         std::optional<int64_t> replace_series = std::nullopt) = 0;
    // The plan exactly as inserted, with id, version and node ids filled in.
    // kNotFound for an unknown id.
    virtual StatusOr<domain::Plan> LoadPlan(int64_t plan_id) = 0;
    // LoadPlan for many plans, in the order of plan_ids, with one query per
    // table for every 512 plans instead of a dozen per plan (the status of
    // every activity, a county's dashboard). kNotFound naming an unknown id.
    virtual StatusOr<std::vector<domain::Plan>> LoadPlans(const std::vector<int64_t>& plan_ids) = 0;
    // Newest version of each series first by id, or every version with all_versions.
    virtual StatusOr<std::vector<PlanSummary>> ListPlans(bool all_versions = false) = 0;
    // One plan (any version) by id; nullopt for an unknown id.
    virtual StatusOr<std::optional<PlanSummary>> FindPlan(int64_t plan_id) = 0;
    // Publishes the plan (published_at and published_by set) or, with
    // published_by nullopt, makes it a draft again. Only these columns change.
    // kNotFound for an unknown id.
    virtual Status SetPlanPublication(int64_t plan_id, const std::optional<std::string>& published_by) = 0;
    virtual StatusOr<std::optional<PlanSummary>> FindPlanBySha256(const std::string& sha256) = 0;
    // The latest plan whose source file name or title equals key; used by --replace.
    virtual StatusOr<std::optional<PlanSummary>> FindLatestPlan(const std::string& source_file,
                                                               const std::string& title) = 0;

    virtual StatusOr<int64_t> InsertUser(const domain::User& user) = 0;  // kConflict for a known e-mail
    virtual StatusOr<std::optional<domain::User>> FindUserByEmail(const std::string& email) = 0;
    // Writes user's role, institution and disabled_at (the e-mail and password
    // stay); kNotFound for an unknown user.id.
    virtual Status UpdateUser(const domain::User& user) = 0;
    // Ends every session of the user and deletes its API tokens.
    virtual Status RevokeUserAccess(int64_t user_id) = 0;
    // Stores an API token of a user by the SHA-256 (lower-case hex) of its secret;
    // the secret itself is never stored. Returns the token's id; kNotFound for an
    // unknown user, kConflict for a hash already stored.
    virtual StatusOr<int64_t> InsertApiToken(int64_t user_id, const std::string& token_sha256,
                                             const std::string& label) = 0;
    // The id of an institution by canonical name, alias or acronym (normalised
    // match: case, diacritics, ş/ș); nullopt when none matches.
    virtual StatusOr<std::optional<int64_t>> FindInstitution(const std::string& name) = 0;

    // Web sessions and API tokens (web issue). FindSession returns nullopt for
    // an unknown or expired session (expires_at <= now); FindUserByApiToken for
    // an unknown token hash.
    virtual Status InsertSession(const SessionRecord& session) = 0;
    virtual StatusOr<std::optional<SessionRecord>> FindSession(const std::string& token_sha256) = 0;
    virtual Status DeleteSession(const std::string& token_sha256) = 0;
    virtual StatusOr<std::optional<domain::User>> FindUserById(int64_t user_id) = 0;
    virtual StatusOr<std::optional<domain::User>> FindUserByApiToken(const std::string& token_sha256) = 0;
    virtual StatusOr<std::vector<domain::User>> ListUsers() = 0;

    // Plans, activities, institutions and social services whose text contains
    // every word of query as a prefix, regardless of case and diacritics (ş/ș,
    // ţ/ț included); at most limit hits, best first. An empty query finds nothing.
    virtual StatusOr<std::vector<SearchHit>> Search(const std::string& query, int limit = 50) = 0;

    // Monitoring (monitoring issue). Rounds: kConflict when the plan already has a
    // round for the period; kNotFound for an unknown plan.
    virtual StatusOr<int64_t> InsertRound(const domain::ReportingRound& round) = 0;
    virtual StatusOr<std::optional<domain::ReportingRound>> FindRound(int64_t round_id) = 0;
    virtual StatusOr<std::optional<domain::ReportingRound>> FindRoundByPeriod(int64_t plan_id,
                                                                              const std::string& period) = 0;
    // Rounds of one plan ordered by due date; of every plan when plan_id is nullopt.
    virtual StatusOr<std::vector<domain::ReportingRound>> ListRounds(std::optional<int64_t> plan_id) = 0;
    // ListRounds of each plan of plan_ids in one query: an entry per id asked
    // (empty for a plan without rounds or an unknown id).
    virtual StatusOr<std::map<int64_t, std::vector<domain::ReportingRound>>> ListRoundsOfPlans(
        const std::vector<int64_t>& plan_ids) = 0;
    // Closes a round early from closed_on (YYYY-MM-DD); kNotFound for an unknown round.
    virtual Status CloseRound(int64_t round_id, const std::string& closed_on) = 0;
    // Replaces an earlier reopening of the same round and institution.
    virtual Status UpsertRoundReopening(const RoundReopening& reopening) = 0;
    virtual StatusOr<std::vector<RoundReopening>> ListRoundReopenings(int64_t round_id) = 0;

    // Progress reports with their values and evidence. InsertReport: kConflict
    // when the activity × institution × period already has one.
    virtual StatusOr<int64_t> InsertReport(const domain::ProgressReport& report) = 0;
    // InsertReport for many reports in a few multi-row INSERTs, all or none:
    // kNotFound for an unknown activity, kConflict for an activity x institution
    // x period stored already or given twice. Returns the ids in the order given.
    virtual StatusOr<std::vector<int64_t>> InsertReports(const std::vector<domain::ProgressReport>& reports) = 0;
    virtual StatusOr<std::optional<domain::ProgressReport>> LoadReport(int64_t report_id) = 0;
    virtual StatusOr<std::optional<domain::ProgressReport>> FindReport(int64_t activity_id, int64_t institution_id,
                                                                       const std::string& period) = 0;
    // Overwrites the stored report (id required) when its stored version equals
    // expected_version, and stores report.version as given; kConflict otherwise
    // (someone wrote in between), kNotFound for an unknown id.
    virtual Status UpdateReport(const domain::ProgressReport& report, int expected_version) = 0;
    // Every report on the activities of one plan (all institutions and periods),
    // ordered by activity id, then report id.
    virtual StatusOr<std::vector<domain::ProgressReport>> ListPlanReports(int64_t plan_id) = 0;
    // ListPlanReports of each plan of plan_ids, with one query per table for
    // every 512 plans: an entry per id asked (empty for a plan without reports
    // or an unknown id), each in the order ListPlanReports gives. With
    // ReportFields::kStatus only what statuses and round counts read is filled
    // in, in one query over two covering indexes (migration 0007).
    virtual StatusOr<std::map<int64_t, std::vector<domain::ProgressReport>>> ListReportsOfPlans(
        const std::vector<int64_t>& plan_ids, ReportFields fields = ReportFields::kAll) = 0;
    virtual Status InsertReportRevision(const ReportRevision& revision) = 0;
    virtual StatusOr<std::vector<ReportRevision>> ListReportRevisions(int64_t report_id) = 0;
    // Evidence files. PutEvidenceFile stores the file unless one with its sha256
    // is stored already (the first upload's media type stays) and tells which.
    // A report's evidence names a file by sha256; readers fill size and media type from it.
    virtual StatusOr<bool> PutEvidenceFile(const EvidenceFile& file) = 0;
    virtual StatusOr<std::optional<EvidenceFile>> LoadEvidenceFile(const std::string& sha256, bool with_bytes) = 0;
    // Ids of the reports whose evidence names the file, ascending.
    virtual StatusOr<std::vector<int64_t>> ListReportsWithEvidence(const std::string& sha256) = 0;
    // The plan an activity (node id) belongs to; nullopt for an unknown node.
    virtual StatusOr<std::optional<int64_t>> FindActivityPlan(int64_t activity_id) = 0;
    // The registry name of an institution; nullopt for an unknown id.
    virtual StatusOr<std::optional<std::string>> InstitutionName(int64_t institution_id) = 0;

    // Reminder outbox. InsertOutbox returns false (and writes nothing) when the
    // institution already has a digest for that day.
    virtual StatusOr<bool> InsertOutbox(const OutboxMessage& message) = 0;
    virtual StatusOr<std::vector<OutboxMessage>> ListOutbox(bool unsent_only) = 0;
    virtual Status MarkOutbox(int64_t message_id, const std::string& sent_at, const std::string& error) = 0;

    // Registries (registry issue). Institutions ordered by id.
    virtual StatusOr<std::vector<InstitutionRecord>> ListInstitutions() = 0;
    virtual StatusOr<std::optional<InstitutionRecord>> LoadInstitution(int64_t institution_id) = 0;
    // Moves everything that names from_id to into_id (plans, responsibilities,
    // users, reports, reopenings, reminders, needs, child units), makes from's
    // name, acronym and aliases aliases of into, fills into's empty acronym, kind
    // and contact, and deletes from. kNotFound for an unknown id, kInvalidArgument
    // for from == into, kConflict when a moved row would duplicate one of into's
    // (e.g. both reported on the same activity and period).
    virtual Status MergeInstitutions(int64_t from_id, int64_t into_id) = 0;
    // kNotFound for an unknown id.
    virtual Status SetInstitutionReviewed(int64_t institution_id, bool reviewed) = 0;
    // A reviewed entry (an administrator wrote it); returns its id. Errors name
    // the form field: kConflict ("name") when the name is the name or an alias of
    // another entry; kNotFound ("parent") for an unknown parent.
    virtual StatusOr<int64_t> InsertInstitution(const InstitutionEdit& edit) = 0;
    // Replaces the name, acronym, aliases, kind, parent and contact of an entry
    // and marks it reviewed. kNotFound for an unknown id or ("parent") parent;
    // kInvalidArgument ("parent") when the parent is the entry itself or one of
    // its units, which would make a cycle; kConflict ("name") as InsertInstitution.
    virtual Status UpdateInstitution(int64_t institution_id, const InstitutionEdit& edit) = 0;
    // Rows that name the institution, per table: what a merge would move
    // ("responsibility": 12, "institution": child units, "institution_alias", …).
    virtual StatusOr<std::map<std::string, int64_t>> CountInstitutionReferences(int64_t institution_id) = 0;
    // Installation settings; nullopt for a name never set. EnsureSetting stores
    // value unless the name already has one (a concurrent first use keeps one
    // value) and returns the value stored either way.
    virtual StatusOr<std::optional<std::string>> GetSetting(const std::string& name) = 0;
    virtual StatusOr<std::string> EnsureSetting(const std::string& name, const std::string& value) = 0;
    // Needs register: kNotFound for an unknown institution or service.
    virtual StatusOr<int64_t> InsertNeed(const domain::Need& need) = 0;
    virtual StatusOr<std::optional<domain::Need>> LoadNeed(int64_t need_id) = 0;
    // Needs recorded by one institution, or by all with nullopt; oldest first.
    virtual StatusOr<std::vector<domain::Need>> ListNeeds(std::optional<int64_t> institution_id) = 0;
    // Sets the referral (service_id) and outcome of a stored need and bumps its
    // version, if the stored version is still `version`. kNotFound for an unknown
    // need or service; kConflict when the need was changed since `version`.
    virtual Status UpdateNeed(int64_t need_id, int version, std::optional<int64_t> service_id,
                              const std::string& outcome) = 0;
    // Replaces the month's figures of that service; kNotFound for an unknown service.
    virtual Status PutServiceMonth(const domain::ServiceMonth& month) = 0;
    // Of one service, or of all with nullopt; by service then month.
    virtual StatusOr<std::vector<domain::ServiceMonth>> ListServiceMonths(std::optional<int64_t> service_id) = 0;

    virtual Status Append(const domain::AuditEvent& event) = 0;
    virtual StatusOr<std::vector<domain::AuditEvent>> ListAudit(int limit = 100) = 0;
    // Rows per table, for tests and `db check`: {"plan": 3, "node": 120, …}.
    virtual StatusOr<std::map<std::string, int64_t>> CountRows() = 0;

    virtual Status Commit() = 0;
};

class Store {
public:
    virtual ~Store() = default;

    // kUnavailable when the database cannot be reached.
    virtual StatusOr<std::unique_ptr<Transaction>> Begin() = 0;

    // "sqlite" or "postgresql".
    virtual std::string BackendName() const = 0;
    // Id of the newest audit event, 0 when there is none. Every write appends
    // one, so a different value means something changed, in this process or
    // not. One statement outside any transaction: caches ask on every request.
    virtual StatusOr<int64_t> LastAuditId() = 0;
    // Applied migration numbers, ascending.
    virtual StatusOr<std::vector<int>> AppliedMigrations() = 0;
    // Integrity check (SQLite: PRAGMA integrity_check and foreign_key_check;
    // PostgreSQL: reachability and schema version); a failure names what is wrong.
    virtual Status Check() = 0;
    // A consistent copy while other connections write (SQLite online backup; for
    // PostgreSQL a snapshot read in one REPEATABLE READ transaction). The file is
    // written to a temporary name and renamed, so a failed backup leaves nothing.
    virtual Status Backup(const std::string& path) = 0;
    // Replaces the whole content with a backup made by Backup() on the same kind
    // of back end, in one transaction; kInvalidArgument for a file that is not one.
    virtual Status Restore(const std::string& path) = 0;
};

struct StoreOptions {
    int busy_timeout_ms = 5000;  // SQLite: how long a writer waits for a lock
};

// Opens (creating an SQLite file and its folder when missing) and migrates.
// kInvalidArgument for a URL that is neither sqlite: nor postgresql://.
StatusOr<std::unique_ptr<Store>> OpenStore(const std::string& url, const StoreOptions& options = {});

}  // namespace planwatch::storage
