// Every route of web::Routes() for every role, against the running `serve --demo`
// of web_suite.h (so on SQLite and on PostgreSQL): a route that is not public
// sends visitors to sign in (401 for the API and for form posts, a redirect to
// /signin for pages), answers 403 to a signed-in role it does not allow, and
// neither to a role it allows. Who may call what is written out below, not read
// from routes.cc, so a route whose access changes by mistake fails here, and so
// does a route added without a line in the table. Then: form posts without the
// CSRF token, a reporter writing for an activity its institution has nothing to
// do with, and publishing a draft.
#include "roles_suite.h"

#include <gmock/gmock.h>

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

namespace planwatch::testing {
namespace {

using ::testing::HasSubstr;
using web::Access;

// interfaces.md's roles, route by route. Reporter pages admit administrators too
// (they may look at any screen); coordinator routes likewise.
const std::map<std::string, Access>& ExpectedAccess() {
    static const std::map<std::string, Access> table = {
        {"GET /", Access::kPublic},
        {"GET /plans/{id}", Access::kPublic},
        {"GET /plans/{id}/activities/{activity}", Access::kPublic},
        {"GET /institutions", Access::kPublic},
        {"GET /institutions/{id}", Access::kPublic},
        {"GET /services", Access::kPublic},
        {"GET /services/{id}", Access::kPublic},
        {"GET /search", Access::kPublic},
        {"GET /signin", Access::kPublic},
        {"POST /signin", Access::kPublic},
        {"POST /signout", Access::kSignedIn},
        {"GET /my", Access::kReporter},
        {"POST /my/reports", Access::kReporter},
        {"GET /coordinate", Access::kCoordinator},
        {"POST /coordinate/import", Access::kCoordinator},
        {"POST /coordinate/import/confirm", Access::kCoordinator},
        {"POST /coordinate/plans/{id}/publish", Access::kCoordinator},
        {"POST /coordinate/plans/{id}/unpublish", Access::kCoordinator},
        {"POST /coordinate/rounds", Access::kCoordinator},
        {"POST /coordinate/rounds/{id}/reopen", Access::kCoordinator},
        {"POST /coordinate/rounds/{id}/close", Access::kCoordinator},
        {"POST /coordinate/reports/{id}/approve", Access::kCoordinator},
        {"POST /coordinate/reports/{id}/return", Access::kCoordinator},
        {"GET /coordinate/institutions", Access::kCoordinator},
        {"POST /coordinate/institutions/merge", Access::kCoordinator},
        {"POST /coordinate/institutions/{id}/confirm", Access::kCoordinator},
        {"GET /admin", Access::kAdmin},
        {"POST /admin/users", Access::kAdmin},
        {"GET /admin/users/{id}", Access::kAdmin},
        {"POST /admin/users/{id}", Access::kAdmin},
        {"GET /admin/institutions", Access::kAdmin},
        {"POST /admin/institutions", Access::kAdmin},
        {"GET /admin/institutions/new", Access::kAdmin},
        {"GET /admin/institutions/{id}", Access::kAdmin},
        {"POST /admin/institutions/{id}", Access::kAdmin},
        {"GET /healthz", Access::kPublic},
        {"GET /api/v1/openapi.json", Access::kPublic},
        {"GET /api/v1/plans", Access::kPublic},
        {"POST /api/v1/plans", Access::kCoordinator},
        {"GET /api/v1/plans/{id}", Access::kPublic},
        {"GET /api/v1/plans/{id}/status", Access::kPublic},
        {"GET /api/v1/plans/{id}/export", Access::kPublic},
        {"GET /api/v1/plans/{id}/report", Access::kPublic},
        {"POST /api/v1/plans/{id}/publish", Access::kCoordinator},
        {"POST /api/v1/plans/{id}/unpublish", Access::kCoordinator},
        {"GET /api/v1/plans/{id}/rounds", Access::kPublic},
        {"POST /api/v1/plans/{id}/rounds", Access::kCoordinator},
        {"GET /api/v1/plans/{id}/reports", Access::kSignedIn},
        {"GET /api/v1/rounds/{id}", Access::kPublic},
        {"POST /api/v1/rounds/{id}/reopen", Access::kCoordinator},
        {"POST /api/v1/rounds/{id}/close", Access::kCoordinator},
        {"POST /api/v1/reports", Access::kSignedIn},
        {"GET /api/v1/reports/{id}", Access::kSignedIn},
        {"PUT /api/v1/reports/{id}", Access::kSignedIn},
        {"POST /api/v1/reports/{id}/submit", Access::kSignedIn},
        {"POST /api/v1/reports/{id}/approve", Access::kCoordinator},
        {"POST /api/v1/reports/{id}/return", Access::kCoordinator},
        {"POST /api/v1/reports/{id}/evidence", Access::kSignedIn},
        {"GET /api/v1/evidence/{sha256}", Access::kPublic},
        {"GET /api/v1/institutions", Access::kPublic},
        {"GET /api/v1/institutions/{id}", Access::kPublic},
        {"GET /api/v1/services", Access::kPublic},
        {"GET /api/v1/search", Access::kPublic},
        {"GET /api/v1/me", Access::kSignedIn},
        {"GET /api/v1/registry/statistics", Access::kPublic},
        {"GET /api/v1/institutions/{id}/figures", Access::kPublic},
        {"POST /api/v1/institutions/{id}/merge", Access::kCoordinator},
        {"GET /api/v1/needs", Access::kSignedIn},
        {"POST /api/v1/needs", Access::kSignedIn},
        {"PUT /api/v1/needs/{id}", Access::kSignedIn},
        {"GET /api/v1/gaps", Access::kPublic},
        {"PUT /api/v1/services/{id}/months/{month}", Access::kSignedIn},
        {"GET /api/v1/services/{id}/occupancy", Access::kPublic},
    };
    return table;
}

const char* Name(Role role) {
    switch (role) {
        case Role::kAnonymous:
            return "anonymous";
        case Role::kReporter:
            return "reporter";
        case Role::kCoordinator:
            return "coordinator";
        case Role::kAdmin:
            return "admin";
    }
    return "?";
}

bool Admits(Access access, Role role) {
    switch (access) {
        case Access::kPublic:
            return true;
        case Access::kSignedIn:
            return role != Role::kAnonymous;
        case Access::kReporter:
            return role == Role::kReporter || role == Role::kAdmin;
        case Access::kCoordinator:
            return role == Role::kCoordinator || role == Role::kAdmin;
        case Access::kAdmin:
            return role == Role::kAdmin;
    }
    return false;
}

std::string Key(const web::Route& route) { return route.method + " " + route.pattern; }

nlohmann::json Body(const WebReply& reply) { return nlohmann::json::parse(reply.body, nullptr, false); }

}  // namespace

Caller RoleMatrix::SignIn(const std::string& email) {
    const std::string visitor = CookieValue(Get("/signin"), "pw_csrf");
    WebReply reply = Request("POST", "/signin",
                             {{"Cookie", "pw_csrf=" + visitor}, {"Content-Type", "application/x-www-form-urlencoded"}},
                             "csrf=" + visitor + "&email=" + email + "&password=" + passwords_[email]);
    EXPECT_EQ(reply.status, 303) << email << reply.body;
    Caller caller{.cookie = "pw_session=" + CookieValue(reply, "pw_session")};
    WebReply me = Get("/api/v1/me", {{"Cookie", caller.cookie}});
    caller.csrf = Body(me).value("csrf", "");
    EXPECT_EQ(caller.csrf.size(), 64u) << email;
    return caller;
}

Caller RoleMatrix::Visitor() {
    const std::string token = CookieValue(Get("/signin"), "pw_csrf");
    return Caller{.cookie = "pw_csrf=" + token, .csrf = token};
}

std::map<std::string, std::string> RoleMatrix::Json(const Caller& caller) {
    return {{"Cookie", caller.cookie}, {"X-CSRF-Token", caller.csrf}, {"Content-Type", "application/json"}};
}

void RoleMatrix::Prepare() {
    if (prepared_for_ == backend_) return;
    prepared_for_ = backend_;
    ASSERT_EQ(passwords_.size(), 3u) << server_->Out();
    callers_[Role::kAnonymous] = Visitor();
    callers_[Role::kReporter] = SignIn("reporter@demo.planwatch");
    callers_[Role::kCoordinator] = SignIn("coordinator@demo.planwatch");
    callers_[Role::kAdmin] = SignIn("admin@demo.planwatch");
    const Caller& coordinator = callers_[Role::kCoordinator];
    const Caller& reporter = callers_[Role::kReporter];

    for (const nlohmann::json& p : Body(Get("/api/v1/plans"))) {
        if (p.value("activities", 0) == 47) ids_.plan = IdText(p["id"]);
    }
    ASSERT_FALSE(ids_.plan.empty());
    ids_.institution = std::to_string(Body(Get("/api/v1/me", {{"Cookie", reporter.cookie}})).value("institution", 0));
    ids_.user = std::to_string(Body(Get("/api/v1/me", {{"Cookie", reporter.cookie}})).value("id", 0));
    nlohmann::json plan = Body(Get("/api/v1/plans/" + ids_.plan));
    std::map<std::string, std::string> institution_ids;  // name -> registry id
    for (const nlohmann::json& i : plan["institutions"]) institution_ids[i["name"]] = IdText(i["id"]);
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& nodes) {
        for (const nlohmann::json& node : nodes) {
            if (node.value("kind", "") == "activity") {
                std::string lead;
                bool ours = false, ours_lead = false;
                for (const nlohmann::json& r : node.value("responsible", nlohmann::json::array())) {
                    const bool cpeca = r.value("institution", "") == "CPECA Cluj";
                    ours = ours || cpeca;
                    if (r.value("role", "") == "lead") {
                        lead = r.value("institution", "");
                        ours_lead = ours_lead || cpeca;
                    }
                }
                if (ours_lead && ids_.activity.empty()) ids_.activity = IdText(node["id"]);
                if (!ours && !lead.empty() && ids_.foreign.empty() && institution_ids.contains(lead)) {
                    ids_.foreign = IdText(node["id"]);
                    ids_.foreign_lead = institution_ids[lead];
                }
            }
            if (node.contains("children")) walk(node["children"]);
        }
    };
    walk(plan["nodes"]);
    ASSERT_FALSE(ids_.activity.empty());
    ASSERT_FALSE(ids_.foreign.empty());

    const nlohmann::json services = Body(Get("/api/v1/services"));
    ASSERT_FALSE(services.empty());
    ids_.service = IdText(services[0]["id"]);

    nlohmann::json rounds = Body(Get("/api/v1/plans/" + ids_.plan + "/rounds"));
    for (const nlohmann::json& r : rounds["rounds"]) {
        if (r["period"] == "2020") ids_.round = IdText(r["id"]);
    }
    ASSERT_FALSE(ids_.round.empty()) << rounds.dump();
    // Closing acts on a round of the matrix's own: the demo's 2020 round stays open for the other tests.
    WebReply opened = Request("POST", "/api/v1/plans/" + ids_.plan + "/rounds", Json(coordinator),
                              nlohmann::json{{"period", "2017-Q2"}}.dump());
    ASSERT_EQ(opened.status, 201) << opened.body;
    ids_.closable = IdText(Body(opened)["id"]);

    // A plan of our own, uploaded through the API as a draft: the one every
    // publish and unpublish below acts on.
    const std::string file = dir_ + "/en_milestones.txt";
    WriteFile(file, ReadFile(std::string(PLANWATCH_SOURCE_DIR) + "/tests/testdata/plans/en_milestones.txt"));
    const std::string upload = "curl -s -X POST -H 'Cookie: " + coordinator.cookie +
                               "' -H 'X-CSRF-Token: " + coordinator.csrf + "' -F 'file=@" + file + "' " + base_ +
                               "/api/v1/plans";
    std::FILE* pipe = ::popen(upload.c_str(), "r");
    std::string out;
    char buffer[4096];
    for (size_t n = 0; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    ::pclose(pipe);
    nlohmann::json imported = nlohmann::json::parse(out, nullptr, false);
    ASSERT_TRUE(imported.is_object() && imported.contains("id")) << out;
    EXPECT_EQ(imported["published"], false);
    ids_.draft = IdText(imported["id"]);

    // Reports in 2017, a period no other test writes in: one left a draft, one
    // submitted, one a coordinator writes for the foreign activity's lead.
    auto create = [&](const Caller& caller, const nlohmann::json& body) {
        WebReply reply = Request("POST", "/api/v1/reports", Json(caller), body.dump());
        EXPECT_EQ(reply.status, 201) << reply.body;
        return IdText(Body(reply).value("id", nlohmann::json(0)));
    };
    ids_.report_draft = create(reporter, {{"activity", std::stoll(ids_.activity)}, {"period", "2017"}});
    ids_.report_submitted =
        create(reporter, {{"activity", std::stoll(ids_.activity)}, {"period", "2017-S1"}, {"status", "completed"}});
    ASSERT_EQ(Request("POST", "/api/v1/reports/" + ids_.report_submitted + "/submit", Json(reporter), "{}").status,
              200);
    ids_.report_foreign = create(
        coordinator,
        {{"activity", std::stoll(ids_.foreign)}, {"institution", std::stoll(ids_.foreign_lead)}, {"period", "2017"}});
}

std::string RoleMatrix::Fill(const web::Route& route) const {
    const std::string& p = route.pattern;
    auto ends_with = [&](const std::string& tail) {
        return p.size() >= tail.size() && p.compare(p.size() - tail.size(), tail.size(), tail) == 0;
    };
    std::string id;
    if (ends_with("/publish") || ends_with("/unpublish")) {
        id = ids_.draft;
    } else if (p.find("/plans/{id}") != std::string::npos) {
        id = ids_.plan;
    } else if (p.find("/institutions/{id}") != std::string::npos) {
        id = ids_.institution;
    } else if (p.find("/services/{id}") != std::string::npos) {
        id = ids_.service;
    } else if (p.find("/users/{id}") != std::string::npos) {
        // Posted without a role, an edit is refused as invalid: the account stays as it is.
        id = ids_.user;
    } else if (ends_with("/rounds/{id}/close")) {
        id = ids_.closable;
    } else if (p.find("/rounds/{id}") != std::string::npos) {
        id = ids_.round;
    } else if (p.find("/needs/{id}") != std::string::npos) {
        id = "999999";  // none: the route is reached, the service answers 404 (or 400 for the empty body)
    } else if (p.find("/reports/{id}") != std::string::npos) {
        // Submitting a submitted report is a 409 whoever asks; approving a draft too.
        id = ends_with("/submit") ? ids_.report_submitted : ids_.report_draft;
    }
    std::string path = std::regex_replace(p, std::regex("\\{id\\}"), id);
    path = std::regex_replace(path, std::regex("\\{month\\}"), "2025-05");
    return std::regex_replace(path, std::regex("\\{activity\\}"), ids_.activity);
}

WebReply RoleMatrix::Call(const web::Route& route, Role role, bool with_csrf) {
    Caller caller = callers_[role];
    // Signing out ends the session: use one made for this request.
    if (Key(route) == "POST /signout" && role != Role::kAnonymous) {
        caller = SignIn(std::string(Name(role)) + "@demo.planwatch");
    }
    std::map<std::string, std::string> headers = {{"Cookie", caller.cookie}};
    std::string body;
    if (route.method != "GET") {
        if (with_csrf) headers["X-CSRF-Token"] = caller.csrf;
        if (route.kind == web::RouteKind::kApi) {
            headers["Content-Type"] = "application/json";
        } else {
            headers["Content-Type"] = "application/x-www-form-urlencoded";
            body = with_csrf ? "csrf=" + caller.csrf : "x=1";
        }
        if (Key(route) == "POST /signin") {
            body += "&email=reporter@demo.planwatch&password=" + passwords_["reporter@demo.planwatch"];
        }
    }
    if (route.kind == web::RouteKind::kPage) headers["Accept"] = "text/html";
    // Visitors reading pages send no cookie at all, as a first visit does.
    if (role == Role::kAnonymous && route.method == "GET") headers.erase("Cookie");
    return Request(route.method, Fill(route), headers, body);
}

TEST_P(RoleMatrix, EveryRouteHasAnExpectedAccessThatMatchesTheRouteTable) {
    std::set<std::string> served;
    for (const web::Route& route : web::Routes()) {
        served.insert(Key(route));
        auto it = ExpectedAccess().find(Key(route));
        if (it == ExpectedAccess().end()) {
            ADD_FAILURE() << Key(route) << " is in routes.cc but not in the access table of roles_suite.cc";
            continue;
        }
        EXPECT_EQ(static_cast<int>(route.access), static_cast<int>(it->second)) << Key(route);
    }
    for (const auto& [key, access] : ExpectedAccess()) {
        EXPECT_TRUE(served.contains(key)) << key << " is in the access table but no longer served";
    }
}

TEST_P(RoleMatrix, EveryRoleGetsWhatItsAccessSaysOnEveryRoute) {
    ASSERT_NO_FATAL_FAILURE(Prepare());
    int checked = 0;
    for (const web::Route& route : web::Routes()) {
        auto expected = ExpectedAccess().find(Key(route));
        if (expected == ExpectedAccess().end()) continue;  // reported by the test above
        for (Role role : kRoles) {
            WebReply reply = Call(route, role);
            const std::string what = Key(route) + " as " + Name(role) + " (" + Fill(route) +
                                     "): " + std::to_string(reply.status) + " " + reply.body.substr(0, 300);
            ++checked;
            if (Admits(expected->second, role)) {
                EXPECT_NE(reply.status, 401) << what;
                EXPECT_NE(reply.status, 403) << what;
                EXPECT_GE(reply.status, 200) << what;
                EXPECT_LT(reply.status, 500) << what;
            } else if (role == Role::kAnonymous) {
                if (route.kind == web::RouteKind::kPage && route.method == "GET") {
                    EXPECT_EQ(reply.status, 303) << what;
                    EXPECT_EQ(reply.Header("Location").rfind("/signin?", 0), 0u) << what << reply.headers;
                } else {
                    EXPECT_EQ(reply.status, 401) << what;
                }
            } else {
                EXPECT_EQ(reply.status, 403) << what;
                if (route.kind == web::RouteKind::kApi) {
                    EXPECT_EQ(Body(reply)["error"]["code"], "permission_denied") << what;
                }
            }
        }
    }
    EXPECT_EQ(checked, static_cast<int>(web::Routes().size()) * 4);
    // The allowed publish and unpublish calls ran in that order: the plan is a draft again.
    EXPECT_EQ(Get("/api/v1/plans/" + ids_.draft).status, 404);
    // The submitted report served its purpose; returned, it leaves the review queue as the other suites expect it.
    EXPECT_EQ(Request("POST", "/api/v1/reports/" + ids_.report_submitted + "/return",
                      Json(callers_[Role::kCoordinator]), R"({"comment": "test of the role matrix"})")
                  .status,
              200);
}

TEST_P(RoleMatrix, FormPostsWithoutTheCsrfTokenAreRefused) {
    ASSERT_NO_FATAL_FAILURE(Prepare());
    for (const web::Route& route : web::Routes()) {
        if (route.method == "GET") continue;
        auto expected = ExpectedAccess().find(Key(route));
        if (expected == ExpectedAccess().end()) continue;
        // A role the route admits, so only the missing token can refuse it.
        Role role = Role::kAdmin;
        if (expected->second == Access::kPublic) role = Role::kAnonymous;
        WebReply reply = Call(route, role, /*with_csrf=*/false);
        EXPECT_EQ(reply.status, 403) << Key(route) << " as " << Name(role) << ": " << reply.body.substr(0, 300);
    }
    // Nothing was published by the refused calls.
    EXPECT_EQ(Get("/api/v1/plans/" + ids_.draft).status, 404);
}

TEST_P(RoleMatrix, AReporterWritesNothingForAnActivityItsInstitutionIsNotResponsibleFor) {
    ASSERT_NO_FATAL_FAILURE(Prepare());
    const Caller& reporter = callers_[Role::kReporter];
    const std::string foreign_report = "/api/v1/reports/" + ids_.report_foreign;
    WebReply created = Request("POST", "/api/v1/reports", Json(reporter),
                               nlohmann::json{{"activity", std::stoll(ids_.foreign)}, {"period", "2017-S2"}}.dump());
    EXPECT_EQ(created.status, 403) << created.body;
    WebReply edited = Request("PUT", foreign_report, Json(reporter),
                              nlohmann::json{{"version", 1}, {"status", "completed"}, {"narrative", "x"}}.dump());
    EXPECT_EQ(edited.status, 403) << edited.body;
    WebReply submitted = Request("POST", foreign_report + "/submit", Json(reporter), "{}");
    EXPECT_EQ(submitted.status, 403) << submitted.body;
    // The same through the reporter's form.
    const std::map<std::string, std::string> form = {
        {"Cookie", reporter.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "text/html"}};
    const std::string fields = "csrf=" + reporter.csrf + "&activity=" + ids_.foreign + "&claimed=in_progress";
    EXPECT_EQ(Request("POST", "/my/reports", form, fields + "&period=2017-S2").status, 403);
    EXPECT_EQ(Request("POST", "/my/reports", form,
                      fields + "&period=2017&report=" + ids_.report_foreign + "&version=1&action=submit")
                  .status,
              403);
    // The coordinator's report is as it was written.
    nlohmann::json stored = Body(Get(foreign_report, {{"Cookie", callers_[Role::kCoordinator].cookie}}));
    EXPECT_EQ(stored["review"], "draft");
    EXPECT_EQ(stored["version"], 1);
    EXPECT_EQ(stored["narrative"], "");
}

TEST_P(RoleMatrix, OnlyStaffSeeADraftUntilACoordinatorPublishesIt) {
    ASSERT_NO_FATAL_FAILURE(Prepare());
    const Caller& coordinator = callers_[Role::kCoordinator];
    const Caller& reporter = callers_[Role::kReporter];
    const std::string api = "/api/v1/plans/" + ids_.draft;
    auto listed = [&](const std::map<std::string, std::string>& headers) {
        for (const nlohmann::json& p : Body(Get("/api/v1/plans", headers))) {
            if (IdText(p["id"]) == ids_.draft) return true;
        }
        return false;
    };
    auto found_by_search = [&](const std::map<std::string, std::string>& headers) {
        const nlohmann::json found = Body(Get("/api/v1/search?q=broadband", headers));
        for (const nlohmann::json& hit : found["hits"]) {
            if (hit["plan"].is_number() && std::to_string(hit["plan"].get<int64_t>()) == ids_.draft) return true;
        }
        return false;
    };
    const std::map<std::string, std::string> staff = {{"Cookie", coordinator.cookie}};

    // A draft: 404 to the public and to a reporter, as if it did not exist; there for the coordinator.
    WebReply hidden = Get(api);
    EXPECT_EQ(hidden.status, 404);
    EXPECT_EQ(Body(hidden)["error"]["message"], "no plan with id " + ids_.draft);
    for (const std::string& path : {api, api + "/status", api + "/rounds", std::string("/plans/") + ids_.draft}) {
        EXPECT_EQ(Get(path).status, 404) << path;
        EXPECT_EQ(Get(path, {{"Cookie", reporter.cookie}}).status, 404) << path;
        EXPECT_EQ(Get(path, staff).status, 200) << path;
    }
    EXPECT_FALSE(listed({}));
    EXPECT_TRUE(listed(staff));
    EXPECT_FALSE(found_by_search({}));
    EXPECT_TRUE(found_by_search(staff));
    EXPECT_THAT(Get("/", {}).body, ::testing::Not(HasSubstr("Digital Inclusion Action Plan")));
    EXPECT_THAT(Get("/plans/" + ids_.draft + "?lang=en", staff).body,
                HasSubstr("This plan is a draft: the public cannot see it"));

    // A reporter may not publish; the coordinator may, once: the second call changes nothing.
    EXPECT_EQ(Request("POST", api + "/publish", Json(reporter), "").status, 403);
    EXPECT_EQ(Get(api).status, 404);
    WebReply published = Request("POST", api + "/publish", Json(coordinator), "");
    ASSERT_EQ(published.status, 200) << published.body;
    EXPECT_EQ(Body(published)["published"], true);
    EXPECT_EQ(Body(published)["changed"], true);
    EXPECT_EQ(Body(published)["published_by"], "coordinator@demo.planwatch");
    EXPECT_EQ(Body(Request("POST", api + "/publish", Json(coordinator), ""))["changed"], false);
    EXPECT_EQ(Get(api).status, 200);
    EXPECT_EQ(Get("/plans/" + ids_.draft).status, 200);
    EXPECT_TRUE(listed({}));
    EXPECT_TRUE(found_by_search({}));
    EXPECT_THAT(Get("/plans/" + ids_.draft + "?lang=en", staff).body,
                ::testing::Not(HasSubstr("This plan is a draft")));

    // Unpublished through the coordinator's screen: hidden again.
    WebReply form = Request("POST", "/coordinate/plans/" + ids_.draft + "/unpublish?lang=en",
                            {{"Cookie", coordinator.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}},
                            "csrf=" + coordinator.csrf);
    EXPECT_EQ(form.status, 303) << form.body;
    EXPECT_THAT(form.Header("Location"), HasSubstr("done=unpublished"));
    EXPECT_EQ(Get(api).status, 404);
    EXPECT_FALSE(listed({}));
    EXPECT_EQ(Request("POST", "/api/v1/plans/999999/publish", Json(coordinator), "").status, 404);
}

}  // namespace planwatch::testing
