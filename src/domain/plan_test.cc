#include "domain/plan.h"

#include <gtest/gtest.h>

namespace planwatch::domain {
namespace {

Plan SmallPlan() {
    Plan plan;
    plan.title = "Plan";
    plan.institutions = {{.name = "CPECA Cluj"}, {.name = "ISJ Cluj"}};
    Node activity{.kind = NodeKind::kActivity, .code = "1.1", .title = "Proiecte de formare"};
    activity.deadline = DatePoint{2020, 0, 0};
    activity.responsible = {{"CPECA Cluj", ResponsibilityRole::kLead}, {"ISJ Cluj", ResponsibilityRole::kPartner}};
    Node pillar{.kind = NodeKind::kPillar, .code = "I", .title = "Reducerea cererii"};
    pillar.children.push_back(activity);
    plan.nodes.push_back(pillar);
    return plan;
}

TEST(Validate, AcceptsAWellFormedPlan) {
    EXPECT_TRUE(Validate(SmallPlan()).ok());
    EXPECT_EQ(CountActivities(SmallPlan()), 1);
}

TEST(Validate, RefusesTwoLeadsAndNamesTheField) {
    Plan plan = SmallPlan();
    plan.nodes[0].children[0].responsible[1].role = ResponsibilityRole::kLead;
    Status s = Validate(plan);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(s.where().field, "nodes[0].children[0].responsible");
}

TEST(Validate, RefusesAnUnlistedInstitution) {
    Plan plan = SmallPlan();
    plan.nodes[0].children[0].responsible[1].institution = "IPJ Cluj";
    EXPECT_EQ(Validate(plan).where().field, "nodes[0].children[0].responsible[1].institution");
}

TEST(Validate, RefusesActivityFieldsOnAPillar) {
    Plan plan = SmallPlan();
    plan.nodes[0].deadline = DatePoint{2020, 1, 0};
    EXPECT_EQ(Validate(plan).where().field, "nodes[0]");
}

TEST(Validate, RefusesImpossibleDates) {
    Plan plan = SmallPlan();
    plan.nodes[0].children[0].deadline = DatePoint{2020, 13, 0};
    EXPECT_EQ(Validate(plan).where().field, "nodes[0].children[0].deadline.month");
    plan.nodes[0].children[0].deadline = DatePoint{2020, 0, 5};
    EXPECT_EQ(Validate(plan).where().field, "nodes[0].children[0].deadline.day");
}

TEST(Validate, RefusesAPeriodThatEndsBeforeItStarts) {
    Plan plan = SmallPlan();
    plan.period_start = 2020;
    plan.period_end = 2017;
    EXPECT_EQ(Validate(plan).where().field, "period");
}

TEST(Names, RoundTripEveryEnumerator) {
    for (NodeKind k : {NodeKind::kPillar, NodeKind::kArea, NodeKind::kSection, NodeKind::kGeneralObjective,
                       NodeKind::kSpecificObjective, NodeKind::kActivity}) {
        EXPECT_EQ(ParseNodeKind(Name(k)), k);
    }
    for (Frequency f : {Frequency::kAnnual, Frequency::kSemester, Frequency::kQuarter, Frequency::kMonth,
                        Frequency::kPermanent, Frequency::kOnce}) {
        EXPECT_EQ(ParseFrequency(Name(f)), f);
    }
    EXPECT_STREQ(Name(Comparator::kAtLeast), ">=");
    EXPECT_FALSE(ParseNodeKind("chapter").has_value());
}

}  // namespace
}  // namespace planwatch::domain
