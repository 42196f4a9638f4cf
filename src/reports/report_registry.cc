#include "reports/report_registry.h"

#include "domain/plan_json.h"
#include "reports/docx/docx_writer.h"
#include "reports/html/html_writer.h"
#include "reports/opendata/csv_writer.h"
#include "reports/opendata/iati_writer.h"
#include "reports/pdf/pdf_writer.h"
#include "reports/xlsx/xlsx_writer.h"

namespace planwatch::reports {
namespace {

StatusOr<std::string> Csv(const ReportModel& m, const WriteOptions& o) { return opendata::WriteCsv(m, o); }
StatusOr<std::string> Json(const ReportModel& m, const WriteOptions&) { return domain::PlanToJson(m.plan); }
StatusOr<std::string> Iati(const ReportModel& m, const WriteOptions& o) { return opendata::WriteIati(m, o); }

}  // namespace

const std::vector<ReportFormat>& ReportFormats() {
    static const std::vector<ReportFormat> formats = {
        {"html", "text/html; charset=utf-8", ".html", true, html::WriteHtml},
        {"pdf", "application/pdf", ".pdf", true, pdf::WritePdf},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", true,
         docx::WriteDocx},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", false, xlsx::WriteXlsx},
        {"csv", "text/csv; charset=utf-8", ".csv", false, Csv},
        {"json", "application/json", ".json", false, Json},
        {"iati", "application/xml", ".xml", false, Iati},
    };
    return formats;
}

const ReportFormat* FindReportFormat(std::string_view name) {
    for (const ReportFormat& f : ReportFormats()) {
        if (name == f.name) return &f;
    }
    return nullptr;
}

StatusOr<std::string> WriteReport(std::string_view format, const ReportModel& model, const WriteOptions& options) {
    const ReportFormat* f = FindReportFormat(format);
    if (!f) {
        std::string known;
        for (const ReportFormat& r : ReportFormats()) known += (known.empty() ? "" : ", ") + std::string(r.name);
        return InvalidArgument("unknown report format \"" + std::string(format) + "\"; expected one of " + known);
    }
    if (!f->documents && options.document != DocumentKind::kEvaluation) {
        return InvalidArgument(std::string(f->name) + " writes plan data only; use html, pdf or docx for this document");
    }
    return f->write(model, options);
}

}  // namespace planwatch::reports
