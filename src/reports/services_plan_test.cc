#include <gtest/gtest.h>

#include "reports/document.h"
#include "reports/docx/docx_writer.h"
#include "reports/pdf/pdf_writer.h"
#include "reports/testing/archive.h"
#include "reports/testing/sample_plan.h"

namespace planwatch::reports {
namespace {

ReportModel ServicesModel() {
    StatusOr<ReportModel> m = BuildReportModel(testing::SampleServicesPlan(), {}, {}, domain::CivilDate{2025, 3, 1});
    EXPECT_TRUE(m.ok()) << m.status();
    return *m;
}

const Table* FindTable(const Document& doc, const std::string& id) {
    for (const Block& b : doc.blocks) {
        if (b.kind == Block::Kind::kTable && b.table.id == id) return &b.table;
    }
    return nullptr;
}

TEST(ServicesPlanDocument, ExistingServicesEndWithATotalRowEqualToTheColumnSums) {
    Document doc = BuildServicesPlanDocument(ServicesModel());
    EXPECT_TRUE(doc.landscape);
    const Table* existing = FindTable(doc, "table-existing");
    ASSERT_NE(existing, nullptr);
    ASSERT_EQ(existing->rows.size(), 5u);  // 4 services (one restructuring) + TOTAL
    EXPECT_EQ(existing->rows[0][1].text, "8730 CR-V-I");
    EXPECT_EQ(existing->rows[0][3].text, "persoane vârstnice");
    EXPECT_EQ(existing->rows[0][4].text, "50 locuri");
    EXPECT_EQ(existing->rows[0][5].text, "100 %");
    const std::vector<Cell>& total = existing->rows.back();
    EXPECT_EQ(total[2].text, "TOTAL");
    EXPECT_EQ(total[7].text, "7.976.000");  // county: 2.126.000 + 3.500.000 + 900.000 + 1.450.000
    EXPECT_EQ(total[8].text, "1.100.000");  // state
    EXPECT_EQ(total[9].text, "1.200.000");  // beneficiaries
    EXPECT_EQ(total[6].text, "0");          // local
}

TEST(ServicesPlanDocument, HasTheFiveSectionsOfTheModel) {
    Document doc = BuildServicesPlanDocument(ServicesModel());
    const Table* proposed = FindTable(doc, "table-proposed");
    ASSERT_NE(proposed, nullptr);
    ASSERT_EQ(proposed->rows.size(), 1u);
    EXPECT_EQ(proposed->rows[0][1].text, "Centrul de zi pentru persoane cu dizabilități Turda");
    EXPECT_EQ(proposed->rows[0][5].text, "9");
    const Table* contracting = FindTable(doc, "table-contracting");
    ASSERT_NE(contracting, nullptr);
    EXPECT_EQ(contracting->rows[0][3].text, "85311000-2");
    EXPECT_EQ(contracting->rows[0][4].text, "2.400.000");
    EXPECT_EQ(contracting->rows[0][1].text, "Servicii de asistență socială cu cazare pentru adulți cu dizabilități");
    EXPECT_EQ(contracting->rows[0][5].text, "Buget județean");  // read back as the county's money
    const Table* information = FindTable(doc, "table-information");
    ASSERT_EQ(information->rows.size(), 2u);
    EXPECT_EQ(information->header[3], "Termen");
    EXPECT_EQ(information->rows[1][3].text, "aprilie 2025");
    const Table* training = FindTable(doc, "table-training");
    ASSERT_EQ(training->rows.size(), 1u);
    EXPECT_EQ(training->header[2], "Categoria profesională");
    EXPECT_EQ(training->header[3], "Nr. de persoane");
    EXPECT_EQ(training->rows[0][1].text, "Formare în domeniul prevenirii violenței domestice");
    EXPECT_EQ(training->rows[0][2].text, "personal de specialitate");
    EXPECT_EQ(training->rows[0][5].text, "trimestrul II 2025");
}

TEST(ServicesPlanDocument, RendersAsDocxThatLibreOfficeOpensAndAsPdf) {
    ReportModel m = ServicesModel();
    WriteOptions options{.document = DocumentKind::kSocialServicesPlan};
    StatusOr<std::string> docx = docx::WriteDocx(m, options);
    ASSERT_TRUE(docx.ok()) << docx.status();
    testing::MaybeDump("services.docx", *docx);
    StatusOr<std::string> from_docx = testing::DocxToPdf(*docx);
    ASSERT_TRUE(from_docx.ok()) << from_docx.status();
    StatusOr<std::string> docx_text = testing::PdfText(*from_docx);
    ASSERT_TRUE(docx_text.ok()) << docx_text.status();
    StatusOr<std::string> pdf = pdf::WritePdf(m, options);
    ASSERT_TRUE(pdf.ok()) << pdf.status();
    testing::MaybeDump("services.pdf", *pdf);
    StatusOr<std::string> pdf_text = testing::PdfText(*pdf);
    ASSERT_TRUE(pdf_text.ok()) << pdf_text.status();
    for (const std::string* text : {&*docx_text, &*pdf_text}) {
        EXPECT_NE(text->find("Căminul pentru Persoane Vârstnice Gherla"), std::string::npos);
        EXPECT_NE(text->find("TOTAL"), std::string::npos);
        EXPECT_NE(text->find("7.976.000"), std::string::npos);
        EXPECT_NE(text->find("85311000-2"), std::string::npos);
        EXPECT_NE(text->find("CAPITOLUL III"), std::string::npos);
    }
}

}  // namespace
}  // namespace planwatch::reports
