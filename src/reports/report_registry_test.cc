#include "reports/report_registry.h"

#include <gtest/gtest.h>

#include "domain/plan_json.h"
#include "reports/testing/sample_plan.h"

namespace planwatch::reports {
namespace {

TEST(ReportRegistry, KnowsEveryFormatOnce) {
    std::vector<std::string> names;
    for (const ReportFormat& f : ReportFormats()) names.push_back(f.name);
    EXPECT_EQ(names, (std::vector<std::string>{"html", "pdf", "docx", "xlsx", "csv", "json", "iati"}));
    EXPECT_STREQ(FindReportFormat("docx")->extension, ".docx");
    EXPECT_EQ(FindReportFormat("odt"), nullptr);
}

TEST(ReportRegistry, NamesTheKnownFormatsForAnUnknownOne) {
    StatusOr<std::string> out = WriteReport("odt", testing::SampleModel());
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(out.status().message(),
              "unknown report format \"odt\"; expected one of html, pdf, docx, xlsx, csv, json, iati");
}

TEST(ReportRegistry, JsonIsTheCanonicalPlan) {
    const ReportModel& m = testing::SampleModel();
    StatusOr<std::string> json = WriteReport("json", m);
    ASSERT_TRUE(json.ok()) << json.status();
    EXPECT_EQ(*json, domain::PlanToJson(m.plan));
    StatusOr<domain::Plan> back = domain::PlanFromJson(*json);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(domain::CountActivities(*back), 47);
}

TEST(ReportRegistry, DataFormatsRefuseDocumentsTheyDoNotWrite) {
    WriteOptions options{.document = DocumentKind::kInstitution, .institution = "ISJ Cluj"};
    StatusOr<std::string> csv = WriteReport("csv", testing::SampleModel(), options);
    ASSERT_FALSE(csv.ok());
    EXPECT_EQ(csv.status().code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(WriteReport("html", testing::SampleModel(), options).ok());
}

TEST(ReportRegistry, EveryFormatCarriesTheTitleOrItsActivities) {
    const ReportModel& m = testing::SampleModel();
    for (const char* format : {"html", "csv", "json", "iati"}) {
        StatusOr<std::string> out = WriteReport(format, m);
        ASSERT_TRUE(out.ok()) << format << ": " << out.status();
        EXPECT_NE(out->find("PLANUL DE ACȚIUNE pentru implementarea"), std::string::npos) << format;
        for (const ActivityRow& a : m.activities) {
            EXPECT_NE(out->find("(" + a.code + ")"), std::string::npos) << format << " " << a.code;
        }
    }
}

}  // namespace
}  // namespace planwatch::reports
