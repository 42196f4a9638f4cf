#pragma once
// Reports as accessible HTML from the templates in web/templates/report/
// (embedded): lang attribute, headings in order, tables with a caption and
// th scope, charts as inline SVG with <title>/<desc> and a data table, print
// CSS with @page and "Pagina N din M" in the report's language. The same HTML
// is what the PDF renderer prints. Any thread may call these.
#include <string>

#include "common/status.h"
#include "reports/document.h"
#include "reports/report_model.h"
#include "reports/write_options.h"

namespace planwatch::reports::html {

// A document as a complete HTML page. kInternal when the template is missing
// from the binary or does not parse (a build mistake).
StatusOr<std::string> RenderHtml(const Document& document, const WriteOptions& options = {});

// The document options.document asks for, as HTML. kNotFound for an unknown institution.
StatusOr<std::string> WriteHtml(const ReportModel& model, const WriteOptions& options);

}  // namespace planwatch::reports::html
