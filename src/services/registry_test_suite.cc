// The registries on a real Store: seeds 001 and 004 imported through the
// importer, then read back through RegistryService and NeedsService.
#include "services/registry_test_suite.h"

#include <algorithm>
#include <map>

#include "services/import_service.h"
#include "services/needs_service.h"
#include "services/publish_service.h"
#include "services/publish_service.h"
#include "services/registry_service.h"

namespace planwatch::services::testing {

void RegistrySuite::SetUp() {
    StatusOr<std::unique_ptr<storage::Store>> store = storage::OpenStore(GetParam().new_url());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
}

int64_t RegistrySuite::Import(const std::string& file) {
    ImportService imports(*store_);
    StatusOr<ImportOutcome> outcome = imports.ImportFile(std::string(PLANWATCH_SOURCE_DIR) + "/samples/" + file, "test");
    EXPECT_TRUE(outcome.ok()) << outcome.status();
    return outcome.ok() ? outcome->plan_id : 0;
}

namespace {

constexpr char kSeed000[] = "000_ffec081ef8fe4e47.txt";
constexpr char kSeed001[] = "001_27bf44580f6e2d5d.txt";
constexpr char kSeed004[] = "004_16958f30d03cf6c0.txt";
constexpr char kDgaspc[] = "Direcția Generală de Asistență Socială și Protecția Copilului Cluj";

const Actor kCoordinator{.name = "coordinator@cj.ro", .role = domain::Role::kCoordinator};
const Actor kPublic{.name = "", .role = domain::Role::kPublic};

Actor Reporter(int64_t institution) {
    return Actor{.name = "staff" + std::to_string(institution) + "@cj.ro", .role = domain::Role::kReporter,
                 .institution_id = institution};
}

const storage::InstitutionRecord* Named(const std::vector<storage::InstitutionRecord>& records,
                                        const std::string& name) {
    for (const storage::InstitutionRecord& r : records) {
        if (r.institution.name == name) return &r;
    }
    return nullptr;
}

int64_t InsertProvidedServices(storage::Store& store);

int CountAudit(storage::Store& store, const std::string& action) {
    auto tx = store.Begin();
    EXPECT_TRUE(tx.ok());
    auto events = (*tx)->ListAudit(100000);
    EXPECT_TRUE(events.ok());
    return static_cast<int>(std::count_if(events->begin(), events->end(),
                                          [&](const domain::AuditEvent& e) { return e.action == action; }));
}

TEST_P(RegistrySuite, Seed001ServicesAsTheDocumentListsThem) {
    int64_t plan = Import(kSeed001);
    RegistryService registry(*store_);
    StatusOr<ServiceStatistics> stats = registry.Statistics(plan);
    ASSERT_TRUE(stats.ok()) << stats.status();
    EXPECT_EQ(stats->services, 66 + 15);  // 66 existing rows (with "Aparatul propriu"), 15 proposed
    EXPECT_EQ(stats->contracting_lines, 4);
    EXPECT_EQ(stats->information_lines, 8);
    EXPECT_EQ(stats->training_lines, 7);

    // The TOTAL row of the existing services: 87.660 (county) and 63.008 (state) thousand lei.
    EXPECT_EQ(stats->existing_by_source.at("county").at(2025), 87660000LL * 100);
    EXPECT_EQ(stats->existing_by_source.at("state").at(2025), 63008000LL * 100);
    for (const RegistryWarning& w : stats->warnings) EXPECT_NE(w.code, "total_mismatch") << w.message;

    // Children (group C) include the foster-care network "8790 SF-C" of 94 places.
    ASSERT_TRUE(stats->by_group.count("C"));
    EXPECT_GE(stats->by_group.at("C").capacity.at("places"), 94);
    // The elderly home of Gherla: 50 places, 2.126 + 1.267 thousand lei in 2025.
    auto gherla = std::find_if(stats->cost_per_place.begin(), stats->cost_per_place.end(),
                               [](const CostPerPlace& c) { return c.name == "Căminul pentru Persoane Vârstnice Gherla"; });
    ASSERT_NE(gherla, stats->cost_per_place.end());
    EXPECT_EQ(gherla->code, "8730 CR-V-I");
    EXPECT_EQ(gherla->places, 50);
    EXPECT_EQ(gherla->budget_minor, (2126000LL + 1267000LL) * 100);
    EXPECT_DOUBLE_EQ(gherla->cost_per_place_lei, 3393000.0 / 50);
}

// Figures added up by hand from samples/001: the TOTAL row (87.660 county, 63.008 state thousand lei); the
// "Alte surse" cells of rows 15 and 18 ("Fonduri PNRR*" 400.941,36 lei, "Fonduri PNRR**" 1.279.516,82 lei); the
// county column of the 15 proposed services: 2 × 28.138 (RESPIRO), 2 × 80.332 (CIA), 7 × 40.239 (LMP) and
// 2 × 41.136 (CZ) = 580.885 lei, the two EU-funded ones stating no amount.
TEST_P(RegistrySuite, Seed001BudgetPerSourceAndLocality) {
    int64_t plan = Import(kSeed001);
    StatusOr<ServiceStatistics> stats = RegistryService(*store_).Statistics(plan);
    ASSERT_TRUE(stats.ok()) << stats.status();
    ASSERT_EQ(stats->by_source.size(), 3u);
    EXPECT_EQ(stats->by_source.at("county").at(2025), (87660000LL + 580885LL) * 100);
    EXPECT_EQ(stats->by_source.at("state").at(2025), 63008000LL * 100);
    EXPECT_EQ(stats->by_source.at("other").at(2025), 40094136LL + 127951682LL);
    EXPECT_EQ(stats->existing_by_source.at("other").at(2025), 40094136LL + 127951682LL);
    EXPECT_FALSE(stats->by_source.count("local"));  // "Fonduri UE-PoIDS 2021-2027" is no amount

    // The plan has no locality column, so every service is in the one "" locality, with every leu.
    ASSERT_EQ(stats->by_locality.size(), 1u);
    const ServiceGroupTotals& all = stats->by_locality.at("");
    EXPECT_EQ(all.services, 81);
    EXPECT_EQ(all.budget_minor.at(2025), (87660000LL + 580885LL + 63008000LL) * 100 + 40094136LL + 127951682LL);
    // Per day: rows 15, 18 and 19 (8 each) and 47 (10), proposed RESPIRO day care (10) and two day centres (8 each).
    EXPECT_EQ(all.capacity.at("per_day"), 8 + 8 + 8 + 10 + 10 + 8 + 8);
    // Per year: row 57 (150 beneficiari/an) and the proposed day centre for children (60/an).
    EXPECT_EQ(all.capacity.at("per_year"), 150 + 60);
    EXPECT_EQ(all.capacity.at("hours_per_week"), 40);  // "Servicii de asistență și suport", 40 ore/săptămână
}

TEST_P(RegistrySuite, Seed001ProposedServicesAgainstCostStandards) {
    int64_t plan = Import(kSeed001);
    RegistryService registry(*store_);
    StatusOr<ServiceStatistics> stats = registry.Statistics(plan);
    ASSERT_TRUE(stats.ok()) << stats.status();
    ASSERT_EQ(stats->proposed.size(), 15u);
    const ProposedCostCheck& respiro = stats->proposed.front();
    EXPECT_EQ(respiro.code, "8899 CZ-PN-VII");
    EXPECT_EQ(respiro.capacity, 12);
    EXPECT_EQ(respiro.staff, 29);
    EXPECT_EQ(respiro.area_m2, 421.75);
    ASSERT_TRUE(respiro.standard_lei);
    EXPECT_EQ(*respiro.standard_lei, 28138);
    EXPECT_EQ(respiro.implied_minor, 28138LL * 12 * 100);  // 12 places at 28.138 lei a year each
    EXPECT_EQ(respiro.requested_minor, 2813800);           // the document asks for one standard
    EXPECT_EQ(respiro.difference_minor, 2813800 - 28138LL * 12 * 100);
    auto salicea = std::find_if(stats->proposed.begin(), stats->proposed.end(),
                                [](const ProposedCostCheck& p) { return p.code == "8790 CR-D-VII"; });
    ASSERT_NE(salicea, stats->proposed.end());
    EXPECT_EQ(salicea->standard_lei, 40239);
    // A code with no standard in HG 426/2020 data gets no implied cost.
    auto behaviour = std::find_if(stats->proposed.begin(), stats->proposed.end(),
                                  [](const ProposedCostCheck& p) { return p.code.empty(); });
    ASSERT_NE(behaviour, stats->proposed.end());
    EXPECT_FALSE(behaviour->implied_minor);
}

TEST_P(RegistrySuite, Seed004UnitsParentsAndFigures) {
    Import(kSeed004);
    RegistryService registry(*store_);
    StatusOr<std::vector<storage::InstitutionRecord>> all = registry.ListInstitutions();
    ASSERT_TRUE(all.ok()) << all.status();
    const storage::InstitutionRecord* dgaspc = Named(*all, kDgaspc);
    ASSERT_NE(dgaspc, nullptr);
    EXPECT_EQ(dgaspc->institution.acronym, "DGASPC");
    EXPECT_FALSE(dgaspc->parent_id);
    EXPECT_FALSE(dgaspc->reviewed);  // created by an import: a person has not confirmed it yet
    const storage::InstitutionRecord* adoption = Named(*all, "Serviciul adopții și postadopții");
    ASSERT_NE(adoption, nullptr);
    EXPECT_EQ(adoption->institution.parent, "Aparatul de specialitate al direcției");
    EXPECT_EQ(adoption->institution.kind, "service");
    const storage::InstitutionRecord* adults = Named(*all, "Direcția protecția persoanelor adulte");
    ASSERT_NE(adults, nullptr);

    StatusOr<InstitutionProfile> profile = registry.GetInstitution(*adults->institution.id);
    ASSERT_TRUE(profile.ok()) << profile.status();
    EXPECT_EQ(profile->children.size(), 15u);
    EXPECT_TRUE(std::any_of(profile->children.begin(), profile->children.end(), [](const storage::InstitutionRecord& c) {
        return c.institution.name == "Centrul de abilitare și reabilitare neuropsihiatrică Jucu";
    }));

    StatusOr<std::vector<InstitutionFigure>> figures = registry.Figures(*adoption->institution.id);
    ASSERT_TRUE(figures.ok()) << figures.status();
    ASSERT_EQ(figures->size(), 3u);  // 51 atestate, 27 copii, 111 copii in 2018
    std::map<std::pair<double, std::string>, int> seen;
    for (const InstitutionFigure& f : *figures) {
        EXPECT_EQ(f.figure.year, 2018);
        ++seen[{f.figure.value, f.figure.unit}];
    }
    EXPECT_EQ(seen[std::make_pair(51.0, std::string("atestate"))], 1);
    EXPECT_EQ(seen[std::make_pair(27.0, std::string("copii"))], 1);
    EXPECT_EQ(seen[std::make_pair(111.0, std::string("copii"))], 1);

    EXPECT_EQ(registry.GetInstitution(999999).status().code(), StatusCode::kNotFound);
}

TEST_P(RegistrySuite, MergeMovesAliasesAndEveryReference) {
    Import(kSeed000);
    RegistryService registry(*store_);
    StatusOr<std::vector<storage::InstitutionRecord>> before = registry.ListInstitutions();
    ASSERT_TRUE(before.ok()) << before.status();
    // The two institutions with the most activities: both lead and partner somewhere.
    std::vector<storage::InstitutionRecord> busy = *before;
    std::sort(busy.begin(), busy.end(), [](const auto& a, const auto& b) {
        return a.leads + a.partners > b.leads + b.partners;
    });
    ASSERT_GE(busy.size(), 2u);
    const storage::InstitutionRecord from = busy[0], into = busy[1];
    ASSERT_GT(from.leads + from.partners, 0);
    const int64_t from_id = *from.institution.id, into_id = *into.institution.id;

    // A user and a need of the duplicate must follow it.
    {
        auto tx = store_->Begin();
        ASSERT_TRUE(tx.ok());
        domain::User user{.email = "staff@example.ro", .role = domain::Role::kReporter, .institution_id = from_id};
        ASSERT_TRUE((*tx)->InsertUser(user).ok());
        ASSERT_TRUE((*tx)->Append({.actor = "test", .action = "user.add"}).ok());
        ASSERT_TRUE((*tx)->Commit().ok());
    }
    NeedsService needs(*store_);
    StatusOr<int64_t> need = needs.Add({.recorded_on = "2025-03-01", .locality = "Dej", .beneficiary_group = "C",
                                        .kind = "neglijare", .referred_by = "school", .identity = "1900101123456"},
                                       Reporter(from_id));
    ASSERT_TRUE(need.ok()) << need.status();

    EXPECT_EQ(registry.Merge(from_id, into_id, Reporter(from_id)).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(registry.Merge(from_id, from_id, kCoordinator).status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(registry.Merge(from_id, 999999, kCoordinator).status().code(), StatusCode::kNotFound);

    StatusOr<storage::InstitutionRecord> merged = registry.Merge(from_id, into_id, kCoordinator);
    ASSERT_TRUE(merged.ok()) << merged.status();
    EXPECT_EQ(merged->institution.name, into.institution.name);
    // Activities both named count once: the sum is an upper bound, each side a lower one.
    EXPECT_GE(merged->leads + merged->partners, std::max(from.leads + from.partners, into.leads + into.partners));
    EXPECT_LE(merged->leads + merged->partners, from.leads + from.partners + into.leads + into.partners);
    EXPECT_EQ(merged->users, into.users + 1);
    EXPECT_EQ(merged->plans, 1);  // both were named by the one plan: it counts once
    const auto& aliases = merged->institution.aliases;
    EXPECT_NE(std::find(aliases.begin(), aliases.end(), from.institution.name), aliases.end());
    for (const std::string& alias : from.institution.aliases) {
        if (alias == into.institution.name) continue;
        EXPECT_NE(std::find(aliases.begin(), aliases.end(), alias), aliases.end()) << alias;
    }

    StatusOr<std::vector<storage::InstitutionRecord>> after = registry.ListInstitutions();
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->size(), before->size() - 1);
    StatusOr<int64_t> survivor = registry.Resolve(from.institution.name);  // the old name finds the survivor
    ASSERT_TRUE(survivor.ok()) << survivor.status();
    EXPECT_EQ(*survivor, into_id);
    auto tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    EXPECT_EQ((*(*tx)->FindUserByEmail("staff@example.ro"))->institution_id, into_id);
    EXPECT_EQ((*(*tx)->LoadNeed(*need))->institution_id, into_id);
    // Every stored plan still loads and names only registry entries that exist.
    StatusOr<std::vector<storage::PlanSummary>> plans = (*tx)->ListPlans(true);
    ASSERT_TRUE(plans.ok()) << plans.status();
    for (const storage::PlanSummary& summary : *plans) {
        StatusOr<domain::Plan> plan = (*tx)->LoadPlan(summary.id);
        ASSERT_TRUE(plan.ok()) << plan.status();
        for (const domain::Institution& i : plan->institutions) EXPECT_NE(i.id, from_id) << i.name;
    }
    tx->reset();
    EXPECT_EQ(CountAudit(*store_, "institution.merge"), 1);
}

TEST_P(RegistrySuite, MergePreviewCountsWhatWouldMoveAndWritesNothing) {
    Import(kSeed004);
    RegistryService registry(*store_);
    StatusOr<int64_t> adults = registry.Resolve("Direcția protecția persoanelor adulte");
    StatusOr<int64_t> dgaspc = registry.Resolve("DGASPC");
    ASSERT_TRUE(adults.ok() && dgaspc.ok());
    EXPECT_EQ(registry.PreviewMerge(*adults, *dgaspc, Reporter(*adults)).status().code(),
              StatusCode::kPermissionDenied);
    StatusOr<MergePreview> same = registry.PreviewMerge(*adults, *adults, kCoordinator);
    EXPECT_EQ(same.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(same.status().where().field, "into");
    StatusOr<MergePreview> unknown = registry.PreviewMerge(999999, *dgaspc, kCoordinator);
    EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
    EXPECT_EQ(unknown.status().where().field, "from");

    StatusOr<MergePreview> preview = registry.PreviewMerge(*adults, *dgaspc, kCoordinator);
    ASSERT_TRUE(preview.ok()) << preview.status();
    EXPECT_EQ(preview->from.institution.name, "Direcția protecția persoanelor adulte");
    EXPECT_EQ(preview->into.institution.name, kDgaspc);
    EXPECT_EQ(preview->references.at("institution"), 15);  // its 15 centres would hang under DGASPC
    EXPECT_EQ(preview->references.at("plan_institution"), 1);
    ASSERT_FALSE(preview->new_aliases.empty());
    EXPECT_EQ(preview->new_aliases.front(), "Direcția protecția persoanelor adulte");
    EXPECT_EQ(CountAudit(*store_, "institution.merge"), 0);
    EXPECT_TRUE(registry.GetInstitution(*adults).ok());
}

TEST_P(RegistrySuite, AdminAddsAndEditsInstitutionsWithAnAuditEach) {
    Import(kSeed004);
    RegistryService registry(*store_);
    const Actor admin{.name = "admin@cj.ro", .role = domain::Role::kAdmin};
    StatusOr<int64_t> dgaspc = registry.Resolve("DGASPC");
    ASSERT_TRUE(dgaspc.ok());
    storage::InstitutionEdit edit{.name = "  Serviciul  de mediere  ", .acronym = "SM",
                                  .aliases = {"Mediere", " ", "mediere"}, .kind = "service", .parent_id = *dgaspc,
                                  .contact = "Cluj-Napoca, str. Dorobanților 1\nTel: 0264 000000"};
    EXPECT_EQ(registry.AddInstitution(edit, kCoordinator).status().code(), StatusCode::kPermissionDenied);
    StatusOr<int64_t> id = registry.AddInstitution(edit, admin);
    ASSERT_TRUE(id.ok()) << id.status();
    StatusOr<InstitutionProfile> added = registry.GetInstitution(*id);
    ASSERT_TRUE(added.ok());
    EXPECT_EQ(added->record.institution.name, "Serviciul de mediere");
    EXPECT_EQ(added->record.institution.aliases, std::vector<std::string>{"Mediere"});
    EXPECT_EQ(added->record.parent_id, *dgaspc);
    EXPECT_TRUE(added->record.reviewed);
    ASSERT_EQ(added->ancestors.size(), 1u);
    EXPECT_EQ(added->ancestors[0].institution.name, kDgaspc);
    EXPECT_EQ(CountAudit(*store_, "institution.add"), 1);

    // The name of another entry, or one of its aliases, is taken.
    storage::InstitutionEdit taken = edit;
    taken.name = "Direcția protecția persoanelor adulte";
    StatusOr<int64_t> clash = registry.AddInstitution(taken, admin);
    EXPECT_EQ(clash.status().code(), StatusCode::kConflict);
    EXPECT_EQ(clash.status().where().field, "name");

    // Editing: DGASPC under one of its own units is a cycle; nothing changes.
    StatusOr<InstitutionProfile> root = registry.GetInstitution(*dgaspc);
    ASSERT_TRUE(root.ok());
    storage::InstitutionEdit cycle{.name = root->record.institution.name, .acronym = "DGASPC", .parent_id = *id};
    Status refused = registry.EditInstitution(*dgaspc, cycle, admin);
    EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(refused.where().field, "parent");
    cycle.parent_id = *dgaspc;
    EXPECT_EQ(registry.EditInstitution(*dgaspc, cycle, admin).where().field, "parent");
    cycle.parent_id = 999999;
    Status unknown = registry.EditInstitution(*dgaspc, cycle, admin);
    EXPECT_EQ(unknown.code(), StatusCode::kNotFound);
    EXPECT_EQ(unknown.where().field, "parent");
    cycle.parent_id.reset();
    cycle.name = " ";
    Status empty = registry.EditInstitution(*dgaspc, cycle, admin);
    EXPECT_EQ(empty.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(empty.where().field, "name");
    EXPECT_EQ(registry.EditInstitution(999999, edit, admin).code(), StatusCode::kNotFound);
    StatusOr<InstitutionProfile> unchanged = registry.GetInstitution(*dgaspc);
    ASSERT_TRUE(unchanged.ok());
    EXPECT_EQ(unchanged->record.institution.name, kDgaspc);
    EXPECT_FALSE(unchanged->record.parent_id);
    EXPECT_EQ(CountAudit(*store_, "institution.edit"), 0);

    // A real edit: renamed, aliases replaced, moved under another unit, found by its new alias.
    StatusOr<int64_t> adults = registry.Resolve("Direcția protecția persoanelor adulte");
    ASSERT_TRUE(adults.ok());
    storage::InstitutionEdit moved{.name = "Serviciul de mediere familială", .acronym = "SMF",
                                   .aliases = {"Mediere familială"}, .kind = "service", .parent_id = *adults,
                                   .contact = "Cluj-Napoca"};
    ASSERT_TRUE(registry.EditInstitution(*id, moved, admin).ok());
    StatusOr<InstitutionProfile> edited = registry.GetInstitution(*id);
    ASSERT_TRUE(edited.ok());
    EXPECT_EQ(edited->record.institution.name, "Serviciul de mediere familială");
    EXPECT_EQ(edited->record.institution.aliases, std::vector<std::string>{"Mediere familială"});
    EXPECT_EQ(edited->record.institution.parent, "Direcția protecția persoanelor adulte");
    ASSERT_EQ(edited->ancestors.size(), 2u);
    EXPECT_EQ(edited->ancestors[0].institution.name, kDgaspc);
    EXPECT_EQ(*registry.Resolve("mediere familiala"), *id);
    EXPECT_EQ(registry.Resolve("Mediere").status().code(), StatusCode::kNotFound);
    EXPECT_EQ(CountAudit(*store_, "institution.edit"), 1);

    StatusOr<std::vector<storage::InstitutionRecord>> found = registry.SearchInstitutions("MEDIERE familiala");
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->front().institution.id, *id);
}

TEST_P(RegistrySuite, ConfirmMarksAnImportedInstitutionReviewed) {
    Import(kSeed004);
    RegistryService registry(*store_);
    StatusOr<int64_t> id = registry.Resolve("DGASPC");
    ASSERT_TRUE(id.ok()) << id.status();
    EXPECT_EQ(registry.Confirm(*id, kPublic).code(), StatusCode::kPermissionDenied);
    ASSERT_TRUE(registry.Confirm(*id, kCoordinator).ok());
    EXPECT_TRUE(registry.GetInstitution(*id)->record.reviewed);
    EXPECT_EQ(registry.Confirm(999999, kCoordinator).code(), StatusCode::kNotFound);
    EXPECT_EQ(registry.Resolve("no such institution").status().code(), StatusCode::kNotFound);
}

TEST_P(RegistrySuite, FindInstitutionsCountsOnlyThePlansTheViewerMaySee) {
    const int64_t plan = Import(kSeed000);  // a draft until published
    RegistryService registry(*store_);
    const InstitutionFilter cpeca{.q = "cpeca cluj"};
    StatusOr<std::vector<storage::InstitutionRecord>> staff = registry.FindInstitutions(cpeca, kCoordinator);
    ASSERT_TRUE(staff.ok()) << staff.status();
    ASSERT_EQ(staff->size(), 2u);  // "CPECA Cluj" and "CPECA Cluj în cadrul campaniei naționale"
    EXPECT_EQ((*staff)[0].institution.name, "CPECA Cluj");
    EXPECT_EQ((*staff)[0].leads, 33);
    EXPECT_EQ((*staff)[0].plans, 1);
    // The public sees the entry, but no activity of a draft.
    StatusOr<std::vector<storage::InstitutionRecord>> visitor = registry.FindInstitutions(cpeca, kPublic);
    ASSERT_TRUE(visitor.ok()) << visitor.status();
    ASSERT_EQ(visitor->size(), 2u);
    EXPECT_EQ((*visitor)[0].leads, 0);
    EXPECT_EQ((*visitor)[0].plans, 0);
    Import(kSeed001);  // a draft too: its 81 services are staff's only
    StatusOr<ServiceListing> services = registry.FindServices({}, kPublic);
    ASSERT_TRUE(services.ok()) << services.status();
    EXPECT_TRUE(services->entries.empty());
    services = registry.FindServices({.category = "V"}, kCoordinator);
    ASSERT_TRUE(services.ok()) << services.status();
    EXPECT_EQ(services->entries.size(), 4u);  // the four homes for the elderly
    EXPECT_EQ(services->entries[0].described_as, "Cămin pentru persoane vârstnice");

    ASSERT_TRUE(PublishService(*store_).Publish(plan, kCoordinator).ok());
    StatusOr<storage::InstitutionRecord> published = registry.FindInstitution((*staff)[0].institution.id.value(), kPublic);
    ASSERT_TRUE(published.ok()) << published.status();
    EXPECT_EQ(published->leads, 33);
    EXPECT_EQ(registry.FindInstitution(999999, kPublic).status().code(), StatusCode::kNotFound);

    // Filters that cannot hold their value name the field.
    EXPECT_EQ(ParseInstitutionFilter("", "planet", "", "").status().where().field, "kind");
    EXPECT_EQ(ParseInstitutionFilter("", "", "yes", "").status().where().field, "review");
    EXPECT_EQ(ParseInstitutionFilter("", "", "", "-1").status().code(), StatusCode::kMalformed);
    StatusOr<InstitutionFilter> filter = ParseInstitutionFilter("isj", "centre", "false", "12");
    ASSERT_TRUE(filter.ok()) << filter.status();
    EXPECT_EQ(filter->needs_review, false);
    EXPECT_EQ(filter->parent_id, 12);
}

TEST_P(RegistrySuite, NeedsAreVisibleOnlyToTheRecordingInstitutionAndCoordinators) {
    Import(kSeed004);
    RegistryService registry(*store_);
    int64_t dgaspc = *registry.Resolve("DGASPC");
    int64_t adoption = *registry.Resolve("Serviciul adopții și postadopții");
    NeedsService needs(*store_);
    NewNeed in{.recorded_on = "2025-02-10", .locality = "Cluj-Napoca", .beneficiary_group = "C",
               .kind = "risc de abandon școlar", .referred_by = "school", .urgency = "high",
               .identity = "2850505123456"};
    StatusOr<int64_t> id = needs.Add(in, Reporter(dgaspc));
    ASSERT_TRUE(id.ok()) << id.status();

    EXPECT_EQ(needs.Get(*id, Reporter(adoption)).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(needs.Get(*id, kPublic).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(needs.List(kPublic).status().code(), StatusCode::kPermissionDenied);
    EXPECT_TRUE(needs.List(Reporter(adoption))->empty());
    EXPECT_EQ(needs.List(Reporter(adoption), dgaspc).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(CountAudit(*store_, "need.read"), 0);

    StatusOr<domain::Need> own = needs.Get(*id, Reporter(dgaspc));
    ASSERT_TRUE(own.ok()) << own.status();
    EXPECT_EQ(own->kind, "risc de abandon școlar");
    EXPECT_EQ(own->institution_id, dgaspc);
    EXPECT_EQ(own->person_key.size(), 64u);
    EXPECT_EQ(own->person_key.find("2850505123456"), std::string::npos);
    EXPECT_EQ(needs.List(kCoordinator)->size(), 1u);
    EXPECT_EQ(CountAudit(*store_, "need.read"), 2);  // every read of a record is audited

    // The same person written differently gets the same key; another person another.
    EXPECT_EQ(*needs.PersonKey(" 2850505 123456 "), own->person_key);
    EXPECT_NE(*needs.PersonKey("2850505123457"), own->person_key);

    // A reporter cannot record for another institution; bad fields are named.
    in.institution_id = adoption;
    EXPECT_EQ(needs.Add(in, Reporter(dgaspc)).status().code(), StatusCode::kPermissionDenied);
    in.institution_id.reset();
    in.beneficiary_group = "X";
    EXPECT_EQ(needs.Add(in, Reporter(dgaspc)).status().message(),
              "beneficiary_group: “X” is not an HG 867/2015 group code");
    in.beneficiary_group = "C";
    in.recorded_on = "10.02.2025";
    EXPECT_EQ(needs.Add(in, Reporter(dgaspc)).status().message(), "recorded_on: expected YYYY-MM-DD, got “10.02.2025”");
}

TEST_P(RegistrySuite, ANeedsReferralAndOutcomeAreRecordedLaterWithAVersionCheck) {
    int64_t plan = InsertProvidedServices(*store_);
    RegistryService registry(*store_);
    int64_t dgaspc = *registry.Resolve("DGASPC");
    int64_t foundation = *registry.Resolve("Fundația Sf. Ana");
    const int64_t house = *store_->Begin().value()->LoadPlan(plan)->services[1].id;
    NeedsService needs(*store_);
    StatusOr<int64_t> id = needs.Add({.recorded_on = "2025-02-10",
                                      .locality = "Cluj-Napoca",
                                      .beneficiary_group = "C",
                                      .kind = "risc de separare de familie",
                                      .referred_by = "school",
                                      .identity = "5100101123456"},
                                     Reporter(dgaspc));
    ASSERT_TRUE(id.ok()) << id.status();
    EXPECT_EQ(needs.Get(*id, Reporter(dgaspc))->version, 1);

    const NeedUpdate referral{.version = 1, .service_id = house, .outcome = "  plasat în  casa de tip familial "};
    EXPECT_EQ(needs.Update(*id, referral, Reporter(foundation)).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(needs.Update(*id, referral, kPublic).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(needs.Update(999999, referral, kCoordinator).status().code(), StatusCode::kNotFound);
    NeedUpdate unknown_service = referral;
    unknown_service.service_id = 99999999;
    EXPECT_EQ(needs.Update(*id, unknown_service, Reporter(dgaspc)).status().code(), StatusCode::kNotFound);
    EXPECT_EQ(CountAudit(*store_, "need.update"), 0);

    StatusOr<domain::Need> referred = needs.Update(*id, referral, Reporter(dgaspc));
    ASSERT_TRUE(referred.ok()) << referred.status();
    EXPECT_EQ(referred->version, 2);
    EXPECT_EQ(referred->service_id, house);
    EXPECT_EQ(referred->outcome, "plasat în casa de tip familial");
    EXPECT_EQ(referred->kind, "risc de separare de familie");  // the rest of the record is as recorded

    // An edit made on version 1 is stale now; the coordinator's on version 2 goes through.
    StatusOr<domain::Need> stale = needs.Update(*id, {.version = 1, .outcome = "altceva"}, kCoordinator);
    EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
    EXPECT_EQ(stale.status().message(),
              "need " + std::to_string(*id) + " is at version 2, the edit was made on version 1");
    StatusOr<domain::Need> closed =
        needs.Update(*id, {.version = 2, .service_id = house, .outcome = "reintegrat"}, kCoordinator);
    ASSERT_TRUE(closed.ok()) << closed.status();
    EXPECT_EQ(closed->version, 3);
    StatusOr<domain::Need> stored = needs.Get(*id, kCoordinator);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->outcome, "reintegrat");
    EXPECT_EQ(stored->version, 3);

    // Two edits, two audit events with before and after; the person key is in neither.
    auto tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    StatusOr<std::vector<domain::AuditEvent>> events = (*tx)->ListAudit(1000);
    ASSERT_TRUE(events.ok());
    int updates = 0;
    for (const domain::AuditEvent& e : *events) {
        if (e.action != "need.update") continue;
        ++updates;
        EXPECT_EQ(e.entity_id, std::to_string(*id));
        EXPECT_EQ(e.before_json.find(stored->person_key), std::string::npos);
        EXPECT_EQ(e.after_json.find(stored->person_key), std::string::npos);
        EXPECT_NE(e.after_json.find("\"version\":"), std::string::npos) << e.after_json;
    }
    EXPECT_EQ(updates, 2);
}

TEST_P(RegistrySuite, GapsSuppressSmallCountsForThePublic) {
    int64_t plan = Import(kSeed001);
    Import(kSeed004);
    RegistryService registry(*store_);
    int64_t dgaspc = *registry.Resolve("DGASPC");
    NeedsService needs(*store_);
    // Six elderly people's needs in Gherla, three children's in Dej. The plan leaves the
    // locality column empty; "Căminul pentru Persoane Vârstnice Gherla" (8730 CR-V-I,
    // 50 places) names it, so Gherla has 50 places for the elderly.
    for (int i = 0; i < 6; ++i) {
        ASSERT_TRUE(needs.Add({.recorded_on = "2025-04-0" + std::to_string(i + 1), .locality = "Gherla",
                               .beneficiary_group = "V", .kind = "îngrijire", .identity = "elder" + std::to_string(i)},
                              Reporter(dgaspc)).ok());
    }
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(needs.Add({.recorded_on = "2025-04-10", .locality = "Dej", .beneficiary_group = "C",
                               .kind = "plasament", .identity = "child" + std::to_string(i)},
                              Reporter(dgaspc)).ok());
    }
    auto find = [](const std::vector<Gap>& gaps, const std::string& group, const std::string& locality) {
        auto it = std::find_if(gaps.begin(), gaps.end(), [&](const Gap& g) {
            return g.beneficiary_group == group && g.locality == locality;
        });
        return it == gaps.end() ? nullptr : &*it;
    };
    StatusOr<std::vector<Gap>> full = needs.Gaps(kCoordinator);
    ASSERT_TRUE(full.ok()) << full.status();
    const Gap* children = find(*full, "C", "Dej");
    ASSERT_NE(children, nullptr);
    EXPECT_EQ(children->needs, 3);
    const Gap* elders = find(*full, "V", "Gherla");
    ASSERT_NE(elders, nullptr);
    EXPECT_EQ(elders->needs, 6);
    EXPECT_EQ(elders->open_needs, 6);
    EXPECT_EQ(elders->capacity, 50);
    EXPECT_EQ(elders->uncovered, 0);  // nobody reported as served: 50 free places

    // While the plan is a draft the public sees no capacity from it; published, it does.
    StatusOr<std::vector<Gap>> open = needs.Gaps(kPublic);
    ASSERT_TRUE(open.ok());
    ASSERT_NE(find(*open, "V", "Gherla"), nullptr);
    EXPECT_EQ(find(*open, "V", "Gherla")->capacity, 0);
    ASSERT_TRUE(PublishService(*store_).Publish(plan, kCoordinator).ok());
    open = needs.Gaps(kPublic);
    ASSERT_TRUE(open.ok());
    const Gap* hidden = find(*open, "C", "Dej");
    ASSERT_NE(hidden, nullptr);
    EXPECT_TRUE(hidden->suppressed);
    EXPECT_FALSE(hidden->needs);
    EXPECT_FALSE(hidden->uncovered);
    const Gap* shown = find(*open, "V", "Gherla");
    ASSERT_NE(shown, nullptr);
    EXPECT_FALSE(shown->suppressed);
    EXPECT_EQ(shown->needs, 6);
    EXPECT_EQ(shown->capacity, 50);

    // With the home full (50 served) and 7 waiting, the 6 open needs and the waiting list are uncovered.
    StatusOr<domain::Plan> loaded = store_->Begin().value()->LoadPlan(plan);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    auto home = std::find_if(loaded->services.begin(), loaded->services.end(), [](const domain::SocialService& s) {
        return s.name == "Căminul pentru Persoane Vârstnice Gherla";
    });
    ASSERT_NE(home, loaded->services.end());
    ASSERT_TRUE(needs.PutMonth({.service_id = *home->id, .month = "2025-04", .beneficiaries = 50, .waiting = 7},
                               kCoordinator).ok());
    full = needs.Gaps(kCoordinator);
    ASSERT_TRUE(full.ok());
    elders = find(*full, "V", "Gherla");
    ASSERT_NE(elders, nullptr);
    EXPECT_EQ(elders->served, 50);
    EXPECT_EQ(elders->waiting, 7);
    EXPECT_EQ(elders->uncovered, 13);
    auto public_view = [&]() -> Gap {
        StatusOr<std::vector<Gap>> gaps = needs.Gaps(kPublic);
        EXPECT_TRUE(gaps.ok()) << gaps.status();
        const Gap* found = gaps.ok() ? find(*gaps, "V", "Gherla") : nullptr;
        EXPECT_NE(found, nullptr);
        return found ? *found : Gap{};
    };
    auto coordinator_view = [&]() -> Gap {
        StatusOr<std::vector<Gap>> gaps = needs.Gaps(kCoordinator);
        EXPECT_TRUE(gaps.ok()) << gaps.status();
        const Gap* found = gaps.ok() ? find(*gaps, "V", "Gherla") : nullptr;
        EXPECT_NE(found, nullptr);
        return found ? *found : Gap{};
    };
    Gap seen = public_view();  // every count 0 or at least 5: all published
    EXPECT_FALSE(seen.suppressed);
    EXPECT_EQ(seen.needs, 6);
    EXPECT_EQ(seen.open_needs, 6);
    EXPECT_EQ(seen.served, 50);
    EXPECT_EQ(seen.waiting, 7);
    EXPECT_EQ(seen.uncovered, 13);

    // 47 served, nobody waiting: 3 free places leave 3 of the 6 open needs uncovered. The 3 is
    // withheld, and so is open_needs, which with capacity, served and waiting would give it back.
    ASSERT_TRUE(
        needs.PutMonth({.service_id = *home->id, .month = "2025-05", .beneficiaries = 47, .waiting = 0}, kCoordinator)
            .ok());
    EXPECT_EQ(coordinator_view().uncovered, 3);
    seen = public_view();
    EXPECT_TRUE(seen.suppressed);
    EXPECT_EQ(seen.needs, 6);
    EXPECT_EQ(seen.served, 47);
    EXPECT_EQ(seen.waiting, 0);
    EXPECT_FALSE(seen.uncovered);
    EXPECT_FALSE(seen.open_needs);

    // 3 served and 2 waiting: both withheld, and uncovered with them; the 6 needs stay public.
    ASSERT_TRUE(
        needs.PutMonth({.service_id = *home->id, .month = "2025-06", .beneficiaries = 3, .waiting = 2}, kCoordinator)
            .ok());
    Gap all = coordinator_view();
    EXPECT_EQ(all.served, 3);
    EXPECT_EQ(all.waiting, 2);
    EXPECT_EQ(all.uncovered, 0);
    EXPECT_FALSE(all.suppressed);
    seen = public_view();
    EXPECT_TRUE(seen.suppressed);
    EXPECT_FALSE(seen.served);
    EXPECT_FALSE(seen.waiting);
    EXPECT_FALSE(seen.uncovered);
    EXPECT_EQ(seen.needs, 6);
    EXPECT_EQ(seen.open_needs, 6);
    EXPECT_EQ(seen.capacity, 50);

    // Three more needs, referred to the home: 9 needs, 6 open. 9 - 6 would give the 3 referred
    // back, so open_needs (and uncovered, which needs it) is withheld while the 9 is public.
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(needs
                        .Add({.recorded_on = "2025-07-01",
                              .locality = "Gherla",
                              .beneficiary_group = "V",
                              .kind = "îngrijire",
                              .service_id = *home->id,
                              .identity = "referred" + std::to_string(i)},
                             Reporter(dgaspc))
                        .ok());
    }
    ASSERT_TRUE(
        needs.PutMonth({.service_id = *home->id, .month = "2025-07", .beneficiaries = 50, .waiting = 7}, kCoordinator)
            .ok());
    all = coordinator_view();
    EXPECT_EQ(all.needs, 9);
    EXPECT_EQ(all.open_needs, 6);
    EXPECT_EQ(all.uncovered, 13);
    seen = public_view();
    EXPECT_TRUE(seen.suppressed);
    EXPECT_EQ(seen.needs, 9);
    EXPECT_FALSE(seen.open_needs);
    EXPECT_FALSE(seen.uncovered);
    EXPECT_EQ(seen.served, 50);
    EXPECT_EQ(seen.waiting, 7);
    // The published JSON carries no count between 1 and 4 in any cell.
    StatusOr<std::vector<Gap>> everything = needs.Gaps(kPublic);
    ASSERT_TRUE(everything.ok());
    for (const Gap& g : *everything) {
        for (std::optional<int> count : {g.needs, g.open_needs, g.served, g.waiting}) {
            EXPECT_FALSE(count && *count > 0 && *count < kMinimumCount) << g.beneficiary_group << " " << g.locality;
        }
        EXPECT_FALSE(g.uncovered && *g.uncovered > 0 && *g.uncovered < kMinimumCount) << g.locality;
    }
}

// tests/testdata/registry/services_checks.txt: three existing services made to trip the checks.
TEST_P(RegistrySuite, StatisticsWarnOfImpossibleValuesAndLicencesAtTheirLine) {
    ImportService imports(*store_);
    StatusOr<ImportOutcome> imported =
        imports.ImportFile(std::string(PLANWATCH_SOURCE_DIR) + "/tests/testdata/registry/services_checks.txt", "test");
    ASSERT_TRUE(imported.ok()) << imported.status();
    RegistryService registry(*store_);
    StatusOr<ServiceStatistics> stats = registry.Statistics(imported->plan_id);
    ASSERT_TRUE(stats.ok()) << stats.status();
    std::map<std::string, std::vector<RegistryWarning>> by_code;
    for (const RegistryWarning& w : stats->warnings) by_code[w.code].push_back(w);
    auto one = [&](const std::string& code, int line, const std::string& message) {
        ASSERT_EQ(by_code[code].size(), 1u) << code;
        EXPECT_EQ(by_code[code][0].line, line) << code;
        EXPECT_EQ(by_code[code][0].plan_id, imported->plan_id);
        EXPECT_EQ(by_code[code][0].message, message);
    };
    one("occupancy_over_100", 16,
        "8730 CR-V-I “Căminul pentru Persoane Vârstnice Gherla”: occupancy 120 % is over 100 %");
    one("impossible_value", 25, "8730 CR-V-I “Căminul pentru Persoane Vârstnice Dej”: capacity 0 is not positive");
    one("unknown_code", 34, "8790 CR-Q-I “Centrul rezidențial Turda”: code not in the HG 867/2015 nomenclature");
    one("total_mismatch", 43, "column “Buget județean (mii lei)”: the rows add up to 3626 but the TOTAL row says 3500");
    one("licence_expiry_before_date", 25,
        "8730 CR-V-I “Căminul pentru Persoane Vârstnice Dej”: licence 555 expires on 2021-02-01, before its date "
        "2022-05-10");
    // Gherla's licence ended in March 2024 and Dej's in 2021, before the plan's 2025; Turda's runs to 2028.
    ASSERT_EQ(by_code["licence_expired"].size(), 2u);
    EXPECT_EQ(by_code["licence_expired"][0].line, 16);
    EXPECT_EQ(by_code["licence_expired"][0].message,
              "8730 CR-V-I “Căminul pentru Persoane Vârstnice Gherla”: licence 0001234 expired on 2024-03-12, before "
              "the plan year 2025");
    EXPECT_EQ(by_code["licence_expired"][1].line, 25);

    // The licence is stored and listed with the service.
    StatusOr<ServiceListing> listing = registry.FindServices(ServiceFilter{.q = "Gherla"}, kCoordinator);
    ASSERT_TRUE(listing.ok()) << listing.status();
    ASSERT_EQ(listing->entries.size(), 1u);
    ASSERT_TRUE(listing->entries[0].service.licence);
    EXPECT_EQ(listing->entries[0].service.licence->number, "0001234");
    EXPECT_NE(ServicesToJson(listing->entries)
                  .find(R"("licence":{"number":"0001234","date":"2019-03-12","expiry":"2024-03-12"})"),
              std::string::npos)
        << ServicesToJson(listing->entries);
}

// A published plan whose two services name their provider; returns the plan id.
int64_t InsertProvidedServices(storage::Store& store) {
    domain::Plan plan;
    plan.title = "Planul anual de acțiune privind serviciile sociale, pentru anul 2025";
    plan.kind = domain::PlanKind::kAnnualSocialServicesPlan;
    plan.period_start = plan.period_end = 2025;
    plan.institutions = {
        {.name = "Direcția Generală de Asistență Socială și Protecția Copilului Cluj", .acronym = "DGASPC"},
        {.name = "Fundația Sf. Ana", .acronym = ""}};
    plan.services = {{.code = "8730 CR-V-I",
                      .name = "Căminul pentru Persoane Vârstnice Gherla",
                      .provider = "DGASPC",
                      .capacity = domain::Capacity{50, domain::CapacityUnit::kPlaces},
                      .source_line = 10},
                     {.code = "8790 CR-C-I",
                      .name = "Casa de tip familial Ana",
                      .provider = "Fundația Sf. Ana",
                      .capacity = domain::Capacity{12, domain::CapacityUnit::kPlaces},
                      .source_line = 11}};
    auto tx = store.Begin();
    EXPECT_TRUE(tx.ok());
    StatusOr<int64_t> id = (*tx)->InsertPlan(plan);
    EXPECT_TRUE(id.ok()) << id.status();
    EXPECT_TRUE((*tx)->SetPlanPublication(*id, "test").ok());
    EXPECT_TRUE((*tx)->Append({.actor = "test", .action = "plan.import", .entity = "plan"}).ok());
    EXPECT_TRUE((*tx)->Commit().ok());
    return id.ok() ? *id : 0;
}

TEST_P(RegistrySuite, TheProviderEntersItsServicesMonthlyFigures) {
    int64_t plan = InsertProvidedServices(*store_);
    RegistryService registry(*store_);
    int64_t dgaspc = *registry.Resolve("DGASPC");
    int64_t foundation = *registry.Resolve("Fundația Sf. Ana");
    domain::Plan loaded = *store_->Begin().value()->LoadPlan(plan);
    const int64_t home = *loaded.services[0].id, house = *loaded.services[1].id;
    NeedsService needs(*store_);

    // The home is DGASPC's: its staff enter the month, the foundation's and the public cannot.
    domain::ServiceMonth month{.service_id = home, .month = "2025-05", .beneficiaries = 48, .waiting = 3};
    ASSERT_TRUE(needs.PutMonth(month, Reporter(dgaspc)).ok());
    EXPECT_EQ(needs.PutMonth(month, Reporter(foundation)).code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(needs.PutMonth(month, kPublic).code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(needs.PutMonth({.service_id = house, .month = "2025-05", .beneficiaries = 12}, Reporter(dgaspc)).code(),
              StatusCode::kPermissionDenied);
    ASSERT_TRUE(needs
                    .PutMonth({.service_id = house, .month = "2025-05", .beneficiaries = 12, .waiting = 0},
                              Reporter(foundation))
                    .ok());
    EXPECT_EQ(needs.PutMonth({.service_id = 99999999, .month = "2025-05"}, Reporter(dgaspc)).code(),
              StatusCode::kNotFound);
    EXPECT_EQ(needs.PutMonth({.service_id = home, .month = "05.2025"}, Reporter(dgaspc)).message(),
              "month: expected YYYY-MM, got “05.2025”");
    EXPECT_EQ(CountAudit(*store_, "service.month"), 2);  // each accepted figure, and nothing refused

    // Against the 50 places: 96 %. The public does not see the 3 waiting; the provider and coordinators do.
    month.month = "2025-06";
    month.beneficiaries = 50;
    month.waiting = 0;
    ASSERT_TRUE(needs.PutMonth(month, kCoordinator).ok());
    StatusOr<std::vector<ServiceOccupancy>> seen = needs.Occupancy(home, kPublic);
    ASSERT_TRUE(seen.ok()) << seen.status();
    ASSERT_EQ(seen->size(), 2u);
    EXPECT_EQ((*seen)[0].month, "2025-05");
    EXPECT_EQ((*seen)[0].beneficiaries, 48);
    EXPECT_EQ((*seen)[0].capacity, 50);
    EXPECT_DOUBLE_EQ(*(*seen)[0].occupancy, 0.96);
    EXPECT_FALSE((*seen)[0].waiting);
    EXPECT_TRUE((*seen)[0].suppressed);
    EXPECT_EQ((*seen)[1].occupancy, 1.0);
    EXPECT_EQ((*seen)[1].waiting, 0);
    StatusOr<std::vector<ServiceOccupancy>> own = needs.Occupancy(home, Reporter(dgaspc));
    ASSERT_TRUE(own.ok());
    EXPECT_EQ((*own)[0].waiting, 3);
    EXPECT_FALSE((*own)[0].suppressed);
    EXPECT_EQ((*needs.Occupancy(home, Reporter(foundation)))[0].waiting, std::nullopt);
    EXPECT_NE(OccupancyToJson(*seen).find(R"("month":"2025-05","beneficiaries":48,"waiting":null,"capacity":50.0,)"
                                          R"("occupancy":0.96,"suppressed":true})"),
              std::string::npos)
        << OccupancyToJson(*seen);

    // A draft is hidden: its services' figures answer 404 to the public, as the plan does.
    {
        auto tx = store_->Begin();
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE((*tx)->SetPlanPublication(plan, std::nullopt).ok());
        ASSERT_TRUE((*tx)->Append({.actor = "test", .action = "plan.unpublish", .entity = "plan"}).ok());
        ASSERT_TRUE((*tx)->Commit().ok());
    }
    EXPECT_EQ(needs.Occupancy(home, kPublic).status().code(), StatusCode::kNotFound);
    EXPECT_EQ(needs.Occupancy(home, kCoordinator)->size(), 2u);
    EXPECT_TRUE(needs.Occupancy(kPublic)->empty());
    EXPECT_EQ(needs.Occupancy(kCoordinator)->size(), 2u);  // the latest month of each service
}

TEST_P(RegistrySuite, MonthlyBeneficiariesGiveOccupancy) {
    int64_t plan = Import(kSeed001);
    auto tx = store_->Begin();
    ASSERT_TRUE(tx.ok());
    StatusOr<domain::Plan> loaded = (*tx)->LoadPlan(plan);
    ASSERT_TRUE(loaded.ok());
    tx->reset();
    auto gherla = std::find_if(loaded->services.begin(), loaded->services.end(), [](const domain::SocialService& s) {
        return s.name == "Căminul pentru Persoane Vârstnice Gherla";
    });
    ASSERT_NE(gherla, loaded->services.end());
    NeedsService needs(*store_);
    domain::ServiceMonth month{.service_id = *gherla->id, .month = "2025-03", .beneficiaries = 45, .waiting = 7};
    // The imported plan is a draft: to a reporter its services do not exist, as the plan does not.
    EXPECT_EQ(needs.PutMonth(month, Reporter(1)).code(), StatusCode::kNotFound);
    ASSERT_TRUE(needs.PutMonth(month, kCoordinator).ok());
    month.month = "2025-04";
    month.beneficiaries = 50;
    ASSERT_TRUE(needs.PutMonth(month, kCoordinator).ok());
    month.month = "2025-4";
    EXPECT_EQ(needs.PutMonth(month, kCoordinator).message(), "month: expected YYYY-MM, got “2025-4”");
    month.month = "2025-04";
    month.service_id = 99999999;
    EXPECT_EQ(needs.PutMonth(month, kCoordinator).code(), StatusCode::kNotFound);

    StatusOr<std::vector<ServiceOccupancy>> occupancy = needs.Occupancy(kCoordinator);
    ASSERT_TRUE(occupancy.ok()) << occupancy.status();
    ASSERT_EQ(occupancy->size(), 1u);
    EXPECT_EQ(occupancy->front().month, "2025-04");
    EXPECT_EQ(occupancy->front().beneficiaries, 50);
    EXPECT_EQ(occupancy->front().capacity, 50);
    EXPECT_EQ(occupancy->front().occupancy, 1.0);
}

}  // namespace
}  // namespace planwatch::services::testing
