#include "storage/store_test_suite.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <fstream>
#include <set>
#include <thread>
#include <tuple>

#include "storage/sql/migrations.h"
#include "storage/sql/tables.h"
#include "storage/test_plans.h"

namespace planwatch::storage::testing {
namespace {

// Every migration this binary carries for the back end: later issues add
// numbered migrations, and each must be applied exactly once.
std::vector<int> KnownMigrations(const std::string& backend) {
    std::vector<int> numbers;
    for (const sql::Migration& migration : sql::EmbeddedMigrations(backend == "sqlite" ? "sqlite" : "postgres")) {
        numbers.push_back(migration.number);
    }
    return numbers;
}

domain::AuditEvent Event(const std::string& action, const std::string& entity_id = "") {
    return domain::AuditEvent{.actor = "cli:test",
                              .action = action,
                              .entity = "plan",
                              .entity_id = entity_id,
                              .before_json = "null",
                              .after_json = R"({"title":"Planul de acțiune"})"};
}

// Inserts and commits with an audit event, as services/ does.
int64_t Import(Store& store, const domain::Plan& plan, std::optional<int64_t> series = std::nullopt) {
    StatusOr<std::unique_ptr<Transaction>> tx = store.Begin();
    EXPECT_TRUE(tx.ok()) << tx.status();
    if (!tx.ok()) return 0;
    StatusOr<int64_t> id = (*tx)->InsertPlan(plan, series);
    EXPECT_TRUE(id.ok()) << id.status();
    if (!id.ok()) return 0;
    EXPECT_TRUE((*tx)->Append(Event("plan.import", std::to_string(*id))).ok());
    Status committed = (*tx)->Commit();
    EXPECT_TRUE(committed.ok()) << committed;
    return *id;
}

std::map<std::string, int64_t> Counts(Store& store) {
    StatusOr<std::unique_ptr<Transaction>> tx = store.Begin();
    EXPECT_TRUE(tx.ok()) << tx.status();
    if (!tx.ok()) return {};
    StatusOr<std::map<std::string, int64_t>> counts = (*tx)->CountRows();
    EXPECT_TRUE(counts.ok()) << counts.status();
    return counts.ok() ? *counts : std::map<std::string, int64_t>{};
}

domain::Plan Load(Store& store, int64_t id) {
    StatusOr<std::unique_ptr<Transaction>> tx = store.Begin();
    EXPECT_TRUE(tx.ok()) << tx.status();
    if (!tx.ok()) return {};
    StatusOr<domain::Plan> plan = (*tx)->LoadPlan(id);
    EXPECT_TRUE(plan.ok()) << plan.status();
    return plan.ok() ? *plan : domain::Plan{};
}

std::vector<PlanSummary> List(Store& store, bool all_versions) {
    StatusOr<std::unique_ptr<Transaction>> tx = store.Begin();
    EXPECT_TRUE(tx.ok()) << tx.status();
    if (!tx.ok()) return {};
    StatusOr<std::vector<PlanSummary>> plans = (*tx)->ListPlans(all_versions);
    EXPECT_TRUE(plans.ok()) << plans.status();
    return plans.ok() ? *plans : std::vector<PlanSummary>{};
}

bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

void StoreSuite::SetUp() {
    url_ = GetParam().new_url();
    StatusOr<std::unique_ptr<Store>> store = OpenStore(url_);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
}

std::unique_ptr<Store> StoreSuite::Reopen() {
    StatusOr<std::unique_ptr<Store>> store = OpenStore(url_);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? std::move(*store) : nullptr;
}

TEST_P(StoreSuite, MigratesAnEmptyDatabase) {
    EXPECT_EQ(store_->BackendName(), GetParam().name);
    StatusOr<std::vector<int>> applied = store_->AppliedMigrations();
    ASSERT_TRUE(applied.ok()) << applied.status();
    EXPECT_EQ(*applied, KnownMigrations(GetParam().name));
    std::map<std::string, int64_t> counts = Counts(*store_);
    EXPECT_EQ(counts.size(), sql::kTables.size());  // 31 with evidence_file (migration 0009)
    EXPECT_TRUE(counts.contains("evidence_file"));
    for (const auto& [table, count] : counts) EXPECT_EQ(count, 0) << table;
    EXPECT_TRUE(store_->Check().ok()) << store_->Check();
}

TEST_P(StoreSuite, ReopeningKeepsDataAndDoesNotReapplyMigrations) {
    int64_t id = Import(*store_, MakeRichPlan(3));
    std::unique_ptr<Store> again = Reopen();
    ASSERT_NE(again, nullptr);
    StatusOr<std::vector<int>> applied = again->AppliedMigrations();
    ASSERT_TRUE(applied.ok()) << applied.status();
    EXPECT_EQ(*applied, KnownMigrations(GetParam().name));
    EXPECT_EQ(Load(*again, id).title, MakeRichPlan(3).title);
    EXPECT_EQ(Counts(*again)["plan"], 1);
}

TEST_P(StoreSuite, LoadGivesBackExactlyWhatWasInserted) {
    domain::Plan plan = MakeRichPlan(47);
    ASSERT_TRUE(domain::Validate(plan).ok()) << domain::Validate(plan);
    int64_t id = Import(*store_, plan);
    domain::Plan loaded = Load(*store_, id);

    EXPECT_EQ(loaded.id, id);
    EXPECT_EQ(loaded.version, 1);
    EXPECT_EQ(domain::CountActivities(loaded), 47);
    int without_id = 0;
    domain::ForEachNode(loaded.nodes, [&](const domain::Node& node) { without_id += node.id ? 0 : 1; });
    EXPECT_EQ(without_id, 0);
    for (const domain::Institution& institution : loaded.institutions) EXPECT_TRUE(institution.id.has_value());
    for (const domain::SocialService& service : loaded.services) EXPECT_TRUE(service.id.has_value());

    domain::Plan expected = plan;
    CopyStoreIds(loaded, expected);
    EXPECT_EQ(loaded, expected);

    // Doubles come back bit for bit, not just close.
    ASSERT_TRUE(loaded.services[0].occupancy.has_value());
    EXPECT_TRUE(SameBits(*loaded.services[0].occupancy, 11.0 / 12.0));
    EXPECT_TRUE(SameBits(loaded.services[1].capacity->value, 1.0 / 3.0));
    EXPECT_TRUE(SameBits(loaded.institutions[3].figures[1].value, 0.1 + 0.2));
    EXPECT_EQ(loaded.title, "PLANUL DE ACŢIUNE pentru implementarea Strategiei judeţene a (ș ț ă î â ş)");

    std::map<std::string, int64_t> counts = Counts(*store_);
    EXPECT_EQ(counts["node"], 1 + 2 + 2 + 2 + 4 + 47);
    EXPECT_EQ(counts["indicator"], 3 * 47);
    EXPECT_EQ(counts["responsibility"], 3 * 47);
    EXPECT_EQ(counts["budget_line"], 2 * 47);
    EXPECT_EQ(counts["node_result"], 2 * 47);
    EXPECT_EQ(counts["node_period"], 2 * 47);
    EXPECT_EQ(counts["institution"], 5);
    EXPECT_EQ(counts["institution_alias"], 3);  // D.G.A.S.P.C. Cluj, DGASPC Cluj-Napoca, IŞJ Cluj
    EXPECT_EQ(counts["plan_institution"], 5);
    EXPECT_EQ(counts["plan_institution_alias"], 3);
    EXPECT_EQ(counts["unit_figure"], 2);
    EXPECT_EQ(counts["social_service"], 3);
    EXPECT_EQ(counts["service_budget"], 2);
    EXPECT_EQ(counts["plan_warning"], 2);
    EXPECT_EQ(counts["audit_event"], 1);

    // A second plan naming the same institutions reuses the registry entries.
    Import(*store_, MakeRichPlan(5, "b"));
    EXPECT_EQ(Counts(*store_)["institution"], 5);
}

TEST_P(StoreSuite, ServiceLicencesComeBackAsInserted) {
    domain::Plan plan = MakeRichPlan(3);
    ASSERT_GE(plan.services.size(), 3u);
    // Granted to the day, ending at a month; a number alone; dates without a number; none.
    plan.services[0].licence = domain::ServiceLicence{
        .number = "LF 0001234", .date = domain::DatePoint{2019, 3, 12}, .expiry = domain::DatePoint{2024, 3, 0}};
    plan.services[1].licence = domain::ServiceLicence{.number = "1047/2021"};
    plan.services[2].licence =
        domain::ServiceLicence{.date = domain::DatePoint{2020, 0, 0}, .expiry = domain::DatePoint{2025, 12, 31}};
    domain::SocialService unlicensed = plan.services[0];
    unlicensed.licence.reset();
    unlicensed.source_line = 99;
    plan.services.push_back(unlicensed);
    ASSERT_TRUE(domain::Validate(plan).ok()) << domain::Validate(plan);
    int64_t id = Import(*store_, plan);
    domain::Plan loaded = Load(*store_, id);
    ASSERT_EQ(loaded.services.size(), plan.services.size());
    ASSERT_TRUE(loaded.services[0].licence);
    EXPECT_EQ(loaded.services[0].licence->number, "LF 0001234");
    EXPECT_EQ(loaded.services[0].licence->date, (domain::DatePoint{2019, 3, 12}));
    EXPECT_EQ(loaded.services[0].licence->expiry, (domain::DatePoint{2024, 3, 0}));
    ASSERT_TRUE(loaded.services[1].licence);
    EXPECT_EQ(loaded.services[1].licence->number, "1047/2021");
    EXPECT_FALSE(loaded.services[1].licence->date);
    EXPECT_FALSE(loaded.services[1].licence->expiry);
    ASSERT_TRUE(loaded.services[2].licence);
    EXPECT_EQ(loaded.services[2].licence->number, "");
    EXPECT_EQ(loaded.services[2].licence->date, (domain::DatePoint{2020, 0, 0}));
    EXPECT_FALSE(loaded.services[3].licence);
    domain::Plan expected = plan;
    CopyStoreIds(loaded, expected);
    EXPECT_EQ(loaded, expected);
}

TEST_P(StoreSuite, LoadOfAnUnknownPlanIsNotFound) {
    StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok()) << tx.status();
    StatusOr<domain::Plan> plan = (*tx)->LoadPlan(424242);
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.status().code(), StatusCode::kNotFound);
    EXPECT_EQ(plan.status().message(), "no plan with id 424242");
}

TEST_P(StoreSuite, ReplaceAddsAVersionAndKeepsTheOldOne) {
    int64_t first = Import(*store_, MakeRichPlan(4, "a"));
    int64_t other = Import(*store_, MakeRichPlan(2, "b"));
    std::vector<PlanSummary> before = List(*store_, false);
    ASSERT_EQ(before.size(), 2u);
    int64_t series = before[0].series_id;

    domain::Plan revised = MakeRichPlan(6, "a");
    revised.title = "Planul revizuit";
    int64_t second = Import(*store_, revised, series);
    domain::Plan loaded_second = Load(*store_, second);
    EXPECT_EQ(loaded_second.version, 2);
    EXPECT_EQ(domain::CountActivities(loaded_second), 6);
    domain::Plan loaded_first = Load(*store_, first);
    EXPECT_EQ(loaded_first.version, 1);
    EXPECT_EQ(domain::CountActivities(loaded_first), 4);

    std::vector<PlanSummary> latest = List(*store_, false);
    ASSERT_EQ(latest.size(), 2u);
    EXPECT_EQ(latest[0].id, other);
    EXPECT_EQ(latest[1].id, second);
    EXPECT_EQ(latest[1].version, 2);
    EXPECT_EQ(latest[1].series_id, series);
    EXPECT_EQ(latest[1].activities, 6);
    EXPECT_EQ(latest[1].title, "Planul revizuit");
    EXPECT_EQ(latest[1].period_start, 2021);
    EXPECT_EQ(latest[1].period_end, 2027);
    EXPECT_TRUE(latest[1].latest);

    std::vector<PlanSummary> all = List(*store_, true);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].id, first);
    EXPECT_FALSE(all[0].latest);
    EXPECT_EQ(all[0].activities, 4);

    StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    StatusOr<int64_t> unknown = (*tx)->InsertPlan(revised, 999999);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
}

TEST_P(StoreSuite, APlanIsADraftUntilPublishedAndOnlyItsPublicationChanges) {
    int64_t id = Import(*store_, MakeRichPlan(3));
    StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    StatusOr<std::optional<PlanSummary>> draft = (*tx)->FindPlan(id);
    ASSERT_TRUE(draft.ok()) << draft.status();
    ASSERT_TRUE(draft->has_value());
    EXPECT_FALSE((*draft)->published());
    EXPECT_EQ((*draft)->published_by, "");
    EXPECT_EQ((*draft)->activities, 3);
    EXPECT_FALSE((*(*tx)->FindPlan(id + 1000)).has_value());

    ASSERT_TRUE((*tx)->SetPlanPublication(id, "coord@example.ro").ok());
    Status unknown = (*tx)->SetPlanPublication(id + 1000, "coord@example.ro");
    EXPECT_EQ(unknown.code(), StatusCode::kNotFound);
    EXPECT_EQ(unknown.message(), "no plan with id " + std::to_string(id + 1000));
    // A write like any other: refused without its audit event.
    EXPECT_EQ((*tx)->Commit().code(), StatusCode::kInternal);
    tx = Status(StatusCode::kInternal, "released");  // rolls the refused write back before the next Begin

    tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->SetPlanPublication(id, "coord@example.ro").ok());
    ASSERT_TRUE((*tx)->Append(Event("plan.publish", std::to_string(id))).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
    tx = Status(StatusCode::kInternal, "released");
    std::vector<PlanSummary> listed = List(*store_, true);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_TRUE(listed[0].published());
    EXPECT_EQ(listed[0].published_by, "coord@example.ro");
    EXPECT_EQ(listed[0].published_at.size(), 20u) << listed[0].published_at;  // 2025-11-23T18:49:07Z
    EXPECT_GE(listed[0].published_at, listed[0].imported_at);

    tx = store_->Begin();
    ASSERT_TRUE(tx.ok()) << tx.status();
    ASSERT_TRUE((*tx)->SetPlanPublication(id, std::nullopt).ok());
    ASSERT_TRUE((*tx)->Append(Event("plan.unpublish", std::to_string(id))).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
    tx = Status(StatusCode::kInternal, "released");
    PlanSummary again = List(*store_, false)[0];
    EXPECT_FALSE(again.published());
    EXPECT_EQ(again.published_by, "");
    EXPECT_EQ(Load(*store_, id).title, MakeRichPlan(3).title);
}

TEST_P(StoreSuite, FindsPlansBySha256AndByFileOrTitle) {
    domain::Plan plan = MakeRichPlan(2, "a");
    int64_t first = Import(*store_, plan);
    int64_t second = Import(*store_, plan, List(*store_, false)[0].series_id);
    StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok());

    StatusOr<std::optional<PlanSummary>> by_hash = (*tx)->FindPlanBySha256(plan.source.sha256);
    ASSERT_TRUE(by_hash.ok()) << by_hash.status();
    ASSERT_TRUE(by_hash->has_value());
    EXPECT_EQ((*by_hash)->id, second);
    EXPECT_EQ((*by_hash)->sha256, plan.source.sha256);
    EXPECT_FALSE((*(*tx)->FindPlanBySha256(std::string(64, 'f'))).has_value());

    StatusOr<std::optional<PlanSummary>> by_file = (*tx)->FindLatestPlan("plan_a.docx", "");
    ASSERT_TRUE(by_file.ok()) << by_file.status();
    ASSERT_TRUE(by_file->has_value());
    EXPECT_EQ((*by_file)->id, second);
    EXPECT_EQ((*by_file)->source_file, "plan_a.docx");
    StatusOr<std::optional<PlanSummary>> by_title = (*tx)->FindLatestPlan("other.pdf", plan.title);
    ASSERT_TRUE(by_title.ok());
    ASSERT_TRUE(by_title->has_value());
    EXPECT_EQ((*by_title)->id, second);
    EXPECT_NE(first, second);
    EXPECT_FALSE((*(*tx)->FindLatestPlan("other.pdf", "Alt plan")).has_value());
    EXPECT_FALSE((*(*tx)->FindLatestPlan("", "")).has_value());
}

TEST_P(StoreSuite, RecordsAuditEventsWithBeforeAndAfter) {
    EXPECT_EQ(*store_->LastAuditId(), 0);
    {
        StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE((*tx)->Append(Event("plan.import", "1")).ok());
        domain::AuditEvent edit{.actor = "ana@cj.ro",
                                .at = "2025-01-02T03:04:05Z",
                                .action = "plan.edit",
                                .entity = "node",
                                .entity_id = "7",
                                .before_json = R"({"title":"Vechi ş"})",
                                .after_json = R"({"title":"Nou ș"})"};
        ASSERT_TRUE((*tx)->Append(edit).ok());
        Status bad = (*tx)->Append(domain::AuditEvent{.actor = "x", .action = "y", .before_json = "{not json"});
        EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
        ASSERT_TRUE((*tx)->Commit().ok());
    }
    StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    StatusOr<std::vector<domain::AuditEvent>> events = (*tx)->ListAudit(10);
    ASSERT_TRUE(events.ok()) << events.status();
    ASSERT_EQ(events->size(), 2u);
    const domain::AuditEvent& newest = (*events)[0];
    EXPECT_EQ(newest.action, "plan.edit");
    EXPECT_EQ(newest.actor, "ana@cj.ro");
    EXPECT_EQ(newest.at, "2025-01-02T03:04:05Z");
    EXPECT_EQ(newest.entity, "node");
    EXPECT_EQ(newest.entity_id, "7");
    EXPECT_EQ(newest.before_json, R"({"title":"Vechi ş"})");
    EXPECT_EQ(newest.after_json, R"({"title":"Nou ș"})");
    EXPECT_TRUE(newest.id.has_value());
    EXPECT_EQ(*store_->LastAuditId(), *newest.id);  // what a cache compares to notice a write
    const domain::AuditEvent& oldest = (*events)[1];
    EXPECT_EQ(oldest.action, "plan.import");
    EXPECT_EQ(oldest.at.size(), 20u);  // set by the Store: YYYY-MM-DDTHH:MM:SSZ
    EXPECT_EQ(oldest.after_json, R"({"title":"Planul de acțiune"})");
    EXPECT_EQ((*(*tx)->ListAudit(1)).size(), 1u);
}

TEST_P(StoreSuite, CommitWithoutAnAuditEventIsRefused) {
    std::map<std::string, int64_t> before = Counts(*store_);
    {
        StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE((*tx)->InsertPlan(MakeRichPlan(3)).ok());
        Status committed = (*tx)->Commit();
        EXPECT_EQ(committed.code(), StatusCode::kInternal);
        EXPECT_EQ(committed.message(), "transaction wrote data without an audit event; Append() one before Commit()");
    }
    EXPECT_EQ(Counts(*store_), before);
    // Reading needs no audit event.
    StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->ListPlans().ok());
    EXPECT_TRUE((*tx)->Commit().ok());
}

TEST_P(StoreSuite, DestroyingAnUncommittedTransactionRollsBack) {
    Import(*store_, MakeRichPlan(2, "keep"));
    std::map<std::string, int64_t> before = Counts(*store_);
    {
        StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE((*tx)->InsertPlan(MakeRichPlan(10, "gone")).ok());
        ASSERT_TRUE((*tx)->InsertUser(domain::User{.email = "gone@x.ro", .role = domain::Role::kAdmin}).ok());
        ASSERT_TRUE((*tx)->Append(Event("plan.import")).ok());
    }
    EXPECT_EQ(Counts(*store_), before);
    EXPECT_EQ(List(*store_, true).size(), 1u);
}

TEST_P(StoreSuite, UsersAreUniqueByEmailWhateverTheCase) {
    Import(*store_, MakeRichPlan(1));
    StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    domain::User ana{.email = "Ana.Pop@cjcluj.ro",
                     .role = domain::Role::kCoordinator,
                     .password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"};
    StatusOr<int64_t> id = (*tx)->InsertUser(ana);
    ASSERT_TRUE(id.ok()) << id.status();
    StatusOr<int64_t> again = (*tx)->InsertUser(domain::User{.email = "ana.pop@CJCLUJ.ro"});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.status().code(), StatusCode::kConflict);
    EXPECT_EQ(again.status().message(), "a user with e-mail ana.pop@CJCLUJ.ro already exists");

    // The failed insert left the transaction usable (PostgreSQL would refuse
    // every later statement without the savepoint around each write).
    StatusOr<std::optional<int64_t>> institution = (*tx)->FindInstitution("consiliul judetean cluj");
    ASSERT_TRUE(institution.ok()) << institution.status();
    domain::User reporter{.email = "rep@isj.ro", .role = domain::Role::kReporter, .institution_id = **institution};
    ASSERT_TRUE((*tx)->InsertUser(reporter).ok());
    ASSERT_TRUE((*tx)->Append(Event("user.add")).ok());
    ASSERT_TRUE((*tx)->Commit().ok());

    StatusOr<std::unique_ptr<Transaction>> read = store_->Begin();
    ASSERT_TRUE(read.ok());
    StatusOr<std::optional<domain::User>> found = (*read)->FindUserByEmail("ANA.POP@cjcluj.ro");
    ASSERT_TRUE(found.ok()) << found.status();
    ASSERT_TRUE(found->has_value());
    ana.id = *id;
    EXPECT_EQ(**found, ana);
    StatusOr<std::optional<domain::User>> with_institution = (*read)->FindUserByEmail("rep@isj.ro");
    ASSERT_TRUE(with_institution.ok() && with_institution->has_value());
    EXPECT_EQ((*with_institution)->institution_id, **institution);
    EXPECT_FALSE((*(*read)->FindUserByEmail("nobody@x.ro")).has_value());
}

TEST_P(StoreSuite, StoresApiTokensByHash) {
    StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    StatusOr<int64_t> user = (*tx)->InsertUser(domain::User{.email = "api@x.ro", .role = domain::Role::kAdmin});
    ASSERT_TRUE(user.ok());
    std::string hash(64, 'a');
    StatusOr<int64_t> token = (*tx)->InsertApiToken(*user, hash, "cli");
    ASSERT_TRUE(token.ok()) << token.status();
    StatusOr<int64_t> duplicate = (*tx)->InsertApiToken(*user, hash, "cli");
    EXPECT_EQ(duplicate.status().code(), StatusCode::kConflict);
    StatusOr<int64_t> nobody = (*tx)->InsertApiToken(*user + 1000, std::string(64, 'b'), "cli");
    EXPECT_EQ(nobody.status().code(), StatusCode::kNotFound);
    ASSERT_TRUE((*tx)->Append(Event("user.token")).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
    EXPECT_EQ(Counts(*store_)["api_token"], 1);
}

TEST_P(StoreSuite, SearchIgnoresCaseAndDiacritics) {
    const domain::Plan plan = MakeRichPlan(3);
    int64_t id = Import(*store_, plan);
    StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    auto kinds = [&](const std::string& query) {
        std::map<std::string, int> count;
        StatusOr<std::vector<SearchHit>> hits = (*tx)->Search(query, 500);
        EXPECT_TRUE(hits.ok()) << hits.status();
        if (!hits.ok()) return count;
        for (const SearchHit& hit : *hits) {
            ++count[hit.kind];
            if (hit.kind != "institution") {
                EXPECT_EQ(hit.plan_id, id) << hit.title;
            }
        }
        return count;
    };
    // "școli" (comma-below) in every activity title; the plan title has the cedilla "ACŢIUNE".
    EXPECT_EQ(kinds("SCOLI")["activity"], domain::CountActivities(plan));
    EXPECT_EQ(kinds("actiune judetene")["plan"], 1);
    EXPECT_EQ(kinds("sperant")["service"], 1);  // "Centrul de recuperare „Speranța”", as a prefix
    EXPECT_TRUE(kinds("").empty());
    EXPECT_TRUE(kinds("\"*:()").empty());  // FTS syntax is not passed through
    EXPECT_TRUE(kinds("inexistentcuvant").empty());
}

TEST_P(StoreSuite, SessionsExpireAndCanBeDeleted) {
    StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    StatusOr<int64_t> user = (*tx)->InsertUser(domain::User{.email = "s@x.ro", .role = domain::Role::kCoordinator});
    ASSERT_TRUE(user.ok());
    ASSERT_TRUE((*tx)->InsertSession({.token_sha256 = std::string(64, 'c'), .user_id = *user, .csrf_token = "k",
                                      .created_at = "2020-01-01T00:00:00Z", .expires_at = "2999-01-01T00:00:00Z"})
                    .ok());
    ASSERT_TRUE((*tx)->InsertSession({.token_sha256 = std::string(64, 'd'), .user_id = *user, .csrf_token = "k",
                                      .created_at = "2020-01-01T00:00:00Z", .expires_at = "2020-01-02T00:00:00Z"})
                    .ok());
    ASSERT_TRUE((*tx)->InsertApiToken(*user, std::string(64, 'e'), "web").ok());
    ASSERT_TRUE((*tx)->Append(Event("session.create")).ok());
    ASSERT_TRUE((*tx)->Commit().ok());

    tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    StatusOr<std::optional<SessionRecord>> live = (*tx)->FindSession(std::string(64, 'c'));
    ASSERT_TRUE(live.ok() && live->has_value()) << live.status();
    EXPECT_EQ((*live)->user.email, "s@x.ro");
    EXPECT_EQ((*live)->user.role, domain::Role::kCoordinator);
    EXPECT_EQ((*live)->csrf_token, "k");
    EXPECT_FALSE((*(*tx)->FindSession(std::string(64, 'd'))).has_value());  // expired
    StatusOr<std::optional<domain::User>> holder = (*tx)->FindUserByApiToken(std::string(64, 'e'));
    ASSERT_TRUE(holder.ok() && holder->has_value());
    EXPECT_EQ((*holder)->id, *user);
    EXPECT_FALSE((*(*tx)->FindUserByApiToken(std::string(64, 'f'))).has_value());
    EXPECT_EQ((*(*tx)->ListUsers()).size(), 1u);
    ASSERT_TRUE((*tx)->DeleteSession(std::string(64, 'c')).ok());
    ASSERT_TRUE((*tx)->Append(Event("session.delete")).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
    tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    EXPECT_FALSE((*(*tx)->FindSession(std::string(64, 'c'))).has_value());
}

TEST_P(StoreSuite, FindsInstitutionsByVariantSpellings) {
    Import(*store_, MakeRichPlan(2));
    StatusOr<std::unique_ptr<Transaction>> tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    auto find = [&](const std::string& name) {
        StatusOr<std::optional<int64_t>> id = (*tx)->FindInstitution(name);
        EXPECT_TRUE(id.ok()) << id.status();
        return id.ok() ? *id : std::nullopt;
    };
    std::optional<int64_t> council = find("Consiliul Județean Cluj");
    ASSERT_TRUE(council.has_value());
    EXPECT_EQ(find("CONSILIUL JUDEŢEAN  CLUJ"), council);  // cedilla, capitals, double space
    EXPECT_EQ(find("consiliul judetean cluj"), council);
    std::optional<int64_t> dgaspc = find("Direcția Generală de Asistență Socială și Protecția Copilului Cluj");
    ASSERT_TRUE(dgaspc.has_value());
    EXPECT_NE(dgaspc, council);
    EXPECT_EQ(find("dgaspc cluj"), dgaspc);        // acronym
    EXPECT_EQ(find("D.G.A.S.P.C. Cluj"), dgaspc);  // alias
    EXPECT_EQ(find("DGASPC Cluj-Napoca"), dgaspc);
    std::optional<int64_t> isj = find("Inspectoratul Școlar Județean Cluj");
    ASSERT_TRUE(isj.has_value());
    EXPECT_EQ(find("IŞJ Cluj"), isj);
    EXPECT_EQ(find("isj cluj"), isj);
    EXPECT_EQ(find("Inspectoratul Şcolar Judeţean Cluj"), isj);
    EXPECT_EQ(find("Consiliul Județean Iași"), std::nullopt);
    EXPECT_EQ(find(""), std::nullopt);
}

TEST_P(StoreSuite, BackupWhileAnotherConnectionWritesThenRestore) {
    for (int i = 0; i < 2; ++i) Import(*store_, MakeRichPlan(47, "base" + std::to_string(i)));
    std::unique_ptr<Store> writer_store = Reopen();
    ASSERT_NE(writer_store, nullptr);
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
        for (int i = 0; i < 40 && !stop; ++i) {
            Import(*writer_store, MakeRichPlan(20, "w" + std::to_string(i)));
            ++written;
        }
    });
    while (written == 0) std::this_thread::yield();
    std::string during = GetParam().new_path();
    Status backed_up = store_->Backup(during);
    stop = true;
    writer.join();
    ASSERT_TRUE(backed_up.ok()) << backed_up;

    // The copy taken mid-write is consistent: whole plans only, each as inserted.
    ASSERT_TRUE(store_->Restore(during).ok());
    EXPECT_TRUE(store_->Check().ok()) << store_->Check();
    std::vector<PlanSummary> restored = List(*store_, true);
    ASSERT_GE(restored.size(), 2u);
    EXPECT_LE(restored.size(), 2u + written);
    std::map<std::string, int64_t> counts = Counts(*store_);
    EXPECT_EQ(counts["node"], 2 * (11 + 47) + static_cast<int64_t>(restored.size() - 2) * (11 + 20));
    EXPECT_EQ(counts["audit_event"], static_cast<int64_t>(restored.size()));
    for (const PlanSummary& summary : restored) {
        domain::Plan loaded = Load(*store_, summary.id);
        EXPECT_EQ(domain::CountActivities(loaded), summary.activities);
    }

    // A quiet backup restores exactly: same lists, same rows, same plans.
    std::string quiet = GetParam().new_path();
    ASSERT_TRUE(store_->Backup(quiet).ok());
    std::map<std::string, int64_t> counts_at_backup = Counts(*store_);
    std::vector<PlanSummary> plans_at_backup = List(*store_, true);
    domain::Plan first_at_backup = Load(*store_, plans_at_backup[0].id);
    int64_t later = Import(*store_, MakeRichPlan(5, "later"));
    Status restored_quiet = store_->Restore(quiet);
    ASSERT_TRUE(restored_quiet.ok()) << restored_quiet;
    EXPECT_EQ(Counts(*store_), counts_at_backup);
    std::vector<PlanSummary> plans_after = List(*store_, true);
    ASSERT_EQ(plans_after.size(), plans_at_backup.size());
    for (size_t i = 0; i < plans_after.size(); ++i) {
        EXPECT_EQ(plans_after[i].id, plans_at_backup[i].id);
        EXPECT_EQ(plans_after[i].imported_at, plans_at_backup[i].imported_at);
        EXPECT_EQ(plans_after[i].activities, plans_at_backup[i].activities);
    }
    EXPECT_EQ(Load(*store_, plans_at_backup[0].id), first_at_backup);
    // Identities continue after the restored rows, so new inserts do not collide.
    int64_t next = Import(*store_, MakeRichPlan(1, "next"));
    EXPECT_GT(next, plans_at_backup.back().id);
    EXPECT_GE(next, later);
}

TEST_P(StoreSuite, RestoringAGarbageFileIsRefusedAndChangesNothing) {
    Import(*store_, MakeRichPlan(3));
    std::map<std::string, int64_t> before = Counts(*store_);
    std::string garbage = GetParam().new_path();
    {
        std::ofstream out(garbage, std::ios::binary);
        out << "this is not a backup\n\x01\x02\x03 ş";
    }
    Status restored = store_->Restore(garbage);
    EXPECT_EQ(restored.code(), StatusCode::kInvalidArgument) << restored;
    EXPECT_NE(restored.message().find(garbage), std::string::npos) << restored.message();
    Status missing = store_->Restore(garbage + ".missing");
    EXPECT_EQ(missing.code(), StatusCode::kInvalidArgument) << missing;
    EXPECT_EQ(Counts(*store_), before);
    EXPECT_TRUE(store_->Check().ok());
}

// Bulk reads and writes (national-scale issue): the status of every activity
// and a county's dashboard read many plans at once; the national load writes
// thousands of reports per transaction.
namespace {

std::vector<const domain::Node*> ActivitiesOf(const domain::Plan& plan) {
    std::vector<const domain::Node*> out;
    domain::ForEachNode(plan.nodes, [&](const domain::Node& node) {
        if (node.kind == domain::NodeKind::kActivity) out.push_back(&node);
    });
    return out;
}

// Reports on the first `activities` activities of plan, one per month of 2022
// from January, by the plan's first institution: two values on the first, one
// evidence link on every other, a draft now and then.
std::vector<domain::ProgressReport> MonthlyReports(const domain::Plan& plan, int activities, int months) {
    std::vector<domain::ProgressReport> out;
    std::vector<const domain::Node*> nodes = ActivitiesOf(plan);
    for (int a = 0; a < activities; ++a) {
        for (int m = 1; m <= months; ++m) {
            domain::ProgressReport report{
                .activity_id = *nodes[a]->id,
                .institution_id = *plan.institutions[0].id,
                .period = fmt::format("2022-{:02d}", m),
                .claimed = m == months ? domain::ClaimedState::kCompleted : domain::ClaimedState::kInProgress,
                .narrative = fmt::format("Raport {} pentru activitatea {} (ș ț ă)", m, nodes[a]->code),
                .review = m % 3 == 0 ? domain::ReviewState::kDraft : domain::ReviewState::kApproved,
                .created_at = fmt::format("2022-{:02d}-05T09:00:00Z", m),
                .submitted_at = m % 3 == 0 ? "" : fmt::format("2022-{:02d}-06T09:00:00Z", m)};
            report.values.push_back({.indicator_index = 0, .value = a + m / 4.0});
            if (m == 1) report.values.push_back({.indicator_index = 2, .value = 1.0 / 3.0});
            if (m % 2 == 0) report.evidence.push_back({.url = fmt::format("https://cjcluj.ro/r/{}/{}", a, m), .sha256 = "ab"});
            out.push_back(std::move(report));
        }
    }
    return out;
}

std::unique_ptr<Transaction> BeginOrFail(Store& store) {
    StatusOr<std::unique_ptr<Transaction>> tx = store.Begin();
    EXPECT_TRUE(tx.ok()) << tx.status();
    return tx.ok() ? std::move(*tx) : nullptr;
}

// Commits reports through InsertReports, or one by one through InsertReport.
std::vector<int64_t> StoreReports(Store& store, const std::vector<domain::ProgressReport>& reports, bool bulk) {
    std::unique_ptr<Transaction> tx = BeginOrFail(store);
    if (!tx) return {};
    std::vector<int64_t> ids;
    if (bulk) {
        StatusOr<std::vector<int64_t>> stored = tx->InsertReports(reports);
        EXPECT_TRUE(stored.ok()) << stored.status();
        if (stored.ok()) ids = *stored;
    } else {
        for (const domain::ProgressReport& report : reports) {
            StatusOr<int64_t> id = tx->InsertReport(report);
            EXPECT_TRUE(id.ok()) << id.status();
            ids.push_back(id.ok() ? *id : 0);
        }
    }
    EXPECT_TRUE(tx->Append(Event("report.import")).ok());
    Status committed = tx->Commit();
    EXPECT_TRUE(committed.ok()) << committed;
    return ids;
}

// The reports as ListPlanReports should give them: with their ids, by activity then id.
std::vector<domain::ProgressReport> WithIds(std::vector<domain::ProgressReport> reports,
                                            const std::vector<int64_t>& ids) {
    for (size_t i = 0; i < reports.size(); ++i) reports[i].id = ids[i];
    std::sort(reports.begin(), reports.end(), [](const domain::ProgressReport& a, const domain::ProgressReport& b) {
        return std::tie(a.activity_id, *a.id) < std::tie(b.activity_id, *b.id);
    });
    return reports;
}

}  // namespace

TEST_P(StoreSuite, LoadPlansGivesWhatLoadPlanGivesForEachInTheOrderAsked) {
    int64_t a = Import(*store_, MakeRichPlan(47, "a"));
    int64_t b = Import(*store_, MakeRichPlan(5, "b"));
    int64_t c = Import(*store_, MakeRichPlan(12, "c"));
    std::unique_ptr<Transaction> tx = BeginOrFail(*store_);
    ASSERT_TRUE(tx);
    StatusOr<std::vector<domain::Plan>> plans = tx->LoadPlans({c, a, b, c});
    ASSERT_TRUE(plans.ok()) << plans.status();
    ASSERT_EQ(plans->size(), 4u);
    EXPECT_EQ((*plans)[0], *tx->LoadPlan(c));
    EXPECT_EQ((*plans)[1], *tx->LoadPlan(a));
    EXPECT_EQ((*plans)[2], *tx->LoadPlan(b));
    EXPECT_EQ((*plans)[3], (*plans)[0]);
    EXPECT_EQ(domain::CountActivities((*plans)[1]), 47);
    EXPECT_EQ(domain::CountActivities((*plans)[2]), 5);
    EXPECT_EQ((*plans)[1].title, "PLANUL DE ACŢIUNE pentru implementarea Strategiei judeţene a (ș ț ă î â ş)");
    // And what was inserted, apart from the ids the Store gives.
    domain::Plan expected = MakeRichPlan(12, "c");
    CopyStoreIds((*plans)[0], expected);
    EXPECT_EQ((*plans)[0], expected);

    StatusOr<std::vector<domain::Plan>> unknown = tx->LoadPlans({a, 424242});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
    EXPECT_EQ(unknown.status().message(), "no plan with id 424242");
    StatusOr<std::vector<domain::Plan>> none = tx->LoadPlans({});
    ASSERT_TRUE(none.ok()) << none.status();
    EXPECT_TRUE(none->empty());
}

TEST_P(StoreSuite, InsertReportsStoresWhatInsertReportStoresOneByOne) {
    int64_t bulk_id = Import(*store_, MakeRichPlan(47, "a"));
    int64_t single_id = Import(*store_, MakeRichPlan(47, "b"));
    domain::Plan bulk_plan = Load(*store_, bulk_id), single_plan = Load(*store_, single_id);
    // 40 activities x 12 months: 480 reports, 520 values, 240 evidence links.
    std::vector<domain::ProgressReport> bulk = MonthlyReports(bulk_plan, 40, 12);
    std::vector<domain::ProgressReport> single = MonthlyReports(single_plan, 40, 12);
    ASSERT_EQ(bulk.size(), 480u);
    std::vector<int64_t> bulk_ids = StoreReports(*store_, bulk, true);
    std::vector<int64_t> single_ids = StoreReports(*store_, single, false);
    ASSERT_EQ(bulk_ids.size(), 480u);
    EXPECT_EQ(std::set<int64_t>(bulk_ids.begin(), bulk_ids.end()).size(), 480u);

    std::map<std::string, int64_t> counts = Counts(*store_);
    EXPECT_EQ(counts["progress_report"], 2 * 480);
    EXPECT_EQ(counts["progress_value"], 2 * (480 + 40));
    EXPECT_EQ(counts["progress_evidence"], 2 * 240);

    std::unique_ptr<Transaction> tx = BeginOrFail(*store_);
    ASSERT_TRUE(tx);
    StatusOr<std::vector<domain::ProgressReport>> stored_bulk = tx->ListPlanReports(bulk_id);
    StatusOr<std::vector<domain::ProgressReport>> stored_single = tx->ListPlanReports(single_id);
    ASSERT_TRUE(stored_bulk.ok() && stored_single.ok());
    EXPECT_EQ(*stored_bulk, WithIds(bulk, bulk_ids));
    EXPECT_EQ(*stored_single, WithIds(single, single_ids));
    // Each id is that of the report at its position: the 14th is activity 2, month 2.
    StatusOr<std::optional<domain::ProgressReport>> fourteenth = tx->LoadReport(bulk_ids[13]);
    ASSERT_TRUE(fourteenth.ok() && fourteenth->has_value());
    EXPECT_EQ((*fourteenth)->period, "2022-02");
    EXPECT_EQ((*fourteenth)->activity_id, *ActivitiesOf(bulk_plan)[1]->id);
    EXPECT_EQ((*fourteenth)->evidence.size(), 1u);
    EXPECT_EQ((*fourteenth)->narrative, bulk[13].narrative);
}

// Evidence files (migration 0009): stored once per sha256, bytes of any value
// back as given, their size and media type on the reports that name them, and
// carried by a backup and its restore.
TEST_P(StoreSuite, EvidenceFilesAreStoredOncePerSha256AndComeBackWithReportsAndBackups) {
    domain::Plan plan = Load(*store_, Import(*store_, MakeRichPlan(3)));
    const std::string bytes("%PDF\0\xff\x80 raport\r\n", 16);
    const std::string sha256(64, 'c');  // the store takes the digest it is given; services compute it
    domain::ProgressReport report = MonthlyReports(plan, 1, 1)[0];
    report.evidence = {{.url = "raport școli.pdf", .sha256 = sha256}, {.url = "https://example.org/r"}};
    const EvidenceFile file{.sha256 = sha256,
                            .size = static_cast<int64_t>(bytes.size()),
                            .media_type = "application/pdf",
                            .bytes = bytes,
                            .stored_at = "2022-01-06T09:00:00Z",
                            .stored_by = "rep@example.ro"};
    int64_t report_id = 0;
    {
        std::unique_ptr<Transaction> tx = BeginOrFail(*store_);
        ASSERT_TRUE(tx);
        StatusOr<bool> first = tx->PutEvidenceFile(file);
        ASSERT_TRUE(first.ok()) << first.status();
        EXPECT_TRUE(*first);
        EvidenceFile again = file;
        again.media_type = "text/plain";
        StatusOr<bool> second = tx->PutEvidenceFile(again);
        ASSERT_TRUE(second.ok()) << second.status();
        EXPECT_FALSE(*second);
        StatusOr<int64_t> id = tx->InsertReport(report);
        ASSERT_TRUE(id.ok()) << id.status();
        report_id = *id;
        ASSERT_TRUE(tx->Append(Event("report.create")).ok());
        ASSERT_TRUE(tx->Commit().ok());
    }
    auto check = [&](Store& store) {
        std::unique_ptr<Transaction> tx = BeginOrFail(store);
        ASSERT_TRUE(tx);
        StatusOr<std::optional<EvidenceFile>> full = tx->LoadEvidenceFile(sha256, true);
        ASSERT_TRUE(full.ok() && full->has_value()) << full.status();
        EXPECT_EQ((*full)->bytes, bytes);
        EXPECT_EQ((*full)->size, 16);
        EXPECT_EQ((*full)->media_type, "application/pdf");  // the first upload's
        StatusOr<std::optional<EvidenceFile>> meta = tx->LoadEvidenceFile(sha256, false);
        ASSERT_TRUE(meta.ok() && meta->has_value());
        EXPECT_EQ((*meta)->bytes, "");
        EXPECT_EQ((*meta)->stored_by, "rep@example.ro");
        StatusOr<std::optional<EvidenceFile>> missing = tx->LoadEvidenceFile(std::string(64, 'd'), true);
        ASSERT_TRUE(missing.ok());
        EXPECT_FALSE(missing->has_value());
        StatusOr<std::vector<int64_t>> carriers = tx->ListReportsWithEvidence(sha256);
        ASSERT_TRUE(carriers.ok());
        EXPECT_EQ(*carriers, std::vector<int64_t>{report_id});
        StatusOr<std::optional<domain::ProgressReport>> loaded = tx->LoadReport(report_id);
        ASSERT_TRUE(loaded.ok() && loaded->has_value());
        ASSERT_EQ((*loaded)->evidence.size(), 2u);
        EXPECT_EQ((*loaded)->evidence[0].size, 16);
        EXPECT_EQ((*loaded)->evidence[0].media_type, "application/pdf");
        EXPECT_EQ((*loaded)->evidence[1].size, 0);  // a link
        StatusOr<std::map<int64_t, std::vector<domain::ProgressReport>>> bulk =
            tx->ListReportsOfPlans({*plan.id}, ReportFields::kAll);
        ASSERT_TRUE(bulk.ok());
        ASSERT_EQ(bulk->at(*plan.id).size(), 1u);
        EXPECT_EQ(bulk->at(*plan.id)[0].evidence, (*loaded)->evidence);
    };
    check(*store_);
    EXPECT_EQ(Counts(*store_)["evidence_file"], 1);

    const std::string backup = GetParam().new_path();
    ASSERT_TRUE(store_->Backup(backup).ok());
    {
        std::unique_ptr<Transaction> tx = BeginOrFail(*store_);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(tx->PutEvidenceFile({.sha256 = std::string(64, 'e'),
                                         .size = 1,
                                         .media_type = "text/plain",
                                         .bytes = "x",
                                         .stored_at = "2022-01-07T09:00:00Z",
                                         .stored_by = "t"})
                        .ok());
        ASSERT_TRUE(tx->Append(Event("report.edit")).ok());
        ASSERT_TRUE(tx->Commit().ok());
    }
    EXPECT_EQ(Counts(*store_)["evidence_file"], 2);
    Status restored = store_->Restore(backup);
    ASSERT_TRUE(restored.ok()) << restored;
    EXPECT_EQ(Counts(*store_)["evidence_file"], 1);
    check(*store_);
}

TEST_P(StoreSuite, InsertReportsRefusesUnknownActivitiesAndRepeatedKeysAndWritesNothing) {
    int64_t plan_id = Import(*store_, MakeRichPlan(47, "a"));
    domain::Plan plan = Load(*store_, plan_id);
    std::vector<domain::ProgressReport> first = MonthlyReports(plan, 2, 3);
    StoreReports(*store_, first, true);
    const std::map<std::string, int64_t> before = Counts(*store_);

    std::vector<domain::ProgressReport> more = MonthlyReports(plan, 5, 6);
    std::vector<domain::ProgressReport> unknown = more;
    unknown[7].activity_id = 987654;
    std::vector<domain::ProgressReport> twice = MonthlyReports(plan, 5, 1);
    twice.push_back(twice[2]);
    struct Case {
        const std::vector<domain::ProgressReport>* reports;
        StatusCode code;
        std::string message;
    };
    const int64_t first_activity = *ActivitiesOf(plan)[0]->id, third_activity = *ActivitiesOf(plan)[2]->id;
    const int64_t writer = *plan.institutions[0].id;
    for (const Case& c : {Case{&unknown, StatusCode::kNotFound, "no activity with id 987654"},
                          Case{&more, StatusCode::kConflict,
                               fmt::format("activity {} already has a report of institution {} for 2022-01",
                                           first_activity, writer)},
                          Case{&twice, StatusCode::kConflict,
                               fmt::format("activity {} already has a report of institution {} for 2022-01",
                                           third_activity, writer)}}) {
        std::unique_ptr<Transaction> tx = BeginOrFail(*store_);
        ASSERT_TRUE(tx);
        StatusOr<std::vector<int64_t>> ids = tx->InsertReports(*c.reports);
        ASSERT_FALSE(ids.ok());
        EXPECT_EQ(ids.status().code(), c.code);
        EXPECT_NE(ids.status().message().find(c.message), std::string::npos) << ids.status().message();
        // The transaction stays usable and unchanged, as after any failed write.
        ASSERT_TRUE(tx->Append(Event("report.import")).ok());
        ASSERT_TRUE(tx->Commit().ok());
        std::map<std::string, int64_t> after = Counts(*store_);
        EXPECT_EQ(after["progress_report"], before.at("progress_report"));
        EXPECT_EQ(after["progress_value"], before.at("progress_value"));
        EXPECT_EQ(after["progress_evidence"], before.at("progress_evidence"));
    }
    std::unique_ptr<Transaction> tx = BeginOrFail(*store_);
    ASSERT_TRUE(tx);
    StatusOr<std::vector<int64_t>> none = tx->InsertReports({});
    ASSERT_TRUE(none.ok()) << none.status();
    EXPECT_TRUE(none->empty());
}

TEST_P(StoreSuite, ReportsAndRoundsOfManyPlansAreThoseOfEachPlan) {
    int64_t a = Import(*store_, MakeRichPlan(47, "a"));
    int64_t b = Import(*store_, MakeRichPlan(20, "b"));
    int64_t quiet = Import(*store_, MakeRichPlan(5, "c"));  // neither reports nor rounds
    std::vector<int64_t> a_ids = StoreReports(*store_, MonthlyReports(Load(*store_, a), 47, 4), true);
    std::vector<int64_t> b_ids = StoreReports(*store_, MonthlyReports(Load(*store_, b), 3, 12), false);
    {
        std::unique_ptr<Transaction> tx = BeginOrFail(*store_);
        ASSERT_TRUE(tx);
        for (const auto& [plan, period] : std::vector<std::pair<int64_t, std::string>>{
                 {a, "2022-S2"}, {b, "2022"}, {a, "2022-S1"}, {b, "2023"}}) {
            ASSERT_TRUE(tx->InsertRound({.plan_id = plan, .period = period, .opens_on = "2023-01-01",
                                         .due_on = period == "2022-S1" ? "2022-07-30" : "2023-01-30"})
                            .ok());
        }
        ASSERT_TRUE(tx->Append(Event("round.open")).ok());
        ASSERT_TRUE(tx->Commit().ok());
    }
    std::unique_ptr<Transaction> tx = BeginOrFail(*store_);
    ASSERT_TRUE(tx);
    StatusOr<std::map<int64_t, std::vector<domain::ProgressReport>>> reports =
        tx->ListReportsOfPlans({b, quiet, a, 424242});
    ASSERT_TRUE(reports.ok()) << reports.status();
    ASSERT_EQ(reports->size(), 4u);
    EXPECT_EQ(reports->at(a).size(), 47u * 4);
    EXPECT_EQ(reports->at(b).size(), 3u * 12);
    EXPECT_EQ(reports->at(a), *tx->ListPlanReports(a));
    EXPECT_EQ(reports->at(b), *tx->ListPlanReports(b));
    EXPECT_TRUE(reports->at(quiet).empty());
    EXPECT_TRUE(reports->at(424242).empty());
    EXPECT_EQ(reports->at(b).front().id, b_ids.front());
    EXPECT_EQ(reports->at(a).back().id, a_ids.back());

    // Without the texts: the same reports, values included, and nothing else.
    StatusOr<std::map<int64_t, std::vector<domain::ProgressReport>>> lean =
        tx->ListReportsOfPlans({a, b, quiet}, ReportFields::kStatus);
    ASSERT_TRUE(lean.ok()) << lean.status();
    for (int64_t plan : {a, b}) {
        std::vector<domain::ProgressReport> expected = reports->at(plan);
        for (domain::ProgressReport& report : expected) {
            report.narrative.clear();
            report.evidence.clear();
            report.created_at.clear();
        }
        EXPECT_EQ(lean->at(plan), expected);
    }
    EXPECT_EQ(lean->at(a)[0].values.size(), 2u);  // month 1 carries two values
    EXPECT_TRUE(lean->at(quiet).empty());

    StatusOr<std::map<int64_t, std::vector<domain::ReportingRound>>> rounds = tx->ListRoundsOfPlans({quiet, a, b});
    ASSERT_TRUE(rounds.ok()) << rounds.status();
    ASSERT_EQ(rounds->size(), 3u);
    EXPECT_EQ(rounds->at(a), *tx->ListRounds(a));
    EXPECT_EQ(rounds->at(b), *tx->ListRounds(b));
    ASSERT_EQ(rounds->at(a).size(), 2u);
    EXPECT_EQ(rounds->at(a)[0].period, "2022-S1");  // due first
    EXPECT_TRUE(rounds->at(quiet).empty());
}

}  // namespace planwatch::storage::testing
