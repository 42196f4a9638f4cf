#include "domain/rounds.h"

#include <gtest/gtest.h>

namespace planwatch::domain {
namespace {

Period P(const char* text) { return *ParsePeriod(text); }

Plan TwoYearPlan() {
    Plan plan{.title = "Akcijski načrt", .period_start = 2019, .period_end = 2020};
    plan.institutions = {{.name = "MZ"}, {.name = "NIJZ"}};
    Node grid{.kind = NodeKind::kActivity, .code = "1", .title = "Grid"};
    grid.periods = {"2019-2", "2020-1"};
    grid.responsible = {{"NIJZ", ResponsibilityRole::kLead}, {"MZ", ResponsibilityRole::kPartner}};
    Node dated{.kind = NodeKind::kActivity, .code = "2", .title = "By July 2019"};
    dated.deadline = DatePoint{2019, 7};
    dated.responsible = {{"MZ", ResponsibilityRole::kLead}};
    Node later{.kind = NodeKind::kActivity, .code = "3", .title = "From September 2020"};
    later.start = DatePoint{2020, 9};
    plan.nodes = {grid, dated, later};
    return plan;
}

std::vector<std::string> Codes(const std::vector<ExpectedReport>& reports) {
    std::vector<std::string> codes;
    for (const ExpectedReport& r : reports) codes.push_back(r.activity_code);
    return codes;
}

TEST(ExpectedReports, FollowTheMarkedGrid) {
    Plan plan = TwoYearPlan();
    EXPECT_EQ(Codes(ExpectedReports(plan, P("2019-S1"))), (std::vector<std::string>{"2"}));
    EXPECT_EQ(Codes(ExpectedReports(plan, P("2019-S2"))), (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(Codes(ExpectedReports(plan, P("2020-S1"))), (std::vector<std::string>{"1"}));
    EXPECT_EQ(Codes(ExpectedReports(plan, P("2020-S2"))), (std::vector<std::string>{"3"}));
}

TEST(ExpectedReports, NameTheLeadAndPartners) {
    std::vector<ExpectedReport> r = ExpectedReports(TwoYearPlan(), P("2019-S2"));
    EXPECT_EQ(r[0].lead, "NIJZ");
    EXPECT_EQ(r[0].partners, (std::vector<std::string>{"MZ"}));
}

TEST(ExpectedReports, AYearRoundCoversBothSemesters) {
    EXPECT_EQ(Codes(ExpectedReports(TwoYearPlan(), P("2019"))), (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(Codes(ExpectedReports(TwoYearPlan(), P("2020-Q4"))), (std::vector<std::string>{"3"}));
}

TEST(DefaultRoundDates, OpenAfterThePeriodAndFallDueThirtyDaysLater) {
    RoundDates d = DefaultRoundDates(P("2019-S1"));
    EXPECT_EQ(d.opens_on, "2019-07-01");
    EXPECT_EQ(d.due_on, "2019-07-30");
    EXPECT_EQ(DefaultRoundDates(P("2019"), 45).due_on, "2020-02-14");
}

}  // namespace
}  // namespace planwatch::domain
