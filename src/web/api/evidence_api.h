#pragma once
// Evidence files of progress reports (monitoring issue): an upload adds a file
// to a report (multipart field "file"; the server computes its sha256 and
// stores it once per content), a download gives it back by sha256 to those who
// may read a report carrying it. Permissions, size limit and audit are
// services::ReportService's (Attach, Evidence).
#include "web/context.h"
#include "web/request.h"
#include "web/response.h"

namespace planwatch::web::api {

Response UploadEvidence(const Request& request, RequestContext& ctx);    // POST /api/v1/reports/{id}/evidence
Response DownloadEvidence(const Request& request, RequestContext& ctx);  // GET /api/v1/evidence/{sha256}

// Content-Disposition for a file name of any script: an ASCII fallback and the
// UTF-8 name (RFC 6266 filename*), so "Raport școli.pdf" arrives as named.
std::string AttachmentDisposition(const std::string& file_name);

}  // namespace planwatch::web::api
