// The registry API end to end without a socket: seeds 001 and 004 in a fresh
// SQLite store, requests through web::App with API tokens of each role.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "web/app.h"

namespace planwatch::web {
namespace {

using nlohmann::json;

class RegistryApiTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::filesystem::temp_directory_path() / ("pw_registry_api_test_" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        StatusOr<std::unique_ptr<storage::Store>> store = storage::OpenStore("sqlite:" + (dir_ / "db.sqlite").string());
        ASSERT_TRUE(store.ok()) << store.status();
        store_ = std::move(*store).release();
        services_ = new services::Services(*store_);
        for (const char* seed : {"001_27bf44580f6e2d5d.txt", "004_16958f30d03cf6c0.txt"}) {
            StatusOr<services::ImportOutcome> imported = services_->imports().ImportFile(
                std::string(PLANWATCH_SOURCE_DIR) + "/samples/" + seed, "test", {.publish = true});
            ASSERT_TRUE(imported.ok()) << imported.status();
        }
        for (const auto& [email, role, institution] : std::vector<std::tuple<std::string, std::string, std::string>>{
                 {"coord@test.ro", "coordinator", ""},
                 {"dgaspc@test.ro", "reporter", "DGASPC"},
                 {"audit@test.ro", "reporter", "Compartiment audit intern"}}) {
            StatusOr<services::CreatedAccount> account = services_->accounts().Add(
                {.email = email, .role = role, .institution = institution, .password = "parola-de-test-lunga",
                 .token = true},
                "test");
            ASSERT_TRUE(account.ok()) << account.status();
            tokens_[email] = account->token;
        }
        app_ = new App(*services_, AppOptions{});
    }
    static void TearDownTestSuite() {
        delete app_;
        delete services_;
        delete store_;
        std::filesystem::remove_all(dir_);
    }

    static Response Call(const std::string& method, const std::string& target, const std::string& who = "",
                         const std::string& body = "") {
        Request request;
        request.method = method;
        size_t q = target.find('?');
        request.path = target.substr(0, q);
        request.query = q == std::string::npos ? "" : target.substr(q + 1);
        request.body = body;
        if (!who.empty()) request.headers["authorization"] = "Bearer " + tokens_[who];
        if (method == "POST" || method == "PUT") request.headers["content-type"] = "application/json";
        Response response = app_->Handle(request);
        if (response.shared_body) response.body = *response.shared_body;
        return response;
    }
    static int64_t InstitutionId(const std::string& name) { return *services_->registry().Resolve(name); }

    static inline std::filesystem::path dir_;
    static inline storage::Store* store_ = nullptr;
    static inline services::Services* services_ = nullptr;
    static inline App* app_ = nullptr;
    static inline std::map<std::string, std::string> tokens_;
};

TEST_F(RegistryApiTest, StatisticsHaveTheTotalsOfSeed001) {
    Response response = Call("GET", "/api/v1/registry/statistics");
    ASSERT_EQ(response.status, 200) << response.body;
    json body = json::parse(response.body);
    EXPECT_EQ(body["contracting_lines"], 4);
    EXPECT_EQ(body["training_lines"], 7);
    EXPECT_EQ(body["existing_by_source"]["county"]["2025"], 87660000.0);
    EXPECT_EQ(body["existing_by_source"]["state"]["2025"], 63008000.0);
    EXPECT_EQ(body["proposed"].size(), 15u);
    EXPECT_EQ(Call("GET", "/api/v1/registry/statistics?plan=abc").status, 400);
}

TEST_F(RegistryApiTest, FiguresOfAUnit) {
    int64_t adoption = InstitutionId("Serviciul adopții și postadopții");
    Response response = Call("GET", "/api/v1/institutions/" + std::to_string(adoption) + "/figures");
    ASSERT_EQ(response.status, 200) << response.body;
    json body = json::parse(response.body);
    EXPECT_EQ(body["name"], "Serviciul adopții și postadopții");
    ASSERT_EQ(body["figures"].size(), 3u);
    EXPECT_EQ(body["figures"][0]["year"], 2018);
    EXPECT_EQ(Call("GET", "/api/v1/institutions/999999/figures").status, 404);
}

TEST_F(RegistryApiTest, NeedsAreReadOnlyByTheirInstitutionAndCoordinators) {
    const std::string need = R"({"recorded_on":"2025-05-02","locality":"Dej","beneficiary_group":"C",)"
                             R"("kind":"neglijare","referred_by":"school","identity":"5010203123456"})";
    EXPECT_EQ(Call("POST", "/api/v1/needs", "", need).status, 401);
    Response created = Call("POST", "/api/v1/needs", "dgaspc@test.ro", need);
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(Call("POST", "/api/v1/needs", "dgaspc@test.ro", R"({"recorded_on":"2025-05-02"})").status, 422);

    EXPECT_EQ(Call("GET", "/api/v1/needs").status, 401);
    EXPECT_EQ(json::parse(Call("GET", "/api/v1/needs", "audit@test.ro").body).size(), 0u);
    json own = json::parse(Call("GET", "/api/v1/needs", "dgaspc@test.ro").body);
    ASSERT_EQ(own.size(), 1u);
    EXPECT_EQ(own[0]["kind"], "neglijare");
    EXPECT_EQ(own[0]["person_key"].get<std::string>().size(), 64u);
    EXPECT_EQ(json::parse(Call("GET", "/api/v1/needs", "coord@test.ro").body).size(), 1u);

    // The public sees the gap of Dej's children only as suppressed: one need is under 5.
    json gaps = json::parse(Call("GET", "/api/v1/gaps").body);
    bool found = false;
    for (const json& gap : gaps) {
        if (gap["beneficiary_group"] == "C" && gap["locality"] == "Dej") {
            found = true;
            EXPECT_TRUE(gap["suppressed"].get<bool>());
            EXPECT_TRUE(gap["needs"].is_null());
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(RegistryApiTest, ANeedsOutcomeIsRecordedOnTheVersionItWasReadAt) {
    const std::string need = R"({"recorded_on":"2025-06-02","locality":"Turda","beneficiary_group":"V",)"
                             R"("kind":"îngrijire","identity":"2400101123456"})";
    Response created = Call("POST", "/api/v1/needs", "dgaspc@test.ro", need);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string path = "/api/v1/needs/" + std::to_string(json::parse(created.body)["id"].get<int64_t>());
    const std::string edit = R"({"version":1,"outcome":"îngrijire la domiciliu"})";
    EXPECT_EQ(Call("PUT", path, "", edit).status, 401);
    EXPECT_EQ(Call("PUT", path, "audit@test.ro", edit).status, 403);
    EXPECT_EQ(Call("PUT", path, "dgaspc@test.ro", R"({"outcome":"x"})").status, 422);  // no version
    EXPECT_EQ(Call("PUT", "/api/v1/needs/999999", "coord@test.ro", edit).status, 404);
    Response updated = Call("PUT", path, "dgaspc@test.ro", edit);
    ASSERT_EQ(updated.status, 200) << updated.body;
    json body = json::parse(updated.body);
    EXPECT_EQ(body["version"], 2);
    EXPECT_EQ(body["outcome"], "îngrijire la domiciliu");
    Response stale = Call("PUT", path, "coord@test.ro", edit);
    EXPECT_EQ(stale.status, 409) << stale.body;
    EXPECT_EQ(json::parse(stale.body)["error"]["code"], "conflict");
}

TEST_F(RegistryApiTest, MonthlyFiguresGiveOccupancyWithSmallCountsWithheldFromThePublic) {
    json services = json::parse(Call("GET", "/api/v1/services?q=Gherla%20Varstnice").body);
    ASSERT_EQ(services.size(), 1u) << services.dump();
    const std::string id = std::to_string(services[0]["id"].get<int64_t>());
    const std::string month = "/api/v1/services/" + id + "/months/2025-05";
    // Seed 001 names no provider: only a coordinator enters the home's figures.
    EXPECT_EQ(Call("PUT", month, "", R"({"beneficiaries":48,"waiting":3})").status, 401);
    EXPECT_EQ(Call("PUT", month, "dgaspc@test.ro", R"({"beneficiaries":48,"waiting":3})").status, 403);
    EXPECT_EQ(Call("PUT", month, "coord@test.ro", R"({"waiting":3})").status, 422);
    const std::string bad_month = "/api/v1/services/" + id + "/months/2025-5";
    EXPECT_EQ(Call("PUT", bad_month, "coord@test.ro", R"({"beneficiaries":1})").status, 422);
    Response put = Call("PUT", month, "coord@test.ro", R"({"beneficiaries":48,"waiting":3})");
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(json::parse(put.body)[0]["waiting"], 3);

    json seen = json::parse(Call("GET", "/api/v1/services/" + id + "/occupancy").body);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0]["month"], "2025-05");
    EXPECT_EQ(seen[0]["beneficiaries"], 48);
    EXPECT_EQ(seen[0]["capacity"], 50);
    EXPECT_DOUBLE_EQ(seen[0]["occupancy"].get<double>(), 0.96);
    EXPECT_TRUE(seen[0]["waiting"].is_null());  // 3 people waiting is a small count
    EXPECT_TRUE(seen[0]["suppressed"].get<bool>());
    EXPECT_EQ(Call("GET", "/api/v1/services/99999999/occupancy").status, 404);
}

TEST_F(RegistryApiTest, OnlyCoordinatorsMerge) {
    int64_t from = InstitutionId("Compartiment audit intern");
    int64_t into = InstitutionId("Aparatul de specialitate al direcției");
    const std::string path = "/api/v1/institutions/" + std::to_string(from) + "/merge";
    const std::string body = R"({"into":)" + std::to_string(into) + "}";
    EXPECT_EQ(Call("POST", path, "dgaspc@test.ro", body).status, 403);
    EXPECT_EQ(Call("POST", path, "coord@test.ro", R"({"into":"x"})").status, 422);
    Response merged = Call("POST", path, "coord@test.ro", body);
    ASSERT_EQ(merged.status, 200) << merged.body;
    json result = json::parse(merged.body);
    EXPECT_EQ(result["id"], into);
    EXPECT_EQ(result["users"], 1);  // the audit compartment's reporter moved with it
    EXPECT_EQ(Call("POST", path, "coord@test.ro", body).status, 404);
}

}  // namespace
}  // namespace planwatch::web
