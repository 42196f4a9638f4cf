#pragma once
// What a handler returns, independent of the HTTP library (server.cc turns it
// into a RESTinio response and adds the security headers).
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace planwatch::web {

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // added as given: Set-Cookie, Location, Cache-Control
    // When set, sent instead of body without copying it: cached answers and
    // static files share one immutable string between requests.
    std::shared_ptr<const std::string> shared_body;

    size_t BodySize() const { return shared_body ? shared_body->size() : body.size(); }
    const std::string& Body() const { return shared_body ? *shared_body : body; }
};

}  // namespace planwatch::web
