// Seed 003: Plan operațional pentru implementarea Strategiei de Dezvoltare a
// Serviciilor Sociale la nivelul municipiului Timișoara 2017 – 2022. Text pulled
// out of a PDF: the table's columns come as chunks of lines, the header line
// repeats on every page, page numbers sit between the cells.
#include <gtest/gtest.h>

#include <regex>

#include "domain/plan_json.h"
#include "seed_helpers.h"

namespace planwatch::seeds {
namespace {

using domain::DatePoint;
using domain::NodeKind;

constexpr char kSeed[] = "003_ecb680f06898adfc.txt";

class Seed003 : public ::testing::Test {
protected:
    static void SetUpTestSuite() { plan_ = new domain::Plan(ImportSeed(kSeed)); }
    static void TearDownTestSuite() { delete plan_; }
    static const domain::Plan& plan() { return *plan_; }
    static domain::Plan* plan_;
};
domain::Plan* Seed003::plan_ = nullptr;

TEST_F(Seed003, PlanHeader) {
    EXPECT_EQ(plan().title,
              "Plan operațional pentru implementarea Strategiei de Dezvoltare a Serviciilor Sociale la nivelul "
              "municipiului Timișoara 2017 – 2022");
    EXPECT_EQ(plan().kind, domain::PlanKind::kOperationalPlan);
    EXPECT_EQ(plan().language, "ro");
    EXPECT_EQ(plan().period_start, 2017);
    EXPECT_EQ(plan().period_end, 2022);
    EXPECT_EQ(plan().cadence, domain::Cadence::kAnnual);
    Status valid = domain::Validate(plan());
    EXPECT_TRUE(valid.ok()) << valid;
}

TEST_F(Seed003, SeventeenGeneralObjectives) {
    const char* codes[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
                           "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"};
    ASSERT_EQ(plan().nodes.size(), 17u);
    for (size_t i = 0; i < 17; ++i) {
        EXPECT_EQ(plan().nodes[i].kind, NodeKind::kGeneralObjective);
        EXPECT_EQ(plan().nodes[i].code, codes[i]);
        int activities = 0;
        domain::ForEachNode(plan().nodes[i].children, [&](const domain::Node& node) {
            activities += node.kind == NodeKind::kActivity ? 1 : 0;
        });
        EXPECT_GT(activities, 0) << codes[i];
    }
    EXPECT_EQ(plan().nodes[0].title,
              "Creșterea capacității serviciului public de asistență socială de a identifica și evalua nevoile și situațiile care "
              "impun furnizarea de servicii sociale și programe de intervenție specifice.");
    // Its title is cut by column gaps in the text ("OBIECTIV GENERAL X:  Diversificarea  serviciilor …").
    EXPECT_EQ(plan().nodes[9].title,
              "Diversificarea serviciilor de suport și menținerea activă a persoanelor vârstnice pentru creșterea "
              "calității vieții acestora");
}

TEST_F(Seed003, ObjectiveOneHasThreeSpecificObjectivesAndNineActivities) {
    // Counted by hand: 5 + 1 + 3 activities.
    const domain::Node& first = plan().nodes[0];
    ASSERT_EQ(first.children.size(), 3u);
    const size_t expected[] = {5, 1, 3};
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(first.children[i].kind, NodeKind::kSpecificObjective);
        EXPECT_EQ(first.children[i].code, std::to_string(i + 1));
        EXPECT_EQ(first.children[i].children.size(), expected[i]);
    }
    EXPECT_EQ(first.children[0].title,
              "Crearea unui sistem de înregistrare a datelor privind nevoile și situațiile care impun furnizarea de "
              "servicii sociale");
}

TEST_F(Seed003, DeadlinesAndFrequencies) {
    const domain::Node& objective = plan().nodes[0].children[0];
    ASSERT_EQ(objective.children.size(), 5u);
    const domain::Node& methodology = objective.children[0];
    EXPECT_EQ(methodology.title.rfind("Elaborarea unei metodologii de înregistrare a datelor", 0), 0u);
    EXPECT_EQ(methodology.deadline, (DatePoint{2017, 7, 0}));  // "Iulie 2017"
    ASSERT_FALSE(methodology.indicators.empty());
    ASSERT_TRUE(methodology.indicators[0].target.has_value());
    EXPECT_EQ(methodology.indicators[0].target->value, 1);
    EXPECT_EQ(objective.children[2].deadline, (DatePoint{2017, 12, 0}));  // "Decembrie 2017"
    const domain::Node& persons = objective.children[3];
    ASSERT_FALSE(persons.indicators.empty());
    ASSERT_TRUE(persons.indicators[0].target.has_value());
    EXPECT_EQ(persons.indicators[0].target->value, 3);  // "Cel puțin 3 persoane"
    EXPECT_EQ(persons.indicators[0].target->comparator, domain::Comparator::kAtLeast);
    const domain::Node& reports = objective.children[4];  // "Anual (2017, 2018, 2019, 2020, 2021, 2022)"
    EXPECT_EQ(reports.frequency, domain::Frequency::kAnnual);
    EXPECT_EQ(plan().nodes[0].children[1].children[0].frequency, domain::Frequency::kQuarter);  // "Trimestrial"
}

TEST_F(Seed003, NoPageNumbersOrRepeatedHeadersInsideTexts) {
    std::regex page_number(R"((^|\n)\s*\d{1,3}\s*($|\n))");
    domain::ForEachNode(plan().nodes, [&](const domain::Node& node) {
        EXPECT_EQ(node.title.find("Obiective specifice"), std::string::npos) << node.title;
        EXPECT_EQ(node.title.find("Acțiuni prioritare"), std::string::npos) << node.title;
        EXPECT_EQ(node.title.find("Termen de realizare"), std::string::npos) << node.title;
        EXPECT_FALSE(std::regex_search(node.title, page_number)) << node.title;
        EXPECT_FALSE(node.title.empty()) << node.code;
        for (const std::string& result : node.results) EXPECT_FALSE(std::regex_search(result, page_number)) << result;
    });
}

TEST_F(Seed003, ExportIsStableAcrossTwoImports) {
    domain::Plan again = ImportSeed(kSeed);
    EXPECT_EQ(domain::PlanToJson(again), domain::PlanToJson(plan()));
}

}  // namespace
}  // namespace planwatch::seeds
