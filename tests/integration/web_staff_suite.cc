// The administrator's account screen and the coordinator's closing of a round,
// through the forms a browser posts, against the `serve --demo` of web_suite.h
// (so on SQLite and on PostgreSQL).
#include <gmock/gmock.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "web/request.h"
#include "web_staff_suite.h"

namespace planwatch::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

}  // namespace

FormSession WebStaff::SignIn(const std::string& email, const std::string& password, int* status) {
    const std::string visitor = CookieValue(Get("/signin"), "pw_csrf");
    WebReply reply = Request("POST", "/signin",
                             {{"Cookie", "pw_csrf=" + visitor}, {"Content-Type", "application/x-www-form-urlencoded"}},
                             "csrf=" + visitor + "&email=" + web::UrlEncode(email) + "&password=" + web::UrlEncode(password));
    if (status) *status = reply.status;
    FormSession session{.cookie = "pw_session=" + CookieValue(reply, "pw_session")};
    WebReply me = Get("/api/v1/me", {{"Cookie", session.cookie}});
    if (me.status == 200) session.csrf = nlohmann::json::parse(me.body).value("csrf", "");
    return session;
}

TEST_P(WebStaff, AnAdministratorChangesAnAccountAndDisablesIt) {
    ASSERT_EQ(passwords_.size(), 3u) << server_->Out();
    const FormSession admin = SignIn("admin@demo.planwatch", passwords_["admin@demo.planwatch"]);
    ASSERT_EQ(admin.csrf.size(), 64u);

    // A new reporter for CPECA Cluj, the demo reporter's institution.
    WebReply added = Request("POST", "/admin/users?lang=en", admin.Form(),
                             "csrf=" + admin.csrf + "&email=staff.edit%40demo.planwatch&role=reporter&institution=" +
                                 web::UrlEncode("CPECA Cluj"));
    ASSERT_EQ(added.status, 200) << added.body.substr(0, 400);
    std::smatch generated;
    const std::string added_body = added.body;
    ASSERT_TRUE(std::regex_search(added_body, generated, std::regex("Generated password: ([A-Za-z0-9]{20})")));
    const std::string password = generated[1];

    int status = 0;
    FormSession user = SignIn("staff.edit@demo.planwatch", password, &status);
    ASSERT_EQ(status, 303);
    nlohmann::json me = nlohmann::json::parse(Get("/api/v1/me", {{"Cookie", user.cookie}}).body);
    EXPECT_EQ(me["role"], "reporter");
    const std::string user_id = IdText(me["id"]);
    EXPECT_EQ(Get("/my", {{"Cookie", user.cookie}}).status, 200);

    // The accounts table names the institution and links each account's form.
    WebReply list = Get("/admin?lang=en", {{"Cookie", admin.cookie}});
    EXPECT_THAT(list.body, HasSubstr("<th scope=\"row\">staff.edit@demo.planwatch</th><td>Reporter</td><td>CPECA Cluj</td>"
                                     "<td>Active</td>"));
    EXPECT_THAT(list.body, HasSubstr("href=\"/admin/users/" + user_id + "?lang=en\""));
    WebReply form = Get("/admin/users/" + user_id + "?lang=en", {{"Cookie", admin.cookie}});
    EXPECT_EQ(form.status, 200);
    EXPECT_THAT(form.body, HasSubstr("<option value=\"CPECA Cluj\" selected>CPECA Cluj</option>"));
    EXPECT_THAT(form.body, HasSubstr("<option value=\"reporter\" selected>"));
    EXPECT_EQ(Get("/admin/users/999999?lang=en", {{"Cookie", admin.cookie}}).status, 404);

    // A reporter without an institution is refused next to the field, and nothing changes.
    WebReply refused = Request("POST", "/admin/users/" + user_id + "?lang=en", admin.Form(),
                               "csrf=" + admin.csrf + "&role=reporter&institution=");
    EXPECT_EQ(refused.status, 422);
    EXPECT_THAT(refused.body, HasSubstr("id=\"user-institution-error\""));
    EXPECT_EQ(nlohmann::json::parse(Get("/api/v1/me", {{"Cookie", user.cookie}}).body)["role"], "reporter");

    // Made a coordinator: the same session now reaches the coordinator's screen.
    WebReply promoted = Request("POST", "/admin/users/" + user_id + "?lang=en", admin.Form(),
                                "csrf=" + admin.csrf + "&role=coordinator&institution=");
    EXPECT_EQ(promoted.status, 303) << promoted.body.substr(0, 400);
    EXPECT_EQ(promoted.Header("Location"), "/admin/users/" + user_id + "?lang=en&done=saved");
    me = nlohmann::json::parse(Get("/api/v1/me", {{"Cookie", user.cookie}}).body);
    EXPECT_EQ(me["role"], "coordinator");
    EXPECT_TRUE(me["institution"].is_null());
    EXPECT_EQ(Get("/coordinate", {{"Cookie", user.cookie}}).status, 200);

    // Disabled: its session ends at once and its password no longer signs in.
    WebReply disabled = Request("POST", "/admin/users/" + user_id + "?lang=en", admin.Form(),
                                "csrf=" + admin.csrf + "&role=coordinator&institution=&disabled=1");
    EXPECT_EQ(disabled.status, 303);
    EXPECT_EQ(Get("/api/v1/me", {{"Cookie", user.cookie}}).status, 401);
    SignIn("staff.edit@demo.planwatch", password, &status);
    EXPECT_EQ(status, 401);
    EXPECT_THAT(Get("/admin?lang=en", {{"Cookie", admin.cookie}}).body,
                HasSubstr("<th scope=\"row\">staff.edit@demo.planwatch</th><td>Coordinator</td><td></td><td>Disabled</td>"));

    // Enabled again, the same password works.
    EXPECT_EQ(Request("POST", "/admin/users/" + user_id + "?lang=en", admin.Form(),
                      "csrf=" + admin.csrf + "&role=coordinator&institution=")
                  .status,
              303);
    SignIn("staff.edit@demo.planwatch", password, &status);
    EXPECT_EQ(status, 303);

    // An administrator cannot lock themselves out; a coordinator cannot change accounts at all.
    const std::string admin_id = IdText(nlohmann::json::parse(Get("/api/v1/me", {{"Cookie", admin.cookie}}).body)["id"]);
    WebReply self = Request("POST", "/admin/users/" + admin_id + "?lang=en", admin.Form(),
                            "csrf=" + admin.csrf + "&role=admin&institution=&disabled=1");
    EXPECT_EQ(self.status, 422);
    EXPECT_THAT(self.body, HasSubstr("you cannot disable your own account"));
    EXPECT_EQ(Get("/api/v1/me", {{"Cookie", admin.cookie}}).status, 200);
    const FormSession coordinator = SignIn("coordinator@demo.planwatch", passwords_["coordinator@demo.planwatch"]);
    EXPECT_EQ(Request("POST", "/admin/users/" + user_id, coordinator.Form(),
                      "csrf=" + coordinator.csrf + "&role=admin&institution=")
                  .status,
              403);
}

TEST_P(WebStaff, ACoordinatorClosesARoundFromTheRoundsScreen) {
    const FormSession coordinator = SignIn("coordinator@demo.planwatch", passwords_["coordinator@demo.planwatch"]);
    ASSERT_EQ(coordinator.csrf.size(), 64u);
    std::string plan;
    for (const nlohmann::json& p : nlohmann::json::parse(Get("/api/v1/plans").body)) {
        if (p.value("activities", 0) == 47) plan = IdText(p["id"]);
    }
    ASSERT_FALSE(plan.empty());
    // A round of this test's own, still open (its due date is ahead), for a quarter in which seed 000
    // schedules nothing, so no status moves when it closes.
    WebReply opened = Request("POST", "/api/v1/plans/" + plan + "/rounds", coordinator.Json(),
                              nlohmann::json{{"period", "2026-Q4"}, {"opens_on", "2026-10-01"},
                                             {"due_on", "2099-12-31"}}.dump());
    ASSERT_EQ(opened.status, 201) << opened.body;
    nlohmann::json round = nlohmann::json::parse(opened.body);
    const std::string id = IdText(round["id"]);
    EXPECT_TRUE(round["closed_on"].is_null());
    EXPECT_EQ(round["locked"], false);

    WebReply screen = Get("/coordinate?lang=ro", {{"Cookie", coordinator.cookie}});
    EXPECT_THAT(screen.body, HasSubstr("action=\"/coordinate/rounds/" + id + "/close?lang=ro\""));
    EXPECT_THAT(screen.body, HasSubstr("Închide runda"));

    WebReply closed = Request("POST", "/coordinate/rounds/" + id + "/close?lang=ro", coordinator.Form(),
                              "csrf=" + coordinator.csrf);
    EXPECT_EQ(closed.status, 303) << closed.body.substr(0, 400);
    EXPECT_EQ(closed.Header("Location"), "/coordinate?lang=ro&done=closed#rounds");
    round = nlohmann::json::parse(Get("/api/v1/rounds/" + id).body);
    EXPECT_TRUE(round["closed_on"].is_string());
    EXPECT_EQ(round["locked"], true);
    // The rounds table says when it was closed and offers reopening instead.
    screen = Get("/coordinate?lang=ro&done=closed", {{"Cookie", coordinator.cookie}});
    EXPECT_THAT(screen.body, HasSubstr("Runda a fost închisă."));
    EXPECT_THAT(screen.body, HasSubstr("Închisă la "));
    EXPECT_THAT(screen.body, HasSubstr("action=\"/coordinate/rounds/" + id + "/reopen?lang=ro\""));
    EXPECT_THAT(screen.body, Not(HasSubstr("action=\"/coordinate/rounds/" + id + "/close?lang=ro\"")));

    // Twice is a conflict, through the API as through the form.
    WebReply again = Request("POST", "/api/v1/rounds/" + id + "/close", coordinator.Json(), "{}");
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(nlohmann::json::parse(again.body)["error"]["code"], "conflict");
    EXPECT_EQ(Request("POST", "/coordinate/rounds/" + id + "/close?lang=ro", coordinator.Form(),
                      "csrf=" + coordinator.csrf)
                  .status,
              409);
    EXPECT_EQ(Request("POST", "/api/v1/rounds/999999/close", coordinator.Json(), "{}").status, 404);
}

}  // namespace planwatch::testing
