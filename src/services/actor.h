#pragma once
// Who asks a monitoring service to do something: a signed-in user (web, API
// token) or the command line, which acts with coordinator rights on the machine
// that holds the database. Roles are checked in the services on every write.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/user.h"

namespace planwatch::services {

struct Actor {
    std::string name;  // e-mail, or "cli:<os user>"; written to the audit log
    domain::Role role = domain::Role::kPublic;
    std::optional<int64_t> user_id;
    std::optional<int64_t> institution_id;  // a reporter's institution

    static Actor FromUser(const domain::User& user) {
        return Actor{.name = user.email, .role = user.role, .user_id = user.id, .institution_id = user.institution_id};
    }
    static Actor CommandLine(const std::string& name) {
        Actor actor;
        actor.name = name;
        actor.role = domain::Role::kCoordinator;
        return actor;
    }
    bool Coordinates() const { return role == domain::Role::kCoordinator || role == domain::Role::kAdmin; }
};

}  // namespace planwatch::services
