#pragma once
// What a handler knows about the request besides its bytes: the services, who
// is asking (session or API token), in which language to answer and the day
// statuses are computed for. Built by App::Handle for every request.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/civil_date.h"
#include "domain/user.h"
#include "services/services.h"
#include "web/i18n.h"

namespace planwatch::web {

class PortalData;
class UploadStash;

struct AppOptions {
    size_t max_form_bytes = 1u << 20;     // urlencoded forms and JSON bodies; larger: 413
    size_t max_upload_bytes = 50u << 20;  // multipart uploads (import); larger: 413
    bool secure_cookies = false;          // set when served over TLS (directly or behind a proxy)
    int session_hours = 12;
    int max_failed_sign_ins = 5;          // per e-mail within sign_in_window_minutes, then locked
    int sign_in_window_minutes = 15;
    std::optional<domain::CivilDate> today;  // fixed "today" for tests; else the UTC date
};

struct RequestContext {
    services::Services& services;
    PortalData& portal;
    UploadStash& uploads;
    const AppOptions& options;
    std::string lang = kDefaultLanguage;
    const Messages* messages = nullptr;
    std::optional<domain::User> user;   // signed in (session) or token holder
    std::string session_hash;           // SHA-256 of the session cookie, empty without one
    std::string csrf;                   // the token forms must send back
    bool bearer = false;                // authenticated by Authorization: Bearer
    domain::CivilDate today;
    std::vector<std::pair<std::string, std::string>> headers;  // added to the response (Set-Cookie)

    const Messages& t() const { return *messages; }
    std::string Actor() const { return user ? user->email : "web:anonymous"; }
};

// Who the services see: the signed-in user or token holder, else the public.
inline services::Actor ActorOf(const RequestContext& ctx) {
    if (ctx.user) return services::Actor::FromUser(*ctx.user);
    services::Actor anonymous;
    anonymous.name = ctx.Actor();
    return anonymous;  // Role::kPublic
}

}  // namespace planwatch::web
