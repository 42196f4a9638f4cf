#include "domain/plan_json.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace planwatch::domain {
namespace {

const std::string kSourceDir = PLANWATCH_SOURCE_DIR;

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Every export a test writes goes through the same validator the CLI tests use,
// so the schema file and the writer cannot drift apart unnoticed. One run of the
// validator per test: starting Python costs more than validating.
void ExpectMatchesSchema(const std::vector<std::string>& exports, const std::string& name) {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("planwatch_plan_json_test_" + name + "_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::string files;
    for (size_t i = 0; i < exports.size(); ++i) {
        std::filesystem::path file = dir / (std::to_string(i) + ".json");
        std::ofstream(file, std::ios::binary) << exports[i];
        files += " " + file.string();
    }
    std::string command = "/usr/bin/python3 " + kSourceDir + "/tests/schema/validate_plan_json.py" + files + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buffer[512];
    while (fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
    int status = pclose(pipe);
    EXPECT_EQ(status, 0) << output;
    std::filesystem::remove_all(dir);
}
void ExpectMatchesSchema(const std::string& json, const std::string& name) {
    ExpectMatchesSchema(std::vector<std::string>{json}, name);
}

// Every field of the format set at least once, diacritics included.
Plan RichPlan() {
    Plan plan;
    plan.id = 42;
    plan.version = 3;
    plan.title = "PLANUL DE ACȚIUNE pentru implementarea Strategiei județene antidrog 2017-2020";
    plan.kind = PlanKind::kActionPlan;
    plan.language = "ro";
    plan.jurisdiction = "Județul Cluj";
    plan.period_start = 2017;
    plan.period_end = 2020;
    plan.cadence = Cadence::kSemester;
    plan.adopted_by = "HCJ nr. 102/2017";
    plan.source = {"000_ffec081ef8fe4e47.txt", "0f343b0931126a20f133d67c2b018a3b1d5c1b2f8e9b6a2d3c4e5f60718293a4",
                   "text"};
    plan.institutions = {
        {.id = 5,
         .name = "CPECA Cluj",
         .acronym = "CPECA",
         .aliases = {"C.P.E.C.A. Cluj", "Centrul de Prevenire, Evaluare și Consiliere Antidrog Cluj"},
         .kind = "directorate",
         .parent = "Agenția Națională Antidrog",
         .contact = "Cluj-Napoca, str. Avram Iancu 9, tel. 0264 000 000",
         .figures = {{2023, 1245, "beneficiari", "beneficiari asistați"}, {2024, 33.333333333333336, "%", "ocupare"}}},
        {.name = "ISJ Cluj"},
        {.name = "Agenția Națională Antidrog"},
    };
    Node activity{
        .id = 12,
        .kind = NodeKind::kActivity,
        .code = "1.1",
        .title = "Derularea de proiecte de prevenire în școli și licee (ș ț ă î â Ș Ț Ă Î Â)",
        .source_line = 31,
        .results = {"Minimum 2 proiecte locale", "Raport anual"},
        .indicators = {{"Număr de proiecte",
                        Target{2, Comparator::kAtLeast, "proiecte locale", TargetPer::kYear, false}, 1.0},
                       {"Rata de participare", Target{50, Comparator::kEqual, "%", TargetPer::kPlan, true},
                        std::nullopt},
                       {"Elevi informați", Target{0.1, Comparator::kAtMost, "", std::nullopt, false}, 1e-7},
                       {"Beneficiari", std::nullopt, std::nullopt}},
        .frequency = Frequency::kSemester,
        .start = DatePoint{2017, 9, 0},
        .deadline = DatePoint{2020, 7, 31},
        .periods = {"2019-S1", "2020-Q3", "2019-07"},
        .responsible = {{"CPECA Cluj", ResponsibilityRole::kLead}, {"ISJ Cluj", ResponsibilityRole::kPartner}},
        .budget = {{147802751, "RON", "county", 2019},
                   {212600000, "EUR", "", std::nullopt},
                   {5, "RON", "Ministerul Sănătății", 2020}},
        .deadline_text = "semestrial, până la 31 iulie 2020"};
    Node objective{.id = 11, .kind = NodeKind::kGeneralObjective, .code = "1", .title = "Prevenirea consumului"};
    objective.children = {activity};
    Node pillar{.id = 10, .kind = NodeKind::kPillar, .code = "I", .title = "Reducerea cererii", .source_line = 27};
    pillar.children = {objective};
    Node annex{.kind = NodeKind::kSection, .title = "Anexa 2"};  // no code, no id
    Node bare{.kind = NodeKind::kActivity, .code = "2.1"};       // no title
    plan.nodes = {pillar, annex, bare};
    plan.services = {
        {.id = 9,
         .line = ServiceLineKind::kService,
         .code = "8790 CR-C-I",
         .name = "Centrul rezidențial pentru copii",
         .beneficiaries = "copii separați de părinți",
         .provider = "DGASPC Cluj",
         .locality = "Cluj-Napoca",
         .capacity = Capacity{12, CapacityUnit::kPlaces},
         .occupancy = 0.95,
         .state = ServiceState::kRestructuring,
         .budget = {{2025, "county", 212600000, "RON"}, {2026, "", 147802751, "EUR"}},
         .staff = 14,
         .area_m2 = 250.5,
         .schedule = "luni-vineri 8-16",
         .licence =
             ServiceLicence{.number = "LF 0001234", .date = DatePoint{2019, 3, 12}, .expiry = DatePoint{2024, 3, 0}},
         .source_line = 88},
        {.line = ServiceLineKind::kTraining, .name = "Formare asistenți maternali", .state = ServiceState::kProposed},
    };
    plan.budget = {{388888600, "EUR", "Ministrstvo za delo, družino, socialne zadeve in enake možnosti", 2019},
                   {25000000, "EUR", "Ministrstvo za notranje zadeve", std::nullopt}};
    plan.warnings = {{412, "cell could not be assigned to a column", "unassigned_cell"}, {0, "no period found", ""}};
    return plan;
}

// ---- writer ------------------------------------------------------------------

TEST(PlanJson, RoundTripsARichPlanWithEveryField) {
    Plan plan = RichPlan();
    ASSERT_TRUE(Validate(plan).ok()) << Validate(plan);
    std::string json = PlanToJson(plan);
    StatusOr<Plan> read = PlanFromJson(json);
    ASSERT_TRUE(read.ok()) << read.status();
    EXPECT_EQ(*read, plan);
    EXPECT_EQ(read->nodes[0].children[0].children[0].budget[0].amount_minor, 147802751);
    ASSERT_EQ(read->budget.size(), 2u);
    EXPECT_EQ(read->budget[0].amount_minor, 388888600);
    EXPECT_EQ(read->budget[1].source, "Ministrstvo za notranje zadeve");
    EXPECT_NE(json.find("\"amount\": 3888886,"), std::string::npos) << json;
    EXPECT_EQ(CountActivities(*read), 2);
    EXPECT_NE(json.find(R"("licence": {
        "number": "LF 0001234",
        "date": {
          "year": 2019,
          "month": 3,
          "day": 12
        },
        "expiry": {
          "year": 2024,
          "month": 3
        }
      })"),
              std::string::npos)
        << json;
    ExpectMatchesSchema(json, "rich_plan");
}

TEST(PlanJson, ExportImportExportIsByteIdentical) {
    std::string first = PlanToJson(RichPlan());
    StatusOr<Plan> read = PlanFromJson(first);
    ASSERT_TRUE(read.ok()) << read.status();
    EXPECT_EQ(PlanToJson(*read), first);
}

TEST(PlanJson, ReadsTheHandWrittenFixtureAndWritesItBackByteForByte) {
    std::string fixture = ReadFile(kSourceDir + "/tests/schema/valid/action_plan.json");
    StatusOr<Plan> plan = PlanFromJson(fixture);
    ASSERT_TRUE(plan.ok()) << plan.status();
    EXPECT_EQ(plan->id, 7);
    EXPECT_EQ(plan->nodes[0].children[0].budget[0].amount_minor, 147802751);
    EXPECT_EQ(plan->nodes[0].children[0].deadline, (DatePoint{2020, 7, 0}));
    EXPECT_EQ(PlanToJson(*plan), fixture);
}

TEST(PlanJson, ReadsEveryValidSchemaFixture) {
    for (const char* name : {"minimal.json", "action_plan.json", "social_services.json"}) {
        StatusOr<Plan> plan = PlanFromJson(ReadFile(kSourceDir + "/tests/schema/valid/" + name));
        EXPECT_TRUE(plan.ok()) << name << ": " << plan.status();
    }
    StatusOr<Plan> services = PlanFromJson(ReadFile(kSourceDir + "/tests/schema/valid/social_services.json"));
    ASSERT_TRUE(services.ok());
    ASSERT_EQ(services->services.size(), 2u);
    EXPECT_EQ(services->services[0].budget[0].amount_minor, 212600000);
    EXPECT_EQ(services->services[0].occupancy, 1.0);
    ASSERT_TRUE(services->services[0].licence);
    EXPECT_EQ(services->services[0].licence->expiry, (DatePoint{2024, 0, 0}));
    EXPECT_EQ(services->services[1].line, ServiceLineKind::kTraining);
    EXPECT_EQ(services->version, 2);
}

// The schema and the reader refuse the same hand-written documents; expected.tsv
// names the field the reader reports for each.
TEST(PlanJson, RefusesEveryInvalidSchemaFixture) {
    std::ifstream manifest(kSourceDir + "/tests/schema/invalid/expected.tsv");
    std::string line;
    int checked = 0;
    while (std::getline(manifest, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::string file = line.substr(0, line.find('\t'));
        std::string field = line.substr(line.rfind('\t') + 1);
        Status status = PlanFromJson(ReadFile(kSourceDir + "/tests/schema/invalid/" + file)).status();
        EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << file;
        EXPECT_EQ(status.where().field, field) << file << ": " << status;
        ++checked;
    }
    EXPECT_EQ(checked, 14);
}

TEST(PlanToJson, WritesKeysInTheFixedOrderWithTwoSpaceIndentAndATrailingNewline) {
    Plan plan;
    plan.title = "Plan";
    plan.period_end = 2020;
    plan.institutions = {{.name = "CPECA Cluj"}};
    Node activity{.id = 3, .kind = NodeKind::kActivity, .code = "1.1", .title = "Campanii", .source_line = 9};
    activity.deadline = DatePoint{2020, 7, 0};
    activity.responsible = {{"CPECA Cluj", ResponsibilityRole::kLead}};
    activity.budget = {{147802751, "RON", "county", std::nullopt}};
    activity.indicators = {
        {"Număr de campanii", Target{2, Comparator::kAtLeast, "campanii", std::nullopt, false}, std::nullopt}};
    plan.nodes = {activity};
    std::string json = PlanToJson(plan);
    EXPECT_EQ(json, R"({
  "schema": "planwatch.plan/1",
  "version": 1,
  "title": "Plan",
  "kind": "action_plan",
  "period": {
    "end": 2020
  },
  "nodes": [
    {
      "id": "3",
      "kind": "activity",
      "code": "1.1",
      "title": "Campanii",
      "source_line": 9,
      "indicators": [
        {
          "name": "Număr de campanii",
          "target": {
            "value": 2,
            "comparator": ">=",
            "unit": "campanii"
          }
        }
      ],
      "deadline": {
        "year": 2020,
        "month": 7
      },
      "responsible": [
        {
          "institution": "CPECA Cluj",
          "role": "lead"
        }
      ],
      "budget": [
        {
          "amount": 1478027.51,
          "currency": "RON",
          "source": "county"
        }
      ]
    }
  ],
  "institutions": [
    {
      "name": "CPECA Cluj"
    }
  ]
}
)");
    ExpectMatchesSchema(json, "key_order");
}

TEST(PlanToJson, AlwaysWritesNodesEvenWhenEmpty) {
    Plan plan;
    plan.title = "Registru";
    plan.kind = PlanKind::kAnnualSocialServicesPlan;
    EXPECT_EQ(PlanToJson(plan), R"({
  "schema": "planwatch.plan/1",
  "version": 1,
  "title": "Registru",
  "kind": "annual_social_services_plan",
  "nodes": []
}
)");
    ExpectMatchesSchema(PlanToJson(plan), "empty_nodes");
}

TEST(PlanToJson, WritesMoneyInCurrencyUnitsFromMinorUnits) {
    const std::vector<std::pair<int64_t, std::string>> cases = {
        {147802751, "1478027.51"},
        {212600000, "2126000"},
        {150, "1.5"},
        {5, "0.05"},
        {-12345, "-123.45"},
        {1, "0.01"},
        {99, "0.99"},
        {0, "0"},
        {900719925474099, "9007199254740.99"},
    };
    std::vector<std::string> exports;
    for (const auto& [minor, text] : cases) {
        Plan plan;
        plan.title = "Buget";
        Node activity{.kind = NodeKind::kActivity, .title = "Dotări"};
        activity.budget = {{minor, "RON", "", std::nullopt}};
        plan.nodes = {activity};
        std::string json = PlanToJson(plan);
        EXPECT_NE(json.find("\"amount\": " + text + ",\n"), std::string::npos) << minor << "\n" << json;
        StatusOr<Plan> read = PlanFromJson(json);
        ASSERT_TRUE(read.ok()) << read.status();
        EXPECT_EQ(read->nodes[0].budget[0].amount_minor, minor);
        EXPECT_EQ(PlanToJson(*read), json);
        exports.push_back(json);
    }
    ExpectMatchesSchema(exports, "money");
}

TEST(PlanToJson, PrintsDoublesSoThatParseThenPrintIsByteIdentical) {
    const std::vector<std::pair<double, std::string>> cases = {
        {0.1, "0.1"},     {1.0, "1"},      {1e-7, "1e-07"}, {33.333333333333336, "33.333333333333336"},
        {-0.75, "-0.75"}, {1e20, "1e+20"}, {2.5, "2.5"},    {123456789.125, "123456789.125"},
    };
    std::vector<std::string> exports;
    for (const auto& [value, text] : cases) {
        Plan plan;
        plan.title = "Ținte";
        Node activity{.kind = NodeKind::kActivity, .title = "Campanii"};
        activity.indicators = {{"Număr", Target{value, Comparator::kEqual, "", std::nullopt, false}, std::nullopt}};
        plan.nodes = {activity};
        std::string json = PlanToJson(plan);
        EXPECT_NE(json.find("\"value\": " + text + ",\n"), std::string::npos) << value << "\n" << json;
        StatusOr<Plan> read = PlanFromJson(json);
        ASSERT_TRUE(read.ok()) << read.status();
        EXPECT_EQ(read->nodes[0].indicators[0].target->value, value);
        EXPECT_EQ(PlanToJson(*read), json);
        exports.push_back(json);
    }
    ExpectMatchesSchema(exports, "doubles");
}

TEST(PlanToJson, KeepsRomanianLettersAsUtf8) {
    Plan plan;
    plan.title = "ș ț ă î â Ș Ț Ă Î Â";
    std::string json = PlanToJson(plan);
    EXPECT_NE(json.find("\"title\": \"ș ț ă î â Ș Ț Ă Î Â\""), std::string::npos) << json;
    EXPECT_EQ(json.find("\\u"), std::string::npos);
    ExpectMatchesSchema(json, "utf8");
}

TEST(PlanToJson, ReplacesInvalidUtf8InsteadOfThrowing) {
    Plan plan;
    plan.title = "Jude\xFEul";
    std::string json = PlanToJson(plan);
    EXPECT_NE(json.find("\"title\": \"Jude\xEF\xBF\xBDul\""), std::string::npos) << json;
    ExpectMatchesSchema(json, "replaced_utf8");
}

// ---- reader: errors -------------------------------------------------------------

std::string WithNodes(const std::string& nodes) {
    return R"({"schema": "planwatch.plan/1", "title": "P", "kind": "action_plan",
 "institutions": [{"name": "CPECA Cluj"}], "nodes": [)" +
           nodes + "]}";
}

void ExpectError(const std::string& json, const std::string& field, const std::string& message) {
    StatusOr<Plan> plan = PlanFromJson(json);
    ASSERT_FALSE(plan.ok()) << json;
    EXPECT_EQ(plan.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(plan.status().where().field, field) << plan.status();
    EXPECT_EQ(plan.status().message(), message) << plan.status();
}

TEST(PlanFromJson, NamesThePathOfAMonthThatIsNotANumber) {
    std::string fine = R"({"kind": "activity", "title": "A"})";
    std::string json =
        WithNodes(fine + "," + fine + "," + fine +
                  R"(, {"kind": "activity", "title": "B", "deadline": {"year": 2019, "month": "iulie"}})");
    ExpectError(json, "nodes[3].deadline.month", "expected an integer 1..12, got \"iulie\"");
    EXPECT_EQ(PlanFromJson(json).status().ToString(),
              "field nodes[3].deadline.month: expected an integer 1..12, got \"iulie\"");
}

TEST(PlanFromJson, RefusesAnotherSchema) {
    ExpectError(R"({"title": "P", "kind": "action_plan", "nodes": []})", "schema", "expected \"planwatch.plan/1\"");
    ExpectError(R"({"schema": "planwatch.plan/2", "colour": 1})", "schema",
                "expected \"planwatch.plan/1\", got \"planwatch.plan/2\"");
    ExpectError(R"({"schema": 1})", "schema", "expected \"planwatch.plan/1\", got 1");
    ExpectError(R"([1, 2])", "", "expected a planwatch.plan/1 object at the top level, got an array");
}

TEST(PlanFromJson, RefusesUnknownKeysAndNamesThem) {
    ExpectError(R"({"schema": "planwatch.plan/1", "title": "P", "kind": "action_plan", "nodes": [], "colour": 1})",
                "colour", "unknown key");
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A", "colour": "red"})"), "nodes[0].colour", "unknown key");
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A", "a b": 1})"), "nodes[0][\"a b\"]", "unknown key");
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A", "deadline": {"year": 2020, "quarter": 2}})"),
                "nodes[0].deadline.quarter", "unknown key");
}

TEST(PlanFromJson, RefusesDuplicateKeys) {
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A"}, {"kind": "activity", "title": "A", "title": "B"})"),
                "nodes[1].title", "duplicate key");
}

TEST(PlanFromJson, SaysWhatTypeWasExpected) {
    ExpectError(R"({"schema": "planwatch.plan/1", "title": 12, "kind": "action_plan", "nodes": []})", "title",
                "expected a string, got 12");
    ExpectError(R"({"schema": "planwatch.plan/1", "title": "P", "kind": "action_plan", "nodes": {}})", "nodes",
                "expected an array, got an object");
    ExpectError(R"({"schema": "planwatch.plan/1", "title": "P", "kind": "action_plan"})", "nodes",
                "required key missing");
    ExpectError(R"({"schema": "planwatch.plan/1", "title": "P", "kind": "plan", "nodes": []})", "kind",
                "expected one of \"action_plan\", \"operational_plan\", \"annual_social_services_plan\", "
                "\"organisation_profile\", \"other\", got \"plan\"");
    ExpectError(WithNodes(R"({"kind": "chapter", "title": "A"})"), "nodes[0].kind",
                "expected one of \"pillar\", \"area\", \"section\", \"general_objective\", \"specific_objective\", "
                "\"activity\", got \"chapter\"");
    ExpectError(WithNodes(R"({"title": "A"})"), "nodes[0].kind", "required key missing");
    ExpectError(WithNodes(R"(["A"])"), "nodes[0]", "expected an object, got an array");
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A", "deadline": {"year": 2020, "month": 0}})"),
                "nodes[0].deadline.month", "expected an integer 1..12, got 0");
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A", "deadline": {"year": 2020, "month": 7.0}})"),
                "nodes[0].deadline.month", "expected an integer 1..12, got 7.0");
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A", "deadline": {"year": 20}})"), "nodes[0].deadline.year",
                "expected an integer 1900..2200, got 20");
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A", "source_line": 0})"), "nodes[0].source_line",
                "expected an integer >= 1, got 0");
    auto with_target = [](const std::string& target) {
        return WithNodes(R"({"kind": "activity", "title": "A", "indicators": [{"name": "N", "target": )" + target +
                         "}]}");
    };
    ExpectError(with_target(R"({"value": "2", "comparator": ">="})"), "nodes[0].indicators[0].target.value",
                "expected a number, got \"2\"");
    ExpectError(with_target(R"({"value": 2, "comparator": ">=", "percent": "yes"})"),
                "nodes[0].indicators[0].target.percent", "expected true or false, got \"yes\"");
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A", "results": ["x", null]})"), "nodes[0].results[1]",
                "expected a string, got null");
    std::string long_title(60, 'a');
    ExpectError(WithNodes(R"({"kind": "activity", "title": ")" + long_title + R"(", "code": 1})"), "nodes[0].code",
                "expected a string, got 1");
    ExpectError(WithNodes(R"({"kind": 1, "title": "ăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăăă"})"), "nodes[0].kind",
                "expected one of \"pillar\", \"area\", \"section\", \"general_objective\", \"specific_objective\", "
                "\"activity\", got 1");
}

TEST(PlanFromJson, ShortensLongStringsInMessagesOnCharacterBoundaries) {
    std::string title(30, 'a');
    for (int i = 0; i < 30; ++i) title += "ș";
    ExpectError(WithNodes(R"({"kind": ")" + title + R"(", "title": "A"})"), "nodes[0].kind",
                "expected one of \"pillar\", \"area\", \"section\", \"general_objective\", \"specific_objective\", "
                "\"activity\", got \"" +
                    std::string(30, 'a') + "șșșșș…\"");
}

TEST(PlanFromJson, RefusesIdsThatAreNotStringsOfDigits) {
    const std::string kExpected = "expected an id as a string of digits, got ";
    auto with_id = [](const std::string& id) {
        return R"({"schema": "planwatch.plan/1", "id": )" + id +
               R"(, "title": "P", "kind": "action_plan", "nodes": []})";
    };
    ExpectError(with_id("42"), "id", kExpected + "42");
    ExpectError(with_id("\"-4\""), "id", kExpected + "\"-4\"");
    ExpectError(with_id("\"\""), "id", kExpected + "\"\"");
    ExpectError(with_id("\"99999999999999999999\""), "id", kExpected + "\"99999999999999999999\"");
    ExpectError(WithNodes(R"({"id": "4a", "kind": "activity", "title": "A"})"), "nodes[0].id", kExpected + "\"4a\"");
    StatusOr<Plan> plan = PlanFromJson(WithNodes(R"({"id": "9007199254740993", "kind": "activity", "title": "A"})"));
    ASSERT_TRUE(plan.ok()) << plan.status();
    EXPECT_EQ(plan->nodes[0].id, 9007199254740993);  // beyond 2^53: why ids are strings
}

TEST(PlanFromJson, ReadsAmountsExactlyAndRefusesMoreThanTwoDecimals) {
    auto amount = [](const std::string& text) {
        return PlanFromJson(WithNodes(R"({"kind": "activity", "title": "A", "budget": [{"amount": )" + text +
                                      R"(, "currency": "RON"}]})"));
    };
    const std::vector<std::pair<std::string, int64_t>> good = {
        {"1478027.51", 147802751},
        {"2126000", 212600000},
        {"0.1", 10},
        {"1.10", 110},
        {"1e2", 10000},
        {"-0.05", -5},
        {"0", 0},
        {"0.29", 29},
        {"1.15", 115},
        {"4.35", 435},
    };
    for (const auto& [text, minor] : good) {
        StatusOr<Plan> plan = amount(text);
        ASSERT_TRUE(plan.ok()) << text << ": " << plan.status();
        EXPECT_EQ(plan->nodes[0].budget[0].amount_minor, minor) << text;
    }
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A", "budget": [{"amount": 1.005, "currency": "RON"}]})"),
                "nodes[0].budget[0].amount", "expected an amount with at most 2 decimals, got 1.005");
    EXPECT_EQ(amount("0.001").status().message(), "expected an amount with at most 2 decimals, got 0.001");
    EXPECT_EQ(amount("\"1.478.027,51\"").status().message(), "expected an amount (a number), got \"1.478.027,51\"");
    EXPECT_EQ(amount("1e300").status().message(),
              "expected an amount below 90071992547409.92 when it has decimals, got 1e+300");
    EXPECT_EQ(amount("100000000000000000").status().message(),
              "expected an amount of at most 92233720368547758 in absolute value, got 100000000000000000");
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A", "budget": [{"amount": 100, "currency": "lei"}]})"),
                "nodes[0].budget[0].currency", "expected an ISO 4217 code of 3 capital letters, got \"lei\"");
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A", "budget": [{"currency": "RON"}]})"),
                "nodes[0].budget[0].amount", "required key missing");
}

TEST(PlanFromJson, RefusesABadSourceDocument) {
    ExpectError(R"({"schema": "planwatch.plan/1", "title": "P", "kind": "action_plan", "nodes": [],
                   "source": {"file": "a.odt", "format": "odt"}})",
                "source.format",
                "expected one of \"text\", \"docx\", \"pdf\", \"csv\", \"xlsx\", \"json\", got \"odt\"");
    ExpectError(R"({"schema": "planwatch.plan/1", "title": "P", "kind": "action_plan", "nodes": [],
                   "source": {"sha256": "ABC"}})",
                "source.sha256", "expected 64 lower-case hex digits, got \"ABC\"");
}

TEST(PlanFromJson, PassesOnTheInvariantsOfValidate) {
    ExpectError(
        WithNodes(
            R"({"kind": "activity", "title": "A", "responsible": [{"institution": "IPJ Cluj", "role": "lead"}]})"),
        "nodes[0].responsible[0].institution", "\"IPJ Cluj\" is not listed in institutions");
    ExpectError(WithNodes(R"({"kind": "pillar", "title": "A", "results": ["r"]})"), "nodes[0]",
                "a pillar cannot carry activity fields");
    ExpectError(R"({"schema": "planwatch.plan/1", "title": "P", "kind": "action_plan", "nodes": [],
                   "period": {"start": 2020, "end": 2017}})",
                "period", "start 2020 is after end 2017");
    ExpectError(WithNodes(R"({"kind": "activity", "title": "A", "periods": ["2019-H1"]})"), "nodes[0].periods[0]",
                "\"2019-H1\" is not a period; expected 2019, 2019-S1, 2019-Q3 or 2019-07");
}

// ---- reader: text that is not JSON ---------------------------------------------

void ExpectSyntaxError(const std::string& json, int line, int column, const std::string& message) {
    Status status = PlanFromJson(json).status();
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(status.where().line, line) << status;
    EXPECT_EQ(status.where().column, column) << status;
    EXPECT_EQ(status.where().field, "");
    EXPECT_EQ(status.message(), message);
}

TEST(PlanFromJson, GivesLineAndColumnOfASyntaxError) {
    ExpectSyntaxError("{\n  \"schema\": \"planwatch.plan/1\",\n  \"title\": iulie\n}", 3, 12,
                      "not valid JSON: syntax error while parsing value - invalid literal; last read: '\"title\": i'");
    ExpectSyntaxError("", 1, 1,
                      "not valid JSON: syntax error while parsing value - unexpected end of input; expected '[', "
                      "'{', or a literal");
    ExpectSyntaxError("{\"schema\": \"planwatch.plan/1\"", 1, 30,
                      "not valid JSON: syntax error while parsing object - unexpected end of input; expected '}'");
    ExpectSyntaxError(
        "{} x", 1, 4,
        "not valid JSON: syntax error while parsing value - invalid literal; last read: '{} x'; expected end of input");
}

TEST(PlanFromJson, CountsColumnsInCharactersNotBytes) {
    // "ș" is two bytes; the stray x is the 15th character of line 2, its 17th byte.
    ExpectSyntaxError(
        "{\n\"title\": \"șș\" x}", 2, 15,
        "not valid JSON: syntax error while parsing object - invalid literal; last read: '\"șș\" x'; expected '}'");
}

TEST(PlanFromJson, KeepsItsMessageUtf8WhenTheInputIsNot) {
    Status status = PlanFromJson("{\"title\": \"Jude\xFEul\"}").status();
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(status.where().line, 1);
    EXPECT_EQ(status.where().column, 16);
    EXPECT_EQ(status.message(),
              "not valid JSON: syntax error while parsing value - invalid string: ill-formed UTF-8 byte");
}

TEST(PlanFromJson, StopsANestingBombWithoutOverflowingTheStack) {
    ExpectSyntaxError(std::string(10000, '[') + std::string(10000, ']'), 1, 101, "nested deeper than 100 levels");
    std::string objects;
    for (int i = 0; i < 10000; ++i) objects += "{\"a\":";
    ExpectSyntaxError(objects + "1" + std::string(10000, '}'), 1, 501, "nested deeper than 100 levels");
    std::string in_plan = R"({"schema": "planwatch.plan/1", "nodes": [)" + std::string(100000, '[');
    ExpectSyntaxError(in_plan, 1, 140, "nested deeper than 100 levels");
    // Exactly at the limit the parser is not the one to complain.
    ExpectError(std::string(100, '[') + std::string(100, ']'), "",
                "expected a planwatch.plan/1 object at the top level, got an array");
}

TEST(PlanFromJson, ToleratesAByteOrderMark) {
    StatusOr<Plan> plan = PlanFromJson("\xEF\xBB\xBF" + PlanToJson(RichPlan()));
    ASSERT_TRUE(plan.ok()) << plan.status();
    EXPECT_EQ(*plan, RichPlan());
}

}  // namespace
}  // namespace planwatch::domain
