#pragma once
// The web application without the HTTP library: a Request in, a Response out.
// server.cc (RESTinio) only copies bytes in and out of it, so everything here —
// routing, sessions, CSRF, roles, limits, security headers, caching — is
// tested without a socket. Any thread may call Handle.
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "services/services.h"
#include "web/context.h"
#include "web/portal_data.h"
#include "web/request.h"
#include "web/response.h"
#include "web/upload_stash.h"

namespace planwatch::web {

class App {
public:
    // Borrows services, which must outlive the App.
    App(services::Services& services, AppOptions options = {});

    // Routes the request through the middleware chain: static files; route
    // match (404/405); body limits (413); language; session or bearer token;
    // role check (401/403); CSRF on every form write (403); the handler; then
    // the security headers on every answer.
    Response Handle(Request& request);

    // True when the request's route runs on the document pool (Route::pool); the
    // server then calls Handle from that pool instead of an I/O thread.
    bool WritesDocuments(const Request& request) const;

    const AppOptions& options() const { return options_; }

private:
    Response Route(Request& request, RequestContext& ctx);
    Status Authenticate(const Request& request, RequestContext& ctx);
    void AddSecurityHeaders(Response& response, bool cacheable) const;
    domain::CivilDate Today() const;

    services::Services& services_;
    AppOptions options_;
    PortalData portal_;
    UploadStash uploads_;

    // Public GET answers for anonymous visitors, kept briefly: the same URL and
    // language within kCacheAge gives the same bytes unless a write happened,
    // here (generation_) or anywhere (the audit stamp of PortalData::Refresh).
    static constexpr std::chrono::seconds kCacheAge{5};
    struct Cached {
        Response response;
        std::chrono::steady_clock::time_point made;
        uint64_t generation = 0;
        int64_t stamp = 0;
    };
    std::mutex cache_mutex_;
    std::map<std::string, Cached> cache_;  // GUARDED_BY(cache_mutex_)
    uint64_t generation_ = 0;              // GUARDED_BY(cache_mutex_)
};

}  // namespace planwatch::web
