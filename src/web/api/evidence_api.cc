#include "web/api/evidence_api.h"

#include <cstdlib>
#include <optional>

#include "services/report_service.h"
#include "web/api/json_body.h"
#include "web/http_errors.h"
#include "web/portal_data.h"

namespace planwatch::web::api {
namespace {

// The "file" part and the optional "version" field of a multipart body.
struct UploadForm {
    services::EvidenceUpload upload;
    std::optional<int> version;
};

StatusOr<UploadForm> ReadUploadForm(const Request& request) {
    const std::string content_type = request.Header("content-type");
    if (content_type.rfind("multipart/form-data", 0) != 0) {
        return Status(StatusCode::kMalformed, "send the file as multipart/form-data, field \"file\"",
                      SourcePosition{.field = "file"});
    }
    PW_ASSIGN_OR_RETURN(std::vector<FormPart> parts, ParseMultipart(content_type, request.body));
    UploadForm form;
    bool has_file = false;
    for (FormPart& part : parts) {
        if (part.name == "file" && !has_file) {
            form.upload = {.file_name = part.file_name, .media_type = part.content_type, .bytes = std::move(part.data)};
            has_file = true;
        } else if (part.name == "version") {
            char* end = nullptr;
            long version = std::strtol(part.data.c_str(), &end, 10);
            if (part.data.empty() || *end != '\0' || version <= 0) {
                return FieldError("version", "expected the version the upload was made on (from GET)");
            }
            form.version = static_cast<int>(version);
        }
    }
    if (!has_file) {
        return Status(StatusCode::kMalformed, "the multipart body has no \"file\" part", SourcePosition{.field = "file"});
    }
    return form;
}

}  // namespace

std::string AttachmentDisposition(const std::string& file_name) {
    std::string ascii;
    for (unsigned char c : file_name) ascii += c < 0x20 || c >= 0x7f || c == '"' || c == '\\' ? '_' : char(c);
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + UrlEncode(file_name);
}

Response UploadEvidence(const Request& request, RequestContext& ctx) {
    StatusOr<int64_t> id = PathId(request, "id");
    if (!id.ok()) return ErrorResponse(id.status());
    StatusOr<UploadForm> form = ReadUploadForm(request);
    if (!form.ok()) return ErrorResponse(form.status());
    StatusOr<domain::ProgressReport> report =
        ctx.services.progress_reports().Attach(*id, form->upload, form->version, ActorOf(ctx));
    if (!report.ok()) return ErrorResponse(report.status());
    ctx.portal.Invalidate();
    return Response{.status = 201, .body = services::ReportJson(*report) + "\n"};
}

Response DownloadEvidence(const Request& request, RequestContext& ctx) {
    StatusOr<services::EvidenceDownload> file =
        ctx.services.progress_reports().Evidence(request.PathParam("sha256"), ActorOf(ctx));
    if (!file.ok()) return ErrorResponse(file.status());
    // Always an attachment: an uploaded HTML file must not open as a page of this site.
    Response response{.content_type = file->media_type, .body = std::move(file->bytes)};
    response.headers.emplace_back("Content-Disposition", AttachmentDisposition(file->file_name));
    return response;
}

}  // namespace planwatch::web::api
