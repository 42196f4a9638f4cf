#pragma once
// The files under web/static/ (embedded in the binary): our CSS and the vendored
// USWDS and htmx. Each is served under its plain path with a short cache
// lifetime and under a content-hashed name ("uswds.min.3f2a9c1d0b.css") that may
// be cached for a year, since a new build with new bytes gets a new name.
#include <optional>
#include <string>
#include <string_view>

#include "web/response.h"

namespace planwatch::web {

// "css/planwatch.css" -> "/static/css/planwatch.<hash>.css"; a path that is not
// embedded comes back as "/static/<path>" (and will 404).
std::string AssetUrl(std::string_view path);

// The response for a URL path under /static/, or nullopt when nothing is there.
// 304 when if_none_match names the file's ETag.
std::optional<Response> ServeStatic(std::string_view url_path, std::string_view if_none_match = "");

}  // namespace planwatch::web
