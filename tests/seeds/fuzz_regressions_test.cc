// Every input that once crashed a fuzz target (tests/testdata/fuzz-regressions/)
// must now give a Status or a Document from every reader and the front door.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "import/csv/csv_reader.h"
#include "import/docx/docx_reader.h"
#include "import/import.h"
#include "import/pdf/pdf_reader.h"
#include "import/text/text_reader.h"
#include "import/xlsx/xlsx_reader.h"

namespace planwatch {
namespace {

TEST(FuzzRegressions, EveryReaderAnswersEveryPastCrashInput) {
    std::filesystem::path dir = std::filesystem::path(PLANWATCH_SOURCE_DIR) / "tests/testdata/fuzz-regressions";
    int inputs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().filename() == "README.md") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        std::string bytes = buffer.str();
        SCOPED_TRACE(entry.path().filename().string());
        ++inputs;
        (void)import::ReadDocx(bytes).ok();
        (void)import::ReadXlsx(bytes).ok();
        (void)import::ReadCsv(bytes).ok();
        (void)import::ReadPdf(bytes).ok();
        (void)import::text::ReadTabText(bytes).ok();
        (void)import::text::ReadFlattenedText(bytes).ok();
        // As fuzz_import does: the first byte chooses the extension.
        static const char* kNames[] = {"plan.txt", "plan.docx", "plan.pdf", "plan.csv", "plan.xlsx", "plan.json"};
        if (!bytes.empty()) {
            std::string name = kNames[static_cast<unsigned char>(bytes[0]) % 6];
            (void)import::ImportDocument(std::string_view(bytes).substr(1), name).ok();
        }
    }
    EXPECT_GE(inputs, 2);
}

}  // namespace
}  // namespace planwatch
