#pragma once
// Page handlers (HTML): each reads the request, asks PortalData or one service,
// and renders a template from web/templates/pages/. Routes are in routes.cc.
#include "web/context.h"
#include "web/request.h"
#include "web/response.h"

namespace planwatch::web::pages {

Response Home(const Request& request, RequestContext& ctx);          // GET /
Response Plan(const Request& request, RequestContext& ctx);          // GET /plans/{id}
Response Activity(const Request& request, RequestContext& ctx);      // GET /plans/{id}/activities/{activity}
Response Institutions(const Request& request, RequestContext& ctx);  // GET /institutions
Response Institution(const Request& request, RequestContext& ctx);   // GET /institutions/{id}
Response Services(const Request& request, RequestContext& ctx);      // GET /services
Response Service(const Request& request, RequestContext& ctx);       // GET /services/{id}
Response Search(const Request& request, RequestContext& ctx);        // GET /search
Response SignInForm(const Request& request, RequestContext& ctx);    // GET /signin
Response SignIn(const Request& request, RequestContext& ctx);        // POST /signin
Response SignOut(const Request& request, RequestContext& ctx);       // POST /signout
Response MyInstitution(const Request& request, RequestContext& ctx); // GET /my
Response SaveReport(const Request& request, RequestContext& ctx);    // POST /my/reports
Response Coordinate(const Request& request, RequestContext& ctx);    // GET /coordinate
Response ImportPreview(const Request& request, RequestContext& ctx); // POST /coordinate/import
Response ImportConfirm(const Request& request, RequestContext& ctx); // POST /coordinate/import/confirm
Response PublishPlanForm(const Request& request, RequestContext& ctx);    // POST /coordinate/plans/{id}/publish
Response UnpublishPlanForm(const Request& request, RequestContext& ctx);  // POST /coordinate/plans/{id}/unpublish
Response OpenRoundForm(const Request& request, RequestContext& ctx);      // POST /coordinate/rounds
Response ReopenRoundForm(const Request& request, RequestContext& ctx);    // POST /coordinate/rounds/{id}/reopen
Response CloseRoundForm(const Request& request, RequestContext& ctx);     // POST /coordinate/rounds/{id}/close
Response ApproveReportForm(const Request& request, RequestContext& ctx);  // POST /coordinate/reports/{id}/approve
Response ReturnReportForm(const Request& request, RequestContext& ctx);   // POST /coordinate/reports/{id}/return
Response Admin(const Request& request, RequestContext& ctx);         // GET /admin
Response AddUser(const Request& request, RequestContext& ctx);       // POST /admin/users
Response EditUserPage(const Request& request, RequestContext& ctx);  // GET /admin/users/{id}
Response SaveUserForm(const Request& request, RequestContext& ctx);  // POST /admin/users/{id}

// The registry's staff screens (registry_pages.cc).
Response CoordinateInstitutions(const Request& request, RequestContext& ctx);  // GET /coordinate/institutions
Response MergeInstitutionsForm(const Request& request, RequestContext& ctx);   // POST /coordinate/institutions/merge
Response ConfirmInstitutionForm(const Request& request, RequestContext& ctx);  // POST /coordinate/institutions/{id}/confirm
Response AdminInstitutions(const Request& request, RequestContext& ctx);       // GET /admin/institutions
Response NewInstitutionForm(const Request& request, RequestContext& ctx);      // GET /admin/institutions/new
Response AddInstitutionForm(const Request& request, RequestContext& ctx);      // POST /admin/institutions
Response EditInstitutionPage(const Request& request, RequestContext& ctx);     // GET /admin/institutions/{id}
Response SaveInstitutionForm(const Request& request, RequestContext& ctx);     // POST /admin/institutions/{id}

}  // namespace planwatch::web::pages
