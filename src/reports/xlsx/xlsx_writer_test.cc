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

TEST(WriteXlsx, RefusesDocumentsItDoesNotWrite) {
    StatusOr<std::string> xlsx = WriteXlsx(testing::SampleModel(), {.document = DocumentKind::kSocialServicesPlan});
    ASSERT_FALSE(xlsx.ok());
    EXPECT_EQ(xlsx.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace planwatch::reports::xlsx
