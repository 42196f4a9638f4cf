#include "storage/sql/monitoring_sql.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "storage/sql/clock.h"
#include "storage/sql/in_list.h"
#include "storage/sql/nullable.h"
#include "storage/sql/report_bulk.h"

namespace planwatch::storage::sql {
namespace {

constexpr char kCountPlan[] = "SELECT COUNT(*) FROM plan WHERE id = :id";
constexpr char kCountRound[] = "SELECT COUNT(*) FROM reporting_round WHERE plan_id = :plan_id AND period = :period";
constexpr char kInsertRound[] = R"sql(
    INSERT INTO reporting_round (plan_id, period, opens_on, due_on, grace_days, closed, closed_on)
    VALUES (:plan_id, :period, :opens_on, :due_on, :grace_days, :closed, :closed_on) RETURNING id)sql";
constexpr char kSelectRoundColumns[] =
    "SELECT id, plan_id, period, opens_on, due_on, grace_days, closed_on FROM reporting_round ";
constexpr char kCloseRound[] = "UPDATE reporting_round SET closed = 1, closed_on = :closed_on WHERE id = :id";
constexpr char kWherePlansIn[] = "WHERE plan_id IN (:ids) ORDER BY plan_id, due_on, period, id";
constexpr char kDeleteReopening[] = "DELETE FROM round_reopening WHERE round_id = :round_id AND institution_id = :institution_id";
constexpr char kInsertReopening[] = R"sql(
    INSERT INTO round_reopening (round_id, institution_id, until_on, reopened_by, reopened_at)
    VALUES (:round_id, :institution_id, :until_on, :reopened_by, :reopened_at))sql";
constexpr char kSelectReopenings[] = R"sql(
    SELECT institution_id, until_on, reopened_by, reopened_at FROM round_reopening
    WHERE round_id = :round_id ORDER BY institution_id)sql";

constexpr char kCountActivity[] = "SELECT COUNT(*) FROM node WHERE id = :id AND kind = 'activity'";
constexpr char kCountReport[] = R"sql(
    SELECT COUNT(*) FROM progress_report
    WHERE activity_id = :activity_id AND institution_id = :institution_id AND period = :period)sql";
constexpr char kInsertReport[] = R"sql(
    INSERT INTO progress_report (activity_id, institution_id, period, claimed, narrative, review, review_comment,
                                 revision, version, author_id, created_at, submitted_at)
    VALUES (:activity_id, :institution_id, :period, :claimed, :narrative, :review, :review_comment,
            :revision, :version, :author_id, :created_at, :submitted_at) RETURNING id)sql";
constexpr char kSelectReportColumns[] = R"sql(
    SELECT r.id, r.activity_id, r.institution_id, r.period, r.claimed, r.narrative, r.review, r.review_comment,
           r.revision, r.version, r.author_id, r.created_at, r.submitted_at FROM progress_report AS r )sql";
constexpr char kSelectVersion[] = "SELECT version FROM progress_report WHERE id = :id";
constexpr char kUpdateReport[] = R"sql(
    UPDATE progress_report SET claimed = :claimed, narrative = :narrative, review = :review,
           review_comment = :review_comment, revision = :revision, version = :version, author_id = :author_id,
           submitted_at = :submitted_at
    WHERE id = :id AND version = :expected)sql";
constexpr char kDeleteValues[] = "DELETE FROM progress_value WHERE report_id = :id";
constexpr char kDeleteEvidence[] = "DELETE FROM progress_evidence WHERE report_id = :id";
constexpr char kInsertValue[] = R"sql(
    INSERT INTO progress_value (report_id, indicator_index, value) VALUES (:report_id, :indicator_index, :value))sql";
constexpr char kInsertEvidence[] = R"sql(
    INSERT INTO progress_evidence (report_id, position, url, sha256) VALUES (:report_id, :position, :url, :sha256))sql";
// Values and evidence of the reports a WHERE on r selects, in one query each.
constexpr char kSelectValuesOf[] = R"sql(
    SELECT v.report_id, v.indicator_index, v.value FROM progress_value AS v
    JOIN progress_report AS r ON r.id = v.report_id )sql";
// An uploaded file's size and media type come from evidence_file (migration 0009).
constexpr char kSelectEvidenceOf[] = R"sql(
    SELECT e.report_id, e.url, e.sha256, CAST(COALESCE(f.size, 0) AS BIGINT), COALESCE(f.media_type, '')
    FROM progress_evidence AS e
    JOIN progress_report AS r ON r.id = e.report_id
    LEFT JOIN evidence_file AS f ON f.sha256 = e.sha256 AND e.sha256 <> '' )sql";
constexpr char kWhereId[] = "WHERE r.id = :id";
constexpr char kWhereKey[] =
    "WHERE r.activity_id = :activity_id AND r.institution_id = :institution_id AND r.period = :period";

constexpr char kInsertRevision[] = R"sql(
    INSERT INTO progress_revision (report_id, revision, snapshot_json, changed_by, changed_at)
    VALUES (:report_id, :revision, :snapshot_json, :changed_by, :changed_at))sql";
constexpr char kSelectRevisions[] = R"sql(
    SELECT revision, snapshot_json, changed_by, changed_at FROM progress_revision
    WHERE report_id = :report_id ORDER BY revision)sql";
constexpr char kSelectActivityPlan[] = "SELECT plan_id FROM node WHERE id = :id AND kind = 'activity'";
constexpr char kSelectInstitutionName[] = "SELECT name FROM institution WHERE id = :id";

constexpr char kCountOutbox[] =
    "SELECT COUNT(*) FROM reminder_outbox WHERE institution_id = :institution_id AND digest_on = :digest_on";
constexpr char kInsertOutbox[] = R"sql(
    INSERT INTO reminder_outbox (institution_id, digest_on, kind, recipients, subject, body, created_at)
    VALUES (:institution_id, :digest_on, :kind, :recipients, :subject, :body, :created_at))sql";
constexpr char kSelectOutbox[] = R"sql(
    SELECT id, institution_id, digest_on, kind, recipients, subject, body, created_at, sent_at, error
    FROM reminder_outbox )sql";
constexpr char kCountOutboxId[] = "SELECT COUNT(*) FROM reminder_outbox WHERE id = :id";
constexpr char kUpdateOutbox[] = "UPDATE reminder_outbox SET sent_at = :sent_at, error = :error WHERE id = :id";

template <typename T, typename Parse>
T ParseColumn(Parse parse, const std::string& value, const char* column) {
    auto parsed = parse(value);
    if (!parsed) throw soci::soci_error(std::string("unknown ") + column + " \"" + value + "\" in the database");
    return *parsed;
}

// A statement on sql with the keys bound in order: soci's prepare expression
// cannot take a parameter pack, the statement's exchange() can.
template <typename... Keys>
void Bind(soci::statement& st, const Keys&... keys) {
    (st.exchange(soci::use(keys)), ...);
}

void Run(soci::statement& st, const std::string& sql) {
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute();
}

// Rounds from a statement that run prepares and executes after the into
// elements are exchanged.
template <typename RunQuery>
std::vector<domain::ReportingRound> SelectRoundsWith(soci::session& session, RunQuery run) {
    std::vector<domain::ReportingRound> rounds;
    long long id = 0, plan = 0;
    domain::ReportingRound round;
    soci::statement st(session);
    st.exchange(soci::into(id));
    st.exchange(soci::into(plan));
    st.exchange(soci::into(round.period));
    st.exchange(soci::into(round.opens_on));
    st.exchange(soci::into(round.due_on));
    st.exchange(soci::into(round.grace_days));
    st.exchange(soci::into(round.closed_on));
    run(st);
    while (st.fetch()) {
        round.id = id;
        round.plan_id = plan;
        rounds.push_back(round);
    }
    return rounds;
}

template <typename... Keys>
std::vector<domain::ReportingRound> SelectRounds(soci::session& session, const std::string& where,
                                                 const Keys&... keys) {
    return SelectRoundsWith(session, [&](soci::statement& st) {
        Bind(st, keys...);
        Run(st, kSelectRoundColumns + where);
    });
}

// Reports selected by where (on alias r), bound to the given keys in order, with
// their values and evidence.
template <typename... Keys>
std::vector<domain::ProgressReport> SelectReports(soci::session& session, const std::string& where,
                                                  const Keys&... keys) {
    std::vector<domain::ProgressReport> reports;
    std::map<long long, size_t> index_of;
    {
        long long id = 0, activity = 0, institution = 0;
        Nullable<long long> author;
        std::string claimed, review;
        domain::ProgressReport report;
        soci::statement st(session);
        st.exchange(soci::into(id));
        st.exchange(soci::into(activity));
        st.exchange(soci::into(institution));
        st.exchange(soci::into(report.period));
        st.exchange(soci::into(claimed));
        st.exchange(soci::into(report.narrative));
        st.exchange(soci::into(review));
        st.exchange(soci::into(report.review_comment));
        st.exchange(soci::into(report.revision));
        st.exchange(soci::into(report.version));
        st.exchange(soci::into(author.value, author.ind));
        st.exchange(soci::into(report.created_at));
        st.exchange(soci::into(report.submitted_at));
        Bind(st, keys...);
        Run(st, kSelectReportColumns + where);
        while (st.fetch()) {
            domain::ProgressReport out = report;
            out.id = id;
            out.activity_id = activity;
            out.institution_id = institution;
            out.author_id = author.Get().value_or(0);
            out.claimed = ParseColumn<domain::ClaimedState>(domain::ParseClaimedState, claimed, "claimed state");
            out.review = ParseColumn<domain::ReviewState>(domain::ParseReviewState, review, "review state");
            index_of[id] = reports.size();
            reports.push_back(std::move(out));
        }
    }
    if (reports.empty()) return reports;
    {
        long long report_id = 0;
        domain::IndicatorValue value;
        soci::statement st(session);
        st.exchange(soci::into(report_id));
        st.exchange(soci::into(value.indicator_index));
        st.exchange(soci::into(value.value));
        Bind(st, keys...);
        Run(st, std::string(kSelectValuesOf) + where + " ORDER BY v.report_id, v.indicator_index");
        while (st.fetch()) reports[index_of.at(report_id)].values.push_back(value);
    }
    {
        long long report_id = 0;
        long long size = 0;
        domain::Evidence evidence;
        soci::statement st(session);
        st.exchange(soci::into(report_id));
        st.exchange(soci::into(evidence.url));
        st.exchange(soci::into(evidence.sha256));
        st.exchange(soci::into(size));
        st.exchange(soci::into(evidence.media_type));
        Bind(st, keys...);
        Run(st, std::string(kSelectEvidenceOf) + where + " ORDER BY e.report_id, e.position");
        while (st.fetch()) {
            evidence.size = size;
            reports[index_of.at(report_id)].evidence.push_back(evidence);
        }
    }
    return reports;
}

void WriteChildren(soci::session& session, long long report_id, const domain::ProgressReport& report) {
    for (const domain::IndicatorValue& value : report.values) {
        session << kInsertValue, soci::use(report_id), soci::use(value.indicator_index), soci::use(value.value);
    }
    int position = 0;
    for (const domain::Evidence& evidence : report.evidence) {
        session << kInsertEvidence, soci::use(report_id), soci::use(position), soci::use(evidence.url),
            soci::use(evidence.sha256);
        ++position;
    }
}

Nullable<long long> AuthorOf(const domain::ProgressReport& report) {
    return Nullable<long long>(report.author_id ? std::optional<long long>(report.author_id) : std::nullopt);
}

}  // namespace

StatusOr<int64_t> WriteRound(soci::session& session, const domain::ReportingRound& round) {
    long long plan = round.plan_id;
    long long found = 0;
    session << kCountPlan, soci::use(plan), soci::into(found);
    if (found == 0) return NotFound("no plan with id " + std::to_string(round.plan_id));
    session << kCountRound, soci::use(plan), soci::use(round.period), soci::into(found);
    if (found > 0) {
        return Conflict("plan " + std::to_string(round.plan_id) + " already has a round for " + round.period);
    }
    int closed = round.closed_on.empty() ? 0 : 1;
    long long id = 0;
    session << kInsertRound, soci::use(plan), soci::use(round.period), soci::use(round.opens_on),
        soci::use(round.due_on), soci::use(round.grace_days), soci::use(closed), soci::use(round.closed_on),
        soci::into(id);
    return static_cast<int64_t>(id);
}

Status WriteRoundClosed(soci::session& session, int64_t round_id, const std::string& closed_on) {
    long long id = round_id;
    soci::statement st = (session.prepare << kCloseRound, soci::use(closed_on), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() == 0) return NotFound("no round with id " + std::to_string(round_id));
    return Status::Ok();
}

std::optional<domain::ReportingRound> ReadRound(soci::session& session, int64_t round_id) {
    std::vector<domain::ReportingRound> rounds = SelectRounds(session, "WHERE id = :id", static_cast<long long>(round_id));
    if (rounds.empty()) return std::nullopt;
    return rounds.front();
}

std::optional<domain::ReportingRound> ReadRoundByPeriod(soci::session& session, int64_t plan_id,
                                                        const std::string& period) {
    std::vector<domain::ReportingRound> rounds =
        SelectRounds(session, "WHERE plan_id = :plan_id AND period = :period", static_cast<long long>(plan_id), period);
    if (rounds.empty()) return std::nullopt;
    return rounds.front();
}

std::vector<domain::ReportingRound> ReadRounds(soci::session& session, std::optional<int64_t> plan_id) {
    if (plan_id) {
        return SelectRounds(session, "WHERE plan_id = :plan_id ORDER BY due_on, period, id",
                            static_cast<long long>(*plan_id));
    }
    return SelectRounds(session, "ORDER BY plan_id, due_on, period, id");
}

std::map<int64_t, std::vector<domain::ReportingRound>> ReadRoundsOfPlans(soci::session& session,
                                                                         const std::vector<int64_t>& plan_ids) {
    std::vector<long long> distinct(plan_ids.begin(), plan_ids.end());
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::map<int64_t, std::vector<domain::ReportingRound>> out;
    for (long long id : distinct) out[id];
    for (size_t first = 0; first < distinct.size(); first += kChunkRows) {
        std::vector<long long> chunk(distinct.begin() + first,
                                     distinct.begin() + first + std::min(kChunkRows, distinct.size() - first));
        for (domain::ReportingRound& round : SelectRoundsWith(session, [&](soci::statement& st) {
                 RunWithIds(session, st, std::string(kSelectRoundColumns) + kWherePlansIn, chunk);
             })) {
            out[round.plan_id].push_back(std::move(round));
        }
    }
    return out;
}

void WriteRoundReopening(soci::session& session, const RoundReopening& reopening) {
    long long round = reopening.round_id, institution = reopening.institution_id;
    std::string at = reopening.reopened_at.empty() ? NowUtc() : reopening.reopened_at;
    session << kDeleteReopening, soci::use(round), soci::use(institution);
    session << kInsertReopening, soci::use(round), soci::use(institution), soci::use(reopening.until_on),
        soci::use(reopening.reopened_by), soci::use(at);
}

std::vector<RoundReopening> ReadRoundReopenings(soci::session& session, int64_t round_id) {
    std::vector<RoundReopening> result;
    long long round = round_id, institution = 0;
    RoundReopening row;
    soci::statement st = (session.prepare << kSelectReopenings, soci::use(round), soci::into(institution),
                          soci::into(row.until_on), soci::into(row.reopened_by), soci::into(row.reopened_at));
    st.execute();
    while (st.fetch()) {
        row.round_id = round_id;
        row.institution_id = institution;
        result.push_back(row);
    }
    return result;
}

StatusOr<int64_t> WriteReport(soci::session& session, const domain::ProgressReport& report) {
    long long activity = report.activity_id, institution = report.institution_id;
    long long found = 0;
    session << kCountActivity, soci::use(activity), soci::into(found);
    if (found == 0) return NotFound("no activity with id " + std::to_string(report.activity_id));
    session << kCountReport, soci::use(activity), soci::use(institution), soci::use(report.period), soci::into(found);
    if (found > 0) {
        return Conflict("activity " + std::to_string(report.activity_id) + " already has a report of institution " +
                        std::to_string(report.institution_id) + " for " + report.period);
    }
    std::string claimed = domain::Name(report.claimed), review = domain::Name(report.review);
    Nullable<long long> author = AuthorOf(report);
    std::string created = report.created_at.empty() ? NowUtc() : report.created_at;
    long long id = 0;
    session << kInsertReport, soci::use(activity), soci::use(institution), soci::use(report.period),
        soci::use(claimed), soci::use(report.narrative), soci::use(review), soci::use(report.review_comment),
        soci::use(report.revision), soci::use(report.version), soci::use(author.value, author.ind),
        soci::use(created), soci::use(report.submitted_at), soci::into(id);
    WriteChildren(session, id, report);
    return static_cast<int64_t>(id);
}

std::optional<domain::ProgressReport> ReadReport(soci::session& session, int64_t report_id) {
    long long id = report_id;
    std::vector<domain::ProgressReport> reports = SelectReports(session, kWhereId, id);
    if (reports.empty()) return std::nullopt;
    return reports.front();
}

std::optional<domain::ProgressReport> ReadReportFor(soci::session& session, int64_t activity_id,
                                                    int64_t institution_id, const std::string& period) {
    long long activity = activity_id, institution = institution_id;
    std::vector<domain::ProgressReport> reports = SelectReports(session, kWhereKey, activity, institution, period);
    if (reports.empty()) return std::nullopt;
    return reports.front();
}

Status OverwriteReport(soci::session& session, const domain::ProgressReport& report, int expected_version) {
    if (!report.id) return InvalidArgument("a report to update needs its id");
    long long id = *report.id;
    int stored = 0;
    session << kSelectVersion, soci::use(id), soci::into(stored);
    if (!session.got_data()) return NotFound("no report with id " + std::to_string(id));
    if (stored != expected_version) {
        return Conflict("report " + std::to_string(id) + " is at version " + std::to_string(stored) +
                        ", not " + std::to_string(expected_version) + ": someone changed it meanwhile");
    }
    std::string claimed = domain::Name(report.claimed), review = domain::Name(report.review);
    Nullable<long long> author = AuthorOf(report);
    session << kUpdateReport, soci::use(claimed), soci::use(report.narrative), soci::use(review),
        soci::use(report.review_comment), soci::use(report.revision), soci::use(report.version),
        soci::use(author.value, author.ind), soci::use(report.submitted_at), soci::use(id),
        soci::use(expected_version);
    session << kDeleteValues, soci::use(id);
    session << kDeleteEvidence, soci::use(id);
    WriteChildren(session, id, report);
    return Status::Ok();
}

std::vector<domain::ProgressReport> ReadPlanReports(soci::session& session, int64_t plan_id) {
    return std::move(ReadReportsOfPlans(session, {plan_id}, ReportFields::kAll).at(plan_id));
}

void WriteReportRevision(soci::session& session, const ReportRevision& revision) {
    long long report = revision.report_id;
    Nullable<long long> by(revision.changed_by ? std::optional<long long>(*revision.changed_by) : std::nullopt);
    std::string at = revision.changed_at.empty() ? NowUtc() : revision.changed_at;
    session << kInsertRevision, soci::use(report), soci::use(revision.revision), soci::use(revision.snapshot_json),
        soci::use(by.value, by.ind), soci::use(at);
}

std::vector<ReportRevision> ReadReportRevisions(soci::session& session, int64_t report_id) {
    std::vector<ReportRevision> result;
    long long report = report_id;
    ReportRevision row;
    Nullable<long long> by;
    soci::statement st = (session.prepare << kSelectRevisions, soci::use(report), soci::into(row.revision),
                          soci::into(row.snapshot_json), soci::into(by.value, by.ind), soci::into(row.changed_at));
    st.execute();
    while (st.fetch()) {
        ReportRevision out = row;
        out.report_id = report_id;
        if (by.Get()) out.changed_by = by.value;
        result.push_back(std::move(out));
    }
    return result;
}

std::optional<int64_t> ReadActivityPlan(soci::session& session, int64_t activity_id) {
    long long id = activity_id, plan = 0;
    session << kSelectActivityPlan, soci::use(id), soci::into(plan);
    if (!session.got_data()) return std::nullopt;
    return plan;
}

std::optional<std::string> ReadInstitutionName(soci::session& session, int64_t institution_id) {
    long long id = institution_id;
    std::string name;
    session << kSelectInstitutionName, soci::use(id), soci::into(name);
    if (!session.got_data()) return std::nullopt;
    return name;
}

bool WriteOutbox(soci::session& session, const OutboxMessage& message) {
    long long institution = message.institution_id, found = 0;
    session << kCountOutbox, soci::use(institution), soci::use(message.digest_on), soci::into(found);
    if (found > 0) return false;
    std::string created = message.created_at.empty() ? NowUtc() : message.created_at;
    session << kInsertOutbox, soci::use(institution), soci::use(message.digest_on), soci::use(message.kind),
        soci::use(message.recipients), soci::use(message.subject), soci::use(message.body), soci::use(created);
    return true;
}

std::vector<OutboxMessage> ReadOutbox(soci::session& session, bool unsent_only) {
    std::vector<OutboxMessage> result;
    long long id = 0, institution = 0;
    OutboxMessage row;
    std::string sql = std::string(kSelectOutbox) + (unsent_only ? "WHERE sent_at = '' " : "") + "ORDER BY id";
    soci::statement st = (session.prepare << sql, soci::into(id), soci::into(institution), soci::into(row.digest_on),
                          soci::into(row.kind), soci::into(row.recipients), soci::into(row.subject),
                          soci::into(row.body), soci::into(row.created_at), soci::into(row.sent_at),
                          soci::into(row.error));
    st.execute();
    while (st.fetch()) {
        OutboxMessage out = row;
        out.id = id;
        out.institution_id = institution;
        result.push_back(std::move(out));
    }
    return result;
}

Status UpdateOutbox(soci::session& session, int64_t message_id, const std::string& sent_at, const std::string& error) {
    long long id = message_id, found = 0;
    session << kCountOutboxId, soci::use(id), soci::into(found);
    if (found == 0) return NotFound("no outbox message with id " + std::to_string(message_id));
    session << kUpdateOutbox, soci::use(sent_at), soci::use(error), soci::use(id);
    return Status::Ok();
}

}  // namespace planwatch::storage::sql
