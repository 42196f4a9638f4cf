#pragma once
// Every route of web::Routes() for every role (roles_suite.cc), on the server of
// web_suite.h; instantiated per back end next to WebEndToEnd.
#include <map>
#include <string>

#include "web/routes.h"
#include "web_suite.h"

namespace planwatch::testing {

enum class Role { kAnonymous, kReporter, kCoordinator, kAdmin };
constexpr Role kRoles[] = {Role::kAnonymous, Role::kReporter, Role::kCoordinator, Role::kAdmin};

// Cookie and CSRF token of one caller; a visitor's token lives in the pw_csrf cookie.
struct Caller {
    std::string cookie;
    std::string csrf;
};

class RoleMatrix : public WebEndToEnd {
protected:
    // Ids from the demo data, and what the test writes for itself so that writes
    // allowed to a role change nothing anyone else relies on.
    struct Ids {
        std::string plan;          // seed 000, published by the demo
        std::string activity;      // one of its activities that CPECA Cluj (the demo reporter's) leads
        std::string foreign;       // one CPECA Cluj is neither lead nor partner of
        std::string foreign_lead;  // the registry id of that activity's lead
        std::string institution;   // CPECA Cluj
        std::string service;       // the first social service of the registry (seed 001)
        std::string round;         // the demo's 2020 round
        std::string user;          // the demo reporter's account, the one account edits act on
        std::string closable;      // a 2017-Q2 round of the matrix's own, the one closing acts on
        std::string draft;         // a plan this test imports as a draft
        std::string report_draft, report_submitted, report_foreign;
    };

    Caller SignIn(const std::string& email);
    Caller Visitor();
    std::map<std::string, std::string> Json(const Caller& caller);
    // Once per server: the reports and the draft plan can be written only once.
    void Prepare();
    // The route's pattern with real ids in its {params}.
    std::string Fill(const web::Route& route) const;
    // The request a caller in role makes on the route: with its CSRF token, and a
    // body that is empty or incomplete, so an allowed write stops at validation.
    WebReply Call(const web::Route& route, Role role, bool with_csrf = true);

    static inline std::string prepared_for_;  // the backend Prepare() last ran on
    static inline std::map<Role, Caller> callers_;
    static inline Ids ids_;
};

}  // namespace planwatch::testing
