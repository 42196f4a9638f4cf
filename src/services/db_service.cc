#include "services/db_service.h"

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

namespace planwatch::services {

StatusOr<std::vector<int>> DbService::Migrations() { return store_.AppliedMigrations(); }

StatusOr<DbCheckReport> DbService::Check() {
    DbCheckReport report;
    report.backend = store_.BackendName();
    PW_ASSIGN_OR_RETURN(report.migrations, store_.AppliedMigrations());
    report.integrity = store_.Check();
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(report.rows, tx->CountRows());
    return report;
}

Status DbService::Backup(const std::string& path) {
    Status status = store_.Backup(path);
    return status.WithFile(path);
}

Status DbService::Restore(const std::string& path, const std::string& actor) {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        return Status(StatusCode::kNotFound, "no such backup file", SourcePosition{.file = path});
    }
    PW_RETURN_IF_ERROR(store_.Restore(path).WithFile(path));
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    nlohmann::ordered_json after = {{"file", std::filesystem::absolute(path, error).string()}};
    domain::AuditEvent event;
    event.actor = actor;
    event.action = "db.restore";
    event.entity = "database";
    event.entity_id = store_.BackendName();
    event.before_json = "null";
    event.after_json = after.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    PW_RETURN_IF_ERROR(tx->Append(event));
    return tx->Commit();
}

std::string DbCheckReportToJson(const DbCheckReport& report) {
    nlohmann::ordered_json json;
    json["status"] = report.integrity.ok() ? "ok" : "error";
    json["backend"] = report.backend;
    json["migrations"] = report.migrations;
    json["rows"] = nlohmann::ordered_json::object();
    for (const auto& [table, count] : report.rows) json["rows"][table] = count;
    if (!report.integrity.ok()) json["error"] = report.integrity.ToString();
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace planwatch::services
