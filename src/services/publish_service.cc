#include "services/publish_service.h"

#include <fmt/format.h>

#include <cassert>
#include <nlohmann/json.hpp>

namespace planwatch::services {
namespace {

std::string PublicationJson(const storage::PlanSummary& plan) {
    nlohmann::ordered_json json = {
        {"published", plan.published()},
        {"published_at", plan.published() ? nlohmann::ordered_json(plan.published_at) : nullptr},
        {"published_by", plan.published() ? nlohmann::ordered_json(plan.published_by) : nullptr},
    };
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

StatusOr<PublishOutcome> PublishService::Publish(int64_t plan_id, const Actor& actor) {
    return Set(plan_id, true, actor);
}

StatusOr<PublishOutcome> PublishService::Unpublish(int64_t plan_id, const Actor& actor) {
    return Set(plan_id, false, actor);
}

StatusOr<PublishOutcome> PublishService::Set(int64_t plan_id, bool publish, const Actor& actor) {
    if (!actor.Coordinates()) {
        return Status(StatusCode::kPermissionDenied,
                      fmt::format("only a coordinator may {} a plan", publish ? "publish" : "unpublish"));
    }
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<storage::PlanSummary> before, tx->FindPlan(plan_id));
    if (!before) return NotFound(fmt::format("no plan with id {}", plan_id));
    if (before->published() == publish) return PublishOutcome{.plan = *before, .changed = false};

    PW_RETURN_IF_ERROR(tx->SetPlanPublication(plan_id, publish ? std::optional(actor.name) : std::nullopt));
    PW_ASSIGN_OR_RETURN(std::optional<storage::PlanSummary> after, tx->FindPlan(plan_id));
    // The row was found and updated inside this transaction, so it is still there.
    assert(after.has_value());
    domain::AuditEvent event;
    event.actor = actor.name;
    event.action = publish ? "plan.publish" : "plan.unpublish";
    event.entity = "plan";
    event.entity_id = std::to_string(plan_id);
    event.before_json = PublicationJson(*before);
    event.after_json = PublicationJson(*after);
    PW_RETURN_IF_ERROR(tx->Append(event));
    PW_RETURN_IF_ERROR(tx->Commit());
    return PublishOutcome{.plan = *after, .changed = true};
}

}  // namespace planwatch::services
