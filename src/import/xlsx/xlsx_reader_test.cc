#include "import/xlsx/xlsx_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "import/ooxml/zip_writer_for_tests.h"

namespace planwatch::import {
namespace {

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::vector<std::string> RowTexts(const Row& row) {
    std::vector<std::string> out;
    for (const Cell& cell : row.cells) out.push_back(cell.text);
    return out;
}

TEST(ExcelSerialToIso, ConvertsSerialDaysAndTimes) {
    EXPECT_EQ(ExcelSerialToIso(45292), "2024-01-01");
    EXPECT_EQ(ExcelSerialToIso(1), "1900-01-01");
    EXPECT_EQ(ExcelSerialToIso(61), "1900-03-01");
    EXPECT_EQ(ExcelSerialToIso(45292.75), "2024-01-01T18:00");
    EXPECT_EQ(ExcelSerialToIso(43830, true), "2024-01-01");
    EXPECT_EQ(ExcelSerialToIso(-5), "");
}

TEST(ReadXlsx, ReadsTheHandMadeFixtureWithMergesDatesAndTwoSheets) {
    auto doc = ReadXlsx(ReadFile(std::string(PLANWATCH_SOURCE_DIR) + "/tests/testdata/office/stages_merged.xlsx"));
    ASSERT_TRUE(doc.ok()) << doc.status();
    EXPECT_EQ(doc->format, "xlsx");
    ASSERT_EQ(doc->blocks.size(), 4u);
    EXPECT_EQ(doc->blocks[0].paragraph.text, "Etape");
    EXPECT_EQ(doc->blocks[2].paragraph.text, "Stare");
    const Table& stages = doc->blocks[1].table;
    ASSERT_EQ(stages.rows.size(), 4u);
    EXPECT_EQ(RowTexts(stages.rows[0]), (std::vector<std::string>{"Etapă", "Termen", "Responsabil", "Stadiu"}));
    EXPECT_EQ(RowTexts(stages.rows[1]),
              (std::vector<std::string>{"Etapa 1: analiză", "2024-06-30", "DGASPC Cluj", "75%"}));
    EXPECT_EQ(RowTexts(stages.rows[2]),
              (std::vector<std::string>{"Etapa 2: consultare publică", "2024-09-30", "DGASPC Cluj", "12.5"}));
    EXPECT_EQ(stages.rows[1].cells[2].row_span, 2);
    EXPECT_FALSE(stages.rows[1].cells[2].merged_from_above);
    EXPECT_TRUE(stages.rows[2].cells[2].merged_from_above);
    EXPECT_EQ(stages.rows[2].cells[2].where, (CellPosition{1, 0, 3, 3}));
    // A5:C5 is one cell spanning three columns, then D5.
    EXPECT_EQ(RowTexts(stages.rows[3]), (std::vector<std::string>{"Total etape", "2"}));
    EXPECT_EQ(stages.rows[3].cells[0].col_span, 3);
    EXPECT_EQ(stages.rows[3].cells[1].where.column, 4);
    EXPECT_EQ(RowTexts(doc->blocks[3].table.rows[0]), (std::vector<std::string>{"Plan adoptat", "TRUE"}));
}

TEST(ReadXlsx, ReadsAWorkbookWrittenByLibxlsxwriter) {
    std::string path = (std::filesystem::temp_directory_path() / ("pw_xlsx_" + std::to_string(getpid()) + ".xlsx"));
    lxw_workbook* workbook = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Plan 2024");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* date = workbook_add_format(workbook);
    format_set_num_format(date, "dd.mm.yyyy");
    worksheet_write_string(sheet, 0, 0, "Milestone", bold);
    worksheet_write_string(sheet, 0, 1, "Target date", bold);
    worksheet_write_string(sheet, 0, 2, "Responsible party", bold);
    worksheet_write_string(sheet, 1, 0, "Draft strategy approved", nullptr);
    lxw_datetime when = {2025, 3, 31, 0, 0, 0};
    worksheet_write_datetime(sheet, 1, 1, &when, date);
    worksheet_merge_range(sheet, 1, 2, 2, 2, "Ministry of Health", nullptr);
    worksheet_write_string(sheet, 2, 0, "Public consultation held", nullptr);
    worksheet_write_number(sheet, 2, 1, 1250000.5, nullptr);
    ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
    std::string bytes = ReadFile(path);
    std::filesystem::remove(path);

    auto doc = ReadXlsx(bytes);
    ASSERT_TRUE(doc.ok()) << doc.status();
    ASSERT_EQ(doc->blocks.size(), 2u);
    EXPECT_EQ(doc->blocks[0].paragraph.text, "Plan 2024");
    const Table& table = doc->blocks[1].table;
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_TRUE(table.rows[0].cells[0].bold);
    EXPECT_EQ(table.rows[0].cells[0].bold_runs, (std::vector<std::string>{"Milestone"}));
    EXPECT_EQ(RowTexts(table.rows[1]),
              (std::vector<std::string>{"Draft strategy approved", "2025-03-31", "Ministry of Health"}));
    EXPECT_EQ(RowTexts(table.rows[2]),
              (std::vector<std::string>{"Public consultation held", "1250000.5", "Ministry of Health"}));
    EXPECT_TRUE(table.rows[2].cells[2].merged_from_above);
}

TEST(ReadXlsx, RefusesWhatIsNotAWorkbook) {
    auto docx = ReadXlsx(ooxml::testing::MakeZip({{"word/document.xml", "<w:document/>"}}));
    ASSERT_FALSE(docx.ok());
    EXPECT_EQ(docx.status().message(),
              "not an XLSX file: the ZIP package has no xl/workbook.xml (is it another Office format?)");
    auto text = ReadXlsx("Etapă;Termen\n");
    EXPECT_EQ(text.status().code(), StatusCode::kInvalidArgument);
    auto missing_sheet = ReadXlsx(ooxml::testing::MakeZip(
        {{"xl/workbook.xml", "<workbook><sheets><sheet name=\"A\" r:id=\"rId1\"/></sheets></workbook>"}}));
    EXPECT_EQ(missing_sheet.status().message(), "XLSX part xl/worksheets/sheet1.xml is missing");
}

TEST(ReadXlsx, RefusesAWholeSheetMerge) {
    auto doc = ReadXlsx(ooxml::testing::MakeZip(
        {{"xl/workbook.xml", "<workbook><sheets><sheet name=\"A\"/></sheets></workbook>"},
         {"xl/worksheets/sheet1.xml",
          "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>"
          "<mergeCells><mergeCell ref=\"A1:XFD1048576\"/></mergeCells></worksheet>"}}));
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(doc.status().message(), "xl/worksheets/sheet1.xml: merged ranges cover more than 1000000 cells");
}

}  // namespace
}  // namespace planwatch::import
