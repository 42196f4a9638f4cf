#include "storage/sql/audit_log.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "storage/sql/clock.h"

namespace planwatch::storage::sql {
namespace {

constexpr char kInsertEvent[] = R"sql(
    INSERT INTO audit_event (actor, at, action, entity, entity_id, before_json, after_json)
    VALUES (:actor, :at, :action, :entity, :entity_id, :before_json, :after_json))sql";
constexpr char kSelectEvents[] = R"sql(
    SELECT id, actor, at, action, entity, entity_id, before_json, after_json
    FROM audit_event ORDER BY id DESC LIMIT :limit)sql";

Status CheckJson(const std::string& json, const char* field) {
    if (!nlohmann::json::accept(json)) {
        return InvalidArgument(std::string("audit event ") + field + " is not JSON: " + json.substr(0, 80));
    }
    return Status::Ok();
}

}  // namespace

Status AppendAudit(soci::session& session, const domain::AuditEvent& event) {
    if (event.actor.empty() || event.action.empty()) {
        return InvalidArgument("an audit event needs an actor and an action");
    }
    domain::AuditEvent row = event;
    if (row.at.empty()) row.at = NowUtc();
    if (row.before_json.empty()) row.before_json = "null";
    if (row.after_json.empty()) row.after_json = "null";
    PW_RETURN_IF_ERROR(CheckJson(row.before_json, "before_json"));
    PW_RETURN_IF_ERROR(CheckJson(row.after_json, "after_json"));
    session << kInsertEvent, soci::use(row.actor), soci::use(row.at), soci::use(row.action), soci::use(row.entity),
        soci::use(row.entity_id), soci::use(row.before_json), soci::use(row.after_json);
    return Status::Ok();
}

std::vector<domain::AuditEvent> ReadAudit(soci::session& session, int limit) {
    std::vector<domain::AuditEvent> events;
    long long id = 0;
    domain::AuditEvent event;
    soci::statement st = (session.prepare << kSelectEvents, soci::use(limit), soci::into(id), soci::into(event.actor),
                          soci::into(event.at), soci::into(event.action), soci::into(event.entity),
                          soci::into(event.entity_id), soci::into(event.before_json), soci::into(event.after_json));
    st.execute();
    while (st.fetch()) {
        event.id = id;
        events.push_back(event);
    }
    return events;
}

}  // namespace planwatch::storage::sql
