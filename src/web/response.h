#pragma once
// What a handler returns, independent of the HTTP library (server.cc turns it
// into a RESTinio response and adds the security headers).
#include <string>
#include <utility>
#include <vector>

namespace planwatch::web {

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // added as given: Set-Cookie, Location, Cache-Control
};

}  // namespace planwatch::web
