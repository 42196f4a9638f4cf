// The whole web application without a socket: seed 000 imported into a fresh
// SQLite store, requests built by hand, answers checked for status, headers and
// the facts of the document (47 activities, statuses as of 2021-06-30).
#include "web/app.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>


namespace planwatch::web {
namespace {

constexpr char kPassword[] = "parola-de-test-lunga";

class AppTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::filesystem::temp_directory_path() / ("pw_app_test_" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        StatusOr<std::unique_ptr<storage::Store>> store = storage::OpenStore("sqlite:" + (dir_ / "db.sqlite").string());
        ASSERT_TRUE(store.ok()) << store.status();
        store_ = std::move(*store).release();
        services_ = new services::Services(*store_);
        StatusOr<services::ImportOutcome> imported = services_->imports().ImportFile(
            std::string(PLANWATCH_SOURCE_DIR) + "/samples/000_ffec081ef8fe4e47.txt", "test", {.publish = true});
        ASSERT_TRUE(imported.ok()) << imported.status();
        plan_id_ = imported->plan_id;
        for (const auto& [email, role, institution] :
             std::vector<std::tuple<std::string, std::string, std::string>>{{"coord@test.ro", "coordinator", ""},
                                                                            {"rep@test.ro", "reporter", "CPECA Cluj"},
                                                                            {"admin@test.ro", "admin", ""}}) {
            StatusOr<services::CreatedAccount> account = services_->accounts().Add(
                {.email = email, .role = role, .institution = institution, .password = kPassword, .token = true},
                "test");
            ASSERT_TRUE(account.ok()) << account.status();
            tokens_[role] = account->token;
        }
        app_ = new App(*services_, AppOptions{.max_form_bytes = 4096, .today = domain::CivilDate{2021, 6, 30}});
    }
    static void TearDownTestSuite() {
        delete app_;
        delete services_;
        delete store_;
        std::filesystem::remove_all(dir_);
    }

    static Response Get(const std::string& target, const std::map<std::string, std::string>& headers = {}) {
        Request request;
        size_t q = target.find('?');
        request.path = target.substr(0, q);
        request.query = q == std::string::npos ? "" : target.substr(q + 1);
        request.headers = headers;
        return Flat(app_->Handle(request));
    }
    // Cached answers and files carry their bytes in shared_body; tests read body.
    static Response Flat(Response response) {
        if (response.shared_body) response.body = *response.shared_body;
        return response;
    }
    static Response Post(const std::string& path, const std::string& body, std::map<std::string, std::string> headers,
                         const std::string& content_type = "application/x-www-form-urlencoded") {
        Request request;
        request.method = "POST";
        request.path = path;
        request.body = body;
        headers["content-type"] = content_type;
        request.headers = headers;
        return Flat(app_->Handle(request));
    }
    static std::string Header(const Response& response, const std::string& name) {
        std::string value;
        for (const auto& [key, text] : response.headers) {
            if (key == name) value += (value.empty() ? "" : "\n") + text;
        }
        return value;
    }
    // "pw_csrf=abc; Path=/…" -> "abc"
    static std::string CookieValue(const Response& response, const std::string& cookie) {
        std::smatch match;
        std::string headers = Header(response, "Set-Cookie");
        if (std::regex_search(headers, match, std::regex(cookie + "=([0-9a-f]*)"))) return match[1];
        return "";
    }
    static std::string Csrf(const std::string& html) {
        std::smatch match;
        if (std::regex_search(html, match, std::regex("name=\"csrf\" value=\"([0-9a-f]+)\""))) return match[1];
        return "";
    }
    // Signs in through the form and returns the session cookie header value.
    static std::string SignIn(const std::string& email) {
        Response form = Get("/signin");
        std::string visitor = CookieValue(form, "pw_csrf");
        Response done = Post("/signin", "csrf=" + visitor + "&email=" + email + "&password=" + kPassword,
                             {{"cookie", "pw_csrf=" + visitor}});
        EXPECT_EQ(done.status, 303) << done.body;
        return "pw_session=" + CookieValue(done, "pw_session");
    }
    static std::string Plan() { return "/plans/" + std::to_string(plan_id_); }

    static inline std::filesystem::path dir_;
    static inline storage::Store* store_ = nullptr;
    static inline services::Services* services_ = nullptr;
    static inline App* app_ = nullptr;
    static inline int64_t plan_id_ = 0;
    static inline std::map<std::string, std::string> tokens_;
};

TEST_F(AppTest, HomeListsThePlanInRomanianByDefault) {
    Response home = Get("/");
    EXPECT_EQ(home.status, 200);
    EXPECT_EQ(home.content_type, "text/html; charset=utf-8");
    EXPECT_NE(home.body.find("<html lang=\"ro\">"), std::string::npos);
    EXPECT_NE(home.body.find("Planuri de acțiune publicate"), std::string::npos);
    EXPECT_NE(home.body.find("href=\"" + Plan() + "?lang=ro\""), std::string::npos);
    EXPECT_NE(home.body.find("30 iunie 2021"), std::string::npos);
    EXPECT_NE(home.body.find("Salt la conținutul principal"), std::string::npos);
}

TEST_F(AppTest, EveryPublicPageExistsInAllThreeLanguages) {
    const std::vector<std::string> pages = {"/", Plan(), "/institutions", "/services", "/search?q=droguri", "/signin"};
    const std::map<std::string, std::string> heading = {{"ro", "Căutare"}, {"sl", "Iskanje"}, {"en", "Search"}};
    for (const std::string language : {"ro", "sl", "en"}) {
        for (const std::string& page : pages) {
            Response response = Get(page + (page.find('?') == std::string::npos ? "?" : "&") + "lang=" + language);
            EXPECT_EQ(response.status, 200) << page << " " << language;
            EXPECT_NE(response.body.find("<html lang=\"" + language + "\">"), std::string::npos) << page;
            EXPECT_NE(response.body.find(heading.at(language)), std::string::npos) << page << " " << language;
        }
    }
    Response by_header = Get("/", {{"accept-language", "sl-SI,sl;q=0.9,en;q=0.5"}});
    EXPECT_NE(by_header.body.find("<html lang=\"sl\">"), std::string::npos);
    Response by_cookie = Get("/", {{"cookie", "pw_lang=en"}});
    EXPECT_NE(by_cookie.body.find("Published action plans"), std::string::npos);
}

TEST_F(AppTest, PlanPageShowsAllActivitiesAndFiltersThem) {
    Response page = Get(Plan() + "?lang=en");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Showing 47 of 47 activities."), std::string::npos);
    EXPECT_NE(page.body.find("<svg"), std::string::npos);  // charts, each with a data table
    EXPECT_NE(page.body.find("Chart data"), std::string::npos);

    Response status = Get("/api/v1/plans/" + std::to_string(plan_id_) + "/status?as_of=2021-06-30");
    ASSERT_EQ(status.status, 200) << status.body;
    nlohmann::json counts = nlohmann::json::parse(status.body)["counts"];
    EXPECT_EQ(counts["total"], 47);
    const int overdue = counts["overdue"];
    EXPECT_GT(overdue, 0);
    EXPECT_EQ(counts["on_track"], 0);  // monitoring issue: none on track as of 2021-06-30 without reports
    Response filtered = Get(Plan() + "?lang=en&status=overdue");
    EXPECT_NE(filtered.body.find("Showing " + std::to_string(overdue) + " of 47 activities."), std::string::npos);
    Response lead = Get(Plan() + "?lang=en&institution=" + UrlEncode("CPECA Cluj"));
    EXPECT_EQ(lead.body.find("Showing 47 of 47"), std::string::npos);
    EXPECT_EQ(lead.body.find("Showing 0 of 47"), std::string::npos);
}

TEST_F(AppTest, ActivityPageShowsStatusReasonAndIndicators) {
    Response plan = Get("/api/v1/plans/" + std::to_string(plan_id_));
    nlohmann::json json = nlohmann::json::parse(plan.body);
    int64_t activity = 0;
    std::function<void(const nlohmann::json&)> find = [&](const nlohmann::json& nodes) {
        for (const nlohmann::json& node : nodes) {
            if (!activity && node.value("kind", "") == "activity" && !node.value("indicators", nlohmann::json::array()).empty()) {
                activity = node["id"].is_string() ? std::stoll(node["id"].get<std::string>()) : node["id"].get<int64_t>();
            }
            if (node.contains("children")) find(node["children"]);
        }
    };
    find(json["nodes"]);
    ASSERT_GT(activity, 0);
    Response page = Get(Plan() + "/activities/" + std::to_string(activity) + "?lang=en");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_NE(page.body.find("Why it has this status"), std::string::npos);
    EXPECT_NE(page.body.find("Indicators"), std::string::npos);
    EXPECT_NE(page.body.find("Reports history"), std::string::npos);
    EXPECT_EQ(Get(Plan() + "/activities/999999").status, 404);
}

TEST_F(AppTest, SearchIgnoresDiacriticsOnPageAndApi) {
    Response api = Get("/api/v1/search?q=scoala%20parintilor");
    ASSERT_EQ(api.status, 200) << api.body;
    nlohmann::json hits = nlohmann::json::parse(api.body)["hits"];
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits[0]["kind"], "activity");
    // Stored normalised (cedilla to comma-below): the document's "Şcoala părinţilor".
    EXPECT_NE(hits[0]["title"].get<std::string>().find("Școala părinților"), std::string::npos) << hits[0]["title"];
    Response page = Get("/search?q=SCOALA+PARINTILOR&lang=en");
    EXPECT_NE(page.body.find("Școala părinților"), std::string::npos);
    Response too_long = Get("/api/v1/search?q=" + std::string(300, 'a'));
    EXPECT_EQ(too_long.status, 422);
}

TEST_F(AppTest, EveryAnswerCarriesTheSecurityHeaders) {
    for (const std::string& target : {std::string("/"), Plan(), std::string("/api/v1/plans"), std::string("/nope")}) {
        Response response = Get(target);
        std::string csp = Header(response, "Content-Security-Policy");
        EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << target;
        EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
        EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
        EXPECT_EQ(Header(response, "X-Content-Type-Options"), "nosniff");
        EXPECT_EQ(Header(response, "Referrer-Policy"), "same-origin");
    }
    EXPECT_EQ(Get("/nope").status, 404);
    EXPECT_EQ(Get("/nope").content_type, "application/json; charset=utf-8");  // curl and scripts
    EXPECT_EQ(Get("/nope", {{"accept", "text/html,*/*"}}).content_type, "text/html; charset=utf-8");  // browsers
    EXPECT_EQ(Get("/api/v1/nope", {{"accept", "text/html"}}).content_type, "application/json; charset=utf-8");
    EXPECT_EQ(Post("/api/v1/plans/1", "", {}).status, 405);
}

TEST_F(AppTest, StaticFilesHaveHashedNamesAndLongLifetimes) {
    Response home = Get("/");
    std::smatch match;
    ASSERT_TRUE(std::regex_search(home.body, match, std::regex("/static/vendor/uswds/css/uswds\\.min\\.[0-9a-f]{10}\\.css")));
    Response css = Get(match[0]);
    EXPECT_EQ(css.status, 200);
    EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
    EXPECT_EQ(Header(css, "Cache-Control"), "public, max-age=31536000, immutable");
    Response plain = Get("/static/vendor/htmx/htmx.min.js");
    EXPECT_EQ(Header(plain, "Cache-Control"), "public, max-age=3600");
    Response again = Get(match[0], {{"if-none-match", Header(css, "ETag")}});
    EXPECT_EQ(again.status, 304);
    EXPECT_EQ(Get("/static/nothing.css").status, 404);
}

TEST_F(AppTest, SignInNeedsTheFormTokenAndSetsAHardenedCookie) {
    Response no_token = Post("/signin", std::string("email=coord@test.ro&password=") + kPassword, {});
    EXPECT_EQ(no_token.status, 403);
    Response form = Get("/signin");
    std::string visitor = CookieValue(form, "pw_csrf");
    ASSERT_EQ(visitor.size(), 64u);
    EXPECT_EQ(Csrf(form.body), visitor);
    Response wrong = Post("/signin", "csrf=" + visitor + "&email=coord@test.ro&password=wrong-password",
                          {{"cookie", "pw_csrf=" + visitor}});
    EXPECT_EQ(wrong.status, 401);
    EXPECT_NE(wrong.body.find("nu sunt corecte"), std::string::npos);
    Response ok = Post("/signin", "csrf=" + visitor + "&email=coord@test.ro&password=" + kPassword,
                       {{"cookie", "pw_csrf=" + visitor}});
    ASSERT_EQ(ok.status, 303);
    std::string cookie = Header(ok, "Set-Cookie");
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
    EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // no TLS in this test
    EXPECT_EQ(Header(ok, "Location"), "/coordinate?lang=ro");
}

TEST_F(AppTest, FailedSignInsLockTheAccountForAWhile) {
    Response form = Get("/signin");
    std::string visitor = CookieValue(form, "pw_csrf");
    int last = 0;
    for (int attempt = 0; attempt < 6; ++attempt) {
        last = Post("/signin", "csrf=" + visitor + "&email=admin@test.ro&password=nope-nope-nope",
                    {{"cookie", "pw_csrf=" + visitor}})
                   .status;
    }
    EXPECT_EQ(last, 429);
    Response locked = Post("/signin", "csrf=" + visitor + "&email=admin@test.ro&password=" + kPassword,
                           {{"cookie", "pw_csrf=" + visitor}});
    EXPECT_EQ(locked.status, 429);  // even the right password waits
}

TEST_F(AppTest, RolesAreCheckedOnEveryStaffPage) {
    std::string coordinator = SignIn("coord@test.ro");
    std::string reporter = SignIn("rep@test.ro");
    struct Case {
        std::string path;
        int anonymous, reporter, coordinator;
    };
    for (const Case& c : std::vector<Case>{{"/my", 303, 200, 403}, {"/coordinate", 303, 403, 200}, {"/admin", 303, 403, 403}}) {
        EXPECT_EQ(Get(c.path).status, c.anonymous) << c.path;
        EXPECT_EQ(Get(c.path, {{"cookie", reporter}}).status, c.reporter) << c.path;
        EXPECT_EQ(Get(c.path, {{"cookie", coordinator}}).status, c.coordinator) << c.path;
    }
    Response my = Get("/my?lang=en", {{"cookie", reporter}});
    EXPECT_NE(my.body.find("CPECA"), std::string::npos);
    EXPECT_EQ(Header(Get("/my", {{"cookie", reporter}}), "Cache-Control"), "no-store");
}

TEST_F(AppTest, WritesNeedTheSessionsCsrfToken) {
    std::string coordinator = SignIn("coord@test.ro");
    Response page = Get("/coordinate", {{"cookie", coordinator}});
    std::string csrf = Csrf(page.body);
    ASSERT_EQ(csrf.size(), 64u);
    const std::string boundary = "B0undary";
    const std::string upload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf +
                               "\r\n--" + boundary +
                               "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.json\"\r\n\r\n{}\r\n--" +
                               boundary + "--\r\n";
    Response forged = Post("/coordinate/import", upload, {{"cookie", coordinator}},
                           "multipart/form-data; boundary=Other");
    EXPECT_EQ(forged.status, 403);
    Response preview = Post("/coordinate/import", upload, {{"cookie", coordinator}},
                            "multipart/form-data; boundary=" + boundary);
    EXPECT_EQ(preview.status, 422);  // "{}" is not a plan: the message names why, nothing is stored
    EXPECT_NE(preview.body.find("usa-error-message"), std::string::npos);
    Response signout = Post("/signout", "csrf=" + csrf, {{"cookie", coordinator}});
    EXPECT_EQ(signout.status, 303);
    EXPECT_EQ(Get("/coordinate", {{"cookie", coordinator}}).status, 303);  // the session is gone
}

TEST_F(AppTest, ApiWritesCheckTheTokenAndRole) {
    const std::string plan_json = Get("/api/v1/plans/" + std::to_string(plan_id_)).body;
    auto post = [&](const std::string& role, const std::string& body) {
        std::map<std::string, std::string> headers;
        if (!role.empty()) headers["authorization"] = "Bearer " + tokens_[role];
        return Post("/api/v1/plans", body, headers, "application/json").status;
    };
    EXPECT_EQ(post("", "{}"), 401);
    EXPECT_EQ(post("reporter", "{}"), 403);
    EXPECT_EQ(post("coordinator", "{}"), 422);  // not a plan: the importer says why, nothing is stored
    EXPECT_EQ(post("admin", "{}"), 422);
    EXPECT_EQ(post("coordinator", plan_json), 413);  // 4 KB form limit in this test; the plan JSON is larger
    Response bad_token = Post("/api/v1/plans", "{}", {{"authorization", "Bearer pw_nope"}}, "application/json");
    EXPECT_EQ(bad_token.status, 401);
    EXPECT_NE(bad_token.body.find("\"code\":\"unauthenticated\""), std::string::npos);
    Response me = Get("/api/v1/me", {{"authorization", "Bearer " + tokens_["reporter"]}});
    EXPECT_EQ(me.status, 200);
    EXPECT_NE(me.body.find("rep@test.ro"), std::string::npos);
}

TEST_F(AppTest, OversizedFormsAreRefusedWith413) {
    Response big = Post("/signin", std::string(5000, 'x'), {});
    EXPECT_EQ(big.status, 413);
}

}  // namespace
}  // namespace planwatch::web
