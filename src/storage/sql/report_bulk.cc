#include "storage/sql/report_bulk.h"

#include <soci/soci.h>

#include <algorithm>
#include <cassert>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "storage/sql/clock.h"
#include "storage/sql/in_list.h"
#include "storage/sql/nullable.h"

namespace planwatch::storage::sql {
namespace {

// "(:ids)" is a chunk of plan ids (in_list.h). Ordered by plan, activity and id
// so that callers can hand each plan's reports on as they come; n.kind keeps
// SQLite on node_plan (plan_id, kind), which already yields that order.
constexpr char kSelectReportsOfPlans[] = R"sql(
    SELECT n.plan_id, r.id, r.activity_id, r.institution_id, r.period, r.claimed, r.narrative, r.review,
           r.review_comment, r.revision, r.version, r.author_id, r.created_at, r.submitted_at
    FROM node AS n JOIN progress_report AS r ON r.activity_id = n.id
    WHERE n.plan_id IN (:ids) AND n.kind = 'activity' ORDER BY n.plan_id, r.activity_id, r.id)sql";
constexpr char kSelectValuesOfPlans[] = R"sql(
    SELECT v.report_id, v.indicator_index, v.value
    FROM node AS n JOIN progress_report AS r ON r.activity_id = n.id JOIN progress_value AS v ON v.report_id = r.id
    WHERE n.plan_id IN (:ids) AND n.kind = 'activity' ORDER BY v.report_id, v.indicator_index)sql";
constexpr char kSelectEvidenceOfPlans[] = R"sql(
    SELECT e.report_id, e.url, e.sha256, CAST(COALESCE(f.size, 0) AS BIGINT), COALESCE(f.media_type, '')
    FROM node AS n JOIN progress_report AS r ON r.activity_id = n.id JOIN progress_evidence AS e ON e.report_id = r.id
    LEFT JOIN evidence_file AS f ON f.sha256 = e.sha256 AND e.sha256 <> ''
    WHERE n.plan_id IN (:ids) AND n.kind = 'activity' ORDER BY e.report_id, e.position)sql";
// ReportFields::kStatus: one row per value (one with NULLs for a report without),
// reports and values in one pass over the covering indexes of migration 0007.
constexpr char kSelectStatusReportsOfPlans[] = R"sql(
    SELECT n.plan_id, r.id, r.activity_id, r.institution_id, r.period, r.claimed, r.review, r.revision, r.version,
           r.submitted_at, v.indicator_index, v.value
    FROM node AS n JOIN progress_report AS r ON r.activity_id = n.id
    LEFT JOIN progress_value AS v ON v.report_id = r.id
    WHERE n.plan_id IN (:ids) AND n.kind = 'activity'
    ORDER BY n.plan_id, n.id, r.id, v.indicator_index)sql";

// "(:ids)" is a chunk of activity ids.
constexpr char kSelectActivitiesIn[] = "SELECT id FROM node WHERE kind = 'activity' AND id IN (:ids)";
constexpr char kSelectKeysIn[] =
    "SELECT activity_id, institution_id, period FROM progress_report WHERE activity_id IN (:ids)";
// Followed by Placeholders::Rows(rows, columns).
constexpr char kInsertReports[] = R"sql(
    INSERT INTO progress_report (activity_id, institution_id, period, claimed, narrative, review, review_comment,
                                 revision, version, author_id, created_at, submitted_at)
    VALUES )sql";
constexpr size_t kReportColumns = 12;
// Neither database promises RETURNING rows in VALUES order, so each row names its key.
constexpr char kReturningKeys[] = " RETURNING id, activity_id, institution_id, period";
constexpr char kInsertValues[] = "INSERT INTO progress_value (report_id, indicator_index, value) VALUES ";
constexpr char kInsertEvidence[] = "INSERT INTO progress_evidence (report_id, position, url, sha256) VALUES ";

template <typename T, typename Parse>
T ParseColumn(Parse parse, const std::string& value, const char* column) {
    auto parsed = parse(value);
    if (!parsed) throw soci::soci_error(std::string("unknown ") + column + " \"" + value + "\" in the database");
    return *parsed;
}

using ReportKey = std::tuple<long long, long long, std::string>;  // activity, institution, period

ReportKey KeyOf(const domain::ProgressReport& report) {
    return {report.activity_id, report.institution_id, report.period};
}

// Splits [0, size) into pieces of at most kChunkRows and calls run(first, count) for each.
template <typename Run>
void InChunks(size_t size, Run run) {
    for (size_t first = 0; first < size; first += kChunkRows) run(first, std::min(kChunkRows, size - first));
}

void ReadReportRows(soci::session& session, const std::vector<long long>& plan_ids,
                    std::map<int64_t, std::vector<domain::ProgressReport>>& out,
                    std::unordered_map<long long, domain::ProgressReport*>& by_id) {
    std::vector<std::pair<long long, long long>> rows;  // plan id, report id in row order
    long long plan = 0, id = 0, activity = 0, institution = 0;
    Nullable<long long> author;
    std::string claimed, review;
    domain::ProgressReport report;
    soci::statement st(session);
    st.exchange(soci::into(plan));
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
    RunWithIds(session, st, kSelectReportsOfPlans, plan_ids);
    while (st.fetch()) {
        domain::ProgressReport row = report;
        row.id = id;
        row.activity_id = activity;
        row.institution_id = institution;
        row.author_id = author.Get().value_or(0);
        row.claimed = ParseColumn<domain::ClaimedState>(domain::ParseClaimedState, claimed, "claimed state");
        row.review = ParseColumn<domain::ReviewState>(domain::ParseReviewState, review, "review state");
        out[plan].push_back(std::move(row));
        rows.emplace_back(plan, id);
    }
    // Pointers once every row is in: push_back moves a plan's reports while it grows.
    std::map<long long, size_t> next;
    for (const auto& [plan_id, report_id] : rows) by_id[report_id] = &out[plan_id][next[plan_id]++];
}

// The enumerators as stored (domain::Name), parsed once per distinct text
// rather than once per row: the status read is millions of rows.
template <typename Enum>
class EnumColumn {
public:
    using Parse = std::optional<Enum> (*)(std::string_view);
    EnumColumn(Parse parse, const char* column) : parse_(parse), column_(column) {}
    Enum Get(const std::string& text) {
        if (text == last_text_ && last_) return *last_;
        last_ = ParseColumn<Enum>(parse_, text, column_);
        last_text_ = text;
        return *last_;
    }

private:
    Parse parse_;
    const char* column_;
    std::string last_text_;
    std::optional<Enum> last_;
};

void ReadStatusRows(soci::session& session, const std::vector<long long>& plan_ids,
                    std::map<int64_t, std::vector<domain::ProgressReport>>& out) {
    long long plan = 0, id = 0, activity = 0, institution = 0;
    std::string period, claimed, review, submitted_at;
    int revision = 0, version = 0;
    Nullable<int> indicator;
    Nullable<double> value;
    soci::statement st(session);
    st.exchange(soci::into(plan));
    st.exchange(soci::into(id));
    st.exchange(soci::into(activity));
    st.exchange(soci::into(institution));
    st.exchange(soci::into(period));
    st.exchange(soci::into(claimed));
    st.exchange(soci::into(review));
    st.exchange(soci::into(revision));
    st.exchange(soci::into(version));
    st.exchange(soci::into(submitted_at));
    st.exchange(soci::into(indicator.value, indicator.ind));
    st.exchange(soci::into(value.value, value.ind));
    RunWithIds(session, st, kSelectStatusReportsOfPlans, plan_ids);
    EnumColumn<domain::ClaimedState> claimed_column(domain::ParseClaimedState, "claimed state");
    EnumColumn<domain::ReviewState> review_column(domain::ParseReviewState, "review state");
    std::vector<domain::ProgressReport>* reports = nullptr;
    long long reports_of = -1;
    while (st.fetch()) {
        if (plan != reports_of) {
            reports = &out[plan];
            reports_of = plan;
        }
        // Rows of one report are adjacent (ORDER BY r.id), one per value.
        if (reports->empty() || *reports->back().id != id) {
            domain::ProgressReport& report = reports->emplace_back();
            report.id = id;
            report.activity_id = activity;
            report.institution_id = institution;
            report.period = period;
            report.claimed = claimed_column.Get(claimed);
            report.review = review_column.Get(review);
            report.revision = revision;
            report.version = version;
            report.submitted_at = submitted_at;
        }
        if (indicator.Get()) {
            reports->back().values.push_back({.indicator_index = indicator.value, .value = value.Get().value_or(0)});
        }
    }
}

void ReadValuesAndEvidence(soci::session& session, const std::vector<long long>& plan_ids,
                           const std::unordered_map<long long, domain::ProgressReport*>& by_id) {
    {
        long long report_id = 0;
        domain::IndicatorValue value;
        soci::statement st(session);
        st.exchange(soci::into(report_id));
        st.exchange(soci::into(value.indicator_index));
        st.exchange(soci::into(value.value));
        RunWithIds(session, st, kSelectValuesOfPlans, plan_ids);
        while (st.fetch()) by_id.at(report_id)->values.push_back(value);
    }
    long long report_id = 0;
    long long size = 0;
    domain::Evidence evidence;
    soci::statement st(session);
    st.exchange(soci::into(report_id));
    st.exchange(soci::into(evidence.url));
    st.exchange(soci::into(evidence.sha256));
    st.exchange(soci::into(size));
    st.exchange(soci::into(evidence.media_type));
    RunWithIds(session, st, kSelectEvidenceOfPlans, plan_ids);
    while (st.fetch()) {
        evidence.size = size;
        by_id.at(report_id)->evidence.push_back(evidence);
    }
}

// kNotFound for the first activity of reports that is not stored as one.
Status CheckActivities(soci::session& session, const std::vector<long long>& activities) {
    std::set<long long> found;
    InChunks(activities.size(), [&](size_t first, size_t count) {
        std::vector<long long> chunk(activities.begin() + first, activities.begin() + first + count);
        long long id = 0;
        soci::statement st(session);
        st.exchange(soci::into(id));
        RunWithIds(session, st, kSelectActivitiesIn, chunk);
        while (st.fetch()) found.insert(id);
    });
    for (long long activity : activities) {
        if (!found.count(activity)) return NotFound("no activity with id " + std::to_string(activity));
    }
    return Status::Ok();
}

Status ConflictOf(const ReportKey& key) {
    return Conflict("activity " + std::to_string(std::get<0>(key)) + " already has a report of institution " +
                    std::to_string(std::get<1>(key)) + " for " + std::get<2>(key));
}

// kConflict for the first key that repeats within reports, else for the
// smallest one stored already.
Status CheckKeys(soci::session& session, const std::vector<domain::ProgressReport>& reports,
                 const std::vector<long long>& activities) {
    std::set<ReportKey> keys;
    for (const domain::ProgressReport& report : reports) {
        if (!keys.insert(KeyOf(report)).second) return ConflictOf(KeyOf(report));
    }
    std::optional<ReportKey> clash;
    InChunks(activities.size(), [&](size_t first, size_t count) {
        std::vector<long long> chunk(activities.begin() + first, activities.begin() + first + count);
        ReportKey stored;
        soci::statement st(session);
        st.exchange(soci::into(std::get<0>(stored)));
        st.exchange(soci::into(std::get<1>(stored)));
        st.exchange(soci::into(std::get<2>(stored)));
        RunWithIds(session, st, kSelectKeysIn, chunk);
        while (st.fetch()) {
            if (keys.count(stored) && (!clash || stored < *clash)) clash = stored;
        }
    });
    return clash ? ConflictOf(*clash) : Status::Ok();
}

// The columns of one report that are not fields of it as they stand.
struct DerivedColumns {
    long long activity = 0, institution = 0;
    std::string claimed, review, created;
    Nullable<long long> author;
};

// Inserts reports[first, first + count) and stores their new ids into ids.
void InsertReportChunk(soci::session& session, const std::vector<domain::ProgressReport>& reports, size_t first,
                       size_t count, std::vector<int64_t>& ids) {
    std::vector<DerivedColumns> derived(count);  // sized once: SOCI keeps references to its elements
    std::map<ReportKey, size_t> index_of;
    soci::statement st(session);
    long long id = 0;
    ReportKey returned;
    st.exchange(soci::into(id));
    st.exchange(soci::into(std::get<0>(returned)));
    st.exchange(soci::into(std::get<1>(returned)));
    st.exchange(soci::into(std::get<2>(returned)));
    for (size_t i = 0; i < count; ++i) {
        const domain::ProgressReport& report = reports[first + i];
        DerivedColumns& d = derived[i];
        d.activity = report.activity_id;
        d.institution = report.institution_id;
        d.claimed = domain::Name(report.claimed);
        d.review = domain::Name(report.review);
        d.created = report.created_at.empty() ? NowUtc() : report.created_at;
        d.author.Set(report.author_id ? std::optional<long long>(report.author_id) : std::nullopt);
        index_of[KeyOf(report)] = first + i;
        st.exchange(soci::use(d.activity));
        st.exchange(soci::use(d.institution));
        st.exchange(soci::use(report.period));
        st.exchange(soci::use(d.claimed));
        st.exchange(soci::use(report.narrative));
        st.exchange(soci::use(d.review));
        st.exchange(soci::use(report.review_comment));
        st.exchange(soci::use(report.revision));
        st.exchange(soci::use(report.version));
        st.exchange(soci::use(d.author.value, d.author.ind));
        st.exchange(soci::use(d.created));
        st.exchange(soci::use(report.submitted_at));
    }
    PrepareAndRun(st, kInsertReports + Placeholders(session).Rows(count, kReportColumns) + kReturningKeys);
    while (st.fetch()) ids[index_of.at(returned)] = id;
}

// One row of progress_value or progress_evidence, bound by reference.
struct ChildRow {
    long long report_id = 0;
    int index = 0;
    const domain::IndicatorValue* value = nullptr;
    const domain::Evidence* evidence = nullptr;
};

void InsertChildren(soci::session& session, const std::vector<ChildRow>& rows, bool evidence) {
    InChunks(rows.size(), [&](size_t first, size_t count) {
        soci::statement st(session);
        for (size_t i = first; i < first + count; ++i) {
            const ChildRow& row = rows[i];
            st.exchange(soci::use(row.report_id));
            st.exchange(soci::use(row.index));
            if (evidence) {
                st.exchange(soci::use(row.evidence->url));
                st.exchange(soci::use(row.evidence->sha256));
            } else {
                st.exchange(soci::use(row.value->value));
            }
        }
        PrepareAndExecute(st, (evidence ? kInsertEvidence : kInsertValues) + Placeholders(session).Rows(count, evidence ? 4 : 3));
    });
}

}  // namespace

std::map<int64_t, std::vector<domain::ProgressReport>> ReadReportsOfPlans(soci::session& session,
                                                                          const std::vector<int64_t>& plan_ids,
                                                                          ReportFields fields) {
    std::vector<long long> distinct(plan_ids.begin(), plan_ids.end());
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::map<int64_t, std::vector<domain::ProgressReport>> out;
    for (long long id : distinct) out[id];
    InChunks(distinct.size(), [&](size_t first, size_t count) {
        std::vector<long long> chunk(distinct.begin() + first, distinct.begin() + first + count);
        if (fields == ReportFields::kStatus) {
            ReadStatusRows(session, chunk, out);
            return;
        }
        std::unordered_map<long long, domain::ProgressReport*> by_id;
        ReadReportRows(session, chunk, out, by_id);
        if (!by_id.empty()) ReadValuesAndEvidence(session, chunk, by_id);
    });
    return out;
}

StatusOr<std::vector<int64_t>> WriteReports(soci::session& session,
                                            const std::vector<domain::ProgressReport>& reports) {
    std::vector<long long> activities;
    for (const domain::ProgressReport& report : reports) activities.push_back(report.activity_id);
    std::sort(activities.begin(), activities.end());
    activities.erase(std::unique(activities.begin(), activities.end()), activities.end());
    PW_RETURN_IF_ERROR(CheckActivities(session, activities));
    PW_RETURN_IF_ERROR(CheckKeys(session, reports, activities));

    std::vector<int64_t> ids(reports.size(), 0);
    InChunks(reports.size(), [&](size_t first, size_t count) { InsertReportChunk(session, reports, first, count, ids); });
    std::vector<ChildRow> values, evidence;
    for (size_t i = 0; i < reports.size(); ++i) {
        // Every row came back: a missing id would be a database that inserts without returning.
        assert(ids[i] != 0);
        for (const domain::IndicatorValue& value : reports[i].values) {
            values.push_back({.report_id = ids[i], .index = value.indicator_index, .value = &value});
        }
        int position = 0;
        for (const domain::Evidence& e : reports[i].evidence) {
            evidence.push_back({.report_id = ids[i], .index = position++, .evidence = &e});
        }
    }
    InsertChildren(session, values, false);
    InsertChildren(session, evidence, true);
    return ids;
}

}  // namespace planwatch::storage::sql
