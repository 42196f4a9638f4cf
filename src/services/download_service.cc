#include "services/download_service.h"

#include <fmt/format.h>

#include <algorithm>

#include "reports/report_registry.h"

namespace planwatch::services {
namespace {

bool Has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

Status Malformed(const char* field, std::string message) {
    return Status(StatusCode::kMalformed, fmt::format("{}: {}", field, std::move(message)),
                  SourcePosition{.field = field});
}

std::string Joined(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& item : list) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// plan-12.csv, plan-12-iati.xml, plan-12-report.pdf, plan-12-report-institution-5.pdf, plan-12-report-round-3.pdf.
std::string FileName(DownloadKind kind, const DownloadRequest& request) {
    const reports::ReportFormat* format = reports::FindReportFormat(request.format);
    std::string name = fmt::format("plan-{}", request.plan_id);
    if (kind == DownloadKind::kReport) name += "-report";
    if (request.institution) name += fmt::format("-institution-{}", *request.institution);
    if (request.round) name += fmt::format("-round-{}", *request.round);
    if (request.format == "iati") name += "-iati";
    return name + (format ? format->extension : "." + request.format);
}

std::string MediaType(const std::string& format) {
    const reports::ReportFormat* found = reports::FindReportFormat(format);
    return found ? found->media_type : "application/octet-stream";
}

// The written documents depend on the statuses; CSV and JSON on the stored plan only.
bool FromModel(DownloadKind kind, const std::string& format) {
    return kind == DownloadKind::kReport || format == "xlsx" || format == "iati";
}

std::string KindName(DownloadKind kind) { return kind == DownloadKind::kReport ? "report" : "export"; }

// A document kept for the plan, kind, format, day, institution and round. A report
// for a round is as of the round's due date, whatever day it was asked on.
std::string KeptKey(DownloadKind kind, const DownloadRequest& request) {
    return fmt::format("{} {} {} {} {} {}", KindName(kind), request.plan_id, request.format,
                       request.round ? std::string("round") : domain::ToString(request.as_of),
                       request.institution.value_or(0), request.round.value_or(0));
}

std::string SizeKey(DownloadKind kind, const DownloadRequest& request) {
    return fmt::format("{} {} {} {} {} {}", KindName(kind), request.plan_id, request.format,
                       request.institution.value_or(0), request.bom, request.round.value_or(0));
}

}  // namespace

const std::vector<std::string>& DownloadService::Formats(DownloadKind kind) {
    static const std::vector<std::string> exports = {"csv", "json", "xlsx", "iati"};
    static const std::vector<std::string> reports = {"pdf", "docx", "html", "xlsx"};
    return kind == DownloadKind::kReport ? reports : exports;
}

Status DownloadService::Check(DownloadKind kind, const DownloadRequest& request) const {
    const std::vector<std::string>& formats = Formats(kind);
    if (!Has(formats, request.format)) {
        return Malformed("format", fmt::format("“{}” is not one of {}", request.format, Joined(formats)));
    }
    if (request.bom && request.format != "csv") return Malformed("bom", "applies to format=csv only");
    if (request.institution && (kind != DownloadKind::kReport || request.format == "xlsx")) {
        return Malformed("institution", "the report of one institution is written as html, pdf or docx");
    }
    if (request.round && kind != DownloadKind::kReport) return Malformed("round", "applies to reports only");
    return Status::Ok();
}

StatusOr<Download> DownloadService::Get(DownloadKind kind, const DownloadRequest& request) {
    PW_RETURN_IF_ERROR(Check(kind, request));
    PW_ASSIGN_OR_RETURN(Download download, Write(kind, request));
    std::lock_guard lock(mutex_);
    last_size_[SizeKey(kind, request)] = download.bytes->size();
    return download;
}

StatusOr<size_t> DownloadService::SizeHint(DownloadKind kind, const DownloadRequest& request) {
    PW_RETURN_IF_ERROR(Check(kind, request));
    {
        // Best the same day's document (of any data version), else the last one written.
        std::lock_guard lock(mutex_);
        if (auto kept = kept_.find(KeptKey(kind, request)); kept != kept_.end()) return kept->second.download.bytes->size();
        if (auto found = last_size_.find(SizeKey(kind, request)); found != last_size_.end()) return found->second;
    }
    PW_ASSIGN_OR_RETURN(Download download, Get(kind, request));
    return download.bytes->size();
}

StatusOr<Download> DownloadService::Write(DownloadKind kind, const DownloadRequest& request) {
    if (FromModel(kind, request.format)) return WriteFromModel(kind, request);
    Download download{.media_type = MediaType(request.format), .file_name = FileName(kind, request)};
    if (request.format == "csv") {
        PW_ASSIGN_OR_RETURN(std::string csv, exports_.Csv({request.plan_id}, {.bom = request.bom}));
        download.bytes = std::make_shared<const std::string>(std::move(csv));
    } else {
        PW_ASSIGN_OR_RETURN(std::string json, exports_.Json(request.plan_id));
        download.bytes = std::make_shared<const std::string>(std::move(json));
    }
    return download;
}

StatusOr<Download> DownloadService::WriteFromModel(DownloadKind kind, const DownloadRequest& request) {
    // The statuses are always read afresh; only the writing, which takes the time, is skipped.
    domain::CivilDate as_of = request.as_of;
    reports::ModelOptions options;
    if (request.round) {
        PW_ASSIGN_OR_RETURN(as_of, evaluations_.RoundDay(request.plan_id, *request.round));
        options.round_id = request.round;
    }
    PW_ASSIGN_OR_RETURN(VersionedModel computed, statuses_.ComputeVersioned(request.plan_id, as_of, options));
    const std::string key = KeptKey(kind, request);
    {
        std::lock_guard lock(mutex_);
        auto found = kept_.find(key);
        if (found != kept_.end() && found->second.data_version == computed.data_version) {
            uses_.splice(uses_.begin(), uses_, found->second.use);
            return found->second.download;
        }
    }
    // Written outside the lock: other downloads go on meanwhile. Two visitors asking
    // for the same new document at once both write it; the second keeps its copy.
    const std::string institution = request.institution ? std::to_string(*request.institution) : "";
    PW_ASSIGN_OR_RETURN(WrittenReport written, evaluations_.Write(computed.model, request.format, institution));
    Download download{.bytes = std::make_shared<const std::string>(std::move(written.bytes)),
                      .media_type = written.media_type,
                      .file_name = FileName(kind, request)};
    std::lock_guard lock(mutex_);
    auto found = kept_.find(key);
    if (found != kept_.end()) {
        uses_.erase(found->second.use);
        kept_.erase(found);
    }
    while (kept_.size() >= kMaxKept && !uses_.empty()) {
        kept_.erase(uses_.back());
        uses_.pop_back();
    }
    uses_.push_front(key);
    kept_.emplace(key, Kept{.data_version = computed.data_version, .download = download, .use = uses_.begin()});
    return download;
}

}  // namespace planwatch::services
