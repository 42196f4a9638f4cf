#include "reports/opendata/iati_writer.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <set>

#include "reports/testing/archive.h"
#include "reports/testing/sample_plan.h"

namespace planwatch::reports::opendata {
namespace {

const std::string kSchema =
    std::string(PLANWATCH_SOURCE_DIR) + "/../shared/reference/iati-2.03/iati-activities-schema.xsd";

StatusOr<std::string> Validate(const std::string& xml) {
    return testing::RunTool("xmllint --noout --schema '" + kSchema + "' iati.xml 2>&1", "iati.xml", xml);
}

TEST(WriteIati, ValidatesAgainstTheIati203Schema) {
    StatusOr<std::string> result = Validate(WriteIati(testing::SampleModel(), {}));
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_NE(result->find("iati.xml validates"), std::string::npos) << *result;
}

TEST(WriteIati, TheSchemaCheckCatchesABrokenDocument) {
    std::string xml = WriteIati(testing::SampleModel(), {});
    size_t at = xml.find("<reporting-org");
    xml.insert(at, "<unknown-element/>");
    StatusOr<std::string> result = Validate(xml);
    EXPECT_FALSE(result.ok());
}

TEST(WriteIati, HasAnActivityPerPlanActivityWithRolesAndCodesFromTheCodelists) {
    const ReportModel& m = testing::SampleModel();
    pugi::xml_document xml;
    ASSERT_TRUE(xml.load_string(WriteIati(m, {}).c_str()));
    pugi::xml_node root = xml.child("iati-activities");
    EXPECT_STREQ(root.attribute("version").value(), "2.03");
    const std::set<std::string> roles{"1", "2", "3", "4"}, statuses{"1", "2", "3", "4", "5", "6"},
        date_types{"1", "2", "3", "4"}, result_types{"1", "2", "3", "9"}, measures{"1", "2", "3", "4", "5"};
    std::set<std::string> identifiers;
    size_t index = 0;
    for (pugi::xml_node act : root.children("iati-activity")) {
        ASSERT_LT(index, m.activities.size());
        const ActivityRow& a = m.activities[index++];
        identifiers.insert(act.child_value("iati-identifier"));
        EXPECT_EQ(std::string(act.child("title").child_value("narrative")), a.code + " " + a.title);
        std::vector<std::string> accountable, implementing, funding;
        for (pugi::xml_node org : act.children("participating-org")) {
            std::string role = org.attribute("role").value();
            EXPECT_TRUE(roles.count(role)) << role;
            std::string name = org.child_value("narrative");
            (role == "2" ? accountable : role == "4" ? implementing : funding).push_back(name);
        }
        EXPECT_EQ(accountable, std::vector<std::string>{a.lead});
        EXPECT_EQ(implementing, a.partners);
        EXPECT_EQ(funding.size(), a.budget.empty() ? 0u : 1u);
        EXPECT_EQ(std::string(act.child("activity-status").attribute("code").value()), IatiActivityStatus(a.status));
        EXPECT_TRUE(statuses.count(act.child("activity-status").attribute("code").value()));
        for (pugi::xml_node d : act.children("activity-date")) EXPECT_TRUE(date_types.count(d.attribute("type").value()));
        EXPECT_EQ(static_cast<size_t>(std::distance(act.children("budget").begin(), act.children("budget").end())),
                  a.budget.size());
        pugi::xml_node result = act.child("result");
        ASSERT_TRUE(result);
        EXPECT_TRUE(result_types.count(result.attribute("type").value()));
        size_t indicators = 0;
        for (pugi::xml_node ind : result.children("indicator")) {
            const IndicatorRow& row = a.indicators[indicators++];
            EXPECT_TRUE(measures.count(ind.attribute("measure").value()));
            pugi::xml_node period = ind.child("period");
            EXPECT_EQ(static_cast<bool>(period.child("target")), row.target.has_value());
            EXPECT_EQ(static_cast<bool>(period.child("actual")), row.actual.has_value());
        }
        EXPECT_EQ(indicators, a.indicators.size());
    }
    EXPECT_EQ(index, 47u);
    EXPECT_EQ(identifiers.size(), 47u);
}

TEST(WriteIati, ReportsTargetAndActualOfAnIndicator) {
    const ReportModel& m = testing::SampleModel();
    std::string xml = WriteIati(m, {});
    const ActivityRow& first = m.activities[0];  // two approved reports with values 1 and 1
    ASSERT_TRUE(first.indicators[0].actual.has_value());
    EXPECT_NE(xml.find("<target value=\"2\">"), std::string::npos);
    EXPECT_NE(xml.find("<actual value=\"" + std::to_string(static_cast<int>(*first.indicators[0].actual)) + "\">"),
              std::string::npos);
}

}  // namespace
}  // namespace planwatch::reports::opendata
