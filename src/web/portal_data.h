#pragma once
// What the public pages show, read once and kept until the data changes: a
// plan is cached by id (a new import is a new id, but a merge of institutions
// rewrites the references of stored plans), and its status model (statuses,
// counts, institutions, via reports::BuildReportModel) per plan, day and
// language. A change is seen at once wherever it was made: every write
// appends an audit event, and each call compares the newest audit id with the
// one its cache was made at (one read of a primary-key maximum), so a report
// filed or a plan published from the command line shows on the next page. Whether a plan is published does
// change, so every call names its viewer: the list of every version (with
// publication state, cached like the models) is filtered per call by
// services::VisiblePlans, and a plan asked for by id is checked against the
// store each time (services::PlanCatalog::Find, one primary-key read).
// A draft is kNotFound to the public. Any thread may call.
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

    // The newest version of every plan viewer may see.
    StatusOr<std::vector<storage::PlanSummary>> Plans(const services::Actor& viewer);
    // One plan's summary as stored now; kNotFound for an unknown id or a plan viewer may not see.
    StatusOr<storage::PlanSummary> Summary(int64_t plan_id, const services::Actor& viewer);
    // One plan with ids; kNotFound for an unknown id or a plan viewer may not see.
    StatusOr<std::shared_ptr<const domain::Plan>> Plan(int64_t plan_id, const services::Actor& viewer);
    // Statuses as of a day, with labels in language; kNotFound as for Plan.
    StatusOr<std::shared_ptr<const reports::ReportModel>> Model(int64_t plan_id, const domain::CivilDate& as_of,
                                                                const std::string& language,
                                                                const services::Actor& viewer);
    // Models of every newest plan viewer may see (the institution and services pages span plans).
    StatusOr<std::vector<std::shared_ptr<const reports::ReportModel>>> AllModels(const domain::CivilDate& as_of,
                                                                                 const std::string& language,
                                                                                 const services::Actor& viewer);

    // Forget everything derived from changing data (after any write through the web).
    void Invalidate();
    // Forgets everything when the store's newest audit event is not the one the
    // caches were made at; returns that event's id, a stamp for other caches.
    StatusOr<int64_t> Refresh();

private:
    void ForgetLocked();  // REQUIRES(mutex_)
    // Every stored version with its publication state, cached like the models.
    StatusOr<std::vector<storage::PlanSummary>> AllVersions();
    StatusOr<std::shared_ptr<const domain::Plan>> LoadCached(int64_t plan_id);
    // Model without the visibility check, for plans the caller already checked.
    StatusOr<std::shared_ptr<const reports::ReportModel>> UncheckedModel(int64_t plan_id,
                                                                         const domain::CivilDate& as_of,
                                                                         const std::string& language);

    // A backstop for the one change Refresh() can miss: on PostgreSQL a writer
    // that took a lower audit id may commit after a reader saw a higher one.
    static constexpr std::chrono::seconds kMaxAge{10};

    services::Services& services_;
    std::mutex mutex_;
    uint64_t generation_ = 0;  // GUARDED_BY(mutex_)
    int64_t last_change_ = -1;  // GUARDED_BY(mutex_); newest audit id seen, -1 before the first read
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
