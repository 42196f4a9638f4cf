#pragma once
// What the public pages show, read once and kept: stored plans never change
// (a new import is a new plan id), so a plan is cached by id; its status model
// (statuses, counts, institutions, via reports::BuildReportModel) is cached per
// plan, day and language until the data changes. Any thread may call.
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "common/status.h"
#include "domain/civil_date.h"
#include "domain/plan.h"
#include "reports/report_model.h"
#include "services/services.h"

namespace planwatch::web {

class PortalData {
public:
    // Borrows services, which must outlive this.
    explicit PortalData(services::Services& services) : services_(services) {}

    // The newest version of every plan.
    StatusOr<std::vector<storage::PlanSummary>> Plans();
    // One plan with ids; kNotFound for an unknown id.
    StatusOr<std::shared_ptr<const domain::Plan>> Plan(int64_t plan_id);
    // Statuses as of a day, with labels in language.
    StatusOr<std::shared_ptr<const reports::ReportModel>> Model(int64_t plan_id, const domain::CivilDate& as_of,
                                                                const std::string& language);
    // Models of every newest plan (the institution and services pages span plans).
    StatusOr<std::vector<std::shared_ptr<const reports::ReportModel>>> AllModels(const domain::CivilDate& as_of,
                                                                                  const std::string& language);

    // Forget everything derived from changing data (after any write through the web).
    void Invalidate();

private:
    // How long derived data may be served when the change came from elsewhere (the CLI).
    static constexpr std::chrono::seconds kMaxAge{10};

    services::Services& services_;
    std::mutex mutex_;
    uint64_t generation_ = 0;  // GUARDED_BY(mutex_)
    std::map<int64_t, std::shared_ptr<const domain::Plan>> plans_;  // GUARDED_BY(mutex_)
    struct CachedModel {
        std::shared_ptr<const reports::ReportModel> model;
        uint64_t generation = 0;
        std::chrono::steady_clock::time_point made;
    };
    std::map<std::tuple<int64_t, std::string, std::string>, CachedModel> models_;  // GUARDED_BY(mutex_)
    struct CachedList {
        std::vector<storage::PlanSummary> plans;
        uint64_t generation = 0;
        std::chrono::steady_clock::time_point made;
        bool valid = false;
    } list_;  // GUARDED_BY(mutex_)
};

}  // namespace planwatch::web
