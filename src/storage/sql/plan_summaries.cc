#include "storage/sql/plan_summaries.h"

#include <soci/soci.h>

#include "storage/sql/nullable.h"

namespace planwatch::storage::sql {
namespace {

// The columns every query below selects, in the order Fetch binds them. The
// CASTs keep the types the same on both databases (stack.md trap T8).
constexpr char kSummaryColumns[] = R"sql(
    SELECT p.id, p.series_id, p.version,
           CAST(CASE WHEN p.version = (SELECT MAX(q.version) FROM plan AS q WHERE q.series_id = p.series_id)
                     THEN 1 ELSE 0 END AS INTEGER) AS latest,
           p.title, p.period_start, p.period_end,
           CAST((SELECT COUNT(*) FROM node AS n WHERE n.plan_id = p.id AND n.kind = 'activity') AS INTEGER),
           p.source_file, p.source_sha256, p.imported_at, p.published_at, p.published_by
    FROM plan AS p)sql";
constexpr char kWhereLatest[] = R"sql(
    WHERE p.version = (SELECT MAX(q.version) FROM plan AS q WHERE q.series_id = p.series_id)
    ORDER BY p.id)sql";
constexpr char kOrderById[] = " ORDER BY p.id";
constexpr char kWhereId[] = " WHERE p.id = :id";
constexpr char kWhereSha256[] = " WHERE p.source_sha256 = :sha256 ORDER BY p.id DESC LIMIT 1";
constexpr char kWhereLatestNamed[] = R"sql(
    WHERE p.version = (SELECT MAX(q.version) FROM plan AS q WHERE q.series_id = p.series_id)
      AND ((p.source_file = :source_file AND p.source_file <> '') OR (p.title = :title AND p.title <> ''))
    ORDER BY p.id DESC LIMIT 1)sql";

// Binds a statement's output to one PlanSummary and copies it out per row.
struct SummaryRow {
    long long id = 0, series_id = 0;
    int latest = 0;
    Nullable<int> period_start, period_end;
    PlanSummary summary;

    soci::details::prepare_temp_type& Bind(soci::details::prepare_temp_type& prepare) {
        return prepare, soci::into(id), soci::into(series_id), soci::into(summary.version), soci::into(latest),
               soci::into(summary.title), soci::into(period_start.value, period_start.ind),
               soci::into(period_end.value, period_end.ind), soci::into(summary.activities),
               soci::into(summary.source_file), soci::into(summary.sha256), soci::into(summary.imported_at),
               soci::into(summary.published_at), soci::into(summary.published_by);
    }
    PlanSummary Get() const {
        PlanSummary out = summary;
        out.id = id;
        out.series_id = series_id;
        out.latest = latest != 0;
        out.period_start = period_start.Get();
        out.period_end = period_end.Get();
        return out;
    }
};

}  // namespace

std::vector<PlanSummary> ListPlanSummaries(soci::session& session, bool all_versions) {
    std::string query = std::string(kSummaryColumns) + (all_versions ? kOrderById : kWhereLatest);
    SummaryRow row;
    soci::details::prepare_temp_type prepare = session.prepare << query;
    soci::statement st = row.Bind(prepare);
    st.execute();
    std::vector<PlanSummary> plans;
    while (st.fetch()) plans.push_back(row.Get());
    return plans;
}

std::optional<PlanSummary> FindPlanSummary(soci::session& session, int64_t plan_id) {
    std::string query = std::string(kSummaryColumns) + kWhereId;
    SummaryRow row;
    long long id = plan_id;
    soci::details::prepare_temp_type prepare = session.prepare << query;
    soci::statement st = (row.Bind(prepare), soci::use(id));
    st.execute();
    if (!st.fetch()) return std::nullopt;
    return row.Get();
}

// Publishing and unpublishing change only these two columns: the plan's content
// stays exactly as imported.
constexpr char kSetPublication[] = R"sql(
    UPDATE plan SET published_at = :published_at, published_by = :published_by WHERE id = :id)sql";

bool UpdatePlanPublication(soci::session& session, int64_t plan_id, const std::string& published_at,
                           const std::string& published_by) {
    long long id = plan_id;
    soci::statement st =
        (session.prepare << kSetPublication, soci::use(published_at), soci::use(published_by), soci::use(id));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

std::optional<PlanSummary> FindPlanSummaryBySha256(soci::session& session, const std::string& sha256) {
    std::string query = std::string(kSummaryColumns) + kWhereSha256;
    SummaryRow row;
    soci::details::prepare_temp_type prepare = session.prepare << query;
    soci::statement st = (row.Bind(prepare), soci::use(sha256));
    st.execute();
    if (!st.fetch()) return std::nullopt;
    return row.Get();
}

std::optional<PlanSummary> FindLatestPlanSummary(soci::session& session, const std::string& source_file,
                                                 const std::string& title) {
    std::string query = std::string(kSummaryColumns) + kWhereLatestNamed;
    SummaryRow row;
    soci::details::prepare_temp_type prepare = session.prepare << query;
    soci::statement st = (row.Bind(prepare), soci::use(source_file), soci::use(title));
    st.execute();
    if (!st.fetch()) return std::nullopt;
    return row.Get();
}

}  // namespace planwatch::storage::sql
