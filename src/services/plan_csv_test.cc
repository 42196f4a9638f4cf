#include "services/plan_csv.h"

#include <gtest/gtest.h>

namespace planwatch::services {
namespace {

domain::Plan TwoActivityPlan() {
    domain::Plan plan;
    plan.id = 7;
    plan.title = "Planul de acțiune";
    plan.institutions = {{.name = "CPECA Cluj"}, {.name = "IȘJ Cluj"}, {.name = "Poliția, Cluj"}};
    domain::Node activity;
    activity.code = "1.1";
    activity.title = "Campanii de informare \"Fii liber\"";
    activity.results = {"Minimum 2 proiecte locale", "Un raport anual"};
    activity.indicators = {{.name = "Număr de proiecte",
                            .target = domain::Target{.value = 2, .comparator = domain::Comparator::kAtLeast,
                                                     .unit = "proiecte locale", .per = domain::TargetPer::kYear}},
                           {.name = "Număr de participanți"}};
    activity.frequency = domain::Frequency::kAnnual;
    activity.deadline = domain::DatePoint{.year = 2020, .month = 7};
    activity.periods = {"2019-2", "2020-2"};
    activity.responsible = {{"IȘJ Cluj", domain::ResponsibilityRole::kPartner},
                            {"CPECA Cluj", domain::ResponsibilityRole::kLead},
                            {"Poliția, Cluj", domain::ResponsibilityRole::kPartner}};
    activity.budget = {{.amount_minor = 147802751, .currency = "RON", .source = "county"}};
    domain::Node second;
    second.code = "1.2";
    second.title = "Evaluare";
    second.deadline = domain::DatePoint{.year = 2018};
    domain::Node section{.kind = domain::NodeKind::kSection, .code = "A.1", .title = "Prevenire"};
    section.children = {activity, second};
    domain::Node pillar{.kind = domain::NodeKind::kPillar, .code = "I", .title = "Reducerea cererii"};
    pillar.children = {section};
    plan.nodes = {pillar};
    return plan;
}

TEST(PlanCsv, WritesOneRowPerActivityWithHeaderAndCrlf) {
    std::string csv = PlansToCsv({TwoActivityPlan()});
    EXPECT_EQ(csv,
              "plan_id,code,path,title,results,indicators,frequency,deadline,periods,lead,partners,budget\r\n"
              "7,1.1,I/A.1,\"Campanii de informare \"\"Fii liber\"\"\",\"Minimum 2 proiecte locale\nUn raport "
              "anual\",\"Număr de proiecte (>= 2 proiecte locale per year)\nNumăr de participanți\",annual,2020-07,"
              "2019-2; 2020-2,CPECA Cluj,\"IȘJ Cluj; Poliția, Cluj\",1478027.51 RON (county)\r\n"
              "7,1.2,I/A.1,Evaluare,,,,2018,,,,\r\n");
}

TEST(PlanCsv, StartsWithByteOrderMarkOnlyWhenAsked) {
    EXPECT_EQ(PlansToCsv({}, {.bom = true}).substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(PlansToCsv({}).substr(0, 8), "plan_id,");
}

TEST(PlanCsv, LeavesPlanIdEmptyForUnstoredPlan) {
    domain::Plan plan = TwoActivityPlan();
    plan.id.reset();
    EXPECT_EQ(PlanCsvRows(plan).substr(0, 5), ",1.1,");
}

TEST(CsvField, QuotesOnlyWhenNeeded) {
    EXPECT_EQ(CsvField("plain ș"), "plain ș");
    EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
    EXPECT_EQ(CsvField("say \"x\""), "\"say \"\"x\"\"\"");
    EXPECT_EQ(CsvField("two\r\nlines"), "\"two\r\nlines\"");
    EXPECT_EQ(CsvField(""), "");
}

TEST(FormatMinorUnits, WritesDecimalsOnlyWhenThereAreCents) {
    EXPECT_EQ(FormatMinorUnits(147802751), "1478027.51");
    EXPECT_EQ(FormatMinorUnits(212600000), "2126000");
    EXPECT_EQ(FormatMinorUnits(150), "1.5");
    EXPECT_EQ(FormatMinorUnits(-5), "-0.05");
    EXPECT_EQ(FormatMinorUnits(0), "0");
}

}  // namespace
}  // namespace planwatch::services
