#include "web/portal_data.h"

namespace planwatch::web {
namespace {

bool Fresh(std::chrono::steady_clock::time_point made, uint64_t generation, uint64_t current,
           std::chrono::seconds max_age) {
    return generation == current && std::chrono::steady_clock::now() - made < max_age;
}

}  // namespace

StatusOr<std::vector<storage::PlanSummary>> PortalData::Plans() {
    {
        std::lock_guard lock(mutex_);
        if (list_.valid && Fresh(list_.made, list_.generation, generation_, kMaxAge)) return list_.plans;
    }
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, services_.catalog().List());
    std::lock_guard lock(mutex_);
    list_ = CachedList{.plans = plans, .generation = generation_, .made = std::chrono::steady_clock::now(), .valid = true};
    return plans;
}

StatusOr<std::shared_ptr<const domain::Plan>> PortalData::Plan(int64_t plan_id) {
    {
        std::lock_guard lock(mutex_);
        auto it = plans_.find(plan_id);
        if (it != plans_.end()) return it->second;
    }
    PW_ASSIGN_OR_RETURN(domain::Plan plan, services_.catalog().Load(plan_id));
    auto shared = std::make_shared<const domain::Plan>(std::move(plan));
    std::lock_guard lock(mutex_);
    plans_.emplace(plan_id, shared);
    return shared;
}

StatusOr<std::shared_ptr<const reports::ReportModel>> PortalData::Model(int64_t plan_id,
                                                                        const domain::CivilDate& as_of,
                                                                        const std::string& language) {
    auto key = std::make_tuple(plan_id, domain::ToString(as_of), language);
    {
        std::lock_guard lock(mutex_);
        auto it = models_.find(key);
        if (it != models_.end() && Fresh(it->second.made, it->second.generation, generation_, kMaxAge)) {
            return it->second.model;
        }
    }
    PW_ASSIGN_OR_RETURN(std::shared_ptr<const domain::Plan> plan, Plan(plan_id));
    // The reports and rounds stored now; Invalidate() after a web write, kMaxAge for the CLI's.
    PW_ASSIGN_OR_RETURN(reports::ReportModel model,
                        services_.statuses().Compute(*plan, as_of, {.language = language}));
    auto shared = std::make_shared<const reports::ReportModel>(std::move(model));
    std::lock_guard lock(mutex_);
    models_[key] = CachedModel{.model = shared, .generation = generation_, .made = std::chrono::steady_clock::now()};
    return shared;
}

StatusOr<std::vector<std::shared_ptr<const reports::ReportModel>>> PortalData::AllModels(
    const domain::CivilDate& as_of, const std::string& language) {
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, Plans());
    std::vector<std::shared_ptr<const reports::ReportModel>> models;
    for (const storage::PlanSummary& summary : plans) {
        PW_ASSIGN_OR_RETURN(std::shared_ptr<const reports::ReportModel> model, Model(summary.id, as_of, language));
        models.push_back(std::move(model));
    }
    return models;
}

void PortalData::Invalidate() {
    std::lock_guard lock(mutex_);
    ++generation_;
    models_.clear();
    list_.valid = false;
}

}  // namespace planwatch::web
