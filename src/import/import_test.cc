#include "import/import.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/sha256.h"
#include "import/format_registry.h"

namespace planwatch::import {
namespace {

std::string ReadSample(const std::string& name) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string ErrorOf(std::string_view bytes, const std::string& file_name, const ImportOptions& options = {}) {
    StatusOr<ImportResult> result = ImportDocument(bytes, file_name, options);
    EXPECT_FALSE(result.ok());
    return result.ok() ? "" : result.status().ToString();
}

TEST(ImportDocument, RefusesAFileOverTheLimitBeforeReadingIt) {
    const std::string bytes((62u << 20) - 100, 'x');
    StatusOr<ImportResult> result = ImportDocument(bytes, "/tmp/upload/plan.docx");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), StatusCode::kTooLarge);
    EXPECT_EQ(result.status().ToString(), "plan.docx: file is 62 MB; the limit is 50 MB");
}

TEST(ImportDocument, RefusesAnEmptyFile) {
    StatusOr<ImportResult> result = ImportDocument("", "plan.txt");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(result.status().ToString(), "plan.txt: empty file");
}

TEST(ImportDocument, NamesTheKnownExtensionsForAnUnknownOne) {
    std::string known;
    for (const FormatEntry& entry : Formats()) known += "." + std::string(entry.extension) + " ";
    const std::string error = ErrorOf("abc", "plan.odt");
    EXPECT_TRUE(error.starts_with("plan.odt: unknown file type \".odt\": expected .txt")) << error;
    EXPECT_EQ(ErrorOf("abc", "README"), "README: no file extension: expected" + error.substr(error.find(": expected") + 10));
}

TEST(ImportDocument, RefusesBinaryBytesInATextFile) {
    EXPECT_EQ(ErrorOf(std::string("abc\0def", 7), "plan.txt"), "plan.txt: not a text file: binary byte 0x00 at offset 3");
}

#if PLANWATCH_HAVE_DOCX
TEST(ImportDocument, RefusesAPdfNamedDocx) {
    EXPECT_EQ(ErrorOf("%PDF-1.7\n...", "file.docx"),
              "file.docx: expected a DOCX (a ZIP archive) but the content starts with \"%PDF-\"");
}

TEST(ImportDocument, ShowsUnprintableOpeningBytesAsHex) {
    EXPECT_EQ(ErrorOf(std::string("\x7f" "ELF\x02\x01", 6), "plan.DOCX"),
              "plan.DOCX: expected a DOCX (a ZIP archive) but the content starts with \"\\x7FELF\\x02\"");
}
#endif

#if PLANWATCH_HAVE_XLSX
TEST(ImportDocument, RefusesTextNamedXlsx) {
    EXPECT_EQ(ErrorOf("Nr.;Cod;Denumire\n", "plan.xlsx"),
              "plan.xlsx: expected an XLSX (a ZIP archive) but the content starts with \"Nr.;C\"");
}
#endif

#if PLANWATCH_HAVE_JSON
TEST(ImportDocument, RefusesJsonThatIsNotAnObject) {
    EXPECT_EQ(ErrorOf("<html><body>", "plan.json"),
              "plan.json: expected a planwatch.plan/1 JSON document but the content starts with \"<html\"");
}
#endif

TEST(ImportDocument, FillsTheSourceOfATextSeed) {
    const std::string bytes = ReadSample("000_ffec081ef8fe4e47.txt");
    StatusOr<ImportResult> result = ImportDocument(bytes, "samples/000_ffec081ef8fe4e47.txt");
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(result->plan.source.file, "000_ffec081ef8fe4e47.txt");
    EXPECT_EQ(result->plan.source.format, "text");
    // sha256sum samples/000_ffec081ef8fe4e47.txt
    EXPECT_EQ(result->plan.source.sha256, "9e96e9e41fcb9425c430b44731a9df4f57500c29ad487c17faa03917a166a878");
}

TEST(ImportDocument, ReadsTheFlattenedSeedAndKeepsReaderNotesAsWarnings) {
    StatusOr<ImportResult> result = ImportDocument(ReadSample("003_ecb680f06898adfc.txt"), "003.txt");
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(result->plan.source.sha256, "3549c613661c297c8b4a8d3f4e9ef2666a95e679160e4727cd703409548cc3d6");
    int reader_notes = 0;
    for (const domain::PlanWarning& warning : result->plan.warnings) reader_notes += warning.code == "reader_note";
    EXPECT_EQ(reader_notes, 15);  // the table header repeated under 16 of the 17 general objectives
}

TEST(ImportDocument, DecodesALegacyEncodingBeforeReading) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/tests/testdata/encodings/windows1250_000.txt",
                     std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    StatusOr<ImportResult> result = ImportDocument(bytes.str(), "plan-cp1250.txt");
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(result->plan.source.sha256, Sha256Hex(bytes.str()));
}

}  // namespace
}  // namespace planwatch::import
