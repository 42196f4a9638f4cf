#pragma once
// The registry's web screens (web_registry_suite.cc): WebEndToEnd's server and
// client plus signed-in staff and the registry entries as the API gives them.
#include <nlohmann/json.hpp>

#include "web_suite.h"

namespace planwatch::testing {

class RegistryWeb : public WebEndToEnd {
protected:
    struct Staff {
        std::string cookie;
        std::string csrf;  // the session's token, from /api/v1/me; empty to forge a request without it
    };

    Staff SignIn(const std::string& email);
    // A urlencoded form with the staff's CSRF token.
    WebReply Post(const Staff& staff, const std::string& path, std::map<std::string, std::string> fields);
    // The id of an institution by name, from the listing of the published plans' institutions.
    int64_t Id(const std::string& name);
    // The registry entry (aliases, parent, counts, children, figures); null with *status 404 when gone.
    nlohmann::json Entry(int64_t id, int* status = nullptr);
    // GET path?filter (URL-encoded), expecting 200 and a JSON body.
    nlohmann::json List(const std::string& path, const std::map<std::string, std::string>& filter);
};

}  // namespace planwatch::testing
