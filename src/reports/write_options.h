#pragma once
// What a caller may choose when writing a report or an export. Defaults suit the
// evaluation report of a whole plan.
#include <string>

namespace planwatch::reports {

enum class DocumentKind {
    kEvaluation,          // the evaluation report of the plan
    kInstitution,         // what one institution leads, partners on and reported (set institution)
    kSocialServicesPlan,  // the annual social-services plan from plan.services
};

// How PDF is made. kDirect draws with cairo and pango in process (tens of
// milliseconds); kWeasyPrint prints the HTML report through a WeasyPrint
// subprocess (seconds), for deployments that restyle the HTML and want the PDF
// to follow. bench/report_bench.cc measures both.
enum class PdfRenderer { kDirect, kWeasyPrint };

struct WriteOptions {
    DocumentKind document = DocumentKind::kEvaluation;
    std::string institution;       // canonical name, for kInstitution
    bool csv_bom = false;          // start CSV with a UTF-8 BOM, which spreadsheet programs need
    PdfRenderer pdf_renderer = PdfRenderer::kDirect;
    std::string weasyprint = "weasyprint";  // program name or path (pdf)
    int pdf_timeout_seconds = 120;          // the renderer is killed after this (kUnavailable)
    // IATI: the publisher. The ref is the organisation identifier the publisher
    // registered with IATI; the type comes from the OrganisationType codelist
    // (10 government, 11 local government, 15 other public sector).
    std::string iati_reporting_org_ref = "XI-IATI-PLANWATCH";
    std::string iati_reporting_org_type = "11";
    std::string generated_on;  // YYYY-MM-DD shown in the footer; empty: none (outputs stay reproducible)
};

}  // namespace planwatch::reports
