#pragma once
// Progress reports and their review: draft -> submitted -> approved, or
// returned with a comment -> edited -> resubmitted. An edit after approval
// starts a new revision (the approved state is kept in progress_revision), and
// every edit names the version it was made on, so a concurrent writer is told
// (kConflict) instead of silently overwritten. A reporter writes only for
// activities its institution leads or partners on; coordinators review. Each
// write is one transaction with an audit event.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/monitoring.h"
#include "services/actor.h"
#include "storage/store.h"

namespace planwatch::services {

// A file a writer attaches to a report. Its sha256 is computed by the service,
// never taken from the client; the bytes are stored once per content.
struct EvidenceUpload {
    std::string file_name;   // as the client named it; the evidence's url
    std::string media_type;  // as the client declared it; empty: application/octet-stream
    std::string bytes;
};

struct ReportContent {
    domain::ClaimedState claimed = domain::ClaimedState::kNotStarted;
    std::vector<domain::IndicatorValue> values;
    std::string narrative;
    // Links, and files stored before: an entry with a sha256 must name a stored
    // file (kInvalidArgument, field "evidence", otherwise).
    std::vector<domain::Evidence> evidence;
    std::vector<EvidenceUpload> uploads;  // new files, stored and added after evidence
};

// A stored evidence file as a reader downloads it.
struct EvidenceDownload {
    std::string file_name;  // the name the first readable report gives it
    std::string media_type;
    std::string bytes;
};

inline constexpr size_t kMaxEvidenceBytes = 10u << 20;  // per uploaded file

struct NewReport {
    int64_t activity_id = 0;
    std::string period;
    std::optional<int64_t> institution_id;  // default: the actor's institution
    ReportContent content;
};

class ReportService {
public:
    // Borrows store, which must outlive the service. now gives the current UTC
    // time as ISO 8601 ("2019-07-31T10:00:00Z"); tests pass a fixed clock.
    // max_evidence_bytes limits each uploaded file (kTooLarge above it).
    explicit ReportService(storage::Store& store, std::function<std::string()> now = {},
                           size_t max_evidence_bytes = kMaxEvidenceBytes);

    // Creates a draft. kPermissionDenied when the institution is neither lead nor
    // partner of the activity, or a reporter writes for another institution;
    // kInvalidArgument (field "period", "institution", "values") for bad values;
    // kNotFound for an unknown activity; kConflict when the report exists or the
    // plan's round for the period is locked for the institution.
    StatusOr<domain::ProgressReport> Create(const NewReport& report, const Actor& actor);
    // Replaces the content of a draft, returned or approved report written on
    // version. kConflict when the stored version differs (the caller shows the
    // current report, loaded with Get) or the report is under review (submitted)
    // or its round is locked; an approved report becomes a new draft revision.
    StatusOr<domain::ProgressReport> Edit(int64_t report_id, const ReportContent& content, int version,
                                          const Actor& actor);
    // Stores upload and adds it to the report's evidence: an edit (same checks,
    // revision and audit as Edit) on version, or on the stored version when
    // version is nullopt. kTooLarge over the size limit, kInvalidArgument (field
    // "file") for an empty file; on any refusal nothing is stored.
    StatusOr<domain::ProgressReport> Attach(int64_t report_id, const EvidenceUpload& upload,
                                            std::optional<int> version, const Actor& actor);
    // A stored file for a reader of a report that carries it: coordinators, the
    // institutions responsible for the report's activity, and, once the report is
    // approved and its plan published, everyone. kMalformed (field "sha256") for a
    // malformed digest; kNotFound when no report carries the file;
    // kUnauthenticated or kPermissionDenied when none of them may be read.
    StatusOr<EvidenceDownload> Evidence(const std::string& sha256, const Actor& actor);
    // draft | returned -> submitted (records the submission time). kConflict otherwise.
    StatusOr<domain::ProgressReport> Submit(int64_t report_id, const Actor& actor);
    // submitted -> approved; coordinators only.
    StatusOr<domain::ProgressReport> Approve(int64_t report_id, const Actor& actor);
    // submitted -> returned with a non-empty comment (field "comment"); coordinators only.
    StatusOr<domain::ProgressReport> Return(int64_t report_id, const std::string& comment, const Actor& actor);
    // kNotFound for an unknown id.
    StatusOr<domain::ProgressReport> Get(int64_t report_id);
    StatusOr<std::vector<storage::ReportRevision>> History(int64_t report_id);
    // The plan's reports, optionally only those in one review state (the
    // coordinator's queue is review == kSubmitted); kNotFound for an unknown plan.
    StatusOr<std::vector<domain::ProgressReport>> ListForPlan(int64_t plan_id,
                                                              std::optional<domain::ReviewState> review = {});

private:
    // The shared part of Edit and Attach, in tx on the report as loaded (before).
    StatusOr<domain::ProgressReport> EditIn(storage::Transaction& tx, const domain::ProgressReport& before,
                                            const ReportContent& content, int version, const Actor& actor,
                                            const char* action);
    // content.evidence checked against the stored files and the uploads stored, in tx.
    StatusOr<std::vector<domain::Evidence>> StoreEvidence(storage::Transaction& tx, const ReportContent& content,
                                                          const Actor& actor, const std::string& now);
    Status CheckUploads(const std::vector<EvidenceUpload>& uploads) const;

    storage::Store& store_;
    std::function<std::string()> now_;
    size_t max_evidence_bytes_;
};

// The report as JSON, as the API shows it and as revisions keep it.
std::string ReportJson(const domain::ProgressReport& report);

}  // namespace planwatch::services
