#include "import/docx/docx_reader.h"

#include <gtest/gtest.h>

#include "import/ooxml/zip_writer_for_tests.h"

namespace planwatch::import {
namespace {

using ooxml::testing::MakeZip;

constexpr char kNs[] = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string DocumentXml(const std::string& body) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kNs + "><w:body>" + body +
           "</w:body></w:document>";
}

std::string P(const std::string& runs, const std::string& properties = "") {
    return "<w:p>" + (properties.empty() ? "" : "<w:pPr>" + properties + "</w:pPr>") + runs + "</w:p>";
}
std::string R(const std::string& text, bool bold = false) {
    return std::string("<w:r>") + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" + text +
           "</w:t></w:r>";
}
std::string Tc(const std::string& content, const std::string& properties = "") {
    return "<w:tc>" + (properties.empty() ? "" : "<w:tcPr>" + properties + "</w:tcPr>") + content + "</w:tc>";
}

const char kStyles[] = R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Strong"><w:name w:val="Strong Para"/><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="StrongChild"><w:basedOn w:val="Strong"/></w:style>
</w:styles>)";

const char kNumbering[] = R"(<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>)";

std::string Docx(const std::string& body) {
    return MakeZip({{"[Content_Types].xml", "<Types/>"},
                    {"word/document.xml", DocumentXml(body)},
                    {"word/styles.xml", kStyles},
                    {"word/numbering.xml", kNumbering}});
}

std::string Num(int level) {
    return "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"5\"/></w:numPr>";
}

TEST(ReadDocx, ReadsParagraphsWithHeadingsNumbersAndBold) {
    std::string body = P(R("A.1 Prevenirea în "), "<w:pStyle w:val=\"Heading2\"/>") + P(R("ş") + R("coală")) +
                       P("") + P(R("Obiectiv"), Num(0)) + P(R("Activitate"), Num(1)) + P(R("Alta"), Num(1)) +
                       P(R("Al doilea"), Num(0)) + P(R("punct"), "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"6\"/></w:numPr>") +
                       P(R("Totul aldin"), "<w:pStyle w:val=\"StrongChild\"/>") +
                       P("<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>");
    auto doc = ReadDocx(Docx(body));
    ASSERT_TRUE(doc.ok()) << doc.status();
    EXPECT_EQ(doc->format, "docx");
    std::vector<std::string> texts;
    for (const Block& block : doc->blocks) {
        ASSERT_EQ(block.kind, Block::Kind::kParagraph);
        texts.push_back(block.paragraph.text);
    }
    EXPECT_EQ(texts, (std::vector<std::string>{"A.1 Prevenirea în", "școală", "1. Obiectiv", "1.1. Activitate",
                                               "1.2. Alta", "2. Al doilea", "punct", "Totul aldin", "a b\nc"}));
    EXPECT_EQ(doc->blocks[0].paragraph.heading_level, 2);
    EXPECT_EQ(doc->blocks[1].paragraph.heading_level, 0);
    EXPECT_TRUE(doc->blocks[7].paragraph.bold);
    EXPECT_FALSE(doc->blocks[6].paragraph.bold);
    // The empty paragraph is not a block but still counts as a paragraph position.
    EXPECT_EQ(doc->blocks[1].paragraph.where.line, 2);
    EXPECT_EQ(doc->blocks[2].paragraph.where.line, 4);
}

TEST(ReadDocx, ReadsMergedCellsAndBoldLeads) {
    std::string table =
        "<w:tbl><w:tblGrid/>"
        "<w:tr>" + Tc(P(R("Cilj"))) + Tc(P(R("Obdobje")), "<w:gridSpan w:val=\"2\"/>") + Tc(P(R("Institucije"))) + "</w:tr>"
        "<w:tr>" + Tc(P(R("Cilj 1")), "<w:vMerge w:val=\"restart\"/>") + Tc(P(R("X"))) + Tc(P("")) +
            Tc(P(R("MZ", true)) + P(R("NIJZ, ") + R("NVO", true)), "<w:vMerge w:val=\"restart\"/>") + "</w:tr>"
        "<w:tr>" + Tc(P(""), "<w:vMerge/>") + Tc(P("")) + Tc(P(R("X"))) + Tc(P(""), "<w:vMerge/>") + "</w:tr>"
        "<w:tr>" + Tc(P(""), "<w:vMerge/>") + Tc(P(R("X"))) + Tc(P(R("X"))) + Tc(P(R("MZ"))) + "</w:tr>"
        "</w:tbl>";
    auto doc = ReadDocx(Docx(P(R("Poglavje")) + table + P(R("Konec"))));
    ASSERT_TRUE(doc.ok()) << doc.status();
    ASSERT_EQ(doc->blocks.size(), 3u);
    ASSERT_EQ(doc->blocks[1].kind, Block::Kind::kTable);
    const Table& t = doc->blocks[1].table;
    ASSERT_EQ(t.rows.size(), 4u);
    ASSERT_EQ(t.rows[0].cells.size(), 3u);
    EXPECT_EQ(t.rows[0].cells[1].text, "Obdobje");
    EXPECT_EQ(t.rows[0].cells[1].col_span, 2);
    EXPECT_EQ(t.rows[0].cells[2].where.column, 4);
    const Cell& goal = t.rows[1].cells[0];
    EXPECT_EQ(goal.text, "Cilj 1");
    EXPECT_EQ(goal.row_span, 3);
    EXPECT_FALSE(goal.merged_from_above);
    EXPECT_EQ(t.rows[2].cells[0].text, "Cilj 1");
    EXPECT_TRUE(t.rows[2].cells[0].merged_from_above);
    EXPECT_TRUE(t.rows[3].cells[0].merged_from_above);
    const Cell& institutions = t.rows[1].cells[3];
    EXPECT_EQ(institutions.text, "MZ\nNIJZ, NVO");
    EXPECT_EQ(institutions.bold_runs, (std::vector<std::string>{"MZ", "NVO"}));
    EXPECT_FALSE(institutions.bold);
    EXPECT_EQ(institutions.row_span, 2);
    EXPECT_EQ(t.rows[2].cells[3].bold_runs, institutions.bold_runs);
    EXPECT_FALSE(t.rows[3].cells[3].merged_from_above);
    EXPECT_EQ(t.rows[3].cells[3].text, "MZ");
    EXPECT_EQ(t.rows[2].cells[2].where, (CellPosition{0, t.rows[2].cells[2].where.line, 3, 3}));
    EXPECT_EQ(t.where.row, 1);
    EXPECT_EQ(doc->blocks[2].paragraph.text, "Konec");
}

TEST(ReadDocx, SaysWhatIsMissingFromAZipThatIsNotADocx) {
    auto doc = ReadDocx(MakeZip({{"xl/workbook.xml", "<workbook/>"}}));
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(doc.status().message(),
              "not a DOCX file: the ZIP package has no word/document.xml (is it another Office format?)");
}

TEST(ReadDocx, RefusesRandomBytesAndEmptyInput) {
    for (std::string bytes : {std::string(), std::string("\x00\x01\x02\xff garbage", 12), std::string("%PDF-1.7")}) {
        auto doc = ReadDocx(bytes);
        ASSERT_FALSE(doc.ok());
        EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
        EXPECT_EQ(doc.status().message(), "not a DOCX file: expected a ZIP package (starting with \"PK\")");
    }
}

TEST(ReadDocx, RefusesAZipBomb) {
    std::string bomb = MakeZip({{"word/document.xml", "", 1ull << 30}});
    auto doc = ReadDocx(bomb);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(doc.status().message().find("word/document.xml expands to more than"), std::string::npos)
        << doc.status();
}

TEST(ReadDocx, RefusesDeeplyNestedXml) {
    std::string nested;
    for (int i = 0; i < 5000; ++i) nested += "<w:sdt><w:sdtContent>";
    auto doc = ReadDocx(MakeZip({{"word/document.xml", DocumentXml(nested)}}));
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(doc.status().message(),
              "word/document.xml: elements are nested more than 256 deep; refused as hostile XML");
}

TEST(ReadDocx, RefusesAHugeCellWithItsPosition) {
    std::string huge = ooxml::testing::NoisyText(kMaxDocxCellBytes / 2);
    std::string cell = P(R(huge)) + P(R(huge)) + P(R(huge));
    auto doc = ReadDocx(Docx(P(R("x")) + "<w:tbl><w:tr>" + Tc(cell) + "</w:tr></w:tbl>"));
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), StatusCode::kTooLarge);
    EXPECT_EQ(doc.status().message(), "a table cell holds more than 1048576 bytes of text");
    EXPECT_EQ(doc.status().where().line, 2);
}

TEST(ReadDocx, NamesTheOffsetOfMalformedXml) {
    auto doc = ReadDocx(MakeZip({{"word/document.xml", "<w:document><w:body><w:p></w:body>"}}));
    ASSERT_FALSE(doc.ok());
    EXPECT_TRUE(doc.status().message().starts_with("word/document.xml: not well-formed XML at byte"))
        << doc.status();
}

}  // namespace
}  // namespace planwatch::import
