#pragma once
// Who changed what, when: one AuditEvent per write transaction at least.
#include <cstdint>
#include <optional>
#include <string>

namespace planwatch::domain {

struct AuditEvent {
    std::optional<int64_t> id;
    std::string actor;        // user e-mail, or "cli:<os user>" for the command line
    std::string at;           // ISO 8601 UTC, set by the Store when empty
    std::string action;       // plan.import, plan.replace, user.add, db.restore, …
    std::string entity;       // plan, user, institution, report, …
    std::string entity_id;
    std::string before_json;  // "null" or a JSON document
    std::string after_json;
    friend bool operator==(const AuditEvent&, const AuditEvent&) = default;
};

}  // namespace planwatch::domain
