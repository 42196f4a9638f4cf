#pragma once
// What the staff pages share between staff.cc (import, users) and
// reporting.cc (reports, rounds, review): the views of "my institution" and
// of the coordination page, so a refused form renders the same page again.
#include <string>

#include <nlohmann/json.hpp>

#include "web/context.h"
#include "web/request.h"
#include "web/response.h"

namespace planwatch::web::pages {

// The reporter's institution and every activity it leads or partners on, with statuses.
nlohmann::json MyInstitutionView(RequestContext& ctx);
// Rounds per plan and the review queue (submitted reports), for the coordination page.
nlohmann::json CoordinatorMonitoringView(RequestContext& ctx);
// The coordination page with view (plus plans, rounds and the queue) and a one-line message.
Response CoordinatePage(const Request& request, RequestContext& ctx, nlohmann::json view, const std::string& flash,
                        const std::string& flash_kind, int status);

}  // namespace planwatch::web::pages
