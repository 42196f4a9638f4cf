#include "reports/html/html_writer.h"

#include <gtest/gtest.h>

#include <regex>

#include "reports/labels.h"
#include "reports/testing/archive.h"
#include "reports/testing/sample_plan.h"

namespace planwatch::reports::html {
namespace {

using testing::Count;
using testing::SampleModel;

std::string Html(const ReportModel& m, WriteOptions options = {}) {
    StatusOr<std::string> html = WriteHtml(m, options);
    EXPECT_TRUE(html.ok()) << html.status();
    return html.ok() ? *html : "";
}

TEST(WriteHtml, CarriesTitleLanguageAndEveryActivity) {
    const ReportModel& m = SampleModel();
    std::string html = Html(m);
    testing::MaybeDump("evaluation.html", html);
    EXPECT_NE(html.find("<html lang=\"ro\">"), std::string::npos);
    EXPECT_NE(html.find("<h1 id=\"top\">" + std::string(testing::kSampleTitle) + "</h1>"), std::string::npos);
    EXPECT_EQ(Count(html, "<h4 "), 47);
    for (size_t i = 0; i < m.activities.size(); ++i) {
        const ActivityRow& a = m.activities[i];
        EXPECT_NE(html.find("<h4 id=\"a-" + std::to_string(i + 1) + "\">" + a.code + " " + a.title + "</h4>"),
                  std::string::npos) << a.code;
    }
}

TEST(WriteHtml, StatusTableShowsTheModelCounts) {
    const ReportModel& m = SampleModel();
    std::string html = Html(m);
    for (domain::ActivityStatus s : StatusOrder()) {
        std::string row = "<th scope=\"row\" class=\"st-" + std::string(domain::Name(s)) + "\">" + StatusLabel("ro", s) +
                          "</th><td class=\"num\">" + std::to_string(m.totals.Of(s)) + "</td>";
        EXPECT_NE(html.find(row), std::string::npos) << row;
    }
    EXPECT_NE(html.find("<th scope=\"row\" class=\"\">Total</th><td class=\"num\">47</td>"), std::string::npos);
}

TEST(WriteHtml, IsAccessibleHeadingsInOrderTablesCaptionedChartsDescribed) {
    std::string html = Html(SampleModel());
    // Headings never skip a level going down.
    std::regex heading("<h([1-6])[ >]");
    int previous = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), heading); it != std::sregex_iterator(); ++it) {
        int level = std::stoi((*it)[1]);
        EXPECT_LE(level, previous + 1) << "h" << level << " after h" << previous;
        previous = level;
    }
    EXPECT_EQ(Count(html, "<table "), Count(html, "<caption>"));
    EXPECT_EQ(Count(html, "<th scope=\"col\">") + Count(html, "<th scope=\"row\""), Count(html, "<th "));
    int charts = Count(html, "<svg ");
    EXPECT_EQ(charts, 4);  // status, completeness, achievement, timeline
    EXPECT_EQ(Count(html, "role=\"img\""), charts);
    EXPECT_EQ(Count(html, "<title id=\"chart-"), charts);
    EXPECT_EQ(Count(html, "<desc id=\"chart-"), charts);
    EXPECT_NE(html.find("aria-describedby=\"table-status\""), std::string::npos);
}

TEST(WriteHtml, PrintsPageNumbersInTheReportLanguage) {
    std::string html = Html(SampleModel());
    EXPECT_NE(html.find("@page"), std::string::npos);
    EXPECT_NE(html.find("content: \"Pagina \" counter(page) \" din \" counter(pages)"), std::string::npos);
}

TEST(WriteHtml, EscapesTextFromThePlan) {
    domain::Plan plan = testing::SampleActionPlan(3);
    plan.title = "Plan <script>alert(\"x\")</script> & co";
    StatusOr<ReportModel> m = BuildReportModel(plan, {}, {}, domain::CivilDate{2018, 1, 1});
    ASSERT_TRUE(m.ok()) << m.status();
    std::string html = Html(*m);
    testing::MaybeDump("escaped.html", html);
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(html.find("Plan &lt;script&gt;"), std::string::npos);
    // The footer repeats the title inside a CSS string, where HTML escaping does not apply.
    EXPECT_NE(html.find("content: \"Raport de evaluare — Plan \\3c script>alert(\\\"x\\\")\\3c /script> & co\""), std::string::npos);
}

TEST(WriteHtml, InstitutionReportListsWhatItLedAndReported) {
    const ReportModel& m = SampleModel();
    const InstitutionSummary* cpeca = m.FindInstitution("CPECA Cluj");
    ASSERT_NE(cpeca, nullptr);
    std::string html = Html(m, {.document = DocumentKind::kInstitution, .institution = "CPECA Cluj"});
    EXPECT_NE(html.find("<h1 id=\"top\">CPECA Cluj</h1>"), std::string::npos);
    for (int index : cpeca->led) {
        EXPECT_NE(html.find("(" + m.activities[index].code + ")"), std::string::npos);
    }
    EXPECT_EQ(Count(html, "<tr>") - 1 /*header*/ - 8 /*record rows*/ - 1 - 1 - 1 /*other headers*/,
              static_cast<int>(cpeca->led.size() + cpeca->partnered.size()) + cpeca->approved_reports);
    StatusOr<std::string> unknown = WriteHtml(m, {.document = DocumentKind::kInstitution, .institution = "Nimeni"});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace planwatch::reports::html
