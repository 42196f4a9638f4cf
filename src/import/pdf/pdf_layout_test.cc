#include "import/pdf/pdf_layout.h"

#include <gtest/gtest.h>

namespace planwatch::import::pdf {
namespace {

constexpr double kHeight = 10;
constexpr double kPitch = 12;

// Words of one line of a table: text per column at the given x positions ("" = nothing).
void AddLine(Page* page, double y, const std::vector<std::pair<double, std::string>>& cells, bool bold = false) {
    for (const auto& [x, text] : cells) {
        if (text.empty()) continue;
        double at = x;
        size_t start = 0;
        while (start <= text.size()) {
            size_t space = text.find(' ', start);
            std::string word = text.substr(start, space == std::string::npos ? std::string::npos : space - start);
            double width = 5.0 * static_cast<double>(word.size());
            page->words.push_back(Word{word, at, y, width, kHeight, bold, space != std::string::npos});
            at += width + 3;
            if (space == std::string::npos) break;
            start = space + 1;
        }
    }
}

TEST(LayoutPages, RebuildsRowsFromTopAlignedCellsAndLinePitch) {
    Page page{600, 800, {}};
    AddLine(&page, 50, {{40, "Title of the plan"}});
    // Header row, then two rows; the first data row's cell in column 1 wraps onto a
    // second line at the normal pitch; rows are one pitch plus a border apart.
    AddLine(&page, 100, {{40, "Goal"}, {200, "Activity"}, {400, "Lead"}}, true);
    AddLine(&page, 100 + kPitch + 0.6, {{40, "Safer schools"}, {200, "Train teachers of all primary schools in"}, {400, "MZ"}});
    AddLine(&page, 100 + 2 * kPitch + 0.6, {{200, "every year"}});
    AddLine(&page, 100 + 3 * kPitch + 1.2, {{200, "Campaign"}, {400, "NIJZ"}});
    AddLine(&page, 300, {{40, "Notes: the responsible institutions report every year to the ministry"}});
    auto blocks = LayoutPages({page});
    ASSERT_EQ(blocks.size(), 3u);
    EXPECT_EQ(blocks[0].kind, Block::Kind::kParagraph);
    EXPECT_EQ(blocks[0].paragraph.text, "Title of the plan");
    ASSERT_EQ(blocks[1].kind, Block::Kind::kTable);
    const Table& table = blocks[1].table;
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_EQ(table.rows[0].cells[0].text, "Goal");
    EXPECT_TRUE(table.rows[0].cells[0].bold);
    EXPECT_EQ(table.rows[1].cells[1].text, "Train teachers of all primary schools in\nevery year");
    EXPECT_EQ(table.rows[2].cells[0].text, "");  // a vertically merged goal shows as empty
    EXPECT_EQ(table.rows[2].cells[1].text, "Campaign");
    EXPECT_EQ(table.rows[2].cells[2].text, "NIJZ");
    EXPECT_EQ(table.rows[2].cells[2].where, (CellPosition{1, 5, 3, 3}));
}

TEST(LayoutPages, ReadsTextCrossingColumnStartsAsASpan) {
    Page page{600, 800, {}};
    AddLine(&page, 100, {{40, "Goal"}, {100, "Period of the work"}, {220, "Lead"}});
    AddLine(&page, 113, {{40, "G1"}, {100, "X"}, {140, ""}, {180, "X"}, {220, "MZ"}});
    AddLine(&page, 126, {{40, "G2"}, {100, ""}, {140, "X"}, {180, ""}, {220, "NIJZ"}});
    AddLine(&page, 139, {{40, "G3"}, {100, ""}, {140, "X"}, {180, "X"}, {220, "MZ"}});
    AddLine(&page, 300, {{40, "Notes: the responsible institutions report every year to the ministry"}});
    auto blocks = LayoutPages({page});
    ASSERT_EQ(blocks.size(), 2u);
    const Table& table = blocks[0].table;
    ASSERT_EQ(table.rows.size(), 4u);
    const Row& header = table.rows[0];
    ASSERT_EQ(header.cells.size(), 3u);
    EXPECT_EQ(header.cells[1].text, "Period of the work");
    EXPECT_EQ(header.cells[1].col_span, 3);
    EXPECT_EQ(header.cells[2].where.column, 5);
    EXPECT_EQ(table.rows[2].cells.size(), 5u);
}

TEST(DropPageFurniture, DropsRepeatedHeadersAndPageNumbers) {
    std::vector<Page> pages(3, Page{600, 800, {}});
    for (int p = 0; p < 3; ++p) {
        AddLine(&pages[p], 20, {{40, "Akcijski načrt 2019-2020"}});
        AddLine(&pages[p], 300, {{40, "Body text " + std::to_string(p)}});
        AddLine(&pages[p], 770, {{290, std::to_string(p + 1)}});
    }
    std::vector<ReaderNote> notes;
    DropPageFurniture(&pages, &notes);
    EXPECT_EQ(notes.size(), 6u);
    EXPECT_EQ(notes[0].message, "dropped running header or footer \"Akcijski načrt 2019-2020\"");
    EXPECT_EQ(notes[1].message, "dropped page number \"1\"");
    auto blocks = LayoutPages(pages);
    ASSERT_EQ(blocks.size(), 3u);
    EXPECT_EQ(blocks[2].paragraph.text, "Body text 2");
}

}  // namespace
}  // namespace planwatch::import::pdf
