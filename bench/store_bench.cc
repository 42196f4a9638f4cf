// The Store on SQLite (a file in a temp folder, WAL, as planwatch runs it):
// storing a 47-activity plan (InsertPlan + audit + Commit), loading it back,
// and listing plans. Run: build/bench/pw_bench --benchmark_filter=Store
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "storage/store.h"
#include "storage/test_plans.h"

namespace planwatch::storage {
namespace {

constexpr int kActivities = 47;

// A fresh database per benchmark, removed afterwards.
class TempStore {
public:
    TempStore() {
        char pattern[] = "/tmp/pw_bench_XXXXXX";
        dir_ = mkdtemp(pattern);
        StatusOr<std::unique_ptr<Store>> store = OpenStore("sqlite:" + dir_ + "/bench.db");
        if (store.ok()) store_ = std::move(*store);
    }
    ~TempStore() {
        store_.reset();
        std::filesystem::remove_all(dir_);
    }
    Store* get() { return store_.get(); }

private:
    std::string dir_;
    std::unique_ptr<Store> store_;
};

bool Insert(Store& store, const domain::Plan& plan, int64_t* id) {
    StatusOr<std::unique_ptr<Transaction>> tx = store.Begin();
    if (!tx.ok()) return false;
    StatusOr<int64_t> inserted = (*tx)->InsertPlan(plan);
    if (!inserted.ok()) return false;
    domain::AuditEvent event{
        .actor = "bench", .action = "plan.import", .entity = "plan", .entity_id = std::to_string(*inserted)};
    if (!(*tx)->Append(event).ok() || !(*tx)->Commit().ok()) return false;
    *id = *inserted;
    return true;
}

void BM_StoreInsertPlan(benchmark::State& state) {
    TempStore store;
    if (store.get() == nullptr) return state.SkipWithError("cannot open the store");
    domain::Plan plan = testing::MakeRichPlan(kActivities);
    for (auto _ : state) {
        int64_t id = 0;
        if (!Insert(*store.get(), plan, &id)) return state.SkipWithError("insert failed");
        benchmark::DoNotOptimize(id);
    }
    state.counters["activities"] = kActivities;
}
BENCHMARK(BM_StoreInsertPlan)->Unit(benchmark::kMillisecond);

void BM_StoreLoadPlan(benchmark::State& state) {
    TempStore store;
    int64_t id = 0;
    if (store.get() == nullptr || !Insert(*store.get(), testing::MakeRichPlan(kActivities), &id)) {
        return state.SkipWithError("setup failed");
    }
    for (auto _ : state) {
        StatusOr<std::unique_ptr<Transaction>> tx = store.get()->Begin();
        if (!tx.ok()) return state.SkipWithError("begin failed");
        StatusOr<domain::Plan> plan = (*tx)->LoadPlan(id);
        if (!plan.ok()) return state.SkipWithError("load failed");
        benchmark::DoNotOptimize(plan->nodes.size());
    }
}
BENCHMARK(BM_StoreLoadPlan)->Unit(benchmark::kMillisecond);

// Listing with range(0) plans stored (every one a 47-activity plan).
void BM_StoreListPlans(benchmark::State& state) {
    TempStore store;
    if (store.get() == nullptr) return state.SkipWithError("cannot open the store");
    domain::Plan plan = testing::MakeRichPlan(kActivities);
    for (int64_t i = 0, id = 0; i < state.range(0); ++i) {
        if (!Insert(*store.get(), plan, &id)) return state.SkipWithError("setup failed");
    }
    for (auto _ : state) {
        StatusOr<std::unique_ptr<Transaction>> tx = store.get()->Begin();
        if (!tx.ok()) return state.SkipWithError("begin failed");
        StatusOr<std::vector<PlanSummary>> plans = (*tx)->ListPlans();
        if (!plans.ok()) return state.SkipWithError("list failed");
        benchmark::DoNotOptimize(plans->size());
    }
}
BENCHMARK(BM_StoreListPlans)->Arg(5)->Arg(50)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace planwatch::storage
