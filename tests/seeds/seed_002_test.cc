// Seed 002: AKCIJSKI NAČRT NA PODROČJU PREPOVEDANIH DROG ZA OBDOBJE 2019–2020
// (Slovenia). One long TAB-led table: 11 chapter rows "Poglavje iz strategije: …",
// goal / activities / a 2019-1 … 2020-2 grid of X marks / results / institutions;
// goal, result and institution cells written once for several activity rows;
// acronyms from the document's "Seznam kratic".
#include <gtest/gtest.h>

#include "domain/plan_json.h"
#include "seed_helpers.h"

namespace planwatch::seeds {
namespace {

using domain::NodeKind;

constexpr char kSeed[] = "002_8d53b20a0e2536f7.txt";

class Seed002 : public ::testing::Test {
protected:
    static void SetUpTestSuite() { plan_ = new domain::Plan(ImportSeed(kSeed)); }
    static void TearDownTestSuite() { delete plan_; }
    static const domain::Plan& plan() { return *plan_; }
    static domain::Plan* plan_;

    // The activities of one chapter, in order.
    static std::vector<const domain::Node*> ChapterActivities(size_t chapter) {
        std::vector<const domain::Node*> out;
        domain::ForEachNode(plan().nodes[chapter].children, [&](const domain::Node& node) {
            if (node.kind == NodeKind::kActivity) out.push_back(&node);
        });
        return out;
    }
};
domain::Plan* Seed002::plan_ = nullptr;

TEST_F(Seed002, PlanHeader) {
    EXPECT_EQ(plan().title, "AKCIJSKI NAČRT NA PODROČJU PREPOVEDANIH DROG ZA OBDOBJE 2019–2020");
    EXPECT_EQ(plan().language, "sl");
    EXPECT_EQ(plan().period_start, 2019);
    EXPECT_EQ(plan().period_end, 2020);
    EXPECT_EQ(plan().cadence, domain::Cadence::kSemester);
    Status valid = domain::Validate(plan());
    EXPECT_TRUE(valid.ok()) << valid;
}

TEST_F(Seed002, ElevenChapters) {
    const char* titles[] = {"Zakonodaja",
                            "Koordinacija, financiranje",
                            "Informacijski sistem",
                            "Preventiva v vzgoji in izobraževanju",
                            "Preventiva v delovnem okolju",
                            "Zdravljenje",
                            "Socialna obravnava",
                            "Zmanjševanje škode",
                            "Zmanjševanje ponudbe prepovedanih drog",
                            "Izobraževanje, raziskovanje, vrednotenje",
                            "Mednarodno in bilateralno sodelovanje"};
    ASSERT_EQ(plan().nodes.size(), 11u);
    for (size_t i = 0; i < 11; ++i) {
        EXPECT_EQ(plan().nodes[i].kind, NodeKind::kPillar);
        EXPECT_EQ(plan().nodes[i].title, titles[i]);
    }
}

TEST_F(Seed002, ActivityCounts) {
    // Counted by hand in the document: one activity per line of an activity cell.
    EXPECT_EQ(ChapterActivities(0).size(), 8u);   // Zakonodaja
    EXPECT_EQ(ChapterActivities(4).size(), 2u);   // Preventiva v delovnem okolju
    EXPECT_EQ(ChapterActivities(6).size(), 3u);   // Socialna obravnava
    EXPECT_EQ(ChapterActivities(7).size(), 18u);  // Zmanjševanje škode (its rows lack the goal cell)
    EXPECT_EQ(domain::CountActivities(plan()), 110);
}

TEST_F(Seed002, PeriodsFromTheXGrid) {
    std::vector<const domain::Node*> activities = ChapterActivities(0);
    ASSERT_GE(activities.size(), 4u);
    EXPECT_EQ(activities[0]->title, "Imenovanje delovne skupine");
    EXPECT_EQ(activities[0]->periods, (std::vector<std::string>{"2019-2"}));
    EXPECT_EQ(activities[1]->title, "Analiza zakona in potrebnih sprememb");
    EXPECT_EQ(activities[1]->periods, (std::vector<std::string>{"2020-1"}));
    EXPECT_EQ(activities[3]->title, "Spremljanje pojavljanj NPS) v Republiki Sloveniji in Evropski uniji – EWS");
    EXPECT_EQ(activities[3]->periods, (std::vector<std::string>{"2019-2", "2020-2"}));
    // Zmanjševanje škode: every semester marked.
    EXPECT_EQ(ChapterActivities(7)[0]->periods, (std::vector<std::string>{"2019-1", "2019-2", "2020-1", "2020-2"}));
}

TEST_F(Seed002, GoalResultsAndInstitutionsCarryOverTheRowsTheySpan) {
    const domain::Node* goal = &plan().nodes[0].children[0];
    EXPECT_EQ(goal->kind, NodeKind::kSpecificObjective);
    ASSERT_EQ(goal->children.size(), 3u);
    const std::vector<std::string> results = {"Predlog sprememb in dopolnitev ZPPPD", "Sprejetje v Državnem zboru RS"};
    for (const domain::Node& activity : goal->children) {
        EXPECT_EQ(activity.results, results) << activity.title;
        ASSERT_EQ(activity.responsible.size(), 2u) << activity.title;
        EXPECT_EQ(activity.responsible[0].institution, "Komisija Vlade RS za droge (MZ)");
        EXPECT_EQ(activity.responsible[0].role, domain::ResponsibilityRole::kLead);
        EXPECT_EQ(activity.responsible[1].institution, "Delovna skupina za pripravo sprememb in dopolnitev ZPPPD");
    }
    int carried = 0;
    for (const domain::PlanWarning& warning : plan().warnings) carried += warning.code == "cell_carried_down";
    EXPECT_GT(carried, 0);
}

TEST_F(Seed002, AcronymsExpandFromTheDocumentsOwnList) {
    const domain::Institution* nijz = FindInstitution(plan(), "Nacionalni inštitut za javno zdravje");
    ASSERT_NE(nijz, nullptr);
    EXPECT_EQ(nijz->acronym, "NIJZ");
    ASSERT_NE(FindInstitution(plan(), "Ministrstvo za zdravje"), nullptr);
    EXPECT_EQ(FindInstitution(plan(), "NIJZ"), nullptr);
    EXPECT_EQ(FindInstitution(plan(), "MZ"), nullptr);
    // "MDDSZ" in the cells of the chapter Socialna obravnava.
    std::vector<const domain::Node*> social = ChapterActivities(6);
    ASSERT_FALSE(social.empty());
    ASSERT_FALSE(social[0]->responsible.empty());
    EXPECT_EQ(social[0]->responsible[0].institution, "Ministrstvo za delo, družino, socialne zadeve in enake možnosti");
}

TEST_F(Seed002, ExportIsStableAcrossTwoImports) {
    domain::Plan again = ImportSeed(kSeed);
    EXPECT_EQ(domain::PlanToJson(again), domain::PlanToJson(plan()));
}

}  // namespace
}  // namespace planwatch::seeds
