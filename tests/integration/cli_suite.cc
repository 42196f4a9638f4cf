#include "cli_suite.h"

#include <gmock/gmock.h>
#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <thread>

#include "storage/store.h"

namespace planwatch::testing {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;
using ::testing::StartsWith;

void CliEndToEnd::SetUp() {
    char pattern[] = "/tmp/pw_cli_XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
    db_ = NewDatabase("main");
}

void CliEndToEnd::TearDown() {
    if (!HasFailure()) std::filesystem::remove_all(dir_);
}

std::vector<std::string> CliEndToEnd::WithDb(const std::string& db, std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db});
    return args;
}

RunResult CliEndToEnd::RunOn(const std::string& db, std::vector<std::string> args, const std::string& input) {
    return RunPlanwatch(WithDb(db, std::move(args)), dir_, input);
}

RunResult CliEndToEnd::Run(std::vector<std::string> args, const std::string& input) {
    return RunOn(db_, std::move(args), input);
}

std::map<std::string, int64_t> CliEndToEnd::CountRows(const std::string& db) {
    auto store = storage::OpenStore(db);
    EXPECT_TRUE(store.ok()) << store.status();
    if (!store.ok()) return {};
    auto tx = (*store)->Begin();
    EXPECT_TRUE(tx.ok()) << tx.status();
    if (!tx.ok()) return {};
    auto rows = (*tx)->CountRows();
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows.ok() ? *rows : std::map<std::string, int64_t>{};
}

std::string CliEndToEnd::Fixture(const std::string& name) const {
    return std::string(PLANWATCH_SOURCE_DIR) + "/tests/integration/testdata/" + name;
}

std::string CliEndToEnd::SchemaProblems(const std::string& path) const {
    std::string command = std::string("/usr/bin/python3 ") + PLANWATCH_SOURCE_DIR +
                          "/tests/schema/validate_plan_json.py '" + path + "' 2>&1";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    std::string output;
    char buffer[4096];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
    int status = ::pclose(pipe);
    if (status == 0) return "";
    return output.empty() ? "validator failed" : output;
}

std::string CliEndToEnd::LargePlanJson(int activities) {
    constexpr int kPerPillar = 100;
    nlohmann::ordered_json institutions = nlohmann::ordered_json::array();
    for (int i = 0; i < 20; ++i) institutions.push_back({{"name", "Instituția de test nr. " + std::to_string(i)}});
    nlohmann::ordered_json pillars = nlohmann::ordered_json::array();
    for (int start = 0; start < activities; start += kPerPillar) {
        int pillar_no = start / kPerPillar + 1;
        nlohmann::ordered_json children = nlohmann::ordered_json::array();
        for (int i = start; i < std::min(activities, start + kPerPillar); ++i) {
            std::string code = std::to_string(pillar_no) + "." + std::to_string(i - start + 1);
            children.push_back({
                {"kind", "activity"},
                {"code", code},
                {"title", "Activitatea " + code + ": campanie de informare și prevenire în școlile din județ, "
                                                  "cu participarea părinților și a cadrelor didactice"},
                {"source_line", i + 2},
                {"results", {"Minimum 2 campanii locale", "Cel puțin 100 de participanți la fiecare sesiune"}},
                {"indicators",
                 {{{"name", "Număr de campanii"},
                   {"target", {{"value", 2}, {"comparator", ">="}, {"unit", "campanii"}, {"per", "year"}}}},
                  {{"name", "Număr de participanți"}}}},
                {"frequency", "annual"},
                {"deadline", {{"year", 2020 + i % 4}, {"month", 1 + i % 12}}},
                {"responsible",
                 {{{"institution", "Instituția de test nr. " + std::to_string(i % 20)}, {"role", "lead"}},
                  {{"institution", "Instituția de test nr. " + std::to_string((i + 7) % 20)}, {"role", "partner"}}}},
                {"budget", {{{"amount", 1000 + i}, {"currency", "RON"}, {"source", "county"}}}},
            });
        }
        pillars.push_back({{"kind", "pillar"},
                           {"code", std::to_string(pillar_no)},
                           {"title", "Pilonul " + std::to_string(pillar_no)},
                           {"children", children}});
    }
    nlohmann::ordered_json plan = {{"schema", "planwatch.plan/1"},
                                   {"title", "Plan generat cu " + std::to_string(activities) + " activități"},
                                   {"kind", "action_plan"},
                                   {"language", "ro"},
                                   {"period", {{"start", 2020}, {"end", 2023}}},
                                   {"nodes", pillars},
                                   {"institutions", institutions}};
    return plan.dump(2) + "\n";
}

std::string CliEndToEnd::ImportSmallPlan() {
    RunResult result = Run({"import", Fixture("small_plan.json")});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::smatch match;
    if (!std::regex_search(result.out, match, std::regex("^imported (\\d+) "))) {
        ADD_FAILURE() << "unexpected import output: " << result.out;
        return "";
    }
    return match[1];
}

namespace {

constexpr char kSmallTitle[] = "Planul local de acțiune antidrog al municipiului Turda 2021-2023";

nlohmann::json ParseJson(const std::string& text) {
    nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(json.is_discarded()) << "not JSON: " << text;
    return json;
}

int CountLines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_P(CliEndToEnd, PrintsVersionAndListsCommandsInHelp) {
    RunResult version = Run({"--version"});
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_EQ(version.out, "planwatch 0.1.0\n");

    RunResult help = Run({"--help"});
    EXPECT_EQ(help.exit_code, 0);
    for (const char* command : {"parse", "import", "plans", "export", "db", "user", "serve"}) {
        EXPECT_THAT(help.out, HasSubstr(std::string("  ") + command)) << command;
    }
}

TEST_P(CliEndToEnd, ImportsPlanJsonAndListsIt) {
    RunResult imported = Run({"import", Fixture("small_plan.json")});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_THAT(imported.out, MatchesRegex(std::string("imported [0-9]+ \"") + kSmallTitle +
                                           "\": 3 activities, 0 warnings\n"));
    EXPECT_EQ(imported.err, "");

    RunResult table = Run({"plans"});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_EQ(CountLines(table.out), 2);
    EXPECT_THAT(table.out, HasSubstr("2021-2023"));
    EXPECT_THAT(table.out, HasSubstr(kSmallTitle));

    RunResult json = Run({"plans", "--json"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    nlohmann::json plans = ParseJson(json.out);
    ASSERT_EQ(plans.size(), 1u);
    EXPECT_EQ(plans[0]["title"], kSmallTitle);
    EXPECT_EQ(plans[0]["activities"], 3);
    EXPECT_EQ(plans[0]["version"], 1);
    EXPECT_EQ(plans[0]["period"]["start"], 2021);
    EXPECT_EQ(plans[0]["source"]["file"], "small_plan.json");

    std::map<std::string, int64_t> rows = CountRows();
    EXPECT_EQ(rows["plan"], 1);
    EXPECT_GE(rows["audit_event"], 1);
}

TEST_P(CliEndToEnd, PublishTurnsADraftPublicAndBackWithOneAuditEventEach) {
    std::string id = ImportSmallPlan();
    EXPECT_THAT(Run({"plans"}).out, HasSubstr(" draft "));
    nlohmann::json before = ParseJson(Run({"plans", "--json"}).out);
    ASSERT_EQ(before.size(), 1u);
    EXPECT_EQ(before[0]["published"], false);
    EXPECT_TRUE(before[0]["published_at"].is_null());
    const int64_t audit = CountRows()["audit_event"];

    RunResult published = Run({"--json", "publish", id});
    ASSERT_EQ(published.exit_code, 0) << published.err;
    nlohmann::json outcome = ParseJson(published.out);
    EXPECT_EQ(outcome["id"], id);
    EXPECT_EQ(outcome["published"], true);
    EXPECT_EQ(outcome["changed"], true);
    EXPECT_EQ(CountRows()["audit_event"], audit + 1);
    nlohmann::json after = ParseJson(Run({"plans", "--json"}).out);
    EXPECT_EQ(after[0]["published"], true);
    EXPECT_EQ(after[0]["published_at"], outcome["published_at"]);
    EXPECT_THAT(Run({"plans"}).out, HasSubstr(" published "));

    // Publishing twice changes nothing and writes nothing.
    RunResult again = Run({"publish", id});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_THAT(again.out, HasSubstr("(unchanged)"));
    EXPECT_EQ(CountRows()["audit_event"], audit + 1);

    RunResult unpublished = Run({"publish", id, "--unpublish"});
    ASSERT_EQ(unpublished.exit_code, 0) << unpublished.err;
    EXPECT_THAT(unpublished.out, HasSubstr(": draft\n"));
    EXPECT_EQ(ParseJson(Run({"plans", "--json"}).out)[0]["published"], false);
    EXPECT_EQ(CountRows()["audit_event"], audit + 2);

    // Unknown plan: 4 and the id named; not a number: usage, 2. Nothing written either way.
    RunResult unknown = Run({"publish", "999"});
    EXPECT_EQ(unknown.exit_code, 4);
    EXPECT_THAT(unknown.err, HasSubstr("no plan with id 999"));
    EXPECT_EQ(Run({"publish", "abc"}).exit_code, 2);
    EXPECT_EQ(CountRows()["audit_event"], audit + 2);

    // import --publish stores and publishes in one go.
    std::string other = Path("other.json");
    WriteFile(other, ReadFile(Fixture("small_plan.json")));
    RunResult replaced = Run({"import", "--replace", "--publish", other});
    ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
    EXPECT_THAT(replaced.out, HasSubstr(", published"));
    nlohmann::json versions = ParseJson(Run({"plans", "--json", "--all-versions"}).out);
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[0]["published"], false);
    EXPECT_EQ(versions[1]["published"], true);
}

TEST_P(CliEndToEnd, ExportImportExportIsByteIdenticalAndMatchesSchema) {
    std::string id = ImportSmallPlan();
    RunResult first = Run({"export", id, "-o", Path("first.json")});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    std::string first_json = ReadFile(Path("first.json"));
    EXPECT_EQ(SchemaProblems(Path("first.json")), "");
    EXPECT_THAT(first_json, HasSubstr("\"id\": \"" + id + "\""));
    EXPECT_EQ(Run({"export", id}).out, first_json) << "stdout and -o differ";

    std::string other = NewDatabase("second");
    RunResult reimported = RunOn(other, {"import", Path("first.json")});
    ASSERT_EQ(reimported.exit_code, 0) << reimported.err;
    RunResult second = RunOn(other, {"export", id, "-o", Path("second.json")});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_EQ(ReadFile(Path("second.json")), first_json);
    EXPECT_EQ(SchemaProblems(Path("second.json")), "");
}

TEST_P(CliEndToEnd, ExportsCsvOneRowPerActivity) {
    std::string id = ImportSmallPlan();
    RunResult csv = Run({"export", id, "--format", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_THAT(csv.out, StartsWith("plan_id,code,path,title,results,indicators,frequency,deadline,periods,lead,"
                                    "partners,budget\r\n"));
    EXPECT_THAT(csv.out, HasSubstr("\r\n" + id + ",1.1,I/A.1,"));
    EXPECT_THAT(csv.out, HasSubstr(",annual,2023-06,,CPECA Cluj,IȘJ Cluj; Primăria Turda,12500.5 RON 2022 (local)\r\n"));
    EXPECT_THAT(csv.out, HasSubstr("\r\n" + id + ",1.2,I/A.1,Sesiuni pentru părinți: „Vorbește cu copilul tău”,"
                                                 "Un ghid pentru părinți,,semester,,2021-2; 2022-1; 2022-2,"
                                                 "Primăria Turda,,\r\n"));
    EXPECT_THAT(csv.out, HasSubstr("\r\n" + id + ",2.1,II,"));

    RunResult bom = Run({"export", "--all", "--format", "csv", "--bom", "-o", Path("all.csv")});
    ASSERT_EQ(bom.exit_code, 0) << bom.err;
    EXPECT_EQ(ReadFile(Path("all.csv")), "\xEF\xBB\xBF" + csv.out);
}

TEST_P(CliEndToEnd, RefusesSameDocumentThenReplaceMakesVersionTwo) {
    std::string first_id = ImportSmallPlan();
    std::map<std::string, int64_t> before = CountRows();

    RunResult again = Run({"import", Fixture("small_plan.json")});
    EXPECT_EQ(again.exit_code, 4);
    EXPECT_THAT(again.err, MatchesRegex("planwatch: small_plan.json: already imported as plan " + first_id +
                                        " \\(version 1, same sha256 [0-9a-f]{12}\\); use --replace to store it as a "
                                        "new version\n"));
    EXPECT_EQ(again.out, "");
    EXPECT_EQ(CountRows(), before);

    RunResult replaced = Run({"import", "--replace", Fixture("small_plan.json")});
    ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
    EXPECT_THAT(replaced.out, HasSubstr(": 3 activities, 0 warnings (version 2)\n"));

    nlohmann::json latest = ParseJson(Run({"plans", "--json"}).out);
    ASSERT_EQ(latest.size(), 1u);
    EXPECT_EQ(latest[0]["version"], 2);
    nlohmann::json all = ParseJson(Run({"plans", "--json", "--all-versions"}).out);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0]["series_id"], all[1]["series_id"]);

    RunResult old_export = Run({"export", first_id});
    ASSERT_EQ(old_export.exit_code, 0) << old_export.err;
    EXPECT_THAT(old_export.out, HasSubstr("\"title\": \"" + std::string(kSmallTitle) + "\""));
    std::string new_id = latest[0]["id"];
    RunResult new_export = Run({"export", new_id});
    ASSERT_EQ(new_export.exit_code, 0) << new_export.err;
    EXPECT_THAT(new_export.out, HasSubstr("\"version\": 2"));
}

TEST_P(CliEndToEnd, BadInputExitsThreeNamesFileAndPositionAndChangesNothing) {
    ImportSmallPlan();
    std::map<std::string, int64_t> before = CountRows();

    std::mt19937 random(42);
    std::string noise(4096, '\0');
    for (char& c : noise) c = static_cast<char>(random() & 0xFF);
    WriteFile(Path("random.txt"), noise);
    WriteFile(Path("empty.txt"), "");
    WriteFile(Path("not_json.json"), "{\n  \"schema\": \"planwatch.plan/1\",\n  \"title\": oops\n}\n");
    WriteFile(Path("fake.docx"), "This is plain text, not a Word document.\n");
    WriteFile(Path("bad_utf8.json"),
              "{\"schema\": \"planwatch.plan/1\", \"title\": \"Plan \xC3\x28 invalid\", \"kind\": \"other\", "
              "\"nodes\": []}\n");
    WriteFile(Path("bad_month.json"),
              "{\n  \"schema\": \"planwatch.plan/1\",\n  \"title\": \"Plan\",\n  \"kind\": \"action_plan\",\n"
              "  \"nodes\": [\n    {\n      \"kind\": \"activity\",\n      \"code\": \"1\",\n"
              "      \"title\": \"Activitate\",\n      \"deadline\": {\"year\": 2020, \"month\": \"iulie\"}\n"
              "    }\n  ]\n}\n");

    struct Case {
        std::string file;
        std::vector<std::string> extra;
        std::string expected;  // a part of the message: the position or what was expected
    };
    const std::vector<Case> cases = {
        {"random.txt", {}, ""},
        {"empty.txt", {}, "empty"},
        {"not_json.json", {}, "line 3"},
        {"fake.docx", {}, ""},
        {"bad_utf8.json", {}, ""},
        {"bad_month.json", {}, "nodes[0].deadline.month"},
        {Fixture("small_plan.json"), {"--max-size", "1k"}, "the limit is 1 KiB"},
    };
    for (const Case& c : cases) {
        std::string path = c.file.find('/') == std::string::npos ? Path(c.file) : c.file;
        std::vector<std::string> args = {"import", path};
        args.insert(args.end(), c.extra.begin(), c.extra.end());
        RunResult result = Run(args);
        std::string base = std::filesystem::path(path).filename().string();
        EXPECT_EQ(result.exit_code, 3) << c.file << ": " << result.err;
        EXPECT_THAT(result.err, StartsWith("planwatch: ")) << c.file;
        EXPECT_THAT(result.err, HasSubstr(base)) << c.file;
        EXPECT_THAT(result.err, HasSubstr(c.expected)) << c.file;
        EXPECT_EQ(CountLines(result.err), 1) << c.file << ": " << result.err;
        EXPECT_EQ(result.out, "") << c.file;
        EXPECT_EQ(CountRows(), before) << c.file;
    }

    RunResult json = Run({"--json", "import", Path("not_json.json")});
    EXPECT_EQ(json.exit_code, 3);
    nlohmann::json error = ParseJson(json.err);
    EXPECT_EQ(error["error"]["code"], "invalid_argument");
    EXPECT_EQ(error["error"]["line"], 3);
    EXPECT_THAT(error["error"]["file"].get<std::string>(), HasSubstr("not_json.json"));
    EXPECT_EQ(CountRows(), before);
}

TEST_P(CliEndToEnd, ImportOfSeveralFilesStoresTheGoodOnesAndExitsWithTheWorst) {
    WriteFile(Path("empty.txt"), "");
    RunResult result = Run({"import", Path("empty.txt"), Fixture("small_plan.json")});
    EXPECT_EQ(result.exit_code, 3);
    EXPECT_THAT(result.out, HasSubstr(": 3 activities, 0 warnings\n"));
    EXPECT_EQ(CountLines(result.err), 1) << result.err;
    EXPECT_EQ(CountRows()["plan"], 1);
}

TEST_P(CliEndToEnd, KillDuringImportLeavesNoPartialPlan) {
    ImportSmallPlan();
    std::map<std::string, int64_t> before = CountRows();
    constexpr int kActivities = 20000;
    WriteFile(Path("big.json"), LargePlanJson(kActivities));

    // How long a whole import takes here, on a database of its own.
    auto started = std::chrono::steady_clock::now();
    RunResult full = RunOn(NewDatabase("timing"), {"import", Path("big.json")});
    auto whole = std::chrono::steady_clock::now() - started;
    ASSERT_EQ(full.exit_code, 0) << full.err;
    ASSERT_THAT(full.out, HasSubstr(std::to_string(kActivities) + " activities"));

    // Kill it when it has written a good part: past parsing (about half of the
    // time), before the commit at the very end. On SQLite the write-ahead log
    // growing past 1 MiB shows rows being written; kill then if that comes first.
    Background importing(WithDb(db_, {"import", Path("big.json")}), dir_, "killed");
    std::string wal = db_.rfind("sqlite:", 0) == 0 ? db_.substr(7) + "-wal" : "";
    auto kill_at = std::chrono::steady_clock::now() + whole * 3 / 4;
    while (std::chrono::steady_clock::now() < kill_at) {
        std::error_code error;
        if (!wal.empty() && std::filesystem::file_size(wal, error) > (1u << 20) && !error) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    importing.Signal(SIGKILL);
    ASSERT_EQ(importing.Wait(), 128 + SIGKILL) << "the import finished before it could be killed";

    EXPECT_EQ(CountRows(), before);
    nlohmann::json plans = ParseJson(Run({"plans", "--json"}).out);
    EXPECT_EQ(plans.size(), 1u);
    RunResult check = Run({"db", "check", "--json"});
    EXPECT_EQ(check.exit_code, 0) << check.err;
    EXPECT_EQ(ParseJson(check.out)["status"], "ok");
    // Nothing of it was kept, so the same document is not "already imported".
    RunResult retry = Run({"import", Path("big.json")});
    EXPECT_EQ(retry.exit_code, 0) << retry.err;
}

TEST_P(CliEndToEnd, UserAddStoresArgon2idHashAndRefusesDuplicates) {
    ImportSmallPlan();
    RunResult added = Run({"user", "add", "Ana.Pop@Example.org", "--role", "coordinator"}, "o parolă lungă și bună\n");
    ASSERT_EQ(added.exit_code, 0) << added.err;
    EXPECT_THAT(added.out, MatchesRegex("added user ana.pop@example.org \\(coordinator\\) with id [0-9]+\n"));

    {
        auto store = storage::OpenStore(db_);
        ASSERT_TRUE(store.ok()) << store.status();
        auto tx = (*store)->Begin();
        ASSERT_TRUE(tx.ok()) << tx.status();
        auto user = (*tx)->FindUserByEmail("ana.pop@example.org");
        ASSERT_TRUE(user.ok()) << user.status();
        ASSERT_TRUE(user->has_value());
        EXPECT_THAT((*user)->password_hash, StartsWith("$argon2id$"));
        EXPECT_EQ((*user)->role, domain::Role::kCoordinator);
    }

    std::map<std::string, int64_t> before = CountRows();
    RunResult duplicate = Run({"user", "add", "ana.pop@example.org", "--role", "admin"});
    EXPECT_EQ(duplicate.exit_code, 4);
    EXPECT_EQ(duplicate.err, "planwatch: field email: a user with e-mail ana.pop@example.org already exists\n");
    EXPECT_EQ(CountRows(), before);

    RunResult generated = Run({"user", "add", "rep@example.org", "--role", "reporter", "--institution",
                               "cpeca cluj", "--token"});
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
    EXPECT_THAT(generated.out, MatchesRegex("added user rep@example.org \\(reporter\\) with id [0-9]+\n"
                                            "password: [A-Za-z0-9]{20} .*\ntoken: pw_[0-9a-f]{64} .*\n"));

    RunResult no_institution = Run({"user", "add", "r2@example.org", "--role", "reporter"});
    EXPECT_EQ(no_institution.exit_code, 3);
    EXPECT_THAT(no_institution.err, HasSubstr("a reporter needs --institution"));
    RunResult unknown_institution =
        Run({"user", "add", "r3@example.org", "--role", "reporter", "--institution", "Nicio instituție"});
    EXPECT_EQ(unknown_institution.exit_code, 4);
    RunResult bad_email = Run({"user", "add", "not-an-address", "--role", "admin"});
    EXPECT_EQ(bad_email.exit_code, 3);
    EXPECT_THAT(bad_email.err, HasSubstr("is not an e-mail address"));
}

TEST_P(CliEndToEnd, NeedsUpdateRecordsTheOutcomeAndRefusesAStaleVersion) {
    ImportSmallPlan();
    RunResult added = Run({"needs", "add", "--institution", "cpeca cluj", "--date", "2025-03-01", "--locality", "Dej",
                           "--group", "C", "--kind", "neglijare"},
                          "1900101123456\n");
    ASSERT_EQ(added.exit_code, 0) << added.err;
    ASSERT_THAT(added.out, MatchesRegex("recorded need [0-9]+\n"));
    const std::string id = added.out.substr(14, added.out.size() - 15);

    RunResult updated = Run({"needs", "update", id, "--version", "1", "--outcome", "plasament la bunici"});
    ASSERT_EQ(updated.exit_code, 0) << updated.err;
    EXPECT_EQ(updated.out, "need " + id + " is at version 2\n");
    std::map<std::string, int64_t> before = CountRows();
    RunResult stale = Run({"needs", "update", id, "--version", "1", "--outcome", "altceva"});
    EXPECT_EQ(stale.exit_code, 4);
    EXPECT_THAT(stale.err, HasSubstr("is at version 2, the edit was made on version 1"));
    EXPECT_EQ(Run({"needs", "update", "999999", "--version", "1"}).exit_code, 4);
    EXPECT_EQ(Run({"needs", "update", id, "--version", "2", "--service", "999999"}).exit_code, 4);
    EXPECT_EQ(Run({"needs", "update", id}).exit_code, 2);  // --version is required
    EXPECT_EQ(CountRows(), before);                        // nothing refused was written

    RunResult listed = Run({"needs", "list", "--json"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_THAT(listed.out, HasSubstr(R"("outcome":"plasament la bunici")"));
    EXPECT_THAT(listed.out, HasSubstr(R"("version":2)"));
}

TEST_P(CliEndToEnd, BackupWhileImportingThenRestoreGivesIdenticalExports) {
    std::string id = ImportSmallPlan();
    RunResult exported = Run({"export", id});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    constexpr int kActivities = 5000;
    WriteFile(Path("big.json"), LargePlanJson(kActivities));

    Background importing(WithDb(db_, {"import", Path("big.json")}), dir_, "importing");
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    RunResult backup = Run({"db", "backup", Path("backup.pwb")});
    ASSERT_EQ(backup.exit_code, 0) << backup.err;
    EXPECT_EQ(backup.out, "backup written to " + Path("backup.pwb") + "\n");
    ASSERT_EQ(importing.Wait(), 0) << importing.Err();

    std::string restored = NewDatabase("restored");
    RunResult restore = RunOn(restored, {"db", "restore", Path("backup.pwb")});
    ASSERT_EQ(restore.exit_code, 0) << restore.err;
    RunResult again = RunOn(restored, {"export", id});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, exported.out);

    // The concurrent import is either wholly in the backup or not at all.
    nlohmann::json plans = ParseJson(RunOn(restored, {"plans", "--json"}).out);
    ASSERT_GE(plans.size(), 1u);
    ASSERT_LE(plans.size(), 2u);
    for (const auto& plan : plans) {
        if (plan["title"] != kSmallTitle) {
            EXPECT_EQ(plan["activities"], kActivities);
        }
    }
    RunResult check = RunOn(restored, {"db", "check"});
    EXPECT_EQ(check.exit_code, 0) << check.err;

    RunResult garbage = RunOn(restored, {"db", "restore", Fixture("small_plan.json")});
    EXPECT_EQ(garbage.exit_code, 3) << garbage.err;
    EXPECT_EQ(RunOn(restored, {"export", id}).out, exported.out);
}

TEST_P(CliEndToEnd, UnknownPlanIdIsNotFound) {
    ImportSmallPlan();
    RunResult result = Run({"export", "999"});
    EXPECT_EQ(result.exit_code, 4);
    EXPECT_EQ(result.err, "planwatch: no plan with id 999\n");
    EXPECT_EQ(result.out, "");

    RunResult json = Run({"export", "999", "--json"});
    EXPECT_EQ(json.exit_code, 4);
    EXPECT_EQ(json.err, "{\"error\":{\"code\":\"not_found\",\"message\":\"no plan with id 999\",\"file\":null,"
                        "\"line\":null,\"column\":null,\"field\":null}}\n");
}

TEST_P(CliEndToEnd, BadUsageExitsTwo) {
    const std::vector<std::vector<std::string>> cases = {
        {},
        {"frobnicate"},
        {"export"},
        {"export", "abc"},
        {"export", "1", "--format", "odt"},
        {"export", "--all"},
        {"import"},
        {"user", "add", "a@b.org"},
        {"db"},
        {"--max-size", "lots", "import", "x.json"},
    };
    for (const std::vector<std::string>& args : cases) {
        RunResult result = Run(args);
        std::string shown;
        for (const std::string& arg : args) shown += arg + " ";
        EXPECT_EQ(result.exit_code, 2) << shown << ": " << result.err;
        EXPECT_THAT(result.err, StartsWith("planwatch: ")) << shown;
        EXPECT_EQ(CountLines(result.err), 1) << shown << ": " << result.err;
    }
    RunResult json = Run({"--json", "frobnicate"});
    EXPECT_EQ(json.exit_code, 2);
    EXPECT_EQ(ParseJson(json.err)["error"]["code"], "malformed");
}

// status (and serve) take the status thresholds as flags: a wider at-risk window
// turns seed 000's activities due in 2020 at risk as of 2020-01-15; a bad value is a
// usage error naming its flag, and annual activities list a status per year.
TEST_P(CliEndToEnd, StatusThresholdFlagsChangeStatusesAndBadValuesExitTwo) {
    RunResult imported = Run({"import", std::string(PLANWATCH_SOURCE_DIR) + "/samples/000_ffec081ef8fe4e47.txt"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    std::smatch match;
    ASSERT_TRUE(std::regex_search(imported.out, match, std::regex("^imported (\\d+) "))) << imported.out;
    const std::string id = match[1];
    auto at_risk = [](const nlohmann::json& status) { return status["counts"].value("at_risk", -1); };
    RunResult usual = Run({"status", id, "--as-of", "2020-01-15", "--json"});
    ASSERT_EQ(usual.exit_code, 0) << usual.err;
    RunResult wide = Run({"status", id, "--as-of", "2020-01-15", "--json", "--at-risk-days", "400"});
    ASSERT_EQ(wide.exit_code, 0) << wide.err;
    nlohmann::json usual_json = ParseJson(usual.out), wide_json = ParseJson(wide.out);
    EXPECT_GT(at_risk(wide_json), at_risk(usual_json));
    EXPECT_EQ(wide_json["rules"]["at_risk_days"], 400);
    EXPECT_EQ(usual_json["rules"]["at_risk_days"], 90);
    int with_periods = 0;
    for (const nlohmann::json& a : usual_json["activities"]) {
        if (!a.contains("periods")) continue;
        ++with_periods;
        ASSERT_FALSE(a["periods"].empty()) << a.dump();
        EXPECT_LE(a["periods"].back()["period"].get<std::string>(), std::string("2020")) << a.dump();
        EXPECT_TRUE(a["periods"][0].contains("reason_parts"));
    }
    EXPECT_GT(with_periods, 0);

    const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
        {{"status", id, "--at-risk-days=-1"}, "--at-risk-days"},
        {{"status", id, "--met-percent", "0"}, "--met-percent"},
        {{"status", id, "--met-percent", "90", "--near-percent", "95"}, "--near-percent"},
        {{"status", id, "--near-percent", "lots"}, "--near-percent"},
        {{"serve", "--port", "0", "--near-percent=0"}, "--near-percent"},
    };
    for (const auto& [args, flag] : bad) {
        RunResult result = Run(args);
        EXPECT_EQ(result.exit_code, 2) << args.back() << ": " << result.err;
        EXPECT_THAT(result.err, HasSubstr(flag)) << args.back();
    }
}

TEST_P(CliEndToEnd, ServeAnswersHealthzPlansAndJsonErrors) {
    std::string id = ImportSmallPlan();
    int port = FreePort();
    Background server(WithDb(db_, {"serve", "--port", std::to_string(port)}), dir_, "serve");
    std::string base = "http://127.0.0.1:" + std::to_string(port);
    ASSERT_TRUE(server.WaitForOutput("planwatch: listening on " + base + "\n")) << server.Err();

    HttpReply health = HttpGet(base + "/healthz");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(health.body, "ok");
    EXPECT_THAT(health.headers, HasSubstr("X-Content-Type-Options: nosniff"));
    EXPECT_THAT(health.headers, HasSubstr("Content-Security-Policy: default-src 'self'; frame-ancestors 'none'"));
    EXPECT_THAT(health.headers, HasSubstr("Referrer-Policy: "));

    // Imported without --publish: a draft, which the public cannot tell from a plan that does not exist.
    EXPECT_EQ(ParseJson(HttpGet(base + "/api/v1/plans").body).size(), 0u);
    HttpReply draft = HttpGet(base + "/api/v1/plans/" + id);
    EXPECT_EQ(draft.status, 404);
    EXPECT_EQ(ParseJson(draft.body)["error"]["message"], "no plan with id " + id);
    EXPECT_EQ(HttpGet(base + "/plans/" + id).status, 404);
    // Published from the command line while the server runs: the plan is public at once.
    RunResult published = Run({"publish", id});
    ASSERT_EQ(published.exit_code, 0) << published.err;
    EXPECT_THAT(published.out, MatchesRegex("plan " + id + " \".*\": published [0-9T:-]+Z\n"));

    HttpReply list = HttpGet(base + "/api/v1/plans");
    EXPECT_EQ(list.status, 200);
    nlohmann::json plans = ParseJson(list.body);
    ASSERT_EQ(plans.size(), 1u);
    EXPECT_EQ(plans[0]["id"], id);
    EXPECT_EQ(plans[0]["activities"], 3);
    EXPECT_EQ(plans[0]["published"], true);
    EXPECT_EQ(HttpGet(base + "/plans/" + id).status, 200);

    HttpReply plan = HttpGet(base + "/api/v1/plans/" + id);
    EXPECT_EQ(plan.status, 200);
    EXPECT_EQ(plan.body, Run({"export", id}).out);

    HttpReply missing = HttpGet(base + "/api/v1/plans/999");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.body, "{\"error\":{\"code\":\"not_found\",\"message\":\"no plan with id 999\",\"field\":null}}\n");
    HttpReply bad_id = HttpGet(base + "/api/v1/plans/abc");
    EXPECT_EQ(bad_id.status, 400);
    EXPECT_EQ(ParseJson(bad_id.body)["error"]["code"], "malformed");
    HttpReply nowhere = HttpGet(base + "/nowhere");
    EXPECT_EQ(nowhere.status, 404);
    EXPECT_EQ(ParseJson(nowhere.body)["error"]["code"], "not_found");

    server.Signal(SIGTERM);
    EXPECT_EQ(server.Wait(), 0) << server.Err();
}

// Behind a TLS-terminating proxy the server is told so: every cookie gets
// Secure and browsers are told to keep to HTTPS. Without the flag, neither.
TEST_P(CliEndToEnd, ServeMarksCookiesSecureWhenToldItIsBehindHttps) {
    for (bool secure : {false, true}) {
        int port = FreePort();
        std::vector<std::string> args = {"serve", "--port", std::to_string(port)};
        if (secure) args.push_back("--secure-cookies");
        Background server(WithDb(db_, args), dir_, secure ? "secure" : "plain");
        const std::string base = "http://127.0.0.1:" + std::to_string(port);
        ASSERT_TRUE(server.WaitForOutput("planwatch: listening on " + base + "\n")) << server.Err();
        HttpReply signin = HttpGet(base + "/signin");
        EXPECT_EQ(signin.status, 200);
        EXPECT_THAT(signin.headers, HasSubstr("Set-Cookie: pw_csrf="));
        if (secure) {
            EXPECT_THAT(signin.headers, MatchesRegex("(.|\r|\n)*Set-Cookie: pw_csrf=[0-9a-f]+; Path=/; HttpOnly; "
                                                     "SameSite=Strict; Secure(.|\r|\n)*"));
            EXPECT_THAT(signin.headers, HasSubstr("Strict-Transport-Security: max-age=31536000"));
        } else {
            EXPECT_THAT(signin.headers, Not(HasSubstr("Secure")));
            EXPECT_THAT(signin.headers, Not(HasSubstr("Strict-Transport-Security")));
        }
        server.Signal(SIGTERM);
        EXPECT_EQ(server.Wait(), 0);
    }
}

TEST_P(CliEndToEnd, ServeDemoSeedsAnEmptyDatabaseOnce) {
    int port = FreePort();
    std::string base = "http://127.0.0.1:" + std::to_string(port);
    {
        Background server(WithDb(db_, {"serve", "--demo", "--port", std::to_string(port)}), dir_, "demo");
        ASSERT_TRUE(server.WaitForOutput("planwatch: listening on")) << server.Err();
        std::string out = server.Out();
        EXPECT_THAT(out, MatchesRegex("(.|\n)*demo: account admin@demo.planwatch password [A-Za-z0-9]{20}\n(.|\n)*"));
        EXPECT_THAT(out, HasSubstr("demo: account coordinator@demo.planwatch password "));
        int imported = 0;
        for (size_t pos = 0; (pos = out.find("demo: imported ", pos)) != std::string::npos; ++pos) ++imported;
        // Every sample is either imported or reported as skipped, one line each.
        int skipped = 0;
        std::string err = server.Err();
        for (size_t pos = 0; (pos = err.find("warning: sample skipped: ", pos)) != std::string::npos; ++pos) ++skipped;
        EXPECT_EQ(imported + skipped, 5) << out << err;
        nlohmann::json plans = ParseJson(HttpGet(base + "/api/v1/plans").body);
        EXPECT_EQ(static_cast<int>(plans.size()), imported);
        server.Signal(SIGTERM);
        EXPECT_EQ(server.Wait(), 0);
    }
    if (CountRows()["plan"] == 0) return;  // no sample importable yet: a second run would seed again
    Background again(WithDb(db_, {"serve", "--demo", "--port", std::to_string(port)}), dir_, "demo2");
    ASSERT_TRUE(again.WaitForOutput("planwatch: listening on")) << again.Err();
    EXPECT_THAT(again.Out(), HasSubstr("demo: the database already holds plans; nothing imported\n"));
    again.Signal(SIGTERM);
    EXPECT_EQ(again.Wait(), 0);
}

namespace {

std::string Sample(const std::string& name) { return std::string(PLANWATCH_SOURCE_DIR) + "/samples/" + name; }

}  // namespace

TEST_P(CliEndToEnd, ServicesListsSeed001WithTheFiltersOfTheApi) {
    ASSERT_EQ(Run({"import", Sample("001_27bf44580f6e2d5d.txt")}).exit_code, 0);
    // Without a listing option: the statistics, as before.
    RunResult stats = Run({"services"});
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    EXPECT_THAT(stats.out, StartsWith("81 services, 4 contracting lines, 8 information lines, 7 training lines\n"));

    // 66 existing and 15 proposed services: a header, a line each and the count.
    RunResult all = Run({"services", "--list"});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    EXPECT_EQ(CountLines(all.out), 83);
    EXPECT_THAT(all.out, HasSubstr("\n81 services\n"));

    // The 29 rows the document codes 8790 CR-C-I, not its -II and -III.
    RunResult family = Run({"services", "--code", "8790 CR-C-I"});
    ASSERT_EQ(family.exit_code, 0) << family.err;
    EXPECT_THAT(family.out, HasSubstr("\n29 services\n"));
    EXPECT_EQ(CountLines(family.out), 31);
    EXPECT_THAT(family.out, Not(HasSubstr("CR-C-II")));
    EXPECT_THAT(family.out, HasSubstr("Casa de tip familial „Perlino” Cluj-Napoca"));

    RunResult elderly = Run({"services", "--category", "V", "--json"});
    ASSERT_EQ(elderly.exit_code, 0) << elderly.err;
    nlohmann::json homes = ParseJson(elderly.out);
    ASSERT_EQ(homes.size(), 4u);
    EXPECT_EQ(homes[0]["name"], "Căminul pentru Persoane Vârstnice Gherla");
    EXPECT_EQ(homes[0]["code"], "8730 CR-V-I");
    EXPECT_EQ(homes[0]["capacity"]["value"], 50.0);
    EXPECT_EQ(homes[3]["name"], "Căminul pentru Persoane Vârstnice Aghireșu");

    // Words without diacritics; filters combine.
    RunResult gherla = Run({"services", "--q", "GHERLA", "--code", "8790 CR-C"});
    ASSERT_EQ(gherla.exit_code, 0) << gherla.err;
    EXPECT_THAT(gherla.out, HasSubstr("\n11 services\n"));
    EXPECT_THAT(gherla.out, HasSubstr("Apartament 1 Gherla"));
    RunResult one = Run({"services", "--q", "caminul varstnice campia"});
    EXPECT_THAT(one.out, MatchesRegex("(.|\n)*8730 CR-V-I +21 places +existing +Căminul pentru Persoane Vârstnice "
                                      "Câmpia Turzii\n1 services\n"));

    RunResult bad = Run({"services", "--category", "X"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_THAT(bad.err, HasSubstr("category \"X\""));
}

TEST_P(CliEndToEnd, InstitutionMergeMovesEveryReferenceAndAnUnknownOneIsExitFour) {
    ASSERT_EQ(Run({"import", Sample("000_ffec081ef8fe4e47.txt")}).exit_code, 0);
    // The registry entry named so, from `institutions --q NAME --json`.
    auto entry = [this](const std::string& name) {
        RunResult found = Run({"institutions", "--q", name, "--json"});
        EXPECT_EQ(found.exit_code, 0) << found.err;
        for (const nlohmann::json& candidate : ParseJson(found.out)) {
            if (candidate["name"] == name) return candidate;
        }
        ADD_FAILURE() << "no institution " << name << " in " << found.out;
        return nlohmann::json::object();
    };
    // Seed 000 names the school inspectorate 13 times and once as "IȘJ Cluj, cadrele școlare - Huedin".
    RunResult listed = Run({"institutions", "--q", "isj cluj"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_EQ(CountLines(listed.out), 3);
    const nlohmann::json into = entry("IȘJ Cluj");
    const nlohmann::json from = entry("IȘJ Cluj, cadrele școlare - Huedin");
    ASSERT_EQ(into.value("partners_on", 0), 13);
    ASSERT_EQ(from.value("partners_on", 0), 1);
    const int64_t from_id = from["id"], into_id = into["id"];
    // A reporter account of the duplicate, so a user moves too.
    ASSERT_EQ(Run({"user", "add", "huedin@example.ro", "--role", "reporter", "--institution",
                   "IȘJ Cluj, cadrele școlare - Huedin"},
                  "correct-horse-battery-staple\n")
                  .exit_code,
              0);

    auto references = [&](int64_t id) {
        auto store = storage::OpenStore(db_);
        EXPECT_TRUE(store.ok()) << store.status();
        auto tx = (*store)->Begin();
        EXPECT_TRUE(tx.ok()) << tx.status();
        auto counts = (*tx)->CountInstitutionReferences(id);
        EXPECT_TRUE(counts.ok()) << counts.status();
        return counts.ok() ? *counts : std::map<std::string, int64_t>{};
    };
    const std::map<std::string, int64_t> from_before = references(from_id), into_before = references(into_id);
    EXPECT_EQ(from_before.at("app_user"), 1);
    EXPECT_EQ(from_before.at("responsibility"), 1);
    const int64_t audit_before = CountRows()["audit_event"];
    const int64_t institutions_before = CountRows()["institution"];

    RunResult merged = Run({"institution", "merge", std::to_string(from_id), "isj cluj"});
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    EXPECT_EQ(merged.out, "merged institution " + std::to_string(from_id) + " into " + std::to_string(into_id) +
                              " \"IȘJ Cluj\": 1 aliases, 1 plans\n");

    // Every row that named the duplicate names the survivor; its name became an alias; one audit event.
    const std::map<std::string, int64_t> into_after = references(into_id);
    for (const auto& [table, count] : from_before) {
        if (table == "institution_alias") continue;
        EXPECT_EQ(into_after.at(table), into_before.at(table) + count) << table;
    }
    EXPECT_EQ(into_after.at("institution_alias"), into_before.at("institution_alias") + 1);
    for (const auto& [table, count] : references(from_id)) EXPECT_EQ(count, 0) << table;
    EXPECT_EQ(CountRows()["institution"], institutions_before - 1);
    EXPECT_EQ(CountRows()["audit_event"], audit_before + 1);
    const nlohmann::json survivor = entry("IȘJ Cluj");
    EXPECT_EQ(survivor["partners_on"], 14);
    EXPECT_EQ(survivor["users"], 1);
    EXPECT_EQ(survivor["aliases"], (nlohmann::json{"IȘJ Cluj, cadrele școlare - Huedin"}));
    EXPECT_THAT(Run({"institutions", "--q", "cadrele scolare huedin isj"}).out, HasSubstr("  IȘJ Cluj\n"));

    // Unknown ids and names change nothing.
    for (const std::string& unknown : {std::string("999999"), std::string("Nu există")}) {
        RunResult refused = Run({"institution", "merge", unknown, std::to_string(into_id)});
        EXPECT_EQ(refused.exit_code, 4) << unknown;
        EXPECT_THAT(refused.err, HasSubstr(unknown));
        refused = Run({"institution", "merge", std::to_string(into_id), unknown});
        EXPECT_EQ(refused.exit_code, 4) << unknown;
    }
    EXPECT_EQ(Run({"institution", "merge", std::to_string(from_id), std::to_string(into_id)}).exit_code, 4);
    EXPECT_EQ(CountRows()["audit_event"], audit_before + 1);
}

TEST_P(CliEndToEnd, NeedsAddListAndGapsShowTheRecordsAgainstSeed001Capacity) {
    ASSERT_EQ(Run({"import", Sample("001_27bf44580f6e2d5d.txt"), Sample("004_16958f30d03cf6c0.txt")}).exit_code, 0);
    const std::vector<std::string> gherla = {"needs", "add", "--institution", "DGASPC", "--locality", "Gherla",
                                             "--group", "V", "--kind", "îngrijire"};
    auto with = [](std::vector<std::string> args, std::vector<std::string> more) {
        args.insert(args.end(), more.begin(), more.end());
        return args;
    };
    RunResult first = Run(with(gherla, {"--date", "2025-03-04", "--referred-by", "family", "--urgency", "high"}),
                          "1900101123456\n");
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(first.out, "recorded need 1\n");
    // The same person again, now referred to the service with id 1 (the Gherla home), and someone else in Dej.
    ASSERT_EQ(Run(with(gherla, {"--date", "2025-03-05", "--service", "1"}), "1900101123456\n").exit_code, 0);
    ASSERT_EQ(Run({"needs", "add", "--institution", "DGASPC", "--date", "2025-03-06", "--locality", "Dej", "--group",
                   "C", "--kind", "plasament"},
                  "2800101123456\n")
                  .exit_code,
              0);
    // No identity on stdin: refused, nothing stored.
    EXPECT_EQ(Run(with(gherla, {"--date", "2025-03-07"})).exit_code, 3);

    RunResult table = Run({"needs", "list"});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_EQ(CountLines(table.out), 4);
    EXPECT_THAT(table.out, MatchesRegex("(.|\n)*\n1 +2025-03-04 +[0-9]+ +V +high +Gherla +[0-9a-f]{12} +îngrijire\n(.|\n)*"));
    EXPECT_THAT(table.out, Not(HasSubstr("1900101123456")));
    RunResult json = Run({"needs", "list", "--json"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    const nlohmann::json needs = ParseJson(json.out);
    ASSERT_EQ(needs.size(), 3u);
    EXPECT_EQ(needs[0]["person_key"], needs[1]["person_key"]);  // one person, one pseudonymous key
    EXPECT_NE(needs[0]["person_key"], needs[2]["person_key"]);
    EXPECT_EQ(needs[0]["person_key"].get<std::string>().size(), 64u);
    EXPECT_EQ(needs[1]["service"], 1);
    EXPECT_EQ(needs[0]["referred_by"], "family");
    EXPECT_THAT(json.out, Not(HasSubstr("1900101123456")));

    // Per group and locality: the needs against the places there that seed 001 lists (the Gherla home's 50 for V;
    // none of its services is in Dej).
    RunResult gaps = Run({"gaps", "--json"});
    ASSERT_EQ(gaps.exit_code, 0) << gaps.err;
    std::map<std::string, nlohmann::json> cells;
    for (const nlohmann::json& gap : ParseJson(gaps.out)) cells[gap["beneficiary_group"].get<std::string>() + " " +
                                                                gap["locality"].get<std::string>()] = gap;
    ASSERT_TRUE(cells.count("V Gherla")) << gaps.out;
    EXPECT_EQ(cells["V Gherla"]["needs"], 2);
    EXPECT_EQ(cells["V Gherla"]["open_needs"], 1);
    EXPECT_EQ(cells["V Gherla"]["capacity"], 50.0);
    ASSERT_TRUE(cells.count("C Dej")) << gaps.out;
    EXPECT_EQ(cells["C Dej"]["needs"], 1);
    EXPECT_EQ(cells["C Dej"]["capacity"], 0.0);
    // 11 homes for children of 90 places and the 20-place day centre "Micul Prinț".
    ASSERT_TRUE(cells.count("C Gherla")) << gaps.out;
    EXPECT_EQ(cells["C Gherla"]["capacity"], 110.0);
    RunResult text = Run({"gaps"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_THAT(text.out, MatchesRegex("(.|\n)*\nV +Gherla +2 +1 +50 (.|\n)*"));
}

}  // namespace planwatch::testing
