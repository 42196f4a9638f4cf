#include "web_suite.h"

#include <gmock/gmock.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <regex>
#include <set>

#include "reports/testing/archive.h"

namespace planwatch::testing {
namespace {

using ::testing::HasSubstr;
namespace rt = reports::testing;

std::string Quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string Lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

}  // namespace

std::string CookieValue(const WebReply& reply, const std::string& name) {
    std::smatch match;
    if (std::regex_search(reply.headers, match, std::regex(name + "=([0-9a-f]+)"))) return match[1];
    return "";
}

std::string IdText(const nlohmann::json& id) {
    return id.is_string() ? id.get<std::string>() : std::to_string(id.get<int64_t>());
}

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
    database_ = backend.fresh_database(dir_);
    server_ = std::make_unique<Background>(
        std::vector<std::string>{"serve", "--db", database_, "--port", std::to_string(port), "--demo"}, dir_, "serve");
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

namespace {

// What a reader sees of an HTML document: tags dropped, the entities the writers emit decoded.
std::string HtmlText(const std::string& html) {
    std::string text = std::regex_replace(html, std::regex("<[^>]*>"), " ");
    for (auto [entity, ch] : {std::pair{"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
        text = std::regex_replace(text, std::regex(entity), ch);
    }
    return rt::Squeeze(text);
}

// The text of a DOCX as Word shows it: the runs of each paragraph joined, paragraphs apart.
std::string DocxText(const std::string& docx) {
    StatusOr<std::map<std::string, std::string>> parts = rt::Unzip(docx);
    EXPECT_TRUE(parts.ok()) << parts.status();
    if (!parts.ok()) return "";
    pugi::xml_document xml;
    EXPECT_TRUE(xml.load_string((*parts)["word/document.xml"].c_str()));
    std::string text;
    for (pugi::xpath_node p : xml.select_nodes("//w:p")) {
        for (pugi::xpath_node t : p.node().select_nodes(".//w:t")) text += t.node().text().get();
        text += ' ';
    }
    return rt::Squeeze(text);
}

// The title and every cell of every sheet, and the rows of the sheet of activities (the second).
std::string XlsxText(const std::string& xlsx, std::vector<std::vector<std::string>>* activities) {
    StatusOr<std::map<std::string, std::string>> parts = rt::Unzip(xlsx);
    EXPECT_TRUE(parts.ok()) << parts.status();
    if (!parts.ok()) return "";
    // The workbook's title is a document property, as spreadsheet programs show it.
    pugi::xml_document core;
    std::string text;
    if (core.load_string((*parts)["docProps/core.xml"].c_str())) text = core.child("cp:coreProperties").child_value("dc:title");
    text += " ";
    for (int sheet = 1; parts->count("xl/worksheets/sheet" + std::to_string(sheet) + ".xml"); ++sheet) {
        StatusOr<std::vector<std::vector<std::string>>> rows = rt::XlsxSheetRows(*parts, sheet);
        EXPECT_TRUE(rows.ok()) << rows.status();
        if (!rows.ok()) continue;
        if (sheet == 2) *activities = *rows;
        for (const auto& row : *rows) {
            for (const std::string& cell : row) text += cell + " ";
        }
    }
    return rt::Squeeze(text);
}

struct Seed000 {
    std::string id;
    std::string title;
    nlohmann::json activities;  // of /status: code, title, status
};

}  // namespace

// Seed 000 (the plan with 47 activities) as the API lists it, with its activities.
static Seed000 FindSeed000(const std::function<WebReply(const std::string&)>& get) {
    Seed000 seed;
    for (const nlohmann::json& p : nlohmann::json::parse(get("/api/v1/plans").body)) {
        if (p.value("activities", 0) == 47) {
            seed.id = IdText(p["id"]);
            seed.title = p.value("title", "");
        }
    }
    if (!seed.id.empty()) {
        seed.activities = nlohmann::json::parse(get("/api/v1/plans/" + seed.id + "/status").body)["activities"];
    }
    return seed;
}

TEST_P(WebEndToEnd, EveryDownloadOfSeed000CarriesTheTitleAndAll47Activities) {
    const Seed000 seed = FindSeed000([](const std::string& path) { return Get(path); });
    ASSERT_FALSE(seed.id.empty());
    ASSERT_EQ(seed.activities.size(), 47u);
    const std::string title = rt::Squeeze(seed.title);
    ASSERT_THAT(title, HasSubstr("PLANUL DE ACȚIUNE"));
    struct Case {
        std::string path;
        std::string content_type;
        std::string file_name;
    };
    const std::string base = "/api/v1/plans/" + seed.id;
    const std::string xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const std::vector<Case> cases = {
        {base + "/export?format=csv", "text/csv; charset=utf-8", "plan-" + seed.id + ".csv"},
        {base + "/export?format=csv&bom=1", "text/csv; charset=utf-8", "plan-" + seed.id + ".csv"},
        {base + "/export?format=json", "application/json", "plan-" + seed.id + ".json"},
        {base + "/export?format=xlsx", xlsx_type, "plan-" + seed.id + ".xlsx"},
        {base + "/export?format=iati", "application/xml", "plan-" + seed.id + "-iati.xml"},
        {base + "/report?format=pdf", "application/pdf", "plan-" + seed.id + "-report.pdf"},
        {base + "/report?format=docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "plan-" + seed.id + "-report.docx"},
        {base + "/report?format=html&as_of=2018-03-01", "text/html; charset=utf-8", "plan-" + seed.id + "-report.html"},
        {base + "/report?format=xlsx", xlsx_type, "plan-" + seed.id + "-report.xlsx"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.path);
        WebReply reply = Get(c.path);
        ASSERT_EQ(reply.status, 200) << reply.body.substr(0, 300);
        EXPECT_EQ(reply.Header("Content-Type"), c.content_type);
        EXPECT_EQ(reply.Header("Content-Disposition"), "attachment; filename=\"" + c.file_name + "\"");
        EXPECT_EQ(reply.Header("X-Content-Type-Options"), "nosniff");
        const std::string& body = reply.body;
        std::string text;
        std::vector<std::vector<std::string>> rows;
        if (c.path.find("format=csv") != std::string::npos) {
            // One row per activity; the activities' codes in the second column. The CSV names no plan title.
            const bool bom = c.path.find("bom=1") != std::string::npos;
            EXPECT_EQ(body.rfind("\xEF\xBB\xBFplan_id,code,", 0) == 0, bom);
            EXPECT_EQ(body.find("\xEF\xBB\xBF") != std::string::npos, bom);
            for (const nlohmann::json& a : seed.activities) {
                EXPECT_THAT(body, HasSubstr("\r\n" + seed.id + "," + a["code"].get<std::string>() + ","));
            }
            continue;
        }
        if (c.path.find("format=json") != std::string::npos) {
            nlohmann::json plan = nlohmann::json::parse(body);
            EXPECT_EQ(plan["title"], seed.title);
            text = body;
        } else if (c.path.find("format=xlsx") != std::string::npos) {
            text = XlsxText(body, &rows);
            ASSERT_EQ(rows.size(), 48u);  // header + 47
            for (size_t n = 0; n < 47; ++n) EXPECT_EQ(rows[n + 1][0], seed.activities[n]["code"]) << n;
        } else if (c.path.find("format=iati") != std::string::npos) {
            std::string schema =
                std::string(PLANWATCH_SOURCE_DIR) + "/../shared/reference/iati-2.03/iati-activities-schema.xsd";
            StatusOr<std::string> valid =
                rt::RunTool("xmllint --noout --schema '" + schema + "' plan.xml 2>&1", "plan.xml", body);
            ASSERT_TRUE(valid.ok()) << valid.status();
            EXPECT_THAT(*valid, HasSubstr("plan.xml validates"));
            pugi::xml_document xml;
            ASSERT_TRUE(xml.load_string(body.c_str()));
            int activities = 0;
            for (pugi::xml_node a : xml.child("iati-activities").children("iati-activity")) {
                ++activities;
                for (pugi::xpath_node t : a.select_nodes(".//narrative")) text += std::string(t.node().text().get()) + " ";
                text += std::string(a.child_value("iati-identifier")) + " ";
            }
            EXPECT_EQ(activities, 47);
            text = rt::Squeeze(text);
        } else if (c.path.find("format=pdf") != std::string::npos) {
            EXPECT_EQ(body.substr(0, 5), "%PDF-");
            StatusOr<std::string> pdf = rt::PdfText(body);
            ASSERT_TRUE(pdf.ok()) << pdf.status();
            text = *pdf;
        } else if (c.path.find("format=docx") != std::string::npos) {
            text = DocxText(body);
        } else {
            text = HtmlText(body);
            EXPECT_THAT(text, HasSubstr("La data de 2018-03-01"));
        }
        EXPECT_THAT(text, HasSubstr(title));
        for (const nlohmann::json& a : seed.activities) EXPECT_THAT(text, HasSubstr(a["code"].get<std::string>()));
    }
}

TEST_P(WebEndToEnd, DownloadsRefuseUnknownFormatsBadDatesAndUnknownPlans) {
    const Seed000 seed = FindSeed000([](const std::string& path) { return Get(path); });
    ASSERT_FALSE(seed.id.empty());
    const std::string base = "/api/v1/plans/" + seed.id;
    struct Case {
        std::string path;
        int status;
        std::string field;  // of the JSON error; empty: null
    };
    for (const Case& c : std::vector<Case>{{base + "/export?format=odt", 400, "format"},
                                           {base + "/export", 400, "format"},
                                           {base + "/report?format=pdf&as_of=2019-13-45", 400, "as_of"},
                                           {base + "/report?format=csv", 400, "format"},
                                           {base + "/export?format=json&bom=1", 400, "bom"},
                                           {base + "/report?format=pdf&institution=abc", 400, "institution"},
                                           {base + "/report?format=pdf&institution=999999", 404, ""},
                                           {"/api/v1/plans/999999/report?format=pdf", 404, ""},
                                           {"/api/v1/plans/999999/export?format=csv", 404, ""},
                                           {"/api/v1/plans/999999/export?format=xlsx", 404, ""}}) {
        WebReply reply = Get(c.path);
        EXPECT_EQ(reply.status, c.status) << c.path << " " << reply.body;
        EXPECT_THAT(reply.Header("Content-Type"), HasSubstr("application/json")) << c.path;
        nlohmann::json error = nlohmann::json::parse(reply.body, nullptr, false);
        ASSERT_TRUE(error.contains("error")) << c.path << " " << reply.body;
        EXPECT_EQ(error["error"]["code"], c.status == 400 ? "malformed" : "not_found") << c.path;
        if (c.field.empty()) {
            EXPECT_TRUE(error["error"]["field"].is_null()) << c.path;
        } else {
            EXPECT_EQ(error["error"]["field"], c.field) << c.path;
        }
        EXPECT_FALSE(error["error"]["message"].get<std::string>().empty());
    }
}

// serve --demo opens a round for seed 000; the report for it is as of its due date.
TEST_P(WebEndToEnd, AReportForARoundIsAsOfItsDueDateAndShowsTheRound) {
    const Seed000 seed = FindSeed000([](const std::string& path) { return Get(path); });
    ASSERT_FALSE(seed.id.empty());
    const nlohmann::json rounds = nlohmann::json::parse(Get("/api/v1/plans/" + seed.id + "/rounds").body)["rounds"];
    ASSERT_TRUE(rounds.is_array() && !rounds.empty()) << rounds.dump();
    const nlohmann::json& round = rounds[0];
    const std::string round_id = IdText(round["id"]);
    const std::string period = round["period"], due = round["due_on"];
    const std::string base = "/api/v1/plans/" + seed.id;

    WebReply html = Get(base + "/report?format=html&round=" + round_id);
    ASSERT_EQ(html.status, 200) << html.body.substr(0, 300);
    EXPECT_EQ(html.Header("Content-Disposition"),
              "attachment; filename=\"plan-" + seed.id + "-report-round-" + round_id + ".html\"");
    const std::string text = HtmlText(html.body);
    EXPECT_THAT(text, HasSubstr("La data de " + due));
    EXPECT_THAT(text, HasSubstr("Runda de raportare: " + period + " (termen " + due + ")"));
    EXPECT_THAT(text, HasSubstr("Runda " + period + ": deschisă la " + round["opens_on"].get<std::string>() +
                                ", termen " + due));
    EXPECT_THAT(text, HasSubstr("Rapoarte așteptate: " + std::to_string(round["expected"].get<int>()) + ";"));
    StatusOr<std::string> pdf = rt::PdfText(Get(base + "/report?format=pdf&round=" + round_id).body);
    ASSERT_TRUE(pdf.ok()) << pdf.status();
    EXPECT_THAT(*pdf, HasSubstr("Runda de raportare " + period));

    // Another plan has no such round; a round id that is not one is the client's mistake.
    std::string other;
    for (const nlohmann::json& p : nlohmann::json::parse(Get("/api/v1/plans").body)) {
        if (IdText(p["id"]) != seed.id) other = IdText(p["id"]);
    }
    ASSERT_FALSE(other.empty());
    struct Case {
        std::string path;
        int status;
        std::string field;
    };
    for (const Case& c : std::vector<Case>{{base + "/report?format=pdf&round=abc", 400, "round"},
                                           {base + "/report?format=pdf&round=0", 400, "round"},
                                           {base + "/report?format=pdf&round=" + round_id + "&as_of=2019-01-01", 400,
                                            "as_of"},
                                           {base + "/export?format=xlsx&round=" + round_id, 400, "round"},
                                           {base + "/report?format=pdf&round=999999", 404, ""},
                                           {"/api/v1/plans/" + other + "/report?format=html&round=" + round_id, 404,
                                            ""}}) {
        WebReply reply = Get(c.path);
        EXPECT_EQ(reply.status, c.status) << c.path << " " << reply.body;
        nlohmann::json error = nlohmann::json::parse(reply.body, nullptr, false);
        ASSERT_TRUE(error.contains("error")) << c.path << " " << reply.body;
        if (c.field.empty()) {
            EXPECT_TRUE(error["error"]["field"].is_null()) << c.path;
        } else {
            EXPECT_EQ(error["error"]["field"], c.field) << c.path;
        }
    }
}

TEST_P(WebEndToEnd, PlanPageLinksEveryDownloadWithFormatAndSize) {
    const Seed000 seed = FindSeed000([](const std::string& path) { return Get(path); });
    ASSERT_FALSE(seed.id.empty());
    for (const std::string lang : {"ro", "sl", "en"}) {
        WebReply page = Get("/plans/" + seed.id + "?lang=" + lang);
        ASSERT_EQ(page.status, 200);
        std::set<std::string> names;
        int links = 0;
        const std::regex link("<a href=\"(/api/v1/plans/" + seed.id + "/(export|report)\\?format=[^\"]*)\" download>([^<]*)");
        for (auto it = std::sregex_iterator(page.body.begin(), page.body.end(), link); it != std::sregex_iterator();
             ++it) {
            ++links;
            const std::string name = (*it)[3];
            EXPECT_TRUE(names.insert(name).second) << lang << ": two links named " << name;
            // "Raport de evaluare (PDF, 245 KB)": the format and a size in KB or MB.
            EXPECT_TRUE(std::regex_search(name, std::regex("\\((PDF|DOCX|HTML|XLSX|CSV[^,]*|JSON|IATI 2\\.03 XML), "
                                                           "[0-9.,]+ (KB|MB)\\)$")))
                << lang << ": " << name;
            std::string href = std::regex_replace(std::string((*it)[1]), std::regex("&amp;"), "&");
            EXPECT_EQ(Get(href).status, 200) << href;
        }
        EXPECT_EQ(links, 8) << lang;  // pdf, docx, html; csv, csv with BOM, xlsx, json, iati
    }
    WebReply ro = Get("/plans/" + seed.id + "?lang=ro");
    EXPECT_THAT(ro.body, HasSubstr("Raport de evaluare (PDF, "));
    EXPECT_THAT(ro.body, HasSubstr("Activitățile planului (CSV cu BOM pentru Excel, "));
}

// After MonitoringRoundThroughTheApi, whose round count it would change.
TEST_P(WebEndToEnd, ADownloadAfterAnApprovalShowsIt) {
    ASSERT_EQ(passwords_.size(), 3u) << server_->Out();
    const Seed000 seed = FindSeed000([](const std::string& path) { return Get(path); });
    ASSERT_FALSE(seed.id.empty());
    const std::string visitor = CookieValue(Get("/signin"), "pw_csrf");
    auto sign_in = [&](const std::string& email) {
        WebReply reply = Request("POST", "/signin",
                                 {{"Cookie", "pw_csrf=" + visitor},
                                  {"Content-Type", "application/x-www-form-urlencoded"}},
                                 "csrf=" + visitor + "&email=" + email + "&password=" + passwords_[email]);
        Session session{.cookie = "pw_session=" + CookieValue(reply, "pw_session")};
        session.csrf = nlohmann::json::parse(Get("/api/v1/me", {{"Cookie", session.cookie}}).body).value("csrf", "");
        return session;
    };
    const Session coordinator = sign_in("coordinator@demo.planwatch");
    const Session reporter = sign_in("reporter@demo.planwatch");
    const int64_t institution = nlohmann::json::parse(Get("/api/v1/me", {{"Cookie", reporter.cookie}}).body)
                                    .value("institution", int64_t{0});
    WebReply opened = Request("POST", "/api/v1/plans/" + seed.id + "/rounds", coordinator.Json(),
                              R"({"period": "2018", "opens_on": "2026-11-01", "due_on": "2027-06-30"})");
    ASSERT_EQ(opened.status, 201) << opened.body;
    // An activity the reporter's institution owes for 2018 and that is not completed yet.
    std::map<int64_t, std::string> statuses;
    for (const nlohmann::json& a : seed.activities) statuses[std::stoll(IdText(a["id"]))] = a["status"];
    int64_t owed = 0;
    const nlohmann::json round = nlohmann::json::parse(opened.body);
    for (const nlohmann::json& e : round["reports"]) {
        if (e["institution_id"] == institution && owed == 0 && statuses[e["activity"].get<int64_t>()] != "completed") {
            owed = e["activity"];
        }
    }
    ASSERT_NE(owed, 0) << "institution " << institution << " owes nothing open for 2018";
    std::string code;
    for (const nlohmann::json& a : seed.activities) {
        if (IdText(a["id"]) == std::to_string(owed)) code = a["code"];
    }
    const std::string xlsx_path = "/api/v1/plans/" + seed.id + "/report?format=xlsx";
    const std::string pdf_path = "/api/v1/plans/" + seed.id + "/report?format=pdf";
    auto status_in_xlsx = [&] {
        std::vector<std::vector<std::string>> rows;
        XlsxText(Get(xlsx_path).body, &rows);
        for (const auto& row : rows) {
            if (row.size() >= 4 && row[0] == code) return row[3];
        }
        return std::string("missing");
    };
    auto completed_in_pdf = [&] {
        StatusOr<std::string> text = rt::PdfText(Get(pdf_path).body);
        std::smatch match;
        if (!text.ok() || !std::regex_search(*text, match, std::regex("(\\d+) finalizate"))) return -1;
        return std::stoi(match[1]);
    };
    const std::string before = status_in_xlsx();
    const int completed_before = completed_in_pdf();
    ASSERT_NE(before, "missing");
    EXPECT_NE(before, "Finalizat");
    ASSERT_GE(completed_before, 0);
    EXPECT_EQ(status_in_xlsx(), before);  // asked again: the same (kept) workbook

    WebReply created = Request("POST", "/api/v1/reports", reporter.Json(),
                               nlohmann::json{{"activity", owed}, {"period", "2018"}, {"status", "completed"},
                                              {"narrative", "Finalizat în 2018"}}.dump());
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string report = "/api/v1/reports/" + std::to_string(nlohmann::json::parse(created.body)["id"].get<int64_t>());
    ASSERT_EQ(Request("POST", report + "/submit", reporter.Json(), "{}").status, 200);
    // Submitted is not approved: the files do not change yet.
    EXPECT_EQ(status_in_xlsx(), before);
    ASSERT_EQ(Request("POST", report + "/approve", coordinator.Json(), "{}").status, 200);
    EXPECT_EQ(status_in_xlsx(), "Finalizat");
    EXPECT_EQ(completed_in_pdf(), completed_before + 1);
}

// Documents are written off the I/O threads: while PDFs are being written, a
// plain request answers before any of them.
TEST_P(WebEndToEnd, WritingDocumentsDoesNotHoldUpOtherRequests) {
    const Seed000 seed = FindSeed000([](const std::string& path) { return Get(path); });
    ASSERT_FALSE(seed.id.empty());
    // Different days, so none is a kept document; more than the I/O threads.
    std::string script;
    for (int day = 1; day <= 4; ++day) {
        script += "curl -s -o /dev/null -w '%{time_total}' " +
                  Quote(base_ + "/api/v1/plans/" + seed.id + "/report?format=pdf&as_of=2019-0" + std::to_string(day) +
                        "-15") +
                  " > " + Quote(dir_ + "/pdf" + std::to_string(day) + ".time") + " & ";
    }
    script += "sleep 0.1; curl -s -o /dev/null -w '%{time_total}' " + Quote(base_ + "/api/v1/plans") + " > " +
              Quote(dir_ + "/plans.time") + "; wait";
    ASSERT_EQ(std::system(script.c_str()), 0);
    const double plans = std::stod(ReadFile(dir_ + "/plans.time"));
    double fastest = 1e9;
    for (int day = 1; day <= 4; ++day) {
        fastest = std::min(fastest, std::stod(ReadFile(dir_ + "/pdf" + std::to_string(day) + ".time")));
    }
    // On the I/O threads the list would wait for a PDF to be written first.
    EXPECT_LT(plans * 2, fastest) << "the plan list took " << plans << " s, the fastest PDF " << fastest << " s";
}

}  // namespace planwatch::testing
