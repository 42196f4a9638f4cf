#pragma once
// Pages from mustache templates (web/templates/, embedded): a page template
// renders into layout.mustache, which adds the header, navigation, language
// switch and footer in the request's language. Views are nlohmann::json values,
// turned into mustache data here; every {{value}} is HTML-escaped by mustache.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "web/context.h"
#include "web/request.h"
#include "web/response.h"

namespace planwatch::web {

struct Crumb {
    std::string label;
    std::string href;  // empty for the current page
};

struct PageMeta {
    std::string title;
    std::string nav;                // the current main navigation item: plans, institutions, services, search, …
    std::vector<Crumb> breadcrumbs;
    std::string flash;              // a one-line status message at the top
    std::string flash_kind = "success";
    int status = 200;
    std::string search_q;
};

// Renders web/templates/pages/<name>.mustache with view (plus "t", the
// messages, and "lang") inside the layout. A missing or broken template is a
// build mistake: the answer is a 500 naming it.
Response RenderPage(const std::string& name, nlohmann::json view, const PageMeta& meta, const Request& request,
                    RequestContext& ctx);

// An HTML error page for status, with the HTTP code of http_errors.cc.
Response ErrorPage(const Status& status, const Request& request, RequestContext& ctx);

// 303 See Other to location (after a form POST).
Response SeeOther(const std::string& location);

// Renders one template file (path under web/templates/) with data; for tests
// and fragments. kInternal when the template is missing or does not parse.
StatusOr<std::string> RenderTemplate(const std::string& path, const nlohmann::json& view);

// "?lang=xx" links: path with the request's language kept.
std::string WithLang(const std::string& path, const RequestContext& ctx);

}  // namespace planwatch::web
