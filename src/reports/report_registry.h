#pragma once
// Every report and export writer by format name, so the CLI, the web pages and
// the API offer the same formats without naming writers. Add a format here and
// it appears everywhere.
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "reports/report_model.h"
#include "reports/write_options.h"

namespace planwatch::reports {

using WriterFn = StatusOr<std::string> (*)(const ReportModel&, const WriteOptions&);

struct ReportFormat {
    const char* name;        // "html", "pdf", "docx", "xlsx", "csv", "json", "iati"
    const char* media_type;  // for Content-Type
    const char* extension;   // for file names, with the dot
    bool documents;          // writes the documents of DocumentKind (else plan data only)
    WriterFn write;
};

// In a fixed order: report formats first, then open data.
const std::vector<ReportFormat>& ReportFormats();

// nullptr for an unknown name.
const ReportFormat* FindReportFormat(std::string_view name);

// Writes model in the named format. kInvalidArgument for an unknown format (the
// message lists the known ones) or a document the format does not write;
// otherwise whatever the writer returns (kUnavailable when WeasyPrint is missing,
// kNotFound for an unknown institution).
StatusOr<std::string> WriteReport(std::string_view format, const ReportModel& model, const WriteOptions& options = {});

}  // namespace planwatch::reports
