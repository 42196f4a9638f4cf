// Evidence files over HTTP, part of the WebEndToEnd suite (web_suite.h) on SQLite and
// PostgreSQL: a reporter uploads a file to its report (the server's sha256 is
// sha256sum's), reads it back; an upload to another institution's report is 403, an
// oversized one 413, and neither stores anything (the row counts of `db check`).
// Reports are written for 2016, a period no other test of the shared server writes in.
#include <gmock/gmock.h>

#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>

#include "services/report_service.h"
#include "web_suite.h"

namespace planwatch::testing {
namespace {

using ::testing::HasSubstr;

struct Caller {
    std::string cookie;
    std::string csrf;
};

std::string IdOf(const nlohmann::json& id) {
    return id.is_string() ? id.get<std::string>() : std::to_string(id.get<int64_t>());
}

std::string ShellQuote(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// What `sha256sum FILE` prints first.
std::string Sha256Sum(const std::string& path) {
    std::FILE* pipe = ::popen(("sha256sum " + ShellQuote(path)).c_str(), "r");
    char buffer[65] = {};
    size_t n = std::fread(buffer, 1, 64, pipe);
    ::pclose(pipe);
    return std::string(buffer, n);
}

// A multipart/form-data body with one file part, as a browser or curl -F sends it.
constexpr char kBoundary[] = "pw-evidence-boundary-7f3a";
std::string MultipartFile(const std::string& file_name, const std::string& media_type, const std::string& bytes) {
    return std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
           file_name + "\"\r\nContent-Type: " + media_type + "\r\n\r\n" + bytes + "\r\n--" + kBoundary + "--\r\n";
}

}  // namespace

TEST_P(WebEndToEnd, EvidenceFilesAreStoredWithTheirSha256ForWritersOfTheReportOnly) {
    ASSERT_EQ(passwords_.size(), 3u) << server_->Out();
    const std::string visitor = [] {
        std::smatch match;
        const std::string headers = Get("/signin").headers;
        return std::regex_search(headers, match, std::regex("pw_csrf=([0-9a-f]+)")) ? std::string(match[1]) : "";
    }();
    auto sign_in = [&](const std::string& email) {
        WebReply reply = Request("POST", "/signin",
                                 {{"Cookie", "pw_csrf=" + visitor}, {"Content-Type", "application/x-www-form-urlencoded"}},
                                 "csrf=" + visitor + "&email=" + email + "&password=" + passwords_[email]);
        std::smatch match;
        Caller caller;
        if (std::regex_search(reply.headers, match, std::regex("pw_session=([0-9a-f]+)"))) {
            caller.cookie = "pw_session=" + std::string(match[1]);
        }
        caller.csrf = nlohmann::json::parse(Get("/api/v1/me", {{"Cookie", caller.cookie}}).body).value("csrf", "");
        return caller;
    };
    const Caller coordinator = sign_in("coordinator@demo.planwatch");
    const Caller reporter = sign_in("reporter@demo.planwatch");
    ASSERT_EQ(reporter.csrf.size(), 64u);
    auto json_headers = [](const Caller& c) {
        return std::map<std::string, std::string>{
            {"Cookie", c.cookie}, {"X-CSRF-Token", c.csrf}, {"Content-Type", "application/json"}};
    };
    auto upload_headers = [](const Caller& c) {
        return std::map<std::string, std::string>{{"Cookie", c.cookie},
                                                  {"X-CSRF-Token", c.csrf},
                                                  {"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary}};
    };
    auto stored_files = [&] {
        RunResult check = RunPlanwatch({"db", "check", "--json", "--db", database_}, dir_);
        EXPECT_EQ(check.exit_code, 0) << check.err;
        return nlohmann::json::parse(check.out, nullptr, false)["rows"].value("evidence_file", int64_t{-1});
    };

    // Seed 000: an activity CPECA Cluj (the demo reporter's institution) is responsible for, and one it is not.
    std::string plan;
    for (const nlohmann::json& p : nlohmann::json::parse(Get("/api/v1/plans").body)) {
        if (p.value("activities", 0) == 47) plan = IdOf(p["id"]);
    }
    ASSERT_FALSE(plan.empty());
    const nlohmann::json plan_json = nlohmann::json::parse(Get("/api/v1/plans/" + plan).body);
    std::map<std::string, int64_t> institution_ids;  // name -> registry id
    for (const nlohmann::json& i : plan_json["institutions"]) institution_ids[i["name"]] = std::stoll(IdOf(i["id"]));
    int64_t ours = 0, foreign = 0, foreign_lead = 0;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& nodes) {
        for (const nlohmann::json& node : nodes) {
            if (node.value("kind", "") == "activity" && node.contains("id")) {
                bool responsible = false;
                std::string lead;
                for (const nlohmann::json& r : node.value("responsible", nlohmann::json::array())) {
                    responsible = responsible || r.value("institution", "") == "CPECA Cluj";
                    if (r.value("role", "") == "lead") lead = r.value("institution", "");
                }
                const int64_t id = std::stoll(IdOf(node["id"]));
                if (responsible && ours == 0) ours = id;
                if (!responsible && institution_ids.contains(lead) && foreign == 0) {
                    foreign = id;
                    foreign_lead = institution_ids[lead];
                }
            }
            if (node.contains("children")) walk(node["children"]);
        }
    };
    walk(plan_json["nodes"]);
    ASSERT_NE(ours, 0);
    ASSERT_NE(foreign, 0);

    WebReply created = Request("POST", "/api/v1/reports", json_headers(reporter),
                               nlohmann::json{{"activity", ours}, {"period", "2016"}, {"status", "in_progress"}}.dump());
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string report = "/api/v1/reports/" + IdOf(nlohmann::json::parse(created.body)["id"]);
    const int64_t files_before = stored_files();
    ASSERT_GE(files_before, 0);

    // Bytes a text column could not hold (NUL, every byte value), under a name with diacritics.
    std::string bytes = "%PDF-1.4\n";
    for (int round = 0; round < 3; ++round) {
        for (int b = 0; b < 256; ++b) bytes.push_back(static_cast<char>(b));
    }
    const std::string bytes_file = dir_ + "/evidence.bin";
    WriteFile(bytes_file, bytes);
    const std::string expected_sha256 = Sha256Sum(bytes_file);
    ASSERT_EQ(expected_sha256.size(), 64u);

    WebReply uploaded = Request("POST", report + "/evidence", upload_headers(reporter),
                                MultipartFile("Raport școli.pdf", "application/pdf", bytes));
    ASSERT_EQ(uploaded.status, 201) << uploaded.body;
    nlohmann::json evidence = nlohmann::json::parse(uploaded.body)["evidence"];
    ASSERT_EQ(evidence.size(), 1u) << uploaded.body;
    EXPECT_EQ(evidence[0]["sha256"], expected_sha256);
    EXPECT_EQ(evidence[0]["url"], "Raport școli.pdf");
    EXPECT_EQ(evidence[0]["size"], static_cast<int64_t>(bytes.size()));
    EXPECT_EQ(evidence[0]["media_type"], "application/pdf");
    EXPECT_EQ(nlohmann::json::parse(uploaded.body)["version"], 2);
    EXPECT_EQ(stored_files(), files_before + 1);

    // The reporter and the coordinator read it back byte for byte; a visitor may not read a draft's file.
    const std::string download = "/api/v1/evidence/" + expected_sha256;
    for (const Caller* reader : {&reporter, &coordinator}) {
        WebReply file = Get(download, {{"Cookie", reader->cookie}});
        ASSERT_EQ(file.status, 200) << file.body;
        EXPECT_EQ(file.body, bytes);
        EXPECT_THAT(file.Header("Content-Type"), HasSubstr("application/pdf"));
        EXPECT_THAT(file.Header("Content-Disposition"), HasSubstr("filename*=UTF-8''Raport%20%C8%99coli.pdf"));
    }
    EXPECT_EQ(Get(download).status, 401);
    EXPECT_EQ(Get("/api/v1/evidence/" + std::string(64, 'a')).status, 404);
    EXPECT_EQ(Get("/api/v1/evidence/not-a-digest").status, 400);

    // An edit keeps the file by naming its sha256; a digest no upload stored is refused.
    WebReply kept = Request("PUT", report, json_headers(reporter),
                            nlohmann::json{{"version", 2}, {"status", "in_progress"},
                                           {"evidence", {{{"url", "Raport școli.pdf"}, {"sha256", expected_sha256}},
                                                         "https://example.org/raport"}}}.dump());
    ASSERT_EQ(kept.status, 200) << kept.body;
    EXPECT_EQ(nlohmann::json::parse(kept.body)["evidence"][0]["size"], static_cast<int64_t>(bytes.size()));
    WebReply invented = Request("PUT", report, json_headers(reporter),
                                nlohmann::json{{"version", 3}, {"evidence", {{{"url", "x.pdf"},
                                                                              {"sha256", std::string(64, 'b')}}}}}.dump());
    EXPECT_EQ(invented.status, 422) << invented.body;
    EXPECT_EQ(nlohmann::json::parse(invented.body)["error"]["field"], "evidence");

    // Another institution's report: 403, and nothing stored.
    WebReply theirs = Request("POST", "/api/v1/reports", json_headers(coordinator),
                              nlohmann::json{{"activity", foreign}, {"institution", foreign_lead}, {"period", "2016"}}.dump());
    ASSERT_EQ(theirs.status, 201) << theirs.body;
    const std::string their_report = "/api/v1/reports/" + IdOf(nlohmann::json::parse(theirs.body)["id"]);
    WebReply refused = Request("POST", their_report + "/evidence", upload_headers(reporter),
                               MultipartFile("alt.pdf", "application/pdf", "not ours"));
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(stored_files(), files_before + 1);
    EXPECT_EQ(nlohmann::json::parse(Get(their_report, {{"Cookie", coordinator.cookie}}).body)["evidence"].size(), 0u);

    // One byte over the limit: 413, and nothing stored; the report is as it was.
    const std::string big_file = dir_ + "/big.body";
    WriteFile(big_file, MultipartFile("big.bin", "application/octet-stream",
                                      std::string(services::kMaxEvidenceBytes + 1, 'x')));
    WebReply too_large = Request("POST", report + "/evidence", upload_headers(reporter), "", big_file);
    EXPECT_EQ(too_large.status, 413) << too_large.body.substr(0, 300);
    EXPECT_EQ(stored_files(), files_before + 1);
    EXPECT_EQ(nlohmann::json::parse(Get(report, {{"Cookie", reporter.cookie}}).body)["version"], 3);

    // The reporter's form sends files as multipart with its CSRF token, without JavaScript.
    const std::string form_bytes = "scan " + std::string(1000, '\x01');
    const std::string form_body =
        std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + reporter.csrf +
        "\r\n--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"activity\"\r\n\r\n" + std::to_string(ours) +
        "\r\n--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"period\"\r\n\r\n2016\r\n--" + kBoundary +
        "\r\nContent-Disposition: form-data; name=\"report\"\r\n\r\n" + report.substr(report.rfind('/') + 1) +
        "\r\n--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n3\r\n--" + kBoundary +
        "\r\nContent-Disposition: form-data; name=\"claimed\"\r\n\r\nin_progress\r\n--" + kBoundary +
        "\r\nContent-Disposition: form-data; name=\"keep_file\"\r\n\r\n" + expected_sha256 + " Raport școli.pdf\r\n--" +
        kBoundary + "\r\nContent-Disposition: form-data; name=\"evidence_file\"; filename=\"scan.png\"\r\n"
        "Content-Type: image/png\r\n\r\n" + form_bytes + "\r\n--" + kBoundary + "--\r\n";
    std::map<std::string, std::string> form_headers = upload_headers(reporter);
    form_headers.erase("X-CSRF-Token");
    form_headers["Accept"] = "text/html";
    WebReply saved = Request("POST", "/my/reports", form_headers, form_body);
    EXPECT_EQ(saved.status, 303) << saved.body.substr(0, 500);
    nlohmann::json after_form = nlohmann::json::parse(Get(report, {{"Cookie", reporter.cookie}}).body)["evidence"];
    ASSERT_EQ(after_form.size(), 2u) << after_form.dump();
    EXPECT_EQ(after_form[0]["sha256"], expected_sha256);
    EXPECT_EQ(after_form[1]["url"], "scan.png");
    const std::string form_file = dir_ + "/scan.bin";
    WriteFile(form_file, form_bytes);
    EXPECT_EQ(after_form[1]["sha256"], Sha256Sum(form_file));
    EXPECT_EQ(stored_files(), files_before + 2);
}

}  // namespace planwatch::testing
