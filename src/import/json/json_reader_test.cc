#include "import/json/json_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace planwatch::import {
namespace {

std::string Fixture(const std::string& name) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/tests/schema/" + name, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

TEST(ReadPlanJson, ReadsAPlanwatchPlan) {
    StatusOr<domain::Plan> plan = ReadPlanJson(Fixture("valid/action_plan.json"));
    ASSERT_TRUE(plan.ok()) << plan.status();
    EXPECT_EQ(plan->jurisdiction, "Județul Cluj");
    EXPECT_EQ(domain::CountActivities(*plan), 1);
    EXPECT_EQ(plan->institutions.size(), 2u);
    EXPECT_EQ(plan->source.format, "text");  // kept as written, not overwritten with "json"
}

TEST(ReadPlanJson, NamesThePathOfWhatIsWrong) {
    Status status = ReadPlanJson(Fixture("invalid/bad_month.json")).status();
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(status.where().field, "nodes[0].children[0].deadline.month");
    EXPECT_EQ(status.message(), "expected an integer 1..12, got \"iulie\"");
}

TEST(ReadPlanJson, PlacesASyntaxErrorByLineAndColumn) {
    Status status = ReadPlanJson("{\n  \"schema\": \"planwatch.plan/1\",\n  ,\n}").status();
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(status.where().line, 3);
    EXPECT_EQ(status.where().column, 3);
}

}  // namespace
}  // namespace planwatch::import
