#include "services/plan_catalog.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace planwatch::services {

StatusOr<std::vector<storage::PlanSummary>> PlanCatalog::List(bool all_versions) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    return tx->ListPlans(all_versions);
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
        });
    }
    return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

StatusOr<int64_t> ParsePlanId(const std::string& text) {
    auto malformed = [&] {
        return Status(StatusCode::kMalformed, fmt::format("plan id \"{}\": expected a positive whole number", text));
    };
    if (text.empty() || text.size() > 18) return malformed();
    int64_t id = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return malformed();
        id = id * 10 + (c - '0');
    }
    if (id == 0) return malformed();
    return id;
}

}  // namespace planwatch::services
