#pragma once
// What a handler reads of an HTTP request, independent of the HTTP library:
// server.cc copies RESTinio's request into this, tests build one by hand.
// Parsing helpers for the parts browsers send (query, cookies, urlencoded and
// multipart forms) live here too, so they are tested without a server.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace planwatch::web {

// name -> value; a name given twice keeps every value in order (filters with
// several ticked boxes).
using Params = std::multimap<std::string, std::string>;

struct Request {
    std::string method = "GET";             // upper case
    std::string path = "/";                 // decoded, without the query
    std::string query;                      // raw, without '?'
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;
    std::map<std::string, std::string> path_params;  // ":id" of the route pattern
    bool tls = false;                       // came over HTTPS (cookies get Secure)

    std::string Header(const std::string& lower_name) const;
    // First value of a query parameter, or fallback.
    std::string Query(const std::string& name, const std::string& fallback = "") const;
    std::vector<std::string> QueryAll(const std::string& name) const;
    std::string Cookie(const std::string& name) const;
    std::string PathParam(const std::string& name) const;
    bool IsForm() const;  // application/x-www-form-urlencoded
    bool WantsHtmxFragment() const { return !Header("hx-request").empty(); }

    // Cached parse of the query string.
    const Params& QueryParams() const;

private:
    mutable std::optional<Params> query_params_;
};

// %XX and '+' (as a space, form encoding) decoded; invalid escapes kept as typed.
std::string UrlDecode(std::string_view text);
// RFC 3986 unreserved characters kept, everything else %XX.
std::string UrlEncode(std::string_view text);
// "a=1&b=x+y" -> {a:1, b:"x y"}.
Params ParseUrlEncoded(std::string_view text);
// "a=1; b=2" -> {a:1, b:2}.
std::map<std::string, std::string> ParseCookies(std::string_view header);

// One part of a multipart/form-data body.
struct FormPart {
    std::string name;
    std::string file_name;     // empty for a plain field
    std::string content_type;
    std::string data;
};

// Splits a multipart/form-data body by the boundary in content_type.
// kMalformed when there is no boundary or the body does not follow it.
StatusOr<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body);

// The first value of a name in params, or fallback.
std::string First(const Params& params, const std::string& name, const std::string& fallback = "");

}  // namespace planwatch::web
