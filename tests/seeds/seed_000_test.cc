// Seed 000: PLANUL DE ACŢIUNE pentru implementarea Strategiei judeţene antidrog
// 2017 - 2020, Județul Cluj. TAB-led text: pillars and areas as paragraphs, one
// table per section, 7 columns (objective, activity, results, indicators,
// evaluation term, deadline, responsible).
#include <gtest/gtest.h>

#include "domain/plan_json.h"
#include "seed_helpers.h"

namespace planwatch::seeds {
namespace {

using domain::Comparator;
using domain::DatePoint;
using domain::NodeKind;

constexpr char kSeed[] = "000_ffec081ef8fe4e47.txt";

class Seed000 : public ::testing::Test {
protected:
    static void SetUpTestSuite() { plan_ = new domain::Plan(ImportSeed(kSeed)); }
    static void TearDownTestSuite() { delete plan_; }
    static const domain::Plan& plan() { return *plan_; }
    static domain::Plan* plan_;
};
domain::Plan* Seed000::plan_ = nullptr;

TEST_F(Seed000, PlanHeader) {
    EXPECT_EQ(plan().title,
              "PLANUL DE ACȚIUNE pentru implementarea Strategiei județene antidrog în perioada 2017 - 2020 la nivelul "
              "Județului Cluj");
    EXPECT_EQ(plan().language, "ro");
    EXPECT_EQ(plan().kind, domain::PlanKind::kActionPlan);
    EXPECT_EQ(plan().period_start, 2017);
    EXPECT_EQ(plan().period_end, 2020);
    EXPECT_EQ(plan().cadence, domain::Cadence::kAnnual);
    Status valid = domain::Validate(plan());
    EXPECT_TRUE(valid.ok()) << valid;
}

TEST_F(Seed000, FourPillarsWithTheirTitles) {
    ASSERT_EQ(plan().nodes.size(), 4u);
    const char* codes[] = {"I", "II", "III", "IV"};
    const char* titles[] = {"REDUCEREA CERERII DE DROGURI", "REDUCEREA OFERTEI DE DROGURI", "COORDONARE",
                            "CERCETARE, EVALUARE SI INFORMARE"};
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(plan().nodes[i].kind, NodeKind::kPillar);
        EXPECT_EQ(plan().nodes[i].code, codes[i]);
        EXPECT_EQ(plan().nodes[i].title, titles[i]);
    }
}

TEST_F(Seed000, AreasAndSectionsOfPillarOne) {
    const domain::Node* area_a = Path(plan(), {"I", "A"});
    ASSERT_NE(area_a, nullptr);
    EXPECT_EQ(area_a->kind, NodeKind::kArea);
    EXPECT_EQ(area_a->title, "Prevenirea consumului de droguri");
    const domain::Node* area_b = Path(plan(), {"I", "B"});
    ASSERT_NE(area_b, nullptr);
    EXPECT_EQ(area_b->title, "Asistența consumatorilor de droguri");
    std::vector<std::string> sections;
    for (const domain::Node& child : area_a->children) sections.push_back(child.code);
    EXPECT_EQ(sections, (std::vector<std::string>{"A.1", "A.2", "A.3"}));
    const domain::Node* school = Path(plan(), {"I", "A", "A.1"});
    ASSERT_NE(school, nullptr);
    EXPECT_EQ(school->kind, NodeKind::kSection);
    EXPECT_EQ(school->title, "Prevenirea în școală");
    ASSERT_NE(Path(plan(), {"I", "B", "B.1"}), nullptr);
}

TEST_F(Seed000, FortySevenActivitiesWithCodes) {
    std::vector<const domain::Node*> activities = Activities(plan());
    ASSERT_EQ(activities.size(), 47u);
    EXPECT_EQ(activities.front()->code, "1.1");
    EXPECT_EQ(activities.front()->title,
              "Implementarea de proiecte de formare în domeniul adicțiilor destinate personalului didactic din "
              "învățământul preuniversitar");
    for (const domain::Node* activity : activities) {
        EXPECT_FALSE(activity->code.empty()) << activity->title;
        EXPECT_NE(activity->code.back(), '.') << activity->code;
    }
    // Specific objectives "1.Creşterea…" group the activities of A.1.
    const domain::Node* objective = Path(plan(), {"I", "A", "A.1", "1"});
    ASSERT_NE(objective, nullptr);
    EXPECT_EQ(objective->kind, NodeKind::kSpecificObjective);
    EXPECT_EQ(objective->children.size(), 8u);  // 1.1 … 1.8
}

TEST_F(Seed000, Activity12HasOneSeminar) {
    const domain::Node* activity = Path(plan(), {"I", "A", "A.1", "1", "1.2"});
    ASSERT_NE(activity, nullptr);
    EXPECT_EQ(activity->results, (std::vector<std::string>{"Un seminar"}));
    const domain::Indicator* seminar = nullptr;
    for (const domain::Indicator& indicator : activity->indicators) {
        if (indicator.target) seminar = &indicator;
    }
    ASSERT_NE(seminar, nullptr);
    EXPECT_EQ(seminar->target->value, 1);
    EXPECT_EQ(seminar->target->comparator, Comparator::kEqual);
    EXPECT_EQ(seminar->target->unit, "seminar");
    EXPECT_EQ(activity->deadline, (DatePoint{2020, 0, 0}));
}

TEST_F(Seed000, Activity11IsAnnualUntil2020LedByCpeca) {
    const domain::Node* activity = Path(plan(), {"I", "A", "A.1", "1", "1.1"});
    ASSERT_NE(activity, nullptr);
    EXPECT_EQ(activity->frequency, domain::Frequency::kAnnual);
    EXPECT_EQ(activity->deadline, (DatePoint{2020, 0, 0}));
    ASSERT_GE(activity->responsible.size(), 3u);
    EXPECT_EQ(activity->responsible[0].institution, "CPECA Cluj");
    EXPECT_EQ(activity->responsible[0].role, domain::ResponsibilityRole::kLead);
    // "ISJ Cluj" here, "IȘJ Cluj"/"IŞJ Cluj" elsewhere: one institution.
    const domain::Institution* isj = FindInstitution(plan(), activity->responsible[1].institution);
    ASSERT_NE(isj, nullptr);
    std::vector<std::string> spellings = isj->aliases;
    spellings.push_back(isj->name);
    EXPECT_NE(std::find(spellings.begin(), spellings.end(), "ISJ Cluj"), spellings.end());
    EXPECT_NE(std::find(spellings.begin(), spellings.end(), "IȘJ Cluj"), spellings.end());
    EXPECT_EQ(activity->responsible[1].role, domain::ResponsibilityRole::kPartner);
    EXPECT_EQ(activity->responsible[2].institution, "Primăria Câmpia Turzii");
    // "CPECA CLUJ" in 1.2 is the same body.
    const domain::Node* next = Path(plan(), {"I", "A", "A.1", "1", "1.2"});
    ASSERT_NE(next, nullptr);
    EXPECT_EQ(next->responsible[0].institution, "CPECA Cluj");
}

TEST_F(Seed000, SpellingVariantsOfIsjResolveToOneInstitution) {
    const domain::Node* first = Path(plan(), {"I", "A", "A.1", "1", "1.1"});
    const domain::Node* third = Path(plan(), {"I", "A", "A.1", "1", "1.3"});
    ASSERT_NE(first, nullptr);
    ASSERT_NE(third, nullptr);
    ASSERT_GE(third->responsible.size(), 2u);
    EXPECT_EQ(third->responsible[1].institution, first->responsible[1].institution);
    int isj = 0;
    for (const domain::Institution& institution : plan().institutions) {
        isj += institution.name == "ISJ Cluj" || institution.name == "IȘJ Cluj" ? 1 : 0;
    }
    EXPECT_EQ(isj, 1);
    bool warned = false;
    for (const domain::PlanWarning& warning : plan().warnings) {
        warned = warned || (warning.code == "institution_alias" && warning.message.find("ISJ Cluj") != std::string::npos);
    }
    EXPECT_TRUE(warned);
}

TEST_F(Seed000, MinimumTwoLocalProjectsIsATarget) {
    const domain::Node* activity = Path(plan(), {"I", "A", "A.3", "3", "3.1"});
    ASSERT_NE(activity, nullptr);
    EXPECT_EQ(activity->results, (std::vector<std::string>{"Minimum 2 proiecte locale"}));
    const domain::Indicator* projects = nullptr;
    for (const domain::Indicator& indicator : activity->indicators) {
        if (indicator.target) projects = &indicator;
    }
    ASSERT_NE(projects, nullptr);
    EXPECT_EQ(projects->name, "Număr de proiecte");  // the indicator that counts proiecte gets the target
    EXPECT_EQ(projects->target->value, 2);
    EXPECT_EQ(projects->target->comparator, Comparator::kAtLeast);
    EXPECT_EQ(projects->target->unit, "proiecte locale");
}

TEST_F(Seed000, PillarTwoGoesStraightFromObjectiveToActivities) {
    const domain::Node* pillar = Path(plan(), {"II"});
    ASSERT_NE(pillar, nullptr);
    int activities = 0;
    domain::ForEachNode(pillar->children, [&](const domain::Node& node) {
        activities += node.kind == NodeKind::kActivity ? 1 : 0;
    });
    EXPECT_GT(activities, 0);
    EXPECT_EQ(domain::CountActivities(plan()), 47);
}

TEST_F(Seed000, ExportIsStableAcrossTwoImports) {
    domain::Plan again = ImportSeed(kSeed);
    EXPECT_EQ(domain::PlanToJson(again), domain::PlanToJson(plan()));
}

}  // namespace
}  // namespace planwatch::seeds
