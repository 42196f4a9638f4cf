// Seed 000 (Cluj anti-drug plan, 47 activities) through every report and export
// format: each carries the title, all 47 activities and the model's counts.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "reports/report_registry.h"
#include "reports/testing/archive.h"
#include "reports/testing/sample_plan.h"
#include "seed_helpers.h"

namespace planwatch::seeds {
namespace {

using reports::ReportModel;

const ReportModel& Seed000Model() {
    static const ReportModel model = [] {
        domain::Plan plan = ImportSeed("000_ffec081ef8fe4e47.txt");
        StatusOr<ReportModel> m = reports::BuildReportModel(plan, reports::testing::SampleReports(plan),
                                                            reports::testing::SampleRounds(),
                                                            domain::CivilDate{2019, 3, 1});
        EXPECT_TRUE(m.ok()) << m.status();
        return m.ok() ? *m : ReportModel{};
    }();
    return model;
}

std::string Write(const char* format) {
    StatusOr<std::string> out = reports::WriteReport(format, Seed000Model());
    EXPECT_TRUE(out.ok()) << format << ": " << out.status();
    return out.ok() ? *out : "";
}

TEST(Seed000Reports, ModelCountsAll47Activities) {
    const ReportModel& m = Seed000Model();
    EXPECT_EQ(m.activities.size(), 47u);
    EXPECT_EQ(m.totals.total, 47);
    ASSERT_EQ(m.by_pillar.size(), 4u);
    int sum = 0;
    for (const auto& p : m.by_pillar) sum += p.counts.total;
    EXPECT_EQ(sum, 47);
}

TEST(Seed000Reports, HtmlAndDirectPdfCarryTitleAndEveryActivityHeading) {
    const ReportModel& m = Seed000Model();
    std::string html = Write("html");
    EXPECT_NE(html.find(m.plan.title), std::string::npos);
    EXPECT_EQ(reports::testing::Count(html, "<h4 "), 47);
    StatusOr<std::string> text = reports::testing::PdfText(Write("pdf"));
    ASSERT_TRUE(text.ok()) << text.status();
    EXPECT_NE(text->find(reports::testing::Squeeze(m.plan.title)), std::string::npos);
    EXPECT_NE(text->find("Total 47 100 %"), std::string::npos);
    for (const reports::ActivityRow& a : m.activities) {
        std::string words = reports::testing::Squeeze(a.title).substr(0, 25);
        EXPECT_NE(text->find(a.code + " " + words.substr(0, words.rfind(' '))), std::string::npos) << a.code;
    }
}

TEST(Seed000Reports, CsvHas47RowsAndIatiHas47Activities) {
    std::string csv = Write("csv");
    EXPECT_EQ(reports::testing::Count(csv, "\r\n"), 48);  // header + 47; line breaks inside fields are bare \n
    pugi::xml_document xml;
    ASSERT_TRUE(xml.load_string(Write("iati").c_str()));
    int activities = 0;
    for (pugi::xml_node a : xml.child("iati-activities").children("iati-activity")) {
        ++activities;
        EXPECT_TRUE(a.child("participating-org")) << activities;
    }
    EXPECT_EQ(activities, 47);
}

}  // namespace
}  // namespace planwatch::seeds
