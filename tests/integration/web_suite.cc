#include "web_suite.h"

#include <gmock/gmock.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

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

}  // namespace planwatch::testing
