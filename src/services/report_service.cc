#include "services/report_service.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "domain/civil_date.h"
#include "services/plan_catalog.h"
#include "services/round_service.h"

namespace planwatch::services {
namespace {

std::string SystemNow() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                       std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

Status FieldError(const char* field, std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message), SourcePosition{.field = field});
}

Status Denied(std::string message) { return Status(StatusCode::kPermissionDenied, std::move(message)); }

const domain::Node* FindNode(const std::vector<domain::Node>& nodes, int64_t id) {
    const domain::Node* found = nullptr;
    domain::ForEachNode(nodes, [&](const domain::Node& node) {
        if (!found && node.id == id) found = &node;
    });
    return found;
}

// What a write needs to know about the activity a report is on.
struct ActivityScope {
    int64_t plan_id = 0;
    domain::Node activity;
    std::vector<int64_t> responsible;  // registry ids of its lead and partners
};

StatusOr<ActivityScope> LoadScope(storage::Transaction& tx, int64_t activity_id) {
    PW_ASSIGN_OR_RETURN(std::optional<int64_t> plan_id, tx.FindActivityPlan(activity_id));
    if (!plan_id) {
        return Status(StatusCode::kNotFound, fmt::format("no activity with id {}", activity_id),
                      SourcePosition{.field = "activity"});
    }
    PW_ASSIGN_OR_RETURN(domain::Plan plan, tx.LoadPlan(*plan_id));
    const domain::Node* node = FindNode(plan.nodes, activity_id);
    if (!node) return NotFound(fmt::format("no activity with id {}", activity_id));
    ActivityScope scope{.plan_id = *plan_id, .activity = *node};
    for (const domain::Responsibility& r : node->responsible) {
        for (const domain::Institution& institution : plan.institutions) {
            if (institution.name == r.institution && institution.id) scope.responsible.push_back(*institution.id);
        }
    }
    return scope;
}

// A reporter writes only for its own institution, and only where that
// institution is lead or partner; coordinators may write for any responsible one.
Status CheckWriter(const ActivityScope& scope, int64_t institution_id, const Actor& actor) {
    if (actor.role == domain::Role::kPublic) return Status(StatusCode::kUnauthenticated, "sign in to write reports");
    if (!actor.Coordinates() && actor.institution_id != institution_id) {
        return Denied("a reporter writes only for its own institution");
    }
    for (int64_t id : scope.responsible) {
        if (id == institution_id) return Status::Ok();
    }
    return Denied(fmt::format("institution {} is neither lead nor partner of activity {} ({})", institution_id,
                              scope.activity.id.value_or(0), scope.activity.code));
}

Status CheckContent(const ActivityScope& scope, const ReportContent& content) {
    for (const domain::IndicatorValue& value : content.values) {
        if (value.indicator_index < 0 || value.indicator_index >= int(scope.activity.indicators.size())) {
            return FieldError("values", fmt::format("activity {} has {} indicator(s); there is no indicator {}",
                                                    scope.activity.code, scope.activity.indicators.size(),
                                                    value.indicator_index));
        }
    }
    for (const domain::Evidence& evidence : content.evidence) {
        if (evidence.url.empty()) return FieldError("evidence", "evidence needs a link or a stored file name");
        if (!evidence.sha256.empty() && evidence.sha256.size() != 64) {
            return FieldError("evidence", "an uploaded file's sha256 must have 64 hexadecimal digits");
        }
    }
    return Status::Ok();
}

// Reporters cannot write in a round after its due date plus grace unless it
// was reopened for their institution; coordinators can.
Status CheckOpen(storage::Transaction& tx, const ActivityScope& scope, const std::string& period,
                 int64_t institution_id, const Actor& actor, const std::string& now) {
    if (actor.Coordinates()) return Status::Ok();
    PW_ASSIGN_OR_RETURN(std::optional<domain::ReportingRound> round, tx.FindRoundByPeriod(scope.plan_id, period));
    if (!round) return Status::Ok();
    PW_ASSIGN_OR_RETURN(std::vector<storage::RoundReopening> reopenings, tx.ListRoundReopenings(*round->id));
    StatusOr<domain::CivilDate> today = domain::ParseCivilDate(now.substr(0, 10));
    if (!today.ok()) return Internal("clock gave \"" + now + "\"");
    if (RoundLocked(*round, institution_id, reopenings, *today)) {
        if (domain::ClosedBy(*round, domain::ToString(*today))) {
            return Conflict(fmt::format("the coordinator closed the {} round on {}; ask the coordinator to reopen it "
                                        "for your institution",
                                        round->period, round->closed_on));
        }
        return Conflict(fmt::format("the {} round closed on {} (due {} plus {} grace days); ask the coordinator to "
                                    "reopen it for your institution",
                                    round->period,
                                    domain::ToString(domain::AddDays(*domain::ParseCivilDate(round->due_on),
                                                                     round->grace_days)),
                                    round->due_on, round->grace_days));
    }
    return Status::Ok();
}

bool IsSha256(const std::string& text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// The last part of what the client sent (old browsers send the whole path), without
// control characters, so it can be shown and put in a download's file name.
std::string CleanFileName(const std::string& given) {
    const size_t separator = given.find_last_of("/\\");
    std::string name = separator == std::string::npos ? given : given.substr(separator + 1);
    std::erase_if(name, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
    return name.empty() ? "evidence" : name;
}

// "type/subtype" in token characters, lower-cased; anything else (parameters,
// spaces, line breaks) gives application/octet-stream, so the stored type is safe
// to send back as a header.
std::string CleanMediaType(std::string given) {
    for (char& c : given) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t slash = given.find('/');
    const bool token = given.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789!#$&^_.+-/") == std::string::npos;
    if (!token || slash == std::string::npos || slash == 0 || slash + 1 == given.size() ||
        given.find('/', slash + 1) != std::string::npos) {
        return "application/octet-stream";
    }
    return given;
}

// Coordinators and the institutions responsible for the activity read every
// state of a report; everyone else reads an approved report of a plan they see.
StatusOr<bool> MayRead(storage::Transaction& tx, const ActivityScope& scope, const domain::ProgressReport& report,
                       const Actor& actor) {
    if (actor.Coordinates()) return true;
    if (actor.institution_id &&
        std::find(scope.responsible.begin(), scope.responsible.end(), *actor.institution_id) != scope.responsible.end()) {
        return true;
    }
    if (report.review != domain::ReviewState::kApproved) return false;
    Status visible = CheckVisible(tx, scope.plan_id, actor);
    if (visible.code() == StatusCode::kNotFound) return false;
    PW_RETURN_IF_ERROR(visible);
    return true;
}

StatusOr<domain::ProgressReport> LoadExisting(storage::Transaction& tx, int64_t report_id) {
    PW_ASSIGN_OR_RETURN(std::optional<domain::ProgressReport> report, tx.LoadReport(report_id));
    if (!report) return NotFound(fmt::format("no report with id {}", report_id));
    return *report;
}

Status Keep(storage::Transaction& tx, const domain::ProgressReport& before, const Actor& actor, const std::string& now) {
    PW_ASSIGN_OR_RETURN(std::vector<storage::ReportRevision> history, tx.ListReportRevisions(*before.id));
    return tx.InsertReportRevision({.report_id = *before.id,
                                    .revision = int(history.size()) + 1,
                                    .snapshot_json = ReportJson(before),
                                    .changed_by = actor.user_id,
                                    .changed_at = now});
}

}  // namespace

std::string ReportJson(const domain::ProgressReport& report) {
    nlohmann::ordered_json values = nlohmann::ordered_json::array();
    for (const domain::IndicatorValue& v : report.values) {
        values.push_back({{"indicator", v.indicator_index}, {"value", v.value}});
    }
    nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
    for (const domain::Evidence& e : report.evidence) {
        nlohmann::ordered_json item = {{"url", e.url}};
        if (!e.sha256.empty()) {
            item["sha256"] = e.sha256;
            item["size"] = e.size;
            item["media_type"] = e.media_type;
        }
        evidence.push_back(item);
    }
    return nlohmann::ordered_json{{"id", report.id ? nlohmann::ordered_json(*report.id) : nullptr},
                                  {"activity", report.activity_id},
                                  {"institution", report.institution_id},
                                  {"period", report.period},
                                  {"status", domain::Name(report.claimed)},
                                  {"indicators", values},
                                  {"narrative", report.narrative},
                                  {"evidence", evidence},
                                  {"review", domain::Name(report.review)},
                                  {"review_comment", report.review_comment},
                                  {"revision", report.revision},
                                  {"version", report.version},
                                  {"author", report.author_id},
                                  {"created_at", report.created_at},
                                  {"submitted_at", report.submitted_at}}
        .dump();
}

ReportService::ReportService(storage::Store& store, std::function<std::string()> now, size_t max_evidence_bytes)
    : store_(store), now_(now ? std::move(now) : SystemNow), max_evidence_bytes_(max_evidence_bytes) {}

Status ReportService::CheckUploads(const std::vector<EvidenceUpload>& uploads) const {
    for (const EvidenceUpload& upload : uploads) {
        if (upload.bytes.size() > max_evidence_bytes_) {
            return Status(StatusCode::kTooLarge,
                          fmt::format("\"{}\" has {} bytes; an evidence file may have at most {}",
                                      CleanFileName(upload.file_name), upload.bytes.size(), max_evidence_bytes_),
                          SourcePosition{.field = "file"});
        }
        if (upload.bytes.empty()) {
            return FieldError("file", fmt::format("\"{}\" is empty", CleanFileName(upload.file_name)));
        }
    }
    return Status::Ok();
}

StatusOr<std::vector<domain::Evidence>> ReportService::StoreEvidence(storage::Transaction& tx,
                                                                     const ReportContent& content, const Actor& actor,
                                                                     const std::string& now) {
    std::vector<domain::Evidence> evidence;
    for (const domain::Evidence& given : content.evidence) {
        domain::Evidence kept{.url = given.url, .sha256 = given.sha256};
        if (!kept.sha256.empty()) {
            // A digest the client typed is only a reference to a file uploaded before.
            PW_ASSIGN_OR_RETURN(std::optional<storage::EvidenceFile> file, tx.LoadEvidenceFile(kept.sha256, false));
            if (!file) {
                return FieldError("evidence", fmt::format("no stored file has sha256 {}; upload the file instead",
                                                          kept.sha256));
            }
            kept.size = file->size;
            kept.media_type = file->media_type;
        }
        evidence.push_back(std::move(kept));
    }
    for (const EvidenceUpload& upload : content.uploads) {
        storage::EvidenceFile file{.sha256 = Sha256Hex(upload.bytes),
                                   .size = static_cast<int64_t>(upload.bytes.size()),
                                   .media_type = CleanMediaType(upload.media_type),
                                   .bytes = upload.bytes,
                                   .stored_at = now,
                                   .stored_by = actor.name};
        PW_ASSIGN_OR_RETURN(bool stored_now, tx.PutEvidenceFile(file));
        if (!stored_now) {
            // Stored before: the first upload's media type stays the file's.
            PW_ASSIGN_OR_RETURN(std::optional<storage::EvidenceFile> stored, tx.LoadEvidenceFile(file.sha256, false));
            if (stored) file.media_type = stored->media_type;
        }
        evidence.push_back({.url = CleanFileName(upload.file_name), .sha256 = file.sha256, .size = file.size,
                            .media_type = file.media_type});
    }
    return evidence;
}

StatusOr<domain::ProgressReport> ReportService::Create(const NewReport& request, const Actor& actor) {
    PW_RETURN_IF_ERROR(CheckUploads(request.content.uploads));
    StatusOr<domain::Period> period = domain::ParsePeriod(request.period);
    if (!period.ok()) return FieldError("period", period.status().message());
    std::optional<int64_t> institution = request.institution_id ? request.institution_id : actor.institution_id;
    if (!institution) return FieldError("institution", "name the institution the report is written for");
    const std::string now = now_();
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(ActivityScope scope, LoadScope(*tx, request.activity_id));
    PW_RETURN_IF_ERROR(CheckWriter(scope, *institution, actor));
    PW_RETURN_IF_ERROR(CheckContent(scope, request.content));
    domain::ProgressReport report{.activity_id = request.activity_id,
                                  .institution_id = *institution,
                                  .period = domain::ToString(*period),
                                  .claimed = request.content.claimed,
                                  .values = request.content.values,
                                  .narrative = request.content.narrative,
                                  .evidence = request.content.evidence,
                                  .author_id = actor.user_id.value_or(0),
                                  .created_at = now};
    PW_RETURN_IF_ERROR(CheckOpen(*tx, scope, report.period, *institution, actor, now));
    PW_ASSIGN_OR_RETURN(report.evidence, StoreEvidence(*tx, request.content, actor, now));
    PW_ASSIGN_OR_RETURN(int64_t id, tx->InsertReport(report));
    report.id = id;
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name, .action = "report.create", .entity = "progress_report",
                                   .entity_id = std::to_string(id), .before_json = "null",
                                   .after_json = ReportJson(report)}));
    PW_RETURN_IF_ERROR(tx->Commit());
    return report;
}

StatusOr<domain::ProgressReport> ReportService::Edit(int64_t report_id, const ReportContent& content, int version,
                                                     const Actor& actor) {
    PW_RETURN_IF_ERROR(CheckUploads(content.uploads));
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(domain::ProgressReport before, LoadExisting(*tx, report_id));
    PW_ASSIGN_OR_RETURN(domain::ProgressReport after, EditIn(*tx, before, content, version, actor, "report.edit"));
    PW_RETURN_IF_ERROR(tx->Commit());
    return after;
}

StatusOr<domain::ProgressReport> ReportService::Attach(int64_t report_id, const EvidenceUpload& upload,
                                                       std::optional<int> version, const Actor& actor) {
    ReportContent content{.uploads = {upload}};
    PW_RETURN_IF_ERROR(CheckUploads(content.uploads));
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(domain::ProgressReport before, LoadExisting(*tx, report_id));
    content.claimed = before.claimed;
    content.values = before.values;
    content.narrative = before.narrative;
    content.evidence = before.evidence;
    PW_ASSIGN_OR_RETURN(domain::ProgressReport after,
                        EditIn(*tx, before, content, version.value_or(before.version), actor, "report.evidence"));
    PW_RETURN_IF_ERROR(tx->Commit());
    return after;
}

StatusOr<EvidenceDownload> ReportService::Evidence(const std::string& sha256, const Actor& actor) {
    if (!IsSha256(sha256)) {
        return Status(StatusCode::kMalformed, "expected the file's sha256: 64 lower-case hexadecimal digits",
                      SourcePosition{.field = "sha256"});
    }
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::vector<int64_t> report_ids, tx->ListReportsWithEvidence(sha256));
    if (report_ids.empty()) return NotFound(fmt::format("no report carries a file with sha256 {}", sha256));
    for (int64_t report_id : report_ids) {
        PW_ASSIGN_OR_RETURN(domain::ProgressReport report, LoadExisting(*tx, report_id));
        PW_ASSIGN_OR_RETURN(ActivityScope scope, LoadScope(*tx, report.activity_id));
        PW_ASSIGN_OR_RETURN(bool may_read, MayRead(*tx, scope, report, actor));
        if (!may_read) continue;
        PW_ASSIGN_OR_RETURN(std::optional<storage::EvidenceFile> file, tx->LoadEvidenceFile(sha256, true));
        if (!file) return NotFound(fmt::format("report {} names a file with sha256 {} that is not stored", report_id, sha256));
        EvidenceDownload download{.media_type = file->media_type, .bytes = std::move(file->bytes)};
        for (const domain::Evidence& e : report.evidence) {
            if (e.sha256 == sha256) download.file_name = e.url;
        }
        return download;
    }
    if (actor.role == domain::Role::kPublic) {
        return Status(StatusCode::kUnauthenticated, "sign in to read the reports that carry this file");
    }
    return Denied("you may not read the reports that carry this file");
}

StatusOr<domain::ProgressReport> ReportService::EditIn(storage::Transaction& tx, const domain::ProgressReport& before,
                                                       const ReportContent& content, int version, const Actor& actor,
                                                       const char* action) {
    const std::string now = now_();
    const int64_t report_id = *before.id;
    PW_ASSIGN_OR_RETURN(ActivityScope scope, LoadScope(tx, before.activity_id));
    PW_RETURN_IF_ERROR(CheckWriter(scope, before.institution_id, actor));
    if (before.version != version) {
        return Conflict(fmt::format("report {} is at version {}, not {}: someone changed it meanwhile", report_id,
                                    before.version, version));
    }
    if (before.review == domain::ReviewState::kSubmitted) {
        return Conflict(fmt::format("report {} is under review; it can be edited once approved or returned",
                                    report_id));
    }
    PW_RETURN_IF_ERROR(CheckContent(scope, content));
    PW_RETURN_IF_ERROR(CheckOpen(tx, scope, before.period, before.institution_id, actor, now));
    domain::ProgressReport after = before;
    after.claimed = content.claimed;
    after.values = content.values;
    after.narrative = content.narrative;
    PW_ASSIGN_OR_RETURN(after.evidence, StoreEvidence(tx, content, actor, now));
    after.version = before.version + 1;
    after.author_id = actor.user_id.value_or(before.author_id);
    if (before.review == domain::ReviewState::kApproved) {
        // The approved text stays in the history; the edit is a new revision to review.
        PW_RETURN_IF_ERROR(Keep(tx, before, actor, now));
        after.revision = before.revision + 1;
        after.review = domain::ReviewState::kDraft;
        after.review_comment.clear();
        after.submitted_at.clear();
    }
    PW_RETURN_IF_ERROR(tx.UpdateReport(after, before.version));
    PW_RETURN_IF_ERROR(tx.Append({.actor = actor.name, .action = action, .entity = "progress_report",
                                   .entity_id = std::to_string(report_id), .before_json = ReportJson(before),
                                   .after_json = ReportJson(after)}));
    return after;
}

StatusOr<domain::ProgressReport> ReportService::Submit(int64_t report_id, const Actor& actor) {
    const std::string now = now_();
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(domain::ProgressReport before, LoadExisting(*tx, report_id));
    PW_ASSIGN_OR_RETURN(ActivityScope scope, LoadScope(*tx, before.activity_id));
    PW_RETURN_IF_ERROR(CheckWriter(scope, before.institution_id, actor));
    if (before.review != domain::ReviewState::kDraft && before.review != domain::ReviewState::kReturned) {
        return Conflict(fmt::format("report {} is {}; only a draft or a returned report can be submitted", report_id,
                                    domain::Name(before.review)));
    }
    PW_RETURN_IF_ERROR(CheckOpen(*tx, scope, before.period, before.institution_id, actor, now));
    domain::ProgressReport after = before;
    after.review = domain::ReviewState::kSubmitted;
    after.version = before.version + 1;
    // A resubmission after a return keeps the first submission time: timeliness
    // measures when the institution first answered the round.
    if (before.review == domain::ReviewState::kDraft || after.submitted_at.empty()) after.submitted_at = now;
    PW_RETURN_IF_ERROR(tx->UpdateReport(after, before.version));
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name, .action = "report.submit", .entity = "progress_report",
                                   .entity_id = std::to_string(report_id), .before_json = ReportJson(before),
                                   .after_json = ReportJson(after)}));
    PW_RETURN_IF_ERROR(tx->Commit());
    return after;
}

StatusOr<domain::ProgressReport> ReportService::Approve(int64_t report_id, const Actor& actor) {
    if (!actor.Coordinates()) return Denied("only a coordinator may approve reports");
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(domain::ProgressReport before, LoadExisting(*tx, report_id));
    if (before.review != domain::ReviewState::kSubmitted) {
        return Conflict(fmt::format("report {} is {}; only a submitted report can be approved", report_id,
                                    domain::Name(before.review)));
    }
    domain::ProgressReport after = before;
    after.review = domain::ReviewState::kApproved;
    after.review_comment.clear();
    after.version = before.version + 1;
    PW_RETURN_IF_ERROR(tx->UpdateReport(after, before.version));
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name, .action = "report.approve", .entity = "progress_report",
                                   .entity_id = std::to_string(report_id), .before_json = ReportJson(before),
                                   .after_json = ReportJson(after)}));
    PW_RETURN_IF_ERROR(tx->Commit());
    return after;
}

StatusOr<domain::ProgressReport> ReportService::Return(int64_t report_id, const std::string& comment,
                                                       const Actor& actor) {
    if (!actor.Coordinates()) return Denied("only a coordinator may return reports");
    if (comment.find_first_not_of(" \t\r\n") == std::string::npos) {
        return FieldError("comment", "say why the report is returned");
    }
    const std::string now = now_();
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(domain::ProgressReport before, LoadExisting(*tx, report_id));
    if (before.review != domain::ReviewState::kSubmitted) {
        return Conflict(fmt::format("report {} is {}; only a submitted report can be returned", report_id,
                                    domain::Name(before.review)));
    }
    PW_RETURN_IF_ERROR(Keep(*tx, before, actor, now));
    domain::ProgressReport after = before;
    after.review = domain::ReviewState::kReturned;
    after.review_comment = comment;
    after.version = before.version + 1;
    PW_RETURN_IF_ERROR(tx->UpdateReport(after, before.version));
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name, .action = "report.return", .entity = "progress_report",
                                   .entity_id = std::to_string(report_id), .before_json = ReportJson(before),
                                   .after_json = ReportJson(after)}));
    PW_RETURN_IF_ERROR(tx->Commit());
    return after;
}

StatusOr<domain::ProgressReport> ReportService::Get(int64_t report_id) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    return LoadExisting(*tx, report_id);
}

StatusOr<std::vector<storage::ReportRevision>> ReportService::History(int64_t report_id) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_RETURN_IF_ERROR(LoadExisting(*tx, report_id).status());
    return tx->ListReportRevisions(report_id);
}

StatusOr<std::vector<domain::ProgressReport>> ReportService::ListForPlan(int64_t plan_id,
                                                                        std::optional<domain::ReviewState> review) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::vector<domain::ProgressReport> reports, tx->ListPlanReports(plan_id));
    // Reports name the plan's activities, so only an empty answer needs the plan list to tell
    // "no reports yet" from "no such plan"; the screens call this once per plan.
    if (reports.empty()) {
        PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, tx->ListPlans(/*all_versions=*/true));
        bool known =
            std::any_of(plans.begin(), plans.end(), [&](const storage::PlanSummary& p) { return p.id == plan_id; });
        if (!known) return NotFound(fmt::format("no plan with id {}", plan_id));
    }
    if (review) std::erase_if(reports, [&](const domain::ProgressReport& r) { return r.review != *review; });
    return reports;
}

}  // namespace planwatch::services
