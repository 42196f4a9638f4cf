// The status computation alone, without a database: one plan of the national
// set (bench/scale: 47 activities, 33 monthly reports each, mostly approved, a
// round per year) through services::GroupReports and reports::BuildReportModel,
// as StatusService::ComputeEach does for each plan it reads. Multiplied by the
// 3,200 plans of the national set it is the computing part of "the status of
// every activity" (pw_scale_bench gives the whole, reading included).
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <functional>
#include <map>

#include "domain/plan.h"
#include "reports/report_model.h"
#include "services/status_service.h"
#include "storage/test_plans.h"

namespace planwatch {
namespace {

struct NationalPlan {
    domain::Plan plan;
    std::vector<domain::ProgressReport> reports;
    std::vector<domain::ReportingRound> rounds;
    std::map<int64_t, std::string> names;
};

// Ids as the store would give them; the reports follow pw_scale_bench's pattern.
NationalPlan MakeNationalPlan() {
    NationalPlan out{.plan = storage::testing::MakeRichPlan(47, "status")};
    domain::Plan& plan = out.plan;
    plan.id = 1;
    int64_t next = 1;
    for (domain::Institution& institution : plan.institutions) {
        institution.id = next++;
        out.names[*institution.id] = institution.name;
    }
    std::map<std::string, int64_t> ids;
    for (const domain::Institution& institution : plan.institutions) ids[institution.name] = *institution.id;
    int64_t node_id = 1, report_id = 1;
    int a = 0;
    std::function<void(std::vector<domain::Node>&)> walk = [&](std::vector<domain::Node>& nodes) {
        for (domain::Node& node : nodes) {
            node.id = node_id++;
            if (node.kind == domain::NodeKind::kActivity) {
                const int64_t lead = ids[node.responsible.front().institution];
                for (int m = 0; m < 33; ++m) {
                    const int year = 2021 + m / 12, month = m % 12 + 1;
                    out.reports.push_back(
                        {.id = report_id++, .activity_id = *node.id, .institution_id = lead,
                         .period = fmt::format("{}-{:02d}", year, month),
                         .claimed = m < 6 ? domain::ClaimedState::kNotStarted
                                          : (m > 24 && a % 3 == 0 ? domain::ClaimedState::kCompleted
                                                                  : domain::ClaimedState::kInProgress),
                         .values = {{.indicator_index = 0, .value = double(m + a % 7)}},
                         .review = (a + m) % 10 != 0 ? domain::ReviewState::kApproved
                                                     : domain::ReviewState::kSubmitted,
                         .created_at = fmt::format("{}-{:02d}-05T09:00:00Z", year, month),
                         .submitted_at = fmt::format("{}-{:02d}-06T09:00:00Z", year, month)});
                }
                ++a;
            }
            walk(node.children);
        }
    };
    walk(plan.nodes);
    for (int year = 2021; year <= 2027; ++year) {
        out.rounds.push_back({.id = year, .plan_id = 1, .period = std::to_string(year),
                              .opens_on = fmt::format("{}-01-01", year + 1),
                              .due_on = fmt::format("{}-01-30", year + 1), .grace_days = 10});
    }
    return out;
}

// Argument 1: with report rows (the pages' model); 0: without (counting statuses).
void BM_StatusModelOfANationalPlan(benchmark::State& state) {
    const NationalPlan input = MakeNationalPlan();
    const domain::CivilDate as_of = *domain::ParseCivilDate("2024-06-30");
    const reports::ModelOptions options{.report_rows = state.range(0) == 1};
    for (auto _ : state) {
        // The copy stands for the reports read from the store, which GroupReports takes.
        std::vector<domain::ProgressReport> read = input.reports;
        StatusOr<reports::ReportModel> model = reports::BuildReportModel(
            input.plan, services::GroupReports(input.plan, std::move(read), input.names), input.rounds, as_of,
            options);
        if (!model.ok() || model->totals.total != 47) state.SkipWithError("the model did not build");
        benchmark::DoNotOptimize(model);
    }
    state.counters["reports"] = double(input.reports.size());
}
BENCHMARK(BM_StatusModelOfANationalPlan)->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace planwatch
