#include "import/pdf/pdf_reader.h"

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
