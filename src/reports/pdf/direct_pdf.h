#pragma once
// Reports as PDF drawn directly with cairo and pango, in process: A4 pages,
// headings in the PDF outline, tables that repeat their header row on every
// page they cross, charts as vectors, "Pagina N din M" footers, DejaVu fonts
// embedded (subset) so ș ț ă î â č š ž print anywhere. Tens of milliseconds
// where the WeasyPrint route takes seconds. Any thread may call it.
#include <string>

#include "common/status.h"
#include "reports/document.h"
#include "reports/report_model.h"
#include "reports/write_options.h"

namespace planwatch::reports::pdf {

// kInternal when cairo reports an error (a bug or no memory).
StatusOr<std::string> RenderPdfDirect(const Document& document);

// The document options.document asks for. kNotFound for an unknown institution.
StatusOr<std::string> WritePdfDirect(const ReportModel& model, const WriteOptions& options);

}  // namespace planwatch::reports::pdf
