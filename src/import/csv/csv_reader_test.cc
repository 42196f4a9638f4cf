#include "import/csv/csv_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/encoding.h"

namespace planwatch::import {
namespace {

std::vector<std::vector<std::string>> Texts(const Document& doc) {
    std::vector<std::vector<std::string>> out;
    for (const Row& row : doc.blocks.at(0).table.rows) {
        out.emplace_back();
        for (const Cell& cell : row.cells) out.back().push_back(cell.text);
    }
    return out;
}

TEST(SniffCsvDialect, FindsTheDelimiterThatSplitsRowsEvenly) {
    EXPECT_EQ(SniffCsvDialect("a;b;c\n1;2,5;3\n").delimiter, ';');
    EXPECT_EQ(SniffCsvDialect("a,b,c\n1,\"2;5\",3\n").delimiter, ',');
    EXPECT_EQ(SniffCsvDialect("a\tb\n1\t2\n").delimiter, '\t');
    EXPECT_EQ(SniffCsvDialect("a|b|c\nx, y|2|3\n").delimiter, '|');
    CsvDialect single = SniffCsvDialect("'a,b';c\n'd;e';f\n");
    EXPECT_EQ(single.delimiter, ';');
    EXPECT_EQ(single.quote, '\'');
}

TEST(ReadCsv, ReadsQuotedMultiLineFieldsWithPositions) {
    auto doc = ReadCsv("\xEF\xBB\xBFNr;Activitate;Termen\r\n1;\"Seminar \"\"Bune practici\"\";\r\nanual\";2024\r\n\r\n2;x;\r\n");
    ASSERT_TRUE(doc.ok()) << doc.status();
    EXPECT_EQ(doc->format, "csv");
    EXPECT_EQ(Texts(*doc), (std::vector<std::vector<std::string>>{
                               {"Nr", "Activitate", "Termen"},
                               {"1", "Seminar \"Bune practici\";\nanual", "2024"},
                               {"2", "x", ""}}));
    const Table& table = doc->blocks[0].table;
    EXPECT_EQ(table.rows[1].cells[2].where, (CellPosition{0, 3, 2, 3}));
    EXPECT_EQ(table.rows[2].cells[0].where, (CellPosition{0, 5, 4, 1}));
}

TEST(ReadCsv, ReportsAnUnclosedQuoteWhereItOpened) {
    auto doc = ReadCsv("a,b\n1,\"never closed\n2,3\n");
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(doc.status().message(), "CSV quoted field is never closed (expected a closing \")");
    EXPECT_EQ(doc.status().where().line, 2);
    EXPECT_EQ(doc.status().where().column, 2);
}

TEST(ReadCsv, RefusesEmptyInputBinaryAndHugeFields) {
    EXPECT_EQ(ReadCsv("").status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(ReadCsv(" \r\n").status().message(), "CSV file is empty: expected rows of delimited fields");
    auto binary = ReadCsv(std::string("ab\xff\xfe", 4));
    EXPECT_EQ(binary.status().code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(binary.status().message().starts_with("CSV is not UTF-8 at byte 2")) << binary.status();
    auto huge = ReadCsv("a,b\n1,\"" + std::string(kMaxCsvCellBytes + 10, 'x') + "\"\n");
    EXPECT_EQ(huge.status().code(), StatusCode::kTooLarge);
    EXPECT_EQ(huge.status().where().line, 2);
}

TEST(ReadCsv, ReadsTheWindows1250FixtureOnceDecoded) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/tests/testdata/office/activities_cp1250.csv",
                     std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto utf8 = encoding::DecodeToUtf8(bytes.str());
    ASSERT_TRUE(utf8.ok()) << utf8.status();
    auto doc = ReadCsv(*utf8);
    ASSERT_TRUE(doc.ok()) << doc.status();
    auto texts = Texts(*doc);
    ASSERT_EQ(texts.size(), 4u);
    EXPECT_EQ(texts[0], (std::vector<std::string>{"Nr. crt.", "Activitate", "Termen", "Responsabil", "Buget (lei)"}));
    // Cedilla letters of Windows-1250 come out as the comma-below letters.
    EXPECT_EQ(texts[1][1], "Campanie de informare în școli");
    EXPECT_EQ(texts[1][3], "Primăria Brașov");
    EXPECT_EQ(texts[2][1], "Seminar \"Bune practici\";\nîntâlnire anuală");
    EXPECT_EQ(texts[2][3], "DGASPC;\nISJ Brașov");
    EXPECT_EQ(texts[3][4], "");
}

// Found by fuzz_csv: a file of a delimiter only has no record left once blanks are skipped.
TEST(ReadCsv, RefusesAFileOfDelimitersOnly) {
    for (const char* bytes : {"|", ";;;\n;;\n", ",\t,\r\n"}) {
        auto doc = ReadCsv(bytes);
        ASSERT_FALSE(doc.ok()) << bytes;
        EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
        EXPECT_EQ(doc.status().message(), "CSV has no field with text: expected rows of delimited fields");
    }
}

}  // namespace
}  // namespace planwatch::import
