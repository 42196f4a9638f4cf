#pragma once
// Files of a stored plan to download from the web (the reports issue): its open
// data (CSV, planwatch.plan/1 JSON, XLSX, IATI 2.03) and its evaluation report
// (HTML, PDF, DOCX, XLSX), of the whole plan or one institution. Nothing is
// written here: CSV and JSON come from ExportService, everything with computed
// statuses from EvaluationService, so the CLI and the web give the same bytes.
//
// A written document is kept per plan data version (StatusService::ComputeVersioned):
// the statuses are recomputed from the store on every request (milliseconds) and
// the document only when the version differs from the kept one, so an approved
// report shows in the next download, whichever process approved it, while a PDF
// is not rendered again for every visitor. Any thread may call; a document that
// is being written does not hold up the others.
#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/civil_date.h"
#include "services/evaluation_service.h"
#include "services/export_service.h"
#include "services/status_service.h"
#include "storage/store.h"

namespace planwatch::services {

enum class DownloadKind {
    kExport,  // open data: csv | json | xlsx | iati
    kReport,  // the evaluation report: html | pdf | docx | xlsx
};

struct DownloadRequest {
    int64_t plan_id = 0;
    std::string format;
    domain::CivilDate as_of;             // statuses as of this day (reports; xlsx and iati exports)
    std::optional<int64_t> institution;  // reports in html, pdf or docx: the report of this institution
    std::optional<int64_t> round;        // reports: the report for this round of the plan, as of its due date
    bool bom = false;                    // csv: start with the UTF-8 byte order mark spreadsheet programs need
};

struct Download {
    std::shared_ptr<const std::string> bytes;  // shared with the cache: never changed
    std::string media_type;                    // for Content-Type
    std::string file_name;                     // "plan-12-report.pdf", for Content-Disposition
};

class DownloadService {
public:
    // Borrows store, which must outlive the service.
    // rules: the installation's status thresholds, as StatusService takes them.
    explicit DownloadService(storage::Store& store, domain::StatusRules rules = {})
        : exports_(store), evaluations_(store, rules), statuses_(store, rules) {}

    // The formats of each kind, in the order the pages list them.
    static const std::vector<std::string>& Formats(DownloadKind kind);

    // The file. kMalformed (naming the field) for a format not in Formats(kind),
    // bom with another format than csv, institution with an export or xlsx, or
    // round with an export; kNotFound for an unknown plan, round or institution, a
    // round of another plan or an institution the plan does not name;
    // kUnavailable when the PDF renderer cannot run.
    StatusOr<Download> Get(DownloadKind kind, const DownloadRequest& request);

    // About how many bytes Get would answer: the size of the file kept for the same
    // request (of any data version, since a new report changes the size little),
    // else of the last one written for another day, else of the file written now.
    // Errors as Get.
    StatusOr<size_t> SizeHint(DownloadKind kind, const DownloadRequest& request);

private:
    static constexpr size_t kMaxKept = 64;  // documents; seed 000's PDF is a few hundred KB

    Status Check(DownloadKind kind, const DownloadRequest& request) const;
    StatusOr<Download> Write(DownloadKind kind, const DownloadRequest& request);
    StatusOr<Download> WriteFromModel(DownloadKind kind, const DownloadRequest& request);

    ExportService exports_;
    EvaluationService evaluations_;
    StatusService statuses_;

    struct Kept {
        std::string data_version;
        Download download;
        std::list<std::string>::iterator use;  // position in uses_
    };
    std::mutex mutex_;
    std::map<std::string, Kept> kept_;         // GUARDED_BY(mutex_); key: kind, plan, format, day, institution, round
    std::list<std::string> uses_;              // GUARDED_BY(mutex_); keys of kept_, most recently used first
    std::map<std::string, size_t> last_size_;  // GUARDED_BY(mutex_); key: kind, plan, format, institution, bom, round
};

}  // namespace planwatch::services
