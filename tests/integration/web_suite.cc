#include "web_suite.h"

#include <gmock/gmock.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

namespace planwatch::testing {
namespace {

using ::testing::HasSubstr;

std::string Quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string Lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// "pw_csrf=abc…" from the Set-Cookie headers.
std::string CookieValue(const WebReply& reply, const std::string& name) {
    std::smatch match;
    if (std::regex_search(reply.headers, match, std::regex(name + "=([0-9a-f]+)"))) return match[1];
    return "";
}

}  // namespace

std::string WebReply::Header(const std::string& name) const {
    const std::string wanted = Lower(name) + ":";
    size_t start = 0;
    while (start < headers.size()) {
        size_t end = headers.find("\r\n", start);
        if (end == std::string::npos) end = headers.size();
        std::string line = headers.substr(start, end - start);
        if (Lower(line).rfind(wanted, 0) == 0) {
            std::string value = line.substr(wanted.size());
            return value.substr(value.find_first_not_of(' ') == std::string::npos ? 0 : value.find_first_not_of(' '));
        }
        start = end + 2;
    }
    return "";
}

void WebEndToEnd::StartServer(const WebBackend& backend) {
    if (server_ && backend_ == backend.name) return;
    StopServer();
    dir_ = (std::filesystem::temp_directory_path() / ("pw_web_e2e_" + std::to_string(::getpid()) + "_" + backend.name))
               .string();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    const int port = FreePort();
    base_ = "http://127.0.0.1:" + std::to_string(port);
    backend_ = backend.name;
    server_ = std::make_unique<Background>(
        std::vector<std::string>{"serve", "--db", backend.fresh_database(dir_), "--port", std::to_string(port), "--demo"},
        dir_, "serve");
    ASSERT_TRUE(server_->WaitForOutput("planwatch: listening on " + base_)) << server_->Err();
    std::string out = server_->Out();
    std::regex account("demo: account (\\S+) password (\\S+)");
    for (auto it = std::sregex_iterator(out.begin(), out.end(), account); it != std::sregex_iterator(); ++it) {
        passwords_[(*it)[1]] = (*it)[2];
    }
}

void WebEndToEnd::StopServer() {
    if (!server_) return;
    server_->Signal(SIGTERM);
    server_->Wait();
    server_.reset();
    std::filesystem::remove_all(dir_);
}

void WebEndToEnd::SetUp() { StartServer(GetParam()); }

WebReply WebEndToEnd::Request(const std::string& method, const std::string& path,
                              const std::map<std::string, std::string>& headers, const std::string& body,
                              const std::string& body_file) {
    std::string command = "curl -s -i -X " + method + " " + Quote(base_ + path);
    for (const auto& [name, value] : headers) command += " -H " + Quote(name + ": " + value);
    if (!body_file.empty()) {
        command += " --data-binary @" + Quote(body_file);
    } else if (!body.empty()) {
        const std::string file = dir_ + "/body.tmp";
        WriteFile(file, body);
        command += " --data-binary @" + Quote(file);
    }
    std::FILE* pipe = ::popen(command.c_str(), "r");
    std::string raw;
    char buffer[4096];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) raw.append(buffer, n);
    ::pclose(pipe);
    WebReply reply;
    size_t split = raw.find("\r\n\r\n");
    reply.headers = raw.substr(0, split);
    reply.body = split == std::string::npos ? "" : raw.substr(split + 4);
    if (raw.rfind("HTTP/", 0) == 0) reply.status = std::atoi(raw.c_str() + raw.find(' ') + 1);
    return reply;
}

TEST_P(WebEndToEnd, PublicPagesAnswerInEveryLanguageWithSecurityHeaders) {
    WebReply plans = Get("/api/v1/plans");
    ASSERT_EQ(plans.status, 200) << plans.body;
    nlohmann::json list = nlohmann::json::parse(plans.body);
    ASSERT_FALSE(list.empty());
    const nlohmann::json& id = list[0]["id"];  // plan ids are JSON strings (plan-format.md)
    const std::string plan = "/plans/" + (id.is_string() ? id.get<std::string>() : std::to_string(id.get<int64_t>()));
    for (const std::string lang : {"ro", "sl", "en"}) {
        for (const std::string& page : {std::string("/"), plan, std::string("/institutions"), std::string("/services"),
                                        std::string("/search?q=droguri"), std::string("/signin")}) {
            WebReply reply = Get(page + (page.find('?') == std::string::npos ? "?" : "&") + "lang=" + lang);
            EXPECT_EQ(reply.status, 200) << page << " " << lang;
            EXPECT_THAT(reply.body, HasSubstr("<html lang=\"" + lang + "\">")) << page;
            EXPECT_THAT(reply.Header("Content-Security-Policy"), HasSubstr("frame-ancestors 'none'"));
            EXPECT_EQ(reply.Header("X-Content-Type-Options"), "nosniff");
        }
    }
    EXPECT_EQ(Get("/no/such/page").status, 404);
}

TEST_P(WebEndToEnd, OpenApiDocumentIsServed) {
    WebReply reply = Get("/api/v1/openapi.json");
    ASSERT_EQ(reply.status, 200);
    nlohmann::json document = nlohmann::json::parse(reply.body);
    EXPECT_EQ(document["openapi"], "3.0.3");
    EXPECT_TRUE(document["paths"].contains("/api/v1/plans/{id}/status"));
    for (auto& [path, item] : document["paths"].items()) {
        if (path.find('{') != std::string::npos || !item.contains("get")) continue;
        EXPECT_NE(Get(path).status, 404) << path;  // every plain GET path is served
    }
}

TEST_P(WebEndToEnd, SearchIsInsensitiveToCaseAndDiacritics) {
    for (const std::string query : {"scoala%20parintilor", "%C5%9Ecoala%20p%C4%83rin%C5%A3ilor", "SCOALA+PARINTILOR"}) {
        WebReply reply = Get("/api/v1/search?q=" + query);
        ASSERT_EQ(reply.status, 200) << reply.body;
        nlohmann::json hits = nlohmann::json::parse(reply.body)["hits"];
        ASSERT_FALSE(hits.empty()) << query;
        EXPECT_EQ(hits[0]["kind"], "activity") << query;
        EXPECT_THAT(hits[0]["title"].get<std::string>(), HasSubstr("coala p")) << query;
    }
    nlohmann::json institutions = nlohmann::json::parse(Get("/api/v1/search?q=cpeca").body)["hits"];
    bool found = false;
    for (const nlohmann::json& hit : institutions) found |= hit["kind"] == "institution";
    EXPECT_TRUE(found);
}

TEST_P(WebEndToEnd, SignInThenRoleChecksOnEveryStaffPage) {
    ASSERT_EQ(passwords_.size(), 3u) << server_->Out();
    WebReply form = Get("/signin");
    const std::string visitor = CookieValue(form, "pw_csrf");
    ASSERT_EQ(visitor.size(), 64u);
    std::map<std::string, std::string> sessions;
    for (const auto& [email, password] : passwords_) {
        WebReply signed_in = Request("POST", "/signin",
                                     {{"Cookie", "pw_csrf=" + visitor},
                                      {"Content-Type", "application/x-www-form-urlencoded"}},
                                     "csrf=" + visitor + "&email=" + email + "&password=" + password);
        ASSERT_EQ(signed_in.status, 303) << email << signed_in.body;
        EXPECT_THAT(signed_in.Header("Set-Cookie"), HasSubstr("HttpOnly; SameSite=Lax"));
        sessions[email] = "pw_session=" + CookieValue(signed_in, "pw_session");
    }
    struct Case {
        std::string path;
        int admin, coordinator, reporter, anonymous;
    };
    for (const Case& c : std::vector<Case>{{"/my", 200, 403, 200, 303},
                                           {"/coordinate", 200, 200, 403, 303},
                                           {"/admin", 200, 403, 403, 303}}) {
        EXPECT_EQ(Get(c.path, {{"Cookie", sessions["admin@demo.planwatch"]}}).status, c.admin) << c.path;
        EXPECT_EQ(Get(c.path, {{"Cookie", sessions["coordinator@demo.planwatch"]}}).status, c.coordinator) << c.path;
        EXPECT_EQ(Get(c.path, {{"Cookie", sessions["reporter@demo.planwatch"]}}).status, c.reporter) << c.path;
        EXPECT_EQ(Get(c.path).status, c.anonymous) << c.path;
    }
    // A write without the session's CSRF token is refused.
    WebReply forged = Request("POST", "/admin/users",
                              {{"Cookie", sessions["admin@demo.planwatch"]},
                               {"Content-Type", "application/x-www-form-urlencoded"}},
                              "email=x@y.ro&role=admin");
    EXPECT_EQ(forged.status, 403);
}

TEST_P(WebEndToEnd, ApiImportNeedsACoordinatorAndLimitsSize) {
    const std::string file = dir_ + "/plan.txt";
    WriteFile(file, ReadFile(std::string(PLANWATCH_SOURCE_DIR) + "/samples/002_8d53b20a0e2536f7.txt"));
    WebReply anonymous = Request("POST", "/api/v1/plans", {{"Content-Type", "application/json"}}, "{}");
    EXPECT_EQ(anonymous.status, 401);
    EXPECT_EQ(nlohmann::json::parse(anonymous.body)["error"]["code"], "unauthenticated");
    WebReply huge = Request("POST", "/signin", {{"Content-Type", "application/x-www-form-urlencoded"}},
                            std::string(2u << 20, 'x'));
    EXPECT_EQ(huge.status, 413);
}

// A signed-in session as a script holds it: the cookie, and the CSRF token /api/v1/me gives.
struct Session {
    std::string cookie;
    std::string csrf;
    std::map<std::string, std::string> Json() const {
        return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Content-Type", "application/json"}};
    }
};

TEST_P(WebEndToEnd, MonitoringRoundThroughTheApi) {
    ASSERT_EQ(passwords_.size(), 3u) << server_->Out();
    const std::string visitor = CookieValue(Get("/signin"), "pw_csrf");
    auto sign_in = [&](const std::string& email) {
        WebReply reply = Request("POST", "/signin",
                                 {{"Cookie", "pw_csrf=" + visitor},
                                  {"Content-Type", "application/x-www-form-urlencoded"}},
                                 "csrf=" + visitor + "&email=" + email + "&password=" + passwords_[email]);
        Session session{.cookie = "pw_session=" + CookieValue(reply, "pw_session")};
        WebReply me = Get("/api/v1/me", {{"Cookie", session.cookie}});
        session.csrf = nlohmann::json::parse(me.body).value("csrf", "");
        return session;
    };
    const Session coordinator = sign_in("coordinator@demo.planwatch");
    const Session reporter = sign_in("reporter@demo.planwatch");
    ASSERT_EQ(reporter.csrf.size(), 64u);
    const int64_t reporter_institution = nlohmann::json::parse(Get("/api/v1/me", {{"Cookie", reporter.cookie}}).body)
                                             .value("institution", int64_t{0});
    ASSERT_GT(reporter_institution, 0);

    // Seed 000 is the plan with 47 activities.
    std::string plan;
    for (const nlohmann::json& p : nlohmann::json::parse(Get("/api/v1/plans").body)) {
        if (p.value("activities", 0) == 47) plan = p["id"].is_string() ? p["id"].get<std::string>()
                                                                      : std::to_string(p["id"].get<int64_t>());
    }
    ASSERT_FALSE(plan.empty());
    const std::string rounds = "/api/v1/plans/" + plan + "/rounds";
    const std::string round_body = R"({"period": "2019", "opens_on": "2026-11-01", "due_on": "2027-06-30"})";

    // Only a coordinator opens a round, and only once per period.
    EXPECT_EQ(Request("POST", rounds, reporter.Json(), round_body).status, 403);
    EXPECT_EQ(Request("POST", rounds, {{"Content-Type", "application/json"}}, round_body).status, 401);
    WebReply bad_period = Request("POST", rounds, coordinator.Json(), R"({"period": "2020-S3"})");
    EXPECT_EQ(bad_period.status, 422) << bad_period.body;
    EXPECT_EQ(nlohmann::json::parse(bad_period.body)["error"]["field"], "period");
    WebReply opened = Request("POST", rounds, coordinator.Json(), round_body);
    ASSERT_EQ(opened.status, 201) << opened.body;
    EXPECT_EQ(Request("POST", rounds, coordinator.Json(), round_body).status, 409);
    nlohmann::json round = nlohmann::json::parse(opened.body);
    EXPECT_EQ(round["period"], "2019");
    EXPECT_EQ(round["received"], 0);
    ASSERT_GT(round["expected"].get<int>(), 0);
    EXPECT_EQ(round["reports"].size(), round["expected"].get<size_t>());

    // The reporter's institution owes one of them; another activity it has nothing to do with.
    int64_t owed = 0;
    std::string owed_code;
    for (const nlohmann::json& e : round["reports"]) {
        if (e["institution_id"] == reporter_institution && owed == 0) {
            owed = e["activity"];
            owed_code = e["code"];
        }
    }
    ASSERT_NE(owed, 0) << "CPECA Cluj leads no activity scheduled in 2019";
    nlohmann::json plan_json = nlohmann::json::parse(Get("/api/v1/plans/" + plan).body);
    int64_t foreign = 0;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& nodes) {
        for (const nlohmann::json& node : nodes) {
            if (node.value("kind", "") == "activity" && foreign == 0) {
                bool ours = false;
                for (const nlohmann::json& r : node.value("responsible", nlohmann::json::array())) {
                    ours = ours || r.value("institution", "") == "CPECA Cluj";
                }
                if (!ours && node.contains("id")) {
                    foreign = node["id"].is_string() ? std::stoll(node["id"].get<std::string>()) : node["id"].get<int64_t>();
                }
            }
            if (node.contains("children")) walk(node["children"]);
        }
    };
    walk(plan_json["nodes"]);
    ASSERT_NE(foreign, 0);
    WebReply denied = Request("POST", "/api/v1/reports", reporter.Json(),
                              nlohmann::json{{"activity", foreign}, {"period", "2019"}}.dump());
    EXPECT_EQ(denied.status, 403) << denied.body;
    EXPECT_EQ(Request("POST", "/api/v1/reports", {{"Content-Type", "application/json"}},
                      nlohmann::json{{"activity", owed}, {"period", "2019"}}.dump()).status, 401);
    WebReply bad_state = Request("POST", "/api/v1/reports", reporter.Json(),
                                 nlohmann::json{{"activity", owed}, {"period", "2019"}, {"status", "done"}}.dump());
    EXPECT_EQ(bad_state.status, 422);
    EXPECT_EQ(nlohmann::json::parse(bad_state.body)["error"]["field"], "status");

    // Draft, submit, return, edit, resubmit, approve.
    WebReply created = Request("POST", "/api/v1/reports", reporter.Json(),
                               nlohmann::json{{"activity", owed}, {"period", "2019"}, {"status", "in_progress"},
                                              {"narrative", "Campania a început în școli"},
                                              {"evidence", {"https://example.org/raport"}}}.dump());
    ASSERT_EQ(created.status, 201) << created.body;
    nlohmann::json report = nlohmann::json::parse(created.body);
    const std::string path = "/api/v1/reports/" + std::to_string(report["id"].get<int64_t>());
    EXPECT_EQ(report["review"], "draft");
    EXPECT_EQ(report["institution"], reporter_institution);
    EXPECT_EQ(Request("POST", path + "/approve", coordinator.Json(), "{}").status, 409);  // not submitted yet
    ASSERT_EQ(Request("POST", path + "/submit", reporter.Json(), "{}").status, 200);
    WebReply round_after = Get("/api/v1/rounds/" + std::to_string(round["id"].get<int64_t>()));
    ASSERT_EQ(round_after.status, 200);
    EXPECT_EQ(nlohmann::json::parse(round_after.body)["received"], 1);
    // Two rounds on the plan: the demo's 2020 and this one.
    EXPECT_EQ(nlohmann::json::parse(Get(rounds).body)["rounds"].size(), 2u);
    EXPECT_EQ(Request("POST", path + "/approve", reporter.Json(), "{}").status, 403);
    WebReply no_comment = Request("POST", path + "/return", coordinator.Json(), R"({"comment": ""})");
    EXPECT_EQ(no_comment.status, 422);
    WebReply returned = Request("POST", path + "/return", coordinator.Json(), R"({"comment": "Câte școli?"})");
    ASSERT_EQ(returned.status, 200) << returned.body;
    nlohmann::json after_return = nlohmann::json::parse(returned.body);
    EXPECT_EQ(after_return["review"], "returned");
    EXPECT_EQ(after_return["review_comment"], "Câte școli?");

    const int version = after_return["version"];
    WebReply edited = Request("PUT", path, reporter.Json(),
                              nlohmann::json{{"version", version}, {"status", "completed"},
                                             {"narrative", "Campanie în 12 școli"}}.dump());
    ASSERT_EQ(edited.status, 200) << edited.body;
    // A second writer on the old version loses nothing: 409 with the stored report.
    WebReply stale = Request("PUT", path, reporter.Json(),
                             nlohmann::json{{"version", version}, {"status", "completed"}, {"narrative", "x"}}.dump());
    ASSERT_EQ(stale.status, 409) << stale.body;
    EXPECT_EQ(nlohmann::json::parse(stale.body)["current"]["narrative"], "Campanie în 12 școli");
    ASSERT_EQ(Request("POST", path + "/submit", reporter.Json(), "{}").status, 200);
    WebReply queue = Get("/api/v1/plans/" + plan + "/reports?review=submitted", {{"Cookie", coordinator.cookie}});
    ASSERT_EQ(queue.status, 200);
    EXPECT_EQ(nlohmann::json::parse(queue.body)["reports"].size(), 1u);
    EXPECT_EQ(Get("/api/v1/plans/" + plan + "/reports").status, 401);
    WebReply approved = Request("POST", path + "/approve", coordinator.Json(), "{}");
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(nlohmann::json::parse(approved.body)["review"], "approved");

    // The computed status follows: the activity is completed, the round complete for it.
    nlohmann::json status = nlohmann::json::parse(Get("/api/v1/plans/" + plan + "/status").body);
    bool found = false;
    for (const nlohmann::json& a : status["activities"]) {
        if (a["id"] == owed || (a["id"].is_string() && a["id"] == std::to_string(owed))) {
            found = true;
            EXPECT_EQ(a["status"], "completed") << a["reason"];
        }
    }
    EXPECT_TRUE(found) << owed_code;
    WebReply history = Get(path, {{"Cookie", reporter.cookie}});
    ASSERT_EQ(history.status, 200);
    EXPECT_EQ(nlohmann::json::parse(history.body)["history"].size(), 1u);  // the returned state
}

}  // namespace planwatch::testing
