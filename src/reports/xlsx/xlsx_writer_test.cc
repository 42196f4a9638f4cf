#include "reports/xlsx/xlsx_writer.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "reports/html/charts.h"
#include "reports/labels.h"
#include "reports/testing/archive.h"
#include "reports/testing/sample_plan.h"

namespace planwatch::reports::xlsx {
namespace {

using testing::Count;

class XlsxWriter : public ::testing::Test {
protected:
    void SetUp() override {
        StatusOr<std::string> xlsx = WriteXlsx(testing::SampleModel(), {});
        ASSERT_TRUE(xlsx.ok()) << xlsx.status();
        StatusOr<std::map<std::string, std::string>> parts = testing::Unzip(*xlsx);
        ASSERT_TRUE(parts.ok()) << parts.status();
        parts_ = *parts;
        pugi::xml_document strings;
        ASSERT_TRUE(strings.load_string(parts_["xl/sharedStrings.xml"].c_str()));
        for (pugi::xml_node si : strings.child("sst").children("si")) strings_.push_back(si.child("t").text().get());
    }
    // Cell text or number by reference ("B2") in the numbered sheet.
    std::string CellValue(int sheet, const std::string& ref) {
        pugi::xml_document xml;
        xml.load_string(parts_["xl/worksheets/sheet" + std::to_string(sheet) + ".xml"].c_str());
        pugi::xml_node c = xml.select_node(("//*[local-name()='c'][@r='" + ref + "']").c_str()).node();
        if (!c) return "";
        std::string v = c.child("v").text().get();
        return std::string(c.attribute("t").value()) == "s" ? strings_[std::stoi(v)] : v;
    }
    bool IsNumber(int sheet, const std::string& ref) {
        pugi::xml_document xml;
        xml.load_string(parts_["xl/worksheets/sheet" + std::to_string(sheet) + ".xml"].c_str());
        pugi::xml_node c = xml.select_node(("//*[local-name()='c'][@r='" + ref + "']").c_str()).node();
        return c && !c.attribute("t");
    }
    std::map<std::string, std::string> parts_;
    std::vector<std::string> strings_;
};

TEST_F(XlsxWriter, HasTheFiveSheetsWithFrozenHeadersAndFilters) {
    const std::string& book = parts_["xl/workbook.xml"];
    for (const char* name : {"Summary", "Activities", "Indicators", "Reports", "Institutions"}) {
        EXPECT_NE(book.find(std::string("name=\"") + name + "\""), std::string::npos) << name;
    }
    for (int sheet = 1; sheet <= 5; ++sheet) {
        const std::string& xml = parts_["xl/worksheets/sheet" + std::to_string(sheet) + ".xml"];
        EXPECT_NE(xml.find("ySplit=\"1\""), std::string::npos) << sheet;
        EXPECT_NE(xml.find("state=\"frozen\""), std::string::npos) << sheet;
        EXPECT_NE(xml.find("<autoFilter ref=\"A1:"), std::string::npos) << sheet;
    }
    EXPECT_NE(parts_["xl/worksheets/sheet2.xml"].find("<autoFilter ref=\"A1:L48\"/>"), std::string::npos);
    EXPECT_NE(parts_["docProps/core.xml"].find(html::EscapeXml(testing::kSampleTitle)), std::string::npos);
}

TEST_F(XlsxWriter, SummaryCountsAreTypedNumbersEqualToTheModel) {
    const ReportModel& m = testing::SampleModel();
    int row = 2;
    for (domain::ActivityStatus s : StatusOrder()) {
        std::string ref = "B" + std::to_string(row++);
        EXPECT_TRUE(IsNumber(1, ref)) << ref;
        EXPECT_EQ(CellValue(1, ref), std::to_string(m.totals.Of(s))) << ref;
    }
    EXPECT_EQ(CellValue(1, "B9"), "47");
    EXPECT_EQ(CellValue(1, "C9"), "1");  // 100 %, formatted as a percentage
}

TEST_F(XlsxWriter, ActivitiesSheetHasEveryActivityWithItsStatusAndDueDate) {
    const ReportModel& m = testing::SampleModel();
    for (size_t i = 0; i < m.activities.size(); ++i) {
        std::string row = std::to_string(i + 2);
        EXPECT_EQ(CellValue(2, "A" + row), m.activities[i].code);
        EXPECT_EQ(CellValue(2, "C" + row), m.activities[i].title);
        EXPECT_EQ(CellValue(2, "D" + row), StatusLabel("ro", m.activities[i].status));
        EXPECT_TRUE(IsNumber(2, "I" + row)) << "the due date is a date serial, row " << row;
    }
    EXPECT_EQ(CellValue(2, "A49"), "");
    // 2019-12-31 is Excel serial 43830.
    for (size_t i = 0; i < m.activities.size(); ++i) {
        if (m.activities[i].due == domain::CivilDate{2019, 12, 31}) {
            EXPECT_EQ(CellValue(2, "I" + std::to_string(i + 2)), "43830");
            break;
        }
    }
}

TEST_F(XlsxWriter, ReportsSheetWritesEveryIndicatorValueAsANumber) {
    const ReportModel& m = testing::SampleModel();
    int row = 2, values = 0;
    for (const ActivityRow& a : m.activities) {
        for (const ReportRow& r : a.reports) {
            const size_t rows = std::max<size_t>(r.values.size(), 1);
            for (size_t v = 0; v < rows; ++v, ++row) {
                const std::string n = std::to_string(row);
                EXPECT_EQ(CellValue(4, "A" + n), a.code) << n;
                EXPECT_EQ(CellValue(4, "C" + n), r.period) << n;
                if (v >= r.values.size()) {
                    EXPECT_EQ(CellValue(4, "H" + n), "") << n;
                    continue;
                }
                EXPECT_EQ(CellValue(4, "G" + n), r.values[v].first) << n;
                EXPECT_TRUE(IsNumber(4, "H" + n)) << "the value is a number, row " << n;
                EXPECT_DOUBLE_EQ(std::stod(CellValue(4, "H" + n)), r.values[v].second) << n;
                ++values;
            }
        }
    }
    EXPECT_GT(values, 10);
    EXPECT_EQ(CellValue(4, "A" + std::to_string(row)), "");  // nothing after the last report
    for (const std::string& text : strings_) {
        EXPECT_EQ(text.find(".000000"), std::string::npos) << "a number written as text: " << text;
    }
}

TEST(WriteXlsx, AReportForARoundAddsARoundSheetWithTypedCounts) {
    domain::Plan plan = testing::SampleActionPlan();
    std::vector<domain::ReportingRound> rounds = testing::SampleRounds();
    for (size_t i = 0; i < rounds.size(); ++i) rounds[i].id = static_cast<int64_t>(i + 1);
    StatusOr<ReportModel> m =
        BuildReportModel(plan, testing::SampleReports(plan), rounds, domain::CivilDate{2018, 1, 30}, {.round_id = 1});
    ASSERT_TRUE(m.ok()) << m.status();
    ASSERT_TRUE(m->round.has_value());
    ASSERT_GT(m->round->expected, 0);
    StatusOr<std::string> xlsx = WriteXlsx(*m, {});
    ASSERT_TRUE(xlsx.ok()) << xlsx.status();
    StatusOr<std::map<std::string, std::string>> parts = testing::Unzip(*xlsx);
    ASSERT_TRUE(parts.ok()) << parts.status();
    EXPECT_NE((*parts)["xl/workbook.xml"].find("name=\"Round\""), std::string::npos);
    StatusOr<std::vector<std::vector<std::string>>> rows = testing::XlsxSheetRows(*parts, 6);
    ASSERT_TRUE(rows.ok()) << rows.status();
    ASSERT_EQ(rows->size(), m->round->institutions.size() + 2);  // header, one row per lead, total
    const std::vector<std::string>& total = rows->back();
    ASSERT_GE(total.size(), 6u);
    EXPECT_EQ(total[0], "2017");
    EXPECT_EQ(total[1], "43130");  // 2018-01-30 as a date serial
    EXPECT_EQ(total[2], "Total");
    EXPECT_EQ(total[3], std::to_string(m->round->expected));
    EXPECT_EQ(total[4], std::to_string(m->round->received));
    EXPECT_EQ(total[5], std::to_string(m->round->on_time));
    // Without a round, the five sheets only.
    EXPECT_EQ(testing::Unzip(*WriteXlsx(testing::SampleModel(), {}))->count("xl/worksheets/sheet6.xml"), 0u);
}

TEST(WriteXlsx, RefusesDocumentsItDoesNotWrite) {
    StatusOr<std::string> xlsx = WriteXlsx(testing::SampleModel(), {.document = DocumentKind::kSocialServicesPlan});
    ASSERT_FALSE(xlsx.ok());
    EXPECT_EQ(xlsx.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace planwatch::reports::xlsx
