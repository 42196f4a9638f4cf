#include "services/plan_catalog.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "common/text.h"

namespace planwatch::services {

bool SeesDrafts(const Actor& viewer) { return viewer.Coordinates(); }

bool MaySee(const storage::PlanSummary& plan, const Actor& viewer) { return plan.published() || SeesDrafts(viewer); }

std::vector<storage::PlanSummary> VisiblePlans(const std::vector<storage::PlanSummary>& all_versions,
                                               const Actor& viewer) {
    std::map<int64_t, const storage::PlanSummary*> newest;  // by series
    for (const storage::PlanSummary& plan : all_versions) {
        if (!MaySee(plan, viewer)) continue;
        const storage::PlanSummary*& kept = newest[plan.series_id];
        if (!kept || plan.version > kept->version) kept = &plan;
    }
    std::vector<storage::PlanSummary> visible;
    visible.reserve(newest.size());
    for (const auto& [series, plan] : newest) visible.push_back(*plan);
    std::sort(visible.begin(), visible.end(),
              [](const storage::PlanSummary& a, const storage::PlanSummary& b) { return a.id < b.id; });
    return visible;
}

Status CheckVisible(const std::optional<storage::PlanSummary>& plan, int64_t plan_id, const Actor& viewer) {
    if (!plan || !MaySee(*plan, viewer)) return NotFound(fmt::format("no plan with id {}", plan_id));
    return Status::Ok();
}

Status CheckVisible(storage::Transaction& tx, int64_t plan_id, const Actor& viewer) {
    PW_ASSIGN_OR_RETURN(std::optional<storage::PlanSummary> plan, tx.FindPlan(plan_id));
    return CheckVisible(plan, plan_id, viewer);
}

StatusOr<std::vector<storage::PlanSummary>> PlanCatalog::List(const Actor& viewer) {
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> all, List(/*all_versions=*/true));
    return VisiblePlans(all, viewer);
}

StatusOr<storage::PlanSummary> PlanCatalog::Find(int64_t plan_id, const Actor& viewer) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<storage::PlanSummary> plan, tx->FindPlan(plan_id));
    PW_RETURN_IF_ERROR(CheckVisible(plan, plan_id, viewer));
    return *plan;
}

StatusOr<domain::Plan> PlanCatalog::Load(int64_t plan_id, const Actor& viewer) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_RETURN_IF_ERROR(CheckVisible(*tx, plan_id, viewer));
    return tx->LoadPlan(plan_id);
}

StatusOr<std::vector<storage::PlanSummary>> PlanCatalog::List(bool all_versions) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    return tx->ListPlans(all_versions);
}

StatusOr<int64_t> PlanCatalog::LastChange() {
    return store_.LastAuditId();
}

StatusOr<domain::Plan> PlanCatalog::Load(int64_t plan_id) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    StatusOr<domain::Plan> plan = tx->LoadPlan(plan_id);
    if (!plan.ok() && plan.status().code() == StatusCode::kNotFound) {
        return Status(StatusCode::kNotFound, fmt::format("no plan with id {}", plan_id));
    }
    return plan;
}

std::string PlanSummariesToJson(const std::vector<storage::PlanSummary>& plans) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const storage::PlanSummary& plan : plans) {
        nlohmann::ordered_json period = nlohmann::ordered_json::object();
        period["start"] = plan.period_start ? nlohmann::ordered_json(*plan.period_start) : nullptr;
        period["end"] = plan.period_end ? nlohmann::ordered_json(*plan.period_end) : nullptr;
        list.push_back({
            {"id", std::to_string(plan.id)},
            {"series_id", std::to_string(plan.series_id)},
            {"version", plan.version},
            {"latest", plan.latest},
            {"title", plan.title},
            {"period", period},
            {"activities", plan.activities},
            {"source", {{"file", plan.source_file}, {"sha256", plan.sha256}}},
            {"imported_at", plan.imported_at},
            {"published", plan.published()},
            {"published_at", plan.published() ? nlohmann::ordered_json(plan.published_at) : nullptr},
        });
    }
    return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

StatusOr<int64_t> ParsePlanId(const std::string& text) {
    if (std::optional<int64_t> id = text::ParseId(text)) return *id;
    return Status(StatusCode::kMalformed, fmt::format("plan id \"{}\": expected a positive whole number", text));
}

}  // namespace planwatch::services
