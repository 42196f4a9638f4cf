// Seeds 000 and 002 as DOCX and PDF (tests/testdata/office, made by
// tools/make_fixtures.py) import to the same plan as their text export, apart
// from source positions.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/plan_json.h"
#include "import/import.h"

namespace planwatch {
namespace {

std::string ReadFile(const std::string& relative) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void ZeroLines(std::vector<domain::Node>* nodes) {
    for (domain::Node& node : *nodes) {
        node.source_line = 0;
        ZeroLines(&node.children);
    }
}

// The plan as JSON without what depends on the file: source, positions, warnings.
std::string Comparable(const std::string& relative, const std::string& name) {
    auto result = import::ImportDocument(ReadFile(relative), name);
    EXPECT_TRUE(result.ok()) << relative << ": " << result.status();
    if (!result.ok()) return "";
    domain::Plan plan = result->plan;
    plan.source = {};
    plan.warnings.clear();
    ZeroLines(&plan.nodes);
    return domain::PlanToJson(plan);
}

TEST(OfficeFormats, DocxOfSeed000ImportsToThePlanOfItsText) {
    std::string text = Comparable("samples/000_ffec081ef8fe4e47.txt", "000.txt");
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(Comparable("tests/testdata/office/seed_000.docx", "000.docx"), text);
}

// The strategy chapter title between two chapter tables ("Zmanjševanje povpraševanja
// po drogah", after two blank lines in the export) is a paragraph, not a line of the
// institutions cell above it: tools/make_fixtures.py follows the TAB reader's rule.
TEST(OfficeFormats, DocxOfSeed002ImportsToThePlanOfItsText) {
    std::string text = Comparable("samples/002_8d53b20a0e2536f7.txt", "002.txt");
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(Comparable("tests/testdata/office/seed_002.docx", "002.docx"), text);
}

// Not yet: the PDF layout splits a vertically merged cell's text over the rows it
// spans and narrow period columns wrap "2019-1"; see src/import/pdf/README.md.
TEST(OfficeFormats, DISABLED_PdfOfSeed000ImportsToThePlanOfItsText) {
    EXPECT_EQ(Comparable("tests/testdata/office/seed_000.pdf", "000.pdf"),
              Comparable("samples/000_ffec081ef8fe4e47.txt", "000.txt"));
}

}  // namespace
}  // namespace planwatch
