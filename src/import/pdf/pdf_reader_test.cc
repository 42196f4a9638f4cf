#include "import/pdf/pdf_reader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/text.h"

namespace planwatch::import {
namespace {

std::string Fixture(const std::string& name) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/tests/testdata/office/" + name, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// A PDF written here, not by a word processor: one content stream per page (PDF
// coordinates, origin bottom left; font /F1 is Helvetica).
std::string PdfOfPages(double width, double height, const std::vector<std::string>& contents) {
    const size_t pages = contents.size();
    // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content per page.
    std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
    std::string kids;
    for (size_t p = 0; p < pages; ++p) {
        size_t page_object = 4 + 2 * p;
        kids += fmt::format("{} 0 R ", page_object);
        objects.push_back(fmt::format("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] /Contents {} 0 R "
                                      "/Resources << /Font << /F1 3 0 R >> >> >>",
                                      width, height, page_object + 1));
        objects.push_back(fmt::format("<< /Length {} >>\nstream\n{}\nendstream", contents[p].size(), contents[p]));
    }
    objects[1] = fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, pages);
    std::string pdf = "%PDF-1.4\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
    }
    size_t xref = pdf.size();
    pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
    for (size_t offset : offsets) pdf += fmt::format("{:010} 00000 n \n", offset);
    pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", objects.size() + 1, xref);
    return pdf;
}

std::string OnePagePdf(double width, double height, const std::string& content) {
    return PdfOfPages(width, height, {content});
}

// Drawing helpers for content streams.
struct Drawing {
    std::string c = "0 0 0 RG 0.5 w\n";
    void Line(int x0, int y0, int x1, int y1) { c += fmt::format("{} {} m {} {} l S\n", x0, y0, x1, y1); }
    void Text(int x, int y, const std::string& words) {
        c += fmt::format("BT /F1 10 Tf {} {} Td ({}) Tj ET\n", x, y, words);
    }
};

// A ruled table: columns at 50 | 150 | 250 | 350, rows at 250 | 220 | 160 | 100
// (PDF y, upwards); column 0 is one cell over rows 1 and 2 (no rule at y 160
// there); one cell wraps, one has two lines.
std::string RuledTableContent() {
    Drawing d;
    d.Line(50, 250, 350, 250);
    d.Line(50, 220, 350, 220);
    d.Line(150, 160, 350, 160);
    d.Line(50, 100, 350, 100);
    for (int x : {50, 150, 250, 350}) d.Line(x, 250, x, 100);
    d.Text(55, 232, "Goal");
    d.Text(155, 232, "Activity");
    d.Text(255, 232, "Lead");
    d.Text(55, 205, "Safer schools");
    // 15 letters of Helvetica's 0.556 em reach 238 of the cell's 245; the next word cannot fit.
    d.Text(155, 205, "aaaaaaaaaaaaaaa");
    d.Text(155, 193, "bbbbb");
    d.Text(255, 205, "MZ");
    d.Text(255, 193, "NIJZ");
    d.Text(155, 145, "Campaign");
    d.Text(255, 145, "NIJZ");
    return d.c;
}

void ExpectTheRuledTable(const Document& doc) {
    ASSERT_EQ(doc.blocks.size(), 1u);
    ASSERT_EQ(doc.blocks[0].kind, Block::Kind::kTable);
    const Table& table = doc.blocks[0].table;
    ASSERT_EQ(table.rows.size(), 3u);
    for (const Row& row : table.rows) ASSERT_EQ(row.cells.size(), 3u);
    EXPECT_EQ(table.rows[0].cells[1].text, "Activity");
    const Cell& goal = table.rows[1].cells[0];
    EXPECT_EQ(goal.text, "Safer schools");
    EXPECT_EQ(goal.row_span, 2);
    EXPECT_FALSE(goal.merged_from_above);
    EXPECT_EQ(table.rows[2].cells[0].text, "Safer schools");
    EXPECT_TRUE(table.rows[2].cells[0].merged_from_above);
    EXPECT_EQ(table.rows[1].cells[1].text, "aaaaaaaaaaaaaaa bbbbb") << "a wrapped line is joined";
    EXPECT_EQ(table.rows[1].cells[2].text, "MZ\nNIJZ") << "a line the next word could have followed is a break";
    EXPECT_EQ(table.rows[2].cells[1].text, "Campaign");
    EXPECT_EQ(table.rows[2].cells[2].where.row, 3);
}

TEST(ReadPdf, ReadsARuledTableWithAMergedCellFromItsBorders) {
    auto doc = ReadPdf(OnePagePdf(400, 300, RuledTableContent()));
    ASSERT_TRUE(doc.ok()) << doc.status();
    ExpectTheRuledTable(*doc);
}

// A page of 200 x 150 inches would be 1.2 billion pixels at 200 dpi: it is
// rendered at 11.5 dpi instead (4 million pixels), and the borders of a table
// of ordinary size are still found.
TEST(ReadPdf, RendersAHugePageCoarserAndStillFindsItsTable) {
    auto doc = ReadPdf(OnePagePdf(400 * 36, 300 * 36, RuledTableContent()));
    ASSERT_TRUE(doc.ok()) << doc.status();
    ExpectTheRuledTable(*doc);
}

TEST(ReadPdf, RefusesBytesThatAreNotAPdf) {
    for (std::string bytes : {std::string(), std::string("PK\x03\x04 a zip"), std::string("\x00\xff\x10", 3)}) {
        auto doc = ReadPdf(bytes);
        ASSERT_FALSE(doc.ok());
        EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
        EXPECT_EQ(doc.status().message(), "not a PDF file: expected \"%PDF-\" within the first 1024 bytes");
    }
}

TEST(ReadPdf, RefusesAPdfHeaderFollowedByGarbage) {
    auto doc = ReadPdf("%PDF-1.7\n\x01\x02 this is not a PDF body at all \xff\xfe");
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(doc.status().message().starts_with("not a readable PDF")) << doc.status();
}

TEST(ReadPdf, RebuildsTheTablesOfSeed000) {
    auto doc = ReadPdf(Fixture("seed_000.pdf"));
    ASSERT_TRUE(doc.ok()) << doc.status();
    EXPECT_EQ(doc->format, "pdf");
    int tables = 0;
    int seven_column_rows = 0;
    bool found_first_activity = false;
    for (const Block& block : doc->blocks) {
        if (block.kind != Block::Kind::kTable) continue;
        ++tables;
        for (const Row& row : block.table.rows) {
            if (row.cells.size() == 7) ++seven_column_rows;
            if (row.cells.size() == 7 && text::Normalize(row.cells[1].text).starts_with("1.1.Implementarea de proiecte de formare")) {
                found_first_activity = true;
                EXPECT_EQ(row.cells[4].text, "Anual");
                EXPECT_EQ(row.cells[5].text, "2020");
                EXPECT_TRUE(row.cells[6].text.starts_with("CPECA Cluj,")) << row.cells[6].text;
                ASSERT_FALSE(row.cells[6].bold_runs.empty());
                // poppler gives a word one font, so the comma after the bold name comes with it.
                EXPECT_TRUE(row.cells[6].bold_runs.front().starts_with("CPECA Cluj")) << row.cells[6].bold_runs[0];
            }
        }
    }
    EXPECT_GE(tables, 9);
    EXPECT_GT(seven_column_rows, 47);
    EXPECT_TRUE(found_first_activity);
}

}  // namespace
}  // namespace planwatch::import

namespace planwatch::import {
namespace {

// A table that goes on over a page break is one table. Page 1 ends with two
// rows whose first column is one merged cell, its text running to the bottom
// border; page 2 starts with the same columns: its first row's first cell goes
// on with that text (lower case, after a line that filled the cell), its second
// cell starts a new row.
TEST(ReadPdf, JoinsATableThatGoesOnOverAPageBreak) {
    Drawing one;
    one.Line(50, 250, 350, 250);
    one.Line(150, 220, 350, 220);
    one.Line(50, 190, 350, 190);
    for (int x : {50, 150, 350}) one.Line(x, 250, x, 190);
    one.Text(55, 240, "Reduce");
    one.Text(55, 229, "harm in all");
    // Ends at 136 of the cell's 145: "schools" (33 wide) does not fit after it.
    one.Text(55, 196, "aaaaaaaaaaaaaa");
    one.Text(155, 240, "Train teachers");
    one.Text(155, 210, "Run a campaign");
    Drawing two;
    two.Line(50, 280, 350, 280);
    two.Line(50, 250, 350, 250);
    for (int x : {50, 150, 350}) two.Line(x, 280, x, 250);
    two.Text(55, 268, "schools");
    two.Text(155, 268, "Count the schools");
    auto doc = ReadPdf(PdfOfPages(400, 300, {one.c, two.c}));
    ASSERT_TRUE(doc.ok()) << doc.status();
    ASSERT_EQ(doc->blocks.size(), 1u) << "one table over two pages";
    const Table& table = doc->blocks[0].table;
    ASSERT_EQ(table.rows.size(), 3u);
    const Cell& goal = table.rows[0].cells[0];
    EXPECT_EQ(goal.text, "Reduce\nharm in all aaaaaaaaaaaaaa schools");
    EXPECT_EQ(goal.row_span, 3);
    EXPECT_EQ(table.rows[2].cells[0].text, goal.text);
    EXPECT_TRUE(table.rows[2].cells[0].merged_from_above);
    EXPECT_EQ(table.rows[2].cells[1].text, "Count the schools");
    EXPECT_EQ(table.rows[2].cells[1].where.page, 2);
    EXPECT_EQ(table.rows[2].cells[1].where.row, 3);
}

}  // namespace
}  // namespace planwatch::import
