#include "services/import_service.h"

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/sha256.h"
#include "domain/plan.h"
#include "import/import.h"
#include "services/document_file.h"

namespace planwatch::services {
namespace {

std::string SummaryJson(const domain::Plan& plan, int64_t id, int version) {
    nlohmann::ordered_json summary = {
        {"id", id},
        {"version", version},
        {"title", plan.title},
        {"activities", domain::CountActivities(plan)},
        {"warnings", plan.warnings.size()},
        {"source", {{"file", plan.source.file}, {"sha256", plan.source.sha256}, {"format", plan.source.format}}},
    };
    // Titles come from documents; replace bad UTF-8 rather than throw.
    return summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string PreviousJson(const storage::PlanSummary& previous) {
    nlohmann::ordered_json json = {{"id", previous.id},
                                   {"series_id", previous.series_id},
                                   {"version", previous.version},
                                   {"sha256", previous.sha256}};
    return json.dump();
}

}  // namespace

ImportService::ImportService(storage::Store& store, ImportServiceOptions options)
    : store_(store), options_(std::move(options)) {}

StatusOr<ImportOutcome> ImportService::ImportFile(const std::string& path, const std::string& actor,
                                                  ImportFlags flags) {
    PW_ASSIGN_OR_RETURN(std::string bytes, ReadDocumentFile(path, options_.max_bytes));
    std::string file_name = std::filesystem::path(path).filename().string();
    StatusOr<ImportOutcome> outcome = ImportBytes(bytes, file_name, actor, flags);
    if (!outcome.ok()) return outcome.status().WithFile(path);
    return outcome;
}

StatusOr<ImportOutcome> ImportService::ImportBytes(std::string_view bytes, const std::string& file_name,
                                                   const std::string& actor, ImportFlags flags) {
    const bool replace = flags.replace;
    import::ImportOptions import_options;
    import_options.max_bytes = options_.max_bytes;
    import_options.language = options_.language;
    StatusOr<import::ImportResult> imported = import::ImportDocument(bytes, file_name, import_options);
    if (!imported.ok()) return imported.status().WithFile(file_name);
    domain::Plan& plan = imported->plan;
    // The importer names the source document; a plan read from JSON keeps the one
    // it was exported with, so re-importing an export is recognised as the same.
    if (plan.source.file.empty()) plan.source.file = file_name;
    if (plan.source.sha256.empty()) plan.source.sha256 = Sha256Hex(bytes);

    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<storage::PlanSummary> same, tx->FindPlanBySha256(plan.source.sha256));
    if (same && !replace) {
        return Status(StatusCode::kConflict,
                      fmt::format("already imported as plan {} (version {}, same sha256 {}); use --replace to "
                                  "store it as a new version",
                                  same->id, same->version, plan.source.sha256.substr(0, 12)),
                      SourcePosition{.file = file_name});
    }
    std::optional<storage::PlanSummary> previous = same;
    if (replace && !previous) {
        PW_ASSIGN_OR_RETURN(previous, tx->FindLatestPlan(plan.source.file, plan.title));
    }
    std::optional<int64_t> series;
    if (previous) series = previous->series_id;

    PW_ASSIGN_OR_RETURN(int64_t plan_id, tx->InsertPlan(plan, series));
    int version = previous ? previous->version + 1 : 1;
    // The store numbers versions (max+1 in the series, and `same` may be an older
    // one); the new plan is now the latest of its series, so read its number back.
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> versions, tx->ListPlans(/*all_versions=*/false));
    for (const storage::PlanSummary& summary : versions) {
        if (summary.id == plan_id) version = summary.version;
    }

    domain::AuditEvent event;
    event.actor = actor;
    event.action = previous ? "plan.replace" : "plan.import";
    event.entity = "plan";
    event.entity_id = std::to_string(plan_id);
    event.before_json = previous ? PreviousJson(*previous) : "null";
    event.after_json = SummaryJson(plan, plan_id, version);
    PW_RETURN_IF_ERROR(tx->Append(event));
    if (flags.publish) {
        PW_RETURN_IF_ERROR(tx->SetPlanPublication(plan_id, actor));
        domain::AuditEvent published;
        published.actor = actor;
        published.action = "plan.publish";
        published.entity = "plan";
        published.entity_id = event.entity_id;
        published.before_json = R"({"published":false})";
        published.after_json = R"({"published":true})";
        PW_RETURN_IF_ERROR(tx->Append(published));
    }
    PW_RETURN_IF_ERROR(tx->Commit());

    ImportOutcome outcome;
    outcome.plan_id = plan_id;
    outcome.version = version;
    outcome.title = plan.title;
    outcome.activities = domain::CountActivities(plan);
    outcome.warnings = static_cast<int>(plan.warnings.size());
    outcome.replaced = previous.has_value();
    outcome.published = flags.publish;
    return outcome;
}

}  // namespace planwatch::services
