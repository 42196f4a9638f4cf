#include "reports/opendata/csv_writer.h"

#include <gtest/gtest.h>

#include "reports/testing/sample_plan.h"

namespace planwatch::reports::opendata {
namespace {

// A small RFC 4180 reader, to check that what we write reads back.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(field)), field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(std::move(field)), field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

TEST(WriteCsv, WritesOneRowPerActivityThatReadsBack) {
    const ReportModel& m = testing::SampleModel();
    std::string csv = WriteCsv(m, {});
    EXPECT_NE(csv.substr(0, 3), "\xEF\xBB\xBF");
    std::vector<std::vector<std::string>> rows = ParseCsv(csv);
    ASSERT_EQ(rows.size(), 48u);
    EXPECT_EQ(rows[0][0], "plan_title");
    EXPECT_EQ(rows[0].size(), std::size(kCsvColumns));
    StatusCounts counts;
    for (size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), std::size(kCsvColumns)) << i;
        EXPECT_EQ(rows[i][0], testing::kSampleTitle);
        EXPECT_EQ(rows[i][1], m.activities[i - 1].code);
        EXPECT_EQ(rows[i][4], m.activities[i - 1].title);
        for (domain::ActivityStatus s : StatusOrder()) {
            if (rows[i][5] == domain::Name(s)) counts.Add(s);
        }
        EXPECT_EQ(rows[i][17], "2019-03-01");
    }
    EXPECT_EQ(counts.by_status, m.totals.by_status);
    EXPECT_EQ(rows[1][12], "Număr de proiecte\nNumăr de participanți\nRapoarte anuale");
}

TEST(WriteCsv, StartsWithAByteOrderMarkWhenAsked) {
    std::string csv = WriteCsv(testing::SampleModel(), {.csv_bom = true});
    EXPECT_EQ(csv.substr(0, 14), "\xEF\xBB\xBFplan_title,");
}

TEST(CsvField, QuotesOnlyWhatNeedsIt) {
    EXPECT_EQ(CsvField("ISJ Cluj"), "ISJ Cluj");
    EXPECT_EQ(CsvField("a, b"), "\"a, b\"");
    EXPECT_EQ(CsvField("„Știu să aleg” \"x\""), "\"„Știu să aleg” \"\"x\"\"\"");
    EXPECT_EQ(CsvField("line\nbreak"), "\"line\nbreak\"");
}

}  // namespace
}  // namespace planwatch::reports::opendata
