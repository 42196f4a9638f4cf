#include "web/routes.h"

#include "web/api/api.h"
#include "web/api/download_api.h"
#include "web/api/evidence_api.h"
#include "web/api/monitoring_api.h"
#include "web/api/registry_api.h"
#include "web/handlers/plans.h"
#include "web/pages/pages.h"

namespace planwatch::web {
namespace {

using Kind = RouteKind;

std::vector<Route> MakeRoutes() {
    return {
        // Pages (HTML, work without JavaScript).
        {"GET", "/", Kind::kPage, Access::kPublic, pages::Home},
        // The plan and institution pages state the size of their downloads, which may mean writing them.
        {"GET", "/plans/{id}", Kind::kPage, Access::kPublic, pages::Plan, Pool::kDocuments},
        {"GET", "/plans/{id}/activities/{activity}", Kind::kPage, Access::kPublic, pages::Activity},
        {"GET", "/institutions", Kind::kPage, Access::kPublic, pages::Institutions},
        {"GET", "/institutions/{id}", Kind::kPage, Access::kPublic, pages::Institution, Pool::kDocuments},
        {"GET", "/services", Kind::kPage, Access::kPublic, pages::Services},
        {"GET", "/services/{id}", Kind::kPage, Access::kPublic, pages::Service},
        {"GET", "/search", Kind::kPage, Access::kPublic, pages::Search},
        {"GET", "/signin", Kind::kPage, Access::kPublic, pages::SignInForm},
        {"POST", "/signin", Kind::kPage, Access::kPublic, pages::SignIn},
        {"POST", "/signout", Kind::kPage, Access::kSignedIn, pages::SignOut},
        {"GET", "/my", Kind::kPage, Access::kReporter, pages::MyInstitution},
        {"POST", "/my/reports", Kind::kPage, Access::kReporter, pages::SaveReport},
        {"GET", "/coordinate", Kind::kPage, Access::kCoordinator, pages::Coordinate},
        {"POST", "/coordinate/import", Kind::kPage, Access::kCoordinator, pages::ImportPreview},
        {"POST", "/coordinate/import/confirm", Kind::kPage, Access::kCoordinator, pages::ImportConfirm},
        {"POST", "/coordinate/plans/{id}/publish", Kind::kPage, Access::kCoordinator, pages::PublishPlanForm},
        {"POST", "/coordinate/plans/{id}/unpublish", Kind::kPage, Access::kCoordinator, pages::UnpublishPlanForm},
        {"POST", "/coordinate/rounds", Kind::kPage, Access::kCoordinator, pages::OpenRoundForm},
        {"POST", "/coordinate/rounds/{id}/reopen", Kind::kPage, Access::kCoordinator, pages::ReopenRoundForm},
        {"POST", "/coordinate/rounds/{id}/close", Kind::kPage, Access::kCoordinator, pages::CloseRoundForm},
        {"POST", "/coordinate/reports/{id}/approve", Kind::kPage, Access::kCoordinator, pages::ApproveReportForm},
        {"POST", "/coordinate/reports/{id}/return", Kind::kPage, Access::kCoordinator, pages::ReturnReportForm},
        {"GET", "/admin", Kind::kPage, Access::kAdmin, pages::Admin},
        {"POST", "/admin/users", Kind::kPage, Access::kAdmin, pages::AddUser},
        {"GET", "/admin/users/{id}", Kind::kPage, Access::kAdmin, pages::EditUserPage},
        {"POST", "/admin/users/{id}", Kind::kPage, Access::kAdmin, pages::SaveUserForm},
        // Registry screens (registry issue): web/pages/registry_pages.cc. "new" before "{id}": the first match wins.
        {"GET", "/coordinate/institutions", Kind::kPage, Access::kCoordinator, pages::CoordinateInstitutions},
        {"POST", "/coordinate/institutions/merge", Kind::kPage, Access::kCoordinator, pages::MergeInstitutionsForm},
        {"POST", "/coordinate/institutions/{id}/confirm", Kind::kPage, Access::kCoordinator, pages::ConfirmInstitutionForm},
        {"GET", "/admin/institutions", Kind::kPage, Access::kAdmin, pages::AdminInstitutions},
        {"POST", "/admin/institutions", Kind::kPage, Access::kAdmin, pages::AddInstitutionForm},
        {"GET", "/admin/institutions/new", Kind::kPage, Access::kAdmin, pages::NewInstitutionForm},
        {"GET", "/admin/institutions/{id}", Kind::kPage, Access::kAdmin, pages::EditInstitutionPage},
        {"POST", "/admin/institutions/{id}", Kind::kPage, Access::kAdmin, pages::SaveInstitutionForm},
        // JSON API (interfaces.md; documented in data/schema/openapi.json).
        {"GET", "/healthz", Kind::kApi, Access::kPublic, [](const Request&, RequestContext&) { return handlers::Healthz(); }},
        {"GET", "/api/v1/openapi.json", Kind::kApi, Access::kPublic, api::OpenApi},
        {"GET", "/api/v1/plans", Kind::kApi, Access::kPublic, api::ListPlans},
        {"POST", "/api/v1/plans", Kind::kApi, Access::kCoordinator, api::CreatePlan},
        {"GET", "/api/v1/plans/{id}", Kind::kApi, Access::kPublic, api::GetPlan},
        {"GET", "/api/v1/plans/{id}/status", Kind::kApi, Access::kPublic, api::PlanStatus},
        // Downloads (reports issue): web/api/download_api.cc, off the I/O threads.
        {"GET", "/api/v1/plans/{id}/export", Kind::kApi, Access::kPublic, api::ExportPlan, Pool::kDocuments},
        {"GET", "/api/v1/plans/{id}/report", Kind::kApi, Access::kPublic, api::PlanReport, Pool::kDocuments},
        // Publishing: drafts are hidden from the public (services/plan_catalog.h).
        {"POST", "/api/v1/plans/{id}/publish", Kind::kApi, Access::kCoordinator, api::PublishPlan},
        {"POST", "/api/v1/plans/{id}/unpublish", Kind::kApi, Access::kCoordinator, api::UnpublishPlan},
        // Monitoring (monitoring issue): web/api/monitoring_api.cc; roles and institutions are checked in the services.
        {"GET", "/api/v1/plans/{id}/rounds", Kind::kApi, Access::kPublic, api::ListRounds},
        {"POST", "/api/v1/plans/{id}/rounds", Kind::kApi, Access::kCoordinator, api::OpenRound},
        {"GET", "/api/v1/plans/{id}/reports", Kind::kApi, Access::kSignedIn, api::ListReports},
        {"GET", "/api/v1/rounds/{id}", Kind::kApi, Access::kPublic, api::GetRound},
        {"POST", "/api/v1/rounds/{id}/reopen", Kind::kApi, Access::kCoordinator, api::ReopenRound},
        {"POST", "/api/v1/rounds/{id}/close", Kind::kApi, Access::kCoordinator, api::CloseRound},
        {"POST", "/api/v1/reports", Kind::kApi, Access::kSignedIn, api::CreateReport},
        {"GET", "/api/v1/reports/{id}", Kind::kApi, Access::kSignedIn, api::GetReport},
        {"PUT", "/api/v1/reports/{id}", Kind::kApi, Access::kSignedIn, api::EditReport},
        {"POST", "/api/v1/reports/{id}/submit", Kind::kApi, Access::kSignedIn, api::SubmitReport},
        {"POST", "/api/v1/reports/{id}/approve", Kind::kApi, Access::kCoordinator, api::ApproveReport},
        {"POST", "/api/v1/reports/{id}/return", Kind::kApi, Access::kCoordinator, api::ReturnReport},
        // Evidence files (web/api/evidence_api.cc): who may write or read a report is checked in ReportService.
        {"POST", "/api/v1/reports/{id}/evidence", Kind::kApi, Access::kSignedIn, api::UploadEvidence},
        {"GET", "/api/v1/evidence/{sha256}", Kind::kApi, Access::kPublic, api::DownloadEvidence},
        {"GET", "/api/v1/institutions", Kind::kApi, Access::kPublic, api::ListInstitutions},
        {"GET", "/api/v1/institutions/{id}", Kind::kApi, Access::kPublic, api::GetInstitution},
        {"GET", "/api/v1/services", Kind::kApi, Access::kPublic, api::ListServices},
        {"GET", "/api/v1/search", Kind::kApi, Access::kPublic, api::Search},
        {"GET", "/api/v1/me", Kind::kApi, Access::kSignedIn, api::Me},
        // Registries (registry issue): web/api/registry_api.cc; roles are checked in the services.
        {"GET", "/api/v1/registry/statistics", Kind::kApi, Access::kPublic, api::RegistryStatistics},
        {"GET", "/api/v1/institutions/{id}/figures", Kind::kApi, Access::kPublic, api::InstitutionFigures},
        {"POST", "/api/v1/institutions/{id}/merge", Kind::kApi, Access::kCoordinator, api::MergeInstitution},
        {"GET", "/api/v1/needs", Kind::kApi, Access::kSignedIn, api::ListNeeds},
        {"POST", "/api/v1/needs", Kind::kApi, Access::kSignedIn, api::CreateNeed},
        {"PUT", "/api/v1/needs/{id}", Kind::kApi, Access::kSignedIn, api::UpdateNeed},
        {"GET", "/api/v1/gaps", Kind::kApi, Access::kPublic, api::Gaps},
        {"PUT", "/api/v1/services/{id}/months/{month}", Kind::kApi, Access::kSignedIn, api::PutServiceMonth},
        {"GET", "/api/v1/services/{id}/occupancy", Kind::kApi, Access::kPublic, api::ServiceOccupancy},
    };
}

// "/plans/{id}" against "/plans/12": segment by segment, {name} takes any one.
bool Match(const std::string& pattern, const std::string& path, std::map<std::string, std::string>& params) {
    size_t p = 0, q = 0;
    std::map<std::string, std::string> found;
    while (p < pattern.size() && q < path.size()) {
        if (pattern[p] == '{') {
            size_t close = pattern.find('}', p);
            size_t end = path.find('/', q);
            if (end == std::string::npos) end = path.size();
            if (end == q) return false;
            found[pattern.substr(p + 1, close - p - 1)] = path.substr(q, end - q);
            p = close + 1;
            q = end;
        } else if (pattern[p] == path[q]) {
            ++p;
            ++q;
        } else {
            return false;
        }
    }
    if (p != pattern.size() || q != path.size()) return false;
    params = std::move(found);
    return true;
}

}  // namespace

const std::vector<Route>& Routes() {
    static const std::vector<Route> routes = MakeRoutes();
    return routes;
}

const Route* MatchRoute(const std::string& method, const std::string& path,
                        std::map<std::string, std::string>& params, bool* path_known) {
    if (path_known) *path_known = false;
    for (const Route& route : Routes()) {
        std::map<std::string, std::string> found;
        if (!Match(route.pattern, path, found)) continue;
        if (route.method != method) {
            if (path_known) *path_known = true;
            continue;
        }
        params = std::move(found);
        return &route;
    }
    return nullptr;
}

bool Allows(Access access, const std::optional<domain::User>& user) {
    if (access == Access::kPublic) return true;
    if (!user) return false;
    switch (access) {
        case Access::kPublic:
        case Access::kSignedIn: return true;
        case Access::kReporter: return user->role == domain::Role::kReporter || user->role == domain::Role::kAdmin;
        case Access::kCoordinator: return user->role == domain::Role::kCoordinator || user->role == domain::Role::kAdmin;
        case Access::kAdmin: return user->role == domain::Role::kAdmin;
    }
    return false;
}

}  // namespace planwatch::web
