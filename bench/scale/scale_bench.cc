// National scale: a deterministic data set of 3,200 plans (one county in 42 owns
// each), 47 activities per plan (150,400 in all) and about 1,560 progress reports
// per plan (5,000,000 in all), loaded into SQLite and into a private PostgreSQL
// (tests/harness), then timed:
//   - the status of every activity of every plan as of a date (StatusService,
//     the function the pages, the API and the reports call);
//   - a county's dashboard: the status counts of its plans (p50, p95);
//   - a round's completeness (RoundService::Get: expected reporters, received,
//     on time; p50, p95).
// PW_SCALE (default 0.05) multiplies the number of plans; PW_SCALE=1 is the
// national set. Run: make bench, or build/bench/pw_scale_bench [sqlite|postgresql].
// PW_SCALE_DB=FILE keeps the SQLite set in FILE and, when FILE exists, times it
// again without loading (PW_SCALE is then ignored).
#include <fmt/format.h>
#include <stdlib.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "harness/pg_harness.h"
#include "services/services.h"
#include "storage/store.h"
#include "storage/test_plans.h"

namespace planwatch {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kCounties = 42;
constexpr int kNationalPlans = 3200;
constexpr int kActivitiesPerPlan = 47;
constexpr int kMonthsReported = 33;  // 47 x 33 = 1,551 reports per plan: 4.96 M for 3,200 plans

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// This thread's CPU time in ms: on a shared machine it moves less than the wall time.
double ThreadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return 1e3 * double(t.tv_sec) + 1e-6 * double(t.tv_nsec);
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

void Rename(std::vector<domain::Node>& nodes, const std::string& county) {
    for (domain::Node& node : nodes) {
        for (domain::Responsibility& r : node.responsible) r.institution = Replace(r.institution, "Cluj", county);
        Rename(node.children, county);
    }
}

// Plan number n, owned by county n % 42; its institutions carry the county's name.
domain::Plan MakePlan(int n) {
    const std::string county = fmt::format("Județ{:02d}", n % kCounties);
    domain::Plan plan = storage::testing::MakeRichPlan(kActivitiesPerPlan, fmt::format("n{:05d}", n));
    plan.jurisdiction = "Județul " + county;
    for (domain::Institution& institution : plan.institutions) {
        institution.name = Replace(institution.name, "Cluj", county);
        institution.acronym = Replace(institution.acronym, "Cluj", county);
        for (std::string& alias : institution.aliases) alias = Replace(alias, "Cluj", county);
        institution.parent = Replace(institution.parent, "Cluj", county);
    }
    Rename(plan.nodes, county);
    return plan;
}

void CollectActivities(const std::vector<domain::Node>& nodes, std::vector<const domain::Node*>& out) {
    for (const domain::Node& node : nodes) {
        if (node.kind == domain::NodeKind::kActivity) out.push_back(&node);
        CollectActivities(node.children, out);
    }
}

struct Loaded {
    std::vector<int64_t> plans;
    std::map<int, std::vector<int64_t>> plans_of_county;
    std::vector<int64_t> rounds;
    long long reports = 0;
    long long activities = 0;
    double load_seconds = 0;
    double plan_seconds = 0;    // of which storing and loading the plans and their rounds
    double report_seconds = 0;  // and storing the reports
};

// One transaction per plan: the plan, a round per year, its reports, one audit event.
StatusOr<Loaded> Load(storage::Store& store, int plans) {
    Loaded loaded;
    const Clock::time_point start = Clock::now();
    for (int n = 0; n < plans; ++n) {
        PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store.Begin());
        const Clock::time_point plan_start = Clock::now();
        PW_ASSIGN_OR_RETURN(int64_t plan_id, tx->InsertPlan(MakePlan(n)));
        PW_ASSIGN_OR_RETURN(domain::Plan plan, tx->LoadPlan(plan_id));
        for (int year = 2021; year <= 2027; ++year) {
            PW_ASSIGN_OR_RETURN(int64_t round_id,
                                tx->InsertRound({.plan_id = plan_id, .period = std::to_string(year),
                                                 .opens_on = fmt::format("{}-01-01", year + 1),
                                                 .due_on = fmt::format("{}-01-30", year + 1), .grace_days = 10}));
            loaded.rounds.push_back(round_id);
        }
        std::map<std::string, int64_t> ids;
        for (const domain::Institution& institution : plan.institutions) ids[institution.name] = *institution.id;
        std::vector<const domain::Node*> activities;
        CollectActivities(plan.nodes, activities);
        loaded.activities += static_cast<long long>(activities.size());
        std::vector<domain::ProgressReport> reports;
        reports.reserve(activities.size() * kMonthsReported);
        for (size_t a = 0; a < activities.size(); ++a) {
            const domain::Node& activity = *activities[a];
            const int64_t lead = ids[activity.responsible.front().institution];
            for (int m = 0; m < kMonthsReported; ++m) {
                const int year = 2021 + m / 12, month = m % 12 + 1;
                // Mostly approved; one in ten still under review; states move forward over time.
                const bool approved = (a + m) % 10 != 0;
                domain::ProgressReport report{
                    .activity_id = *activity.id,
                    .institution_id = lead,
                    .period = fmt::format("{}-{:02d}", year, month),
                    .claimed = m < 6 ? domain::ClaimedState::kNotStarted
                                     : (m > 24 && a % 3 == 0 ? domain::ClaimedState::kCompleted
                                                             : domain::ClaimedState::kInProgress),
                    .values = {{.indicator_index = 0, .value = double(m + a % 7)}},
                    .narrative = "Activitate desfășurată conform planului",
                    .review = approved ? domain::ReviewState::kApproved : domain::ReviewState::kSubmitted,
                    .created_at = fmt::format("{}-{:02d}-05T09:00:00Z", year, month),
                    .submitted_at = fmt::format("{}-{:02d}-06T09:00:00Z", year, month)};
                reports.push_back(std::move(report));
            }
        }
        // One call per plan: a few multi-row INSERTs instead of four statements per report.
        const Clock::time_point reports_start = Clock::now();
        loaded.plan_seconds += std::chrono::duration<double>(reports_start - plan_start).count();
        PW_RETURN_IF_ERROR(tx->InsertReports(reports).status());
        loaded.report_seconds += std::chrono::duration<double>(Clock::now() - reports_start).count();
        loaded.reports += static_cast<long long>(reports.size());
        PW_RETURN_IF_ERROR(tx->Append({.actor = "bench", .action = "bench.load", .entity = "plan",
                                       .entity_id = std::to_string(plan_id)}));
        PW_RETURN_IF_ERROR(tx->Commit());
        loaded.plans.push_back(plan_id);
        loaded.plans_of_county[n % kCounties].push_back(plan_id);
    }
    loaded.load_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return loaded;
}

// A data set Load wrote before (PW_SCALE_DB): plans in id order are plans 0, 1, …
StatusOr<Loaded> Reopen(storage::Store& store) {
    Loaded loaded;
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store.Begin());
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, tx->ListPlans(/*all_versions=*/true));
    std::sort(plans.begin(), plans.end(),
              [](const storage::PlanSummary& a, const storage::PlanSummary& b) { return a.id < b.id; });
    for (size_t n = 0; n < plans.size(); ++n) {
        loaded.plans.push_back(plans[n].id);
        loaded.plans_of_county[int(n % kCounties)].push_back(plans[n].id);
        loaded.activities += plans[n].activities;
    }
    PW_ASSIGN_OR_RETURN(auto rounds_of, tx->ListRoundsOfPlans(loaded.plans));
    for (int64_t plan_id : loaded.plans) {
        for (const domain::ReportingRound& round : rounds_of.at(plan_id)) loaded.rounds.push_back(*round.id);
    }
    return loaded;
}

struct Percentiles {
    double p50 = 0, p95 = 0;
};

Percentiles Summarise(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    auto at = [&](double q) { return samples[std::min(samples.size() - 1, size_t(q * samples.size()))]; };
    return {at(0.50), at(0.95)};
}

// "measured (aim < A, ratio R)": R below 1 meets the aim.
std::string AgainstAim(double measured_ms, double aim_ms) {
    return fmt::format("aim < {:.0f} ms, {:.2f} of it{}", aim_ms, measured_ms / aim_ms,
                       measured_ms < aim_ms ? "" : " — MISSED");
}

int Run(const std::string& backend, const std::string& url, int plans, bool reopen = false) {
    StatusOr<std::unique_ptr<storage::Store>> store = storage::OpenStore(url);
    if (!store.ok()) {
        fmt::print(stderr, "{}: {}\n", backend, store.status().ToString());
        return 1;
    }
    StatusOr<Loaded> loaded = reopen ? Reopen(**store) : Load(**store, plans);
    if (!loaded.ok()) {
        fmt::print(stderr, "{}: load: {}\n", backend, loaded.status().ToString());
        return 1;
    }
    if (reopen) {
        fmt::print("{:<10} reopened {} plans, {} activities, {} rounds\n", backend, loaded->plans.size(),
                   loaded->activities, loaded->rounds.size());
    } else {
        fmt::print("{:<10} loaded {} plans, {} activities, {} reports, {} rounds in {:.1f} s ({:.0f} reports/s)\n",
               backend, loaded->plans.size(), loaded->activities, loaded->reports, loaded->rounds.size(),
               loaded->load_seconds, loaded->reports / loaded->load_seconds);
        fmt::print("{:<10}   of which plans and rounds {:.1f} s, reports {:.1f} s ({:.0f} reports/s)\n", backend,
                   loaded->plan_seconds, loaded->report_seconds, loaded->reports / loaded->report_seconds);
    }

    services::Services services(**store);
    const domain::CivilDate as_of = *domain::ParseCivilDate("2024-06-30");

    // Every activity's status as of a date: StatusService::ComputeEach over
    // every plan, the same models Compute gives one plan at a time.
    for (int repeat = 0; repeat < 3; ++repeat) {
        long long counted = 0;
        reports::StatusCounts totals;
        const Clock::time_point start = Clock::now();
        Status computed = services.statuses().ComputeEach(loaded->plans, as_of, [&](reports::ReportModel&& model) {
            counted += model.totals.total;
            for (domain::ActivityStatus s : reports::StatusOrder()) {
                totals.by_status[static_cast<int>(s)] += model.totals.Of(s);
            }
            return Status::Ok();
        }, storage::ReportFields::kStatus);
        if (!computed.ok()) {
            fmt::print(stderr, "{}: status: {}\n", backend, computed.ToString());
            return 1;
        }
        const double all_ms = Ms(Clock::now() - start);
        // The aim is for the national 150,400 activities; smaller sets are projected linearly.
        const double national_ms = all_ms * double(kNationalPlans * kActivitiesPerPlan) / double(counted);
        fmt::print("{:<10} status of all {} activities as of {}: {:.0f} ms ({:.1f} µs per activity; "
                   "national {:.0f} ms{}: {})\n",
                   backend, counted, domain::ToString(as_of), all_ms, 1000.0 * all_ms / double(counted), national_ms,
                   counted == kNationalPlans * kActivitiesPerPlan ? "" : " projected",
                   AgainstAim(national_ms, 2000));
        if (repeat == 0) {
            std::string line;
            for (domain::ActivityStatus s : reports::StatusOrder()) {
                line += fmt::format(" {} {}", domain::Name(s), totals.Of(s));
            }
            fmt::print("{:<10}   counts:{}\n", backend, line);
        }
    }

    // How much of that is reading: the bulk reads alone, batch by batch as ComputeEach reads.
    long long read_reports = 0;
    double plans_ms = 0, reports_ms = 0, reports_cpu_ms = 0, rounds_ms = 0;
    for (size_t first = 0; first < loaded->plans.size(); first += services::StatusService::kPlansPerBatch) {
        const std::vector<int64_t> batch(
            loaded->plans.begin() + first,
            loaded->plans.begin() + std::min(loaded->plans.size(), first + services::StatusService::kPlansPerBatch));
        StatusOr<std::unique_ptr<storage::Transaction>> tx = (*store)->Begin();
        if (!tx.ok()) return 1;
        Clock::time_point t = Clock::now();
        auto plans_read = (*tx)->LoadPlans(batch);
        plans_ms += Ms(Clock::now() - t);
        t = Clock::now();
        const double cpu = ThreadCpuMs();
        auto reports_read = (*tx)->ListReportsOfPlans(batch, storage::ReportFields::kStatus);
        reports_ms += Ms(Clock::now() - t);
        reports_cpu_ms += ThreadCpuMs() - cpu;
        t = Clock::now();
        auto rounds_read = (*tx)->ListRoundsOfPlans(batch);
        rounds_ms += Ms(Clock::now() - t);
        if (!plans_read.ok() || !reports_read.ok() || !rounds_read.ok()) return 1;
        for (const auto& [plan_id, list] : *reports_read) read_reports += static_cast<long long>(list.size());
    }
    fmt::print("{:<10}   of which reading: {} plans {:.0f} ms, {} reports {:.0f} ms ({:.0f} ns per report; "
               "{:.0f} ms of CPU), rounds {:.0f} ms\n",
               backend, loaded->plans.size(), plans_ms, read_reports, reports_ms,
               1e6 * reports_ms / double(read_reports), reports_cpu_ms, rounds_ms);

    // A county's dashboard: the status counts of its plans, computed afresh.
    std::vector<double> dashboard;
    for (int repeat = 0; repeat < 42; ++repeat) {
        const std::vector<int64_t>& county = loaded->plans_of_county[repeat % kCounties];
        const Clock::time_point t = Clock::now();
        StatusOr<reports::StatusCounts> counts = services.statuses().CountStatuses(county, as_of);
        if (!counts.ok()) return 1;
        dashboard.push_back(Ms(Clock::now() - t));
    }
    Percentiles d = Summarise(dashboard);
    fmt::print("{:<10} county dashboard ({} plans, {} activities): p50 {:.1f} ms, p95 {:.1f} ms ({})\n", backend,
               loaded->plans_of_county[0].size(), loaded->plans_of_county[0].size() * kActivitiesPerPlan, d.p50,
               d.p95, AgainstAim(d.p95, backend == "sqlite" ? 50 : 100));

    // Round completeness.
    std::vector<double> rounds;
    for (size_t i = 0; i < std::min<size_t>(200, loaded->rounds.size()); ++i) {
        const int64_t round_id = loaded->rounds[(i * 7919) % loaded->rounds.size()];
        const Clock::time_point t = Clock::now();
        StatusOr<services::RoundView> view =
            services.rounds().Get(round_id, as_of, services::Actor::CommandLine("bench"));
        if (!view.ok()) return 1;
        rounds.push_back(Ms(Clock::now() - t));
    }
    Percentiles r = Summarise(rounds);
    fmt::print("{:<10} round completeness: p50 {:.2f} ms, p95 {:.2f} ms (the issue sets no aim)\n", backend, r.p50,
               r.p95);
    return 0;
}

}  // namespace
}  // namespace planwatch

int main(int argc, char** argv) {
    using namespace planwatch;
    const char* scale_text = std::getenv("PW_SCALE");
    const double scale = scale_text ? std::atof(scale_text) : 0.05;
    const int plans = std::max(kCounties, int(kNationalPlans * scale + 0.5));
    std::vector<std::string> backends;
    for (int i = 1; i < argc; ++i) backends.push_back(argv[i]);
    if (backends.empty()) backends = {"sqlite", "postgresql"};
    fmt::print("scale {} of the national set: {} plans x {} activities x {} monthly reports\n", scale, plans,
               kActivitiesPerPlan, kMonthsReported);

    int failures = 0;
    char pattern[] = "/tmp/pw_scale_XXXXXX";
    const std::string dir = mkdtemp(pattern);
    for (const std::string& backend : backends) {
        if (backend == "sqlite") {
            // PW_SCALE_DB=FILE keeps the SQLite data set there and reuses it when it exists.
            const char* kept = std::getenv("PW_SCALE_DB");
            if (kept && *kept) {
                failures += Run(backend, std::string("sqlite:") + kept, plans, std::filesystem::exists(kept));
            } else {
                failures += Run(backend, "sqlite:" + dir + "/national.db", plans);
            }
        } else if (backend == "postgresql") {
            std::string error;
            std::unique_ptr<planwatch::testing::PgServer> server = planwatch::testing::PgServer::Start(&error);
            if (!server) {
                fmt::print(stderr, "postgresql: {}\n", error);
                ++failures;
                continue;
            }
            std::string url = server->CreateDatabase("national", &error);
            if (url.empty()) {
                fmt::print(stderr, "postgresql: {}\n", error);
                ++failures;
                continue;
            }
            failures += Run(backend, url, plans);
        } else {
            fmt::print(stderr, "unknown back end {} (sqlite or postgresql)\n", backend);
            ++failures;
        }
    }
    // PW_SCALE_KEEP=1 keeps the SQLite file, e.g. for EXPLAIN QUERY PLAN in sqlite3.
    if (const char* keep = std::getenv("PW_SCALE_KEEP"); keep && std::string(keep) == "1") {
        fmt::print("kept {}/national.db\n", dir);
    } else {
        std::filesystem::remove_all(dir);
    }
    return failures == 0 ? 0 : 1;
}
