#pragma once
// Reports as PDF, by either renderer (write_options.h PdfRenderer): drawn
// directly (direct_pdf.h), or the report's HTML (html/) printed by WeasyPrint in
// a subprocess, which turns h1..h4 into the PDF outline, prints the @page footer
// "Pagina N din M" and embeds the DejaVu fonts (ș ț ă î â č š ž). Any thread may
// call these; each WeasyPrint call has its own temporary directory.
#include <string>

#include "common/status.h"
#include "reports/report_model.h"
#include "reports/write_options.h"

namespace planwatch::reports::pdf {

// The HTML page rendered to PDF bytes. kUnavailable when WeasyPrint is missing,
// fails (its output is in the message) or runs past options.pdf_timeout_seconds.
StatusOr<std::string> HtmlToPdf(const std::string& html, const WriteOptions& options);

// The document options.document asks for, as PDF, by options.pdf_renderer.
// kNotFound for an unknown institution; kUnavailable as HtmlToPdf.
StatusOr<std::string> WritePdf(const ReportModel& model, const WriteOptions& options);

}  // namespace planwatch::reports::pdf
