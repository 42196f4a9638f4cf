#pragma once
// The route table: every page and API endpoint with its method, path pattern,
// who may call it and its handler. The server dispatches through it and the
// OpenAPI test compares it with data/schema/openapi.json, so a route cannot be
// served without being documented, or documented without being served.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "web/context.h"
#include "web/request.h"
#include "web/response.h"

namespace planwatch::web {

// Who may call a route. Reporter, coordinator and admin pages need a session or
// token with at least that role (admin passes every check, coordinator passes
// reporter checks only where a service says so).
enum class Access { kPublic, kSignedIn, kReporter, kCoordinator, kAdmin };

enum class RouteKind { kPage, kApi };

using Handler = std::function<Response(const Request&, RequestContext&)>;

// Where the server runs a route's handler: on its I/O threads, or on a pool of its
// own for handlers that may write a document (a PDF takes hundreds of ms), so a
// burst of downloads cannot hold up page views and API reads.
enum class Pool { kInline, kDocuments };

struct Route {
    std::string method;   // GET, POST, PUT
    std::string pattern;  // "/plans/{id}": a {name} matches one non-empty segment
    RouteKind kind = RouteKind::kPage;
    Access access = Access::kPublic;
    Handler handler;
    Pool pool = Pool::kInline;
};

// Every route, in matching order.
const std::vector<Route>& Routes();

// The route for method and path, with its {name} values in params; nullptr when
// none matches. *path_known is set when some route matches the path with another
// method (405 rather than 404).
const Route* MatchRoute(const std::string& method, const std::string& path,
                        std::map<std::string, std::string>& params, bool* path_known = nullptr);

// True when the user's role satisfies access (public routes: always).
bool Allows(Access access, const std::optional<domain::User>& user);

}  // namespace planwatch::web
