#include "web/portal_data.h"

namespace planwatch::web {
namespace {

bool Fresh(std::chrono::steady_clock::time_point made, uint64_t generation, uint64_t current,
           std::chrono::seconds max_age) {
    return generation == current && std::chrono::steady_clock::now() - made < max_age;
}

}  // namespace

StatusOr<std::vector<storage::PlanSummary>> PortalData::AllVersions() {
    {
        std::lock_guard lock(mutex_);
        if (list_.valid && Fresh(list_.made, list_.generation, generation_, kMaxAge)) return list_.plans;
    }
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, services_.catalog().ListAllVersions());
    std::lock_guard lock(mutex_);
    list_ = CachedList{.plans = plans, .generation = generation_, .made = std::chrono::steady_clock::now(), .valid = true};
    return plans;
}

StatusOr<int64_t> PortalData::Refresh() {
    PW_ASSIGN_OR_RETURN(int64_t change, services_.catalog().LastChange());
    std::lock_guard lock(mutex_);
    if (change != last_change_) {
        last_change_ = change;
        ForgetLocked();
    }
    return change;
}

StatusOr<std::vector<storage::PlanSummary>> PortalData::Plans(const services::Actor& viewer) {
    PW_RETURN_IF_ERROR(Refresh().status());
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> all, AllVersions());
    return services::VisiblePlans(all, viewer);
}

StatusOr<storage::PlanSummary> PortalData::Summary(int64_t plan_id, const services::Actor& viewer) {
    return services_.catalog().Find(plan_id, viewer);
}

StatusOr<std::shared_ptr<const domain::Plan>> PortalData::Plan(int64_t plan_id, const services::Actor& viewer) {
    PW_RETURN_IF_ERROR(Summary(plan_id, viewer).status());
    PW_RETURN_IF_ERROR(Refresh().status());
    return LoadCached(plan_id);
}

StatusOr<std::shared_ptr<const domain::Plan>> PortalData::LoadCached(int64_t plan_id) {
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

StatusOr<std::shared_ptr<const reports::ReportModel>> PortalData::Model(int64_t plan_id, const domain::CivilDate& as_of,
                                                                        const std::string& language,
                                                                        const services::Actor& viewer) {
    PW_RETURN_IF_ERROR(Summary(plan_id, viewer).status());
    PW_RETURN_IF_ERROR(Refresh().status());
    return UncheckedModel(plan_id, as_of, language);
}

StatusOr<std::shared_ptr<const reports::ReportModel>> PortalData::UncheckedModel(int64_t plan_id,
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
    PW_ASSIGN_OR_RETURN(std::shared_ptr<const domain::Plan> plan, LoadCached(plan_id));
    // The reports and rounds stored now; Refresh() or Invalidate() forgets them after any write.
    PW_ASSIGN_OR_RETURN(reports::ReportModel model,
                        services_.statuses().Compute(*plan, as_of, {.language = language}));
    auto shared = std::make_shared<const reports::ReportModel>(std::move(model));
    std::lock_guard lock(mutex_);
    models_[key] = CachedModel{.model = shared, .generation = generation_, .made = std::chrono::steady_clock::now()};
    return shared;
}

StatusOr<std::vector<std::shared_ptr<const reports::ReportModel>>> PortalData::AllModels(
    const domain::CivilDate& as_of, const std::string& language, const services::Actor& viewer) {
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, Plans(viewer));
    std::vector<std::shared_ptr<const reports::ReportModel>> models;
    for (const storage::PlanSummary& summary : plans) {
        // Plans(viewer) has already refreshed and left out what viewer may not see.
        PW_ASSIGN_OR_RETURN(std::shared_ptr<const reports::ReportModel> model,
                            UncheckedModel(summary.id, as_of, language));
        models.push_back(std::move(model));
    }
    return models;
}

void PortalData::Invalidate() {
    std::lock_guard lock(mutex_);
    ForgetLocked();
}

void PortalData::ForgetLocked() {
    ++generation_;
    models_.clear();
    plans_.clear();
    list_.valid = false;
}

}  // namespace planwatch::web
