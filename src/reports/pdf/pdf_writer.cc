#include "reports/pdf/pdf_writer.h"

#include "reports/html/html_writer.h"
#include "reports/pdf/direct_pdf.h"
#include "reports/pdf/subprocess.h"
#include "reports/scratch.h"

namespace planwatch::reports::pdf {

StatusOr<std::string> HtmlToPdf(const std::string& html, const WriteOptions& options) {
    TempDir dir;
    if (dir.path().empty()) return Unavailable("cannot create a temporary directory for the PDF renderer");
    std::string in = dir.path() + "/report.html", out = dir.path() + "/report.pdf";
    PW_RETURN_IF_ERROR(WriteFile(in, html));
    PW_ASSIGN_OR_RETURN(ProcessResult run,
                        RunProcess({options.weasyprint, "--quiet", "--encoding", "utf-8", in, out}, dir.path(),
                                   options.pdf_timeout_seconds));
    if (run.exit_code != 0) {
        return Unavailable(options.weasyprint + " failed (exit " + std::to_string(run.exit_code) + "): " +
                           run.output.substr(0, 2000));
    }
    PW_ASSIGN_OR_RETURN(std::string pdf, ReadFile(out));
    if (pdf.compare(0, 5, "%PDF-") != 0) return Unavailable(options.weasyprint + " wrote no PDF");
    return pdf;
}

StatusOr<std::string> WritePdf(const ReportModel& model, const WriteOptions& options) {
    if (options.pdf_renderer == PdfRenderer::kDirect) return WritePdfDirect(model, options);
    PW_ASSIGN_OR_RETURN(std::string html, html::WriteHtml(model, options));
    return HtmlToPdf(html, options);
}

}  // namespace planwatch::reports::pdf
