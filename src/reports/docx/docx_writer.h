#pragma once
// Reports as DOCX (WordprocessingML) written with pugixml and libzip: styles with
// Heading1-4 (so Word and LibreOffice build a navigation outline), tables with a
// repeated header row (w:tblHeader), charts as PNG images with alt text, A4 pages
// numbered "Pagina N din M". Opens in LibreOffice and Word. Any thread may call these.
#include <string>

#include "common/status.h"
#include "reports/document.h"
#include "reports/report_model.h"
#include "reports/write_options.h"

namespace planwatch::reports::docx {

// kInternal when a chart cannot be painted or the package cannot be zipped (bugs).
StatusOr<std::string> RenderDocx(const Document& document);

// The document options.document asks for, as DOCX. kNotFound for an unknown institution.
StatusOr<std::string> WriteDocx(const ReportModel& model, const WriteOptions& options);

}  // namespace planwatch::reports::docx
