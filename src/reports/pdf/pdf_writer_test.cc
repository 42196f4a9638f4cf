#include "reports/pdf/pdf_writer.h"

#include "reports/pdf/direct_pdf.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "reports/testing/archive.h"
#include "reports/testing/sample_plan.h"

namespace planwatch::reports::pdf {
namespace {


struct Rendered {
    std::string pdf;
    std::string text;
};

// Each renderer's PDF of the sample evaluation report, made once per process.
const Rendered& Render(PdfRenderer renderer) {
    static std::map<PdfRenderer, Rendered> cache;
    auto it = cache.find(renderer);
    if (it != cache.end()) return it->second;
    Rendered r;
    StatusOr<std::string> pdf = WritePdf(testing::SampleModel(), {.pdf_renderer = renderer});
    EXPECT_TRUE(pdf.ok()) << pdf.status();
    if (pdf.ok()) {
        r.pdf = *pdf;
        testing::MaybeDump(renderer == PdfRenderer::kDirect ? "evaluation-direct.pdf" : "evaluation.pdf", r.pdf);
        StatusOr<std::string> text = testing::PdfText(r.pdf);
        EXPECT_TRUE(text.ok()) << text.status();
        if (text.ok()) r.text = *text;
    }
    return cache.emplace(renderer, std::move(r)).first->second;
}

class PdfWriter : public ::testing::TestWithParam<PdfRenderer> {};

TEST_P(PdfWriter, TextHasTheTitleAndEveryActivity) {
    const std::string& text = Render(GetParam()).text;
    EXPECT_NE(text.find(testing::Squeeze(testing::kSampleTitle)), std::string::npos);
    for (const ActivityRow& a : testing::SampleModel().activities) {
        EXPECT_NE(text.find("(" + a.code + ")"), std::string::npos) << a.code;
    }
    EXPECT_NE(text.find("SITUAȚIA LA DATA DE 2019-03-01"), std::string::npos);  // the kicker is set in capitals
    EXPECT_NE(text.find("Total 47 100 %"), std::string::npos);
}

TEST_P(PdfWriter, NumbersEveryPageInRomanian) {
    const Rendered& r = Render(GetParam());
    std::regex page("Pagina (\\d+) din (\\d+)");
    int pages = 0, seen = 0;
    for (auto it = std::sregex_iterator(r.text.begin(), r.text.end(), page); it != std::sregex_iterator(); ++it) {
        ++seen;
        pages = std::stoi((*it)[2]);
        EXPECT_EQ(std::stoi((*it)[1]), seen);
    }
    EXPECT_GT(pages, 3);
    EXPECT_EQ(seen, pages);
    StatusOr<std::string> info = testing::RunTool("pdfinfo in.pdf", "in.pdf", r.pdf);
    ASSERT_TRUE(info.ok()) << info.status();
    EXPECT_NE(info->find("Pages:           " + std::to_string(pages) + "\n"), std::string::npos) << *info;
}

TEST_P(PdfWriter, EmbedsFontsAndBuildsAnOutlineFromTheHeadings) {
    const Rendered& r = Render(GetParam());
    StatusOr<std::string> fonts = testing::RunTool("pdffonts in.pdf", "in.pdf", r.pdf);
    ASSERT_TRUE(fonts.ok()) << fonts.status();
    EXPECT_NE(fonts->find("DejaVu"), std::string::npos) << *fonts;
    EXPECT_EQ(fonts->find(" no "), std::string::npos) << "a font is not embedded:\n" << *fonts;
    EXPECT_NE(r.pdf.find("/Outlines"), std::string::npos);
    // Letters of both plan languages survive into the text layer.
    for (const char* letter : {"ș", "ț", "ă", "î", "â"}) EXPECT_NE(r.text.find(letter), std::string::npos) << letter;
}

TEST_P(PdfWriter, OutlineHoldsEveryHeadingAtItsLevel) {
    StatusOr<std::vector<testing::PdfBookmark>> outline = testing::PdfOutline(Render(GetParam()).pdf);
    ASSERT_TRUE(outline.ok()) << outline.status();
    std::vector<testing::PdfBookmark> want;
    for (const Block& b : BuildEvaluationDocument(testing::SampleModel()).blocks) {
        if (b.kind == Block::Kind::kHeading) want.push_back({b.level - 1, testing::Squeeze(b.text)});
    }
    ASSERT_EQ(want.size(), 60u);  // the title, eight sections, the four pillars, 47 activities
    ASSERT_EQ(outline->size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ((*outline)[i].depth, want[i].depth) << want[i].title;
        EXPECT_EQ(testing::Squeeze((*outline)[i].title), want[i].title) << i;
    }
    // The title on top, the sections under it, a pillar under "Activități", an activity under its pillar.
    EXPECT_EQ((*outline)[0].title, testing::Squeeze(testing::kSampleTitle));
    auto depth_of = [&](const std::string& prefix) {
        for (const testing::PdfBookmark& b : *outline) {
            if (b.title.rfind(prefix, 0) == 0) return b.depth;
        }
        return -1;
    };
    EXPECT_EQ(depth_of("Sinteză"), 1);
    EXPECT_EQ(depth_of("Activități pe piloni"), 2);
    EXPECT_EQ(depth_of("Realizarea indicatorilor"), 1);
    EXPECT_EQ(depth_of("I. "), 2);
    EXPECT_EQ(depth_of("A.1.1 "), 3);
}

INSTANTIATE_TEST_SUITE_P(Renderers, PdfWriter, ::testing::Values(PdfRenderer::kDirect, PdfRenderer::kWeasyPrint),
                         [](const auto& info) {
                             return std::string(info.param == PdfRenderer::kDirect ? "Direct" : "WeasyPrint");
                         });

TEST(RenderPdfDirect, PrintsSlovenianLetters) {
    Document doc{.language = "sl", .title = "Načrt"};
    doc.blocks.push_back(Heading(1, "Načrt čšž ČŠŽ"));
    StatusOr<std::string> pdf = RenderPdfDirect(doc);
    ASSERT_TRUE(pdf.ok()) << pdf.status();
    StatusOr<std::string> text = testing::PdfText(*pdf);
    ASSERT_TRUE(text.ok()) << text.status();
    EXPECT_EQ(*text, "Načrt čšž ČŠŽ Stran 1 od 1 Načrt");
}

TEST(HtmlToPdf, PrintsSlovenianLetters) {
    StatusOr<std::string> pdf = HtmlToPdf(
        "<!DOCTYPE html><html lang=\"sl\"><body style=\"font-family: DejaVu Sans\"><h1>Načrt čšž ČŠŽ</h1></body></html>",
        {});
    ASSERT_TRUE(pdf.ok()) << pdf.status();
    StatusOr<std::string> text = testing::PdfText(*pdf);
    ASSERT_TRUE(text.ok()) << text.status();
    EXPECT_EQ(*text, "Načrt čšž ČŠŽ");
}

TEST(HtmlToPdf, SaysWhenTheRendererIsMissing) {
    StatusOr<std::string> pdf = HtmlToPdf("<p>x</p>", {.weasyprint = "/nonexistent/weasyprint"});
    ASSERT_FALSE(pdf.ok());
    EXPECT_EQ(pdf.status().code(), StatusCode::kUnavailable);
    EXPECT_NE(pdf.status().message().find("/nonexistent/weasyprint: cannot start"), std::string::npos)
        << pdf.status();
}

}  // namespace
}  // namespace planwatch::reports::pdf
