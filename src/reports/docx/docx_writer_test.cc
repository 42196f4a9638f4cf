#include "reports/docx/docx_writer.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "reports/testing/archive.h"
#include "reports/testing/sample_plan.h"

namespace planwatch::reports::docx {
namespace {

using testing::Count;

std::map<std::string, std::string> Parts(const std::string& docx) {
    StatusOr<std::map<std::string, std::string>> parts = testing::Unzip(docx);
    EXPECT_TRUE(parts.ok()) << parts.status();
    return parts.ok() ? *parts : std::map<std::string, std::string>{};
}

TEST(WriteDocx, WritesAWellFormedPackageWithStylesHeadingsAndHeaderRows) {
    StatusOr<std::string> docx = WriteDocx(testing::SampleModel(), {});
    ASSERT_TRUE(docx.ok()) << docx.status();
    std::map<std::string, std::string> parts = Parts(*docx);
    for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                             "word/_rels/document.xml.rels", "word/footer1.xml", "docProps/core.xml"}) {
        ASSERT_TRUE(parts.count(name)) << name;
        pugi::xml_document xml;
        EXPECT_TRUE(xml.load_string(parts[name].c_str())) << name;
    }
    const std::string& body = parts["word/document.xml"];
    for (const char* style : {"Heading1", "Heading2", "Heading3", "Heading4"}) {
        EXPECT_NE(parts["word/styles.xml"].find(std::string("w:styleId=\"") + style + "\""), std::string::npos);
    }
    EXPECT_EQ(Count(body, "<w:pStyle w:val=\"Heading4\"/>"), 47);
    EXPECT_EQ(Count(body, "<w:pStyle w:val=\"Heading1\"/>"), 1);
    // Every table repeats its header row, but the 47 label-and-value tables of the activities have none.
    EXPECT_EQ(Count(body, "<w:tbl>") - 47, Count(body, "<w:tblHeader/>"));
    // The count tables per pillar (8 number columns) and per institution (9) label them vertically.
    EXPECT_EQ(Count(body, "<w:textDirection w:val=\"btLr\"/>"), 17);
    // Four charts, each a PNG part with alt text.
    int images = 0;
    for (const auto& [name, bytes] : parts) {
        if (name.starts_with("word/media/")) {
            ++images;
            EXPECT_EQ(bytes.substr(1, 3), "PNG") << name;
        }
    }
    EXPECT_EQ(images, 4);
    EXPECT_EQ(Count(body, "<wp:docPr "), 4);
    EXPECT_NE(parts["word/footer1.xml"].find("Pagina "), std::string::npos);
    EXPECT_NE(parts["word/footer1.xml"].find(" NUMPAGES "), std::string::npos);
}

TEST(WriteDocx, OpensInLibreOfficeWithTheTitleEveryActivityAndTheCounts) {
    const ReportModel& m = testing::SampleModel();
    StatusOr<std::string> docx = WriteDocx(m, {});
    ASSERT_TRUE(docx.ok()) << docx.status();
    testing::MaybeDump("evaluation.docx", *docx);
    StatusOr<std::string> pdf = testing::DocxToPdf(*docx);
    if (pdf.ok()) testing::MaybeDump("evaluation-docx.pdf", *pdf);
    ASSERT_TRUE(pdf.ok()) << pdf.status();
    StatusOr<std::string> text = testing::PdfText(*pdf);
    ASSERT_TRUE(text.ok()) << text.status();
    EXPECT_NE(text->find(testing::Squeeze(testing::kSampleTitle)), std::string::npos);
    for (const ActivityRow& a : m.activities) EXPECT_NE(text->find("(" + a.code + ")"), std::string::npos) << a.code;
    EXPECT_NE(text->find("Total 47 100 %"), std::string::npos);
    EXPECT_NE(text->find("Pagina 1 din "), std::string::npos);
}

}  // namespace
}  // namespace planwatch::reports::docx
