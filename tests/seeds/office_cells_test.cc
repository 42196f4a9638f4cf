// The DOCX and PDF made from seed 000 by tools/make_fixtures.py read into the same
// cells as the TAB export they were made from (the text reader's cells).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/text.h"
#include "import/docx/docx_reader.h"
#include "import/pdf/pdf_reader.h"
#include "import/text/text_reader.h"

namespace planwatch {
namespace {

using import::Block;
using import::Document;

std::string ReadFile(const std::string& relative) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Every table cell in reading order, normalised; cells carried down from a merge
// count as empty, as the text export shows them.
std::vector<std::string> CellTexts(const Document& doc, bool keep_empty) {
    std::vector<std::string> out;
    for (const Block& block : doc.blocks) {
        if (block.kind != Block::Kind::kTable) continue;
        for (const import::Row& row : block.table.rows) {
            for (const import::Cell& cell : row.cells) {
                std::string text = cell.merged_from_above ? "" : text::Normalize(cell.text);
                if (keep_empty || !text.empty()) out.push_back(text);
            }
        }
    }
    return out;
}

Document TabSeed000() {
    auto doc = import::text::ReadTabText(ReadFile("samples/000_ffec081ef8fe4e47.txt"));
    EXPECT_TRUE(doc.ok()) << doc.status();
    return doc.ok() ? *doc : Document{};
}

TEST(OfficeCells, DocxOfSeed000HasTheCellsOfTheTabExport) {
    auto docx = import::ReadDocx(ReadFile("tests/testdata/office/seed_000.docx"));
    ASSERT_TRUE(docx.ok()) << docx.status();
    std::vector<std::string> expected = CellTexts(TabSeed000(), true);
    std::vector<std::string> actual = CellTexts(*docx, true);
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(actual[i], expected[i]) << "cell " << i;
}

TEST(OfficeCells, DocxOfSeed000KeepsMergesAndBoldLeads) {
    auto docx = import::ReadDocx(ReadFile("tests/testdata/office/seed_000.docx"));
    ASSERT_TRUE(docx.ok()) << docx.status();
    int tables = 0, merged = 0, spanning = 0, bold_leads = 0;
    for (const Block& block : docx->blocks) {
        if (block.kind != Block::Kind::kTable) continue;
        ++tables;
        for (size_t r = 1; r < block.table.rows.size(); ++r) {
            const import::Row& row = block.table.rows[r];
            ASSERT_EQ(row.cells.size(), 7u);
            if (row.cells[0].merged_from_above) ++merged;
            if (row.cells[0].row_span > 1) ++spanning;
            if (!row.cells[6].bold_runs.empty() && row.cells[6].text.starts_with(row.cells[6].bold_runs[0])) {
                ++bold_leads;
            }
        }
    }
    EXPECT_EQ(tables, 9);
    EXPECT_GT(merged, 10);
    EXPECT_GT(spanning, 5);
    EXPECT_GE(bold_leads, 47);
}

TEST(OfficeCells, PdfOfSeed000HasTheNonEmptyCellsOfTheTabExport) {
    auto pdf = import::ReadPdf(ReadFile("tests/testdata/office/seed_000.pdf"));
    ASSERT_TRUE(pdf.ok()) << pdf.status();
    // A PDF cannot show empty cells, and a vertically merged cell's text may run
    // past its first row, so compare the texts of non-empty cells as one stream.
    std::string expected, actual;
    for (const std::string& text : CellTexts(TabSeed000(), false)) expected += text + " ";
    for (const std::string& text : CellTexts(*pdf, false)) actual += text + " ";
    std::vector<std::string> expected_cells = CellTexts(TabSeed000(), false);
    std::vector<std::string> actual_cells = CellTexts(*pdf, false);
    size_t same = 0;
    for (const std::string& cell : actual_cells) {
        if (std::find(expected_cells.begin(), expected_cells.end(), cell) != expected_cells.end()) ++same;
    }
    // Measured: how many PDF cells are exactly a cell of the export.
    EXPECT_GT(static_cast<double>(same) / static_cast<double>(expected_cells.size()), 0.9)
        << same << " of " << expected_cells.size() << " cells rebuilt exactly";
    EXPECT_EQ(text::SearchKey(actual).size() > 0.95 * text::SearchKey(expected).size(), true);
}

}  // namespace
}  // namespace planwatch
