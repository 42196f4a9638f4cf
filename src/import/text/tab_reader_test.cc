#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "import/text/text_reader.h"

namespace planwatch::import::text {
namespace {

std::string ReadSample(const std::string& name) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::vector<const Table*> Tables(const Document& doc) {
    std::vector<const Table*> tables;
    for (const Block& block : doc.blocks) {
        if (block.kind == Block::Kind::kTable) tables.push_back(&block.table);
    }
    return tables;
}

// The row of a table whose cell in `column` starts with `prefix`.
const Row* FindRow(const Document& doc, int column, std::string_view prefix) {
    for (const Table* table : Tables(doc)) {
        for (const Row& row : table->rows) {
            for (const Cell& cell : row.cells) {
                if (cell.where.column == column && cell.text.starts_with(prefix)) return &row;
            }
        }
    }
    return nullptr;
}

const Cell* CellAt(const Row& row, int column) {
    for (const Cell& cell : row.cells) {
        if (cell.where.column == column) return &cell;
    }
    return nullptr;
}

TEST(TabReader, ReadsSeed000AsNineTablesOfSevenColumns) {
    StatusOr<Document> doc = ReadTabText(ReadSample("000_ffec081ef8fe4e47.txt"));
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->layout, "tab");
    EXPECT_EQ(doc->format, "text");
    const std::vector<const Table*> tables = Tables(*doc);
    ASSERT_EQ(tables.size(), 9u);
    const std::vector<size_t> rows = {10, 3, 4, 5, 4, 5, 10, 6, 9};
    size_t data_rows = 0;
    for (size_t i = 0; i < tables.size(); ++i) {
        EXPECT_EQ(tables[i]->rows.size(), rows[i]) << "table " << i;
        for (const Row& row : tables[i]->rows) EXPECT_EQ(row.cells.size(), 7u);
        EXPECT_EQ(tables[i]->rows[0].cells[1].text, i == 7 ? "Activități pentru realizarea obiectivelor" : "Activitati");
        data_rows += tables[i]->rows.size() - 1;
    }
    EXPECT_EQ(data_rows, 47u);  // the 47 activities of the plan
    EXPECT_TRUE(doc->notes.empty());
}

TEST(TabReader, PutsEachCellOfSeed000InItsColumn) {
    StatusOr<Document> doc = ReadTabText(ReadSample("000_ffec081ef8fe4e47.txt"));
    ASSERT_TRUE(doc.ok());
    const Row* row = FindRow(*doc, 2, "1.2. Organizarea la nivel local");
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(CellAt(*row, 1)->text, "");  // the specific objective is the one above
    EXPECT_EQ(CellAt(*row, 3)->text, "Un seminar");
    EXPECT_EQ(CellAt(*row, 3)->where.line, 46);
    EXPECT_EQ(CellAt(*row, 3)->where.row, 3);
    EXPECT_EQ(CellAt(*row, 4)->text, "Număr de participanți,\nNumăr de materiale informative realizate");
    EXPECT_EQ(CellAt(*row, 5)->text, "2020");
    EXPECT_TRUE(CellAt(*row, 7)->text.starts_with("CPECA CLUJ, ISJ Cluj, Colegiul Tehnic „Victor Ungureanu”\n"));
    const Row* first = FindRow(*doc, 2, "1.1.Implementarea de proiecte de formare");
    ASSERT_NE(first, nullptr);
    EXPECT_TRUE(CellAt(*first, 1)->text.starts_with("1.Creșterea nivelului de informare"));  // ş read as ș
    EXPECT_EQ(CellAt(*first, 5)->text, "Anual");
    EXPECT_EQ(CellAt(*first, 4)->text, "Implementarea proiectului\nNumăr de participanți la formare");
}

TEST(TabReader, KeepsHeadingsBetweenTablesAsParagraphs) {
    StatusOr<Document> doc = ReadTabText(ReadSample("000_ffec081ef8fe4e47.txt"));
    ASSERT_TRUE(doc.ok());
    std::map<std::string, int> line_of;
    for (const Block& block : doc->blocks) {
        if (block.kind == Block::Kind::kParagraph) line_of[block.paragraph.text] = block.paragraph.where.line;
    }
    EXPECT_EQ(line_of["I. REDUCEREA CERERII DE DROGURI"], 4);
    EXPECT_EQ(line_of["A.1 Prevenirea în școală"], 9);
    EXPECT_EQ(line_of["B 2. Asistența specializată în vederea integrării sociale a consumatorilor de droguri"], 445);
    EXPECT_EQ(line_of["IV. CERCETARE, EVALUARE SI INFORMARE"], 764);
}

TEST(TabReader, ReadsSeed002ChaptersPeriodGridAndAcronyms) {
    StatusOr<Document> doc = ReadTabText(ReadSample("002_8d53b20a0e2536f7.txt"));
    ASSERT_TRUE(doc.ok());
    const std::vector<const Table*> tables = Tables(*doc);
    ASSERT_EQ(tables.size(), 3u);
    int chapters = 0, activities = 0, headers = 0;
    for (size_t i = 0; i < 2; ++i) {
        for (const Row& row : tables[i]->rows) {
            if (row.cells.size() == 1) {
                EXPECT_TRUE(row.cells[0].text.starts_with("Poglavje iz strategije: "));
                EXPECT_EQ(row.cells[0].col_span, 8);
                ++chapters;
            } else if (row.cells.size() == 5) {
                EXPECT_EQ(row.cells[2].text, "Časovno obdobje za realizacijo aktivnosti");
                EXPECT_EQ(row.cells[2].where.column, 3);
                EXPECT_EQ(row.cells[2].col_span, 4);
                EXPECT_EQ(row.cells[4].where.column, 8);
                ++headers;
            } else {
                ASSERT_EQ(row.cells.size(), 8u);
                if (row.cells[2].text != "2019-1") ++activities;
            }
        }
    }
    EXPECT_EQ(chapters, 11);
    EXPECT_EQ(headers, 11);
    EXPECT_EQ(activities, 56);
    const Row* row = FindRow(*doc, 2, "Analiza zakona in potrebnih sprememb");
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(CellAt(*row, 1)->text, "");  // goal shared with the row above
    EXPECT_EQ(CellAt(*row, 5)->text, "X");  // 2020-1
    EXPECT_EQ(CellAt(*row, 4)->text, "");
    EXPECT_EQ(CellAt(*row, 8)->text, "");
    // "Seznam kratic": acronym | name | (gap) | acronym | name
    const Table& acronyms = *tables[2];
    EXPECT_EQ(acronyms.rows.size(), 14u);
    EXPECT_EQ(acronyms.rows[0].cells[0].text, "MZ");
    EXPECT_EQ(acronyms.rows[0].cells[1].text, "Ministrstvo za zdravje");
    EXPECT_EQ(acronyms.rows[0].cells[3].text, "FIHO");
}

TEST(TabReader, ReadsSeed001HeaderSpansAndServiceRows) {
    StatusOr<Document> doc = ReadTabText(ReadSample("001_27bf44580f6e2d5d.txt"));
    ASSERT_TRUE(doc.ok());
    const std::vector<const Table*> tables = Tables(*doc);
    ASSERT_GE(tables.size(), 2u);
    const Table& existing = *tables[0];
    EXPECT_EQ(existing.rows[0].cells.size(), 6u);
    EXPECT_EQ(existing.rows[0].cells[5].col_span, 5);
    EXPECT_EQ(existing.rows[1].cells[6].text, "Buget județean\n(mii lei)");
    const Row* row = FindRow(*doc, 3, "Căminul pentru Persoane Vârstnice Gherla");
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(CellAt(*row, 1)->text, "1.");
    EXPECT_EQ(CellAt(*row, 2)->text, "8730 CR-V-I");
    EXPECT_EQ(CellAt(*row, 4)->text, "50");
    EXPECT_EQ(CellAt(*row, 7)->text, "2126");
    EXPECT_EQ(CellAt(*row, 8)->text, "1267");
    const Row* section = FindRow(*doc, 1, "A.3 Servicii sociale pentru persoane victime");
    ASSERT_NE(section, nullptr);
    EXPECT_EQ(section->cells.size(), 1u);
    EXPECT_EQ(section->cells[0].col_span, 10);
}

TEST(TabReader, TurnsIndentedProseIntoParagraphs) {
    StatusOr<Document> doc = ReadTabText(ReadSample("004_16958f30d03cf6c0.txt"));
    ASSERT_TRUE(doc.ok());
    EXPECT_TRUE(Tables(*doc).empty());
    bool found = false;
    for (const Block& block : doc->blocks) {
        if (block.paragraph.text == "· Mame minore - 4") found = block.paragraph.where.line == 193;
    }
    EXPECT_TRUE(found);
}

TEST(TabReader, ReadsTabSeparatedRows) {
    StatusOr<Document> doc = ReadTabText(
        "Milestones\n\tMilestone\tMeasurement\tTarget date\n\tPortal live\tusers\tJune 2020\n\tReport\tpages\t2021\n");
    ASSERT_TRUE(doc.ok());
    ASSERT_EQ(Tables(*doc).size(), 1u);
    const Table& table = *Tables(*doc)[0];
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_EQ(table.rows[1].cells[2].text, "June 2020");
    EXPECT_EQ(table.rows[1].cells[2].where.line, 3);
    EXPECT_EQ(table.rows[1].cells[2].where.column, 3);
}

TEST(TabReader, NotesARowThatDoesNotFitTheGrid) {
    StatusOr<Document> doc = ReadTabText("\tA\n\tB\n\tC\n\n\ta\n\tb\n\tc\n\n\tx\n\ty\n\n\t1\n\t2\n\t3\n");
    ASSERT_TRUE(doc.ok());
    ASSERT_EQ(Tables(*doc).size(), 1u);
    ASSERT_EQ(doc->notes.size(), 1u);
    EXPECT_EQ(doc->notes[0].where.line, 9);
    EXPECT_EQ(doc->notes[0].message, "row has 2 cells where the table has 3; the last cell is read as spanning the rest");
}

TEST(TabReader, RefusesInvalidUtf8) {
    StatusOr<Document> doc = ReadTabText("\tok\n\t\xff\n");
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().message(), "invalid UTF-8 at offset 5");
}

}  // namespace
}  // namespace planwatch::import::text
