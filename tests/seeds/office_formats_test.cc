// Seeds 000 and 002 as DOCX, and seed 000 as PDF (tests/testdata/office, made by
// tools/make_fixtures.py) import to the same plan as their text export, apart
// from source positions.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
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

// The items of a list cell with its separators and spaces gone: what must survive
// whatever the line breaks.
std::string Squashed(const nlohmann::json& items, const char* field) {
    std::string out;
    for (const nlohmann::json& item : items) {
        std::string text = field ? item.value(field, "") : item.get<std::string>();
        for (char c : text) {
            if (c != ' ' && c != '\n' && c != ',' && c != ';') out += c;
        }
    }
    return out;
}

void CollectActivities(nlohmann::json& nodes, std::vector<nlohmann::json*>* out) {
    for (nlohmann::json& node : nodes) {
        if (node.value("kind", "") == "activity") out->push_back(&node);
        if (node.contains("children")) CollectActivities(node["children"], out);
    }
}

// The PDF is read from its ruling lines (src/import/pdf/pdf_rules.h): merged cells,
// wrapped lines joined. A line break that the source put exactly where the text
// wraps anyway leaves no trace in a PDF; those cells read as one item where the
// text has two. The activities where that happens are named, so that a change
// either way shows; in them the words must still be the same, in the same order
// (indicators follow from the results, so they differ with them).
TEST(OfficeFormats, PdfOfSeed000ImportsToThePlanOfItsText) {
    std::string text_json = Comparable("samples/000_ffec081ef8fe4e47.txt", "000.txt");
    std::string pdf_json = Comparable("tests/testdata/office/seed_000.pdf", "000.pdf");
    ASSERT_FALSE(text_json.empty());
    ASSERT_FALSE(pdf_json.empty());
    nlohmann::json text = nlohmann::json::parse(text_json), pdf = nlohmann::json::parse(pdf_json);
    std::vector<nlohmann::json*> text_activities, pdf_activities;
    CollectActivities(text["nodes"], &text_activities);
    CollectActivities(pdf["nodes"], &pdf_activities);
    ASSERT_EQ(text_activities.size(), 47u);
    ASSERT_EQ(pdf_activities.size(), 47u);
    std::vector<std::string> differing;
    for (size_t i = 0; i < text_activities.size(); ++i) {
        nlohmann::json& t = *text_activities[i];
        nlohmann::json& p = *pdf_activities[i];
        if (t == p) continue;
        std::string where = t.value("code", "") + " " + t.value("title", "").substr(0, 24);
        differing.push_back(where);
        EXPECT_EQ(Squashed(p["results"], nullptr), Squashed(t["results"], nullptr)) << where;
        EXPECT_EQ(Squashed(p["responsible"], "institution"), Squashed(t["responsible"], "institution")) << where;
        for (const char* field : {"results", "responsible", "indicators"}) {
            t.erase(field);
            p.erase(field);
        }
        EXPECT_EQ(p.dump(1), t.dump(1)) << where << ": only list cells may differ";
    }
    EXPECT_EQ(differing, (std::vector<std::string>{
                             "1.7 Implementarea de proiect",
                             "2.1 Implementarea de proiect",
                             "3.5 Orientarea investigații",
                             "7.5 Formarea unei rețele de",
                         }));
    // Institutions: the text's, plus at most the names the joined cells run together.
    std::set<std::string> text_names, pdf_names;
    for (const nlohmann::json& i : text["institutions"]) text_names.insert(i.value("name", ""));
    for (const nlohmann::json& i : pdf["institutions"]) pdf_names.insert(i.value("name", ""));
    for (const std::string& name : text_names) EXPECT_TRUE(pdf_names.count(name)) << name;
    EXPECT_LE(pdf_names.size(), text_names.size() + 1);
    text.erase("institutions");
    pdf.erase("institutions");
    EXPECT_EQ(pdf.dump(1), text.dump(1)) << "pillars, areas, sections and every activity as listed above";
}

}  // namespace
}  // namespace planwatch
