#pragma once
// Publishing: a plan is stored as a draft and reaches the public only once a
// coordinator publishes it (plan_catalog.h has the rule of who sees what).
// Publishing and unpublishing are writes: one transaction each with one audit
// event (plan.publish / plan.unpublish), before and after the publication state.
#include <cstdint>

#include "common/status.h"
#include "services/actor.h"
#include "storage/store.h"

namespace planwatch::services {

struct PublishOutcome {
    storage::PlanSummary plan;  // as stored after the call
    bool changed = false;       // false: it was already in that state, nothing was written
};

class PublishService {
public:
    // Borrows store, which must outlive the service. Any thread may call.
    explicit PublishService(storage::Store& store) : store_(store) {}

    // kPermissionDenied unless the actor coordinates (coordinator, admin, the
    // command line); kNotFound for an unknown plan id. Publishing a plan that is
    // already published (or unpublishing a draft) writes nothing and succeeds,
    // so a repeated click or script run is harmless.
    StatusOr<PublishOutcome> Publish(int64_t plan_id, const Actor& actor);
    StatusOr<PublishOutcome> Unpublish(int64_t plan_id, const Actor& actor);

private:
    StatusOr<PublishOutcome> Set(int64_t plan_id, bool publish, const Actor& actor);

    storage::Store& store_;
};

}  // namespace planwatch::services
