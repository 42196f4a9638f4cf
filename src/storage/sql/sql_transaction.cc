#include "storage/sql/sql_transaction.h"

#include <soci/soci.h>

#include "storage/sql/accounts.h"
#include "storage/sql/audit_log.h"
#include "storage/sql/errors.h"
#include "storage/sql/institutions.h"
#include "storage/sql/plan_reader.h"
#include "storage/sql/plan_summaries.h"
#include "storage/sql/plan_writer.h"
#include "storage/sql/sql_store.h"
#include "storage/sql/tables.h"
#include "storage/sql/web_access.h"
#include "storage/sql/clock.h"

namespace planwatch::storage::sql {

SqlTransaction::SqlTransaction(SqlStore* store, std::unique_ptr<soci::session> session)
    : store_(store), session_(std::move(session)) {}

SqlTransaction::~SqlTransaction() {
    if (!finished_) {
        try {
            *session_ << "ROLLBACK";
        } catch (const std::exception&) {
            // The connection is broken; drop it instead of pooling it.
            return;
        }
    }
    if (session_) store_->Release(std::move(session_));
}

Status SqlTransaction::Usable() const {
    if (finished_) return Internal("transaction already committed or failed; begin a new one");
    return Status::Ok();
}

Status SqlTransaction::Write(std::string_view doing, const std::function<Status()>& write) {
    PW_RETURN_IF_ERROR(Usable());
    Status status;
    try {
        *session_ << "SAVEPOINT pw_write";
    } catch (const std::exception& e) {
        return FromSociError(e, doing);
    }
    try {
        status = write();
    } catch (const std::exception& e) {
        status = FromSociError(e, doing);
    }
    try {
        if (!status.ok()) *session_ << "ROLLBACK TO SAVEPOINT pw_write";
        *session_ << "RELEASE SAVEPOINT pw_write";
    } catch (const std::exception& e) {
        finished_ = true;  // the transaction cannot be trusted any more; the destructor rolls back
        return status.ok() ? FromSociError(e, doing) : status;
    }
    if (status.ok()) wrote_ = true;
    return status;
}

Status SqlTransaction::Read(std::string_view doing, const std::function<Status()>& read) {
    PW_RETURN_IF_ERROR(Usable());
    try {
        return read();
    } catch (const std::exception& e) {
        return FromSociError(e, doing);
    }
}

StatusOr<int64_t> SqlTransaction::InsertPlan(const domain::Plan& plan, std::optional<int64_t> replace_series) {
    int64_t id = 0;
    PW_RETURN_IF_ERROR(Write("insert plan", [&]() -> Status {
        PW_ASSIGN_OR_RETURN(id, WritePlan(*session_, plan, replace_series));
        return Status::Ok();
    }));
    return id;
}

StatusOr<domain::Plan> SqlTransaction::LoadPlan(int64_t plan_id) {
    std::optional<domain::Plan> plan;
    PW_RETURN_IF_ERROR(Read("load plan", [&]() -> Status {
        PW_ASSIGN_OR_RETURN(plan, ReadPlan(*session_, plan_id));
        return Status::Ok();
    }));
    return std::move(*plan);
}

StatusOr<std::vector<domain::Plan>> SqlTransaction::LoadPlans(const std::vector<int64_t>& plan_ids) {
    std::vector<domain::Plan> plans;
    PW_RETURN_IF_ERROR(Read("load plans", [&]() -> Status {
        PW_ASSIGN_OR_RETURN(plans, ReadPlans(*session_, plan_ids));
        return Status::Ok();
    }));
    return plans;
}

StatusOr<std::vector<PlanSummary>> SqlTransaction::ListPlans(bool all_versions) {
    std::vector<PlanSummary> plans;
    PW_RETURN_IF_ERROR(Read("list plans", [&]() -> Status {
        plans = ListPlanSummaries(*session_, all_versions);
        return Status::Ok();
    }));
    return plans;
}

StatusOr<std::optional<PlanSummary>> SqlTransaction::FindPlan(int64_t plan_id) {
    std::optional<PlanSummary> plan;
    PW_RETURN_IF_ERROR(Read("find plan", [&]() -> Status {
        plan = FindPlanSummary(*session_, plan_id);
        return Status::Ok();
    }));
    return plan;
}

Status SqlTransaction::SetPlanPublication(int64_t plan_id, const std::optional<std::string>& published_by) {
    return Write("set plan publication", [&]() -> Status {
        // The store's clock, as for imported_at, so both times compare on one scale.
        const std::string at = published_by ? NowUtc() : "";
        if (!UpdatePlanPublication(*session_, plan_id, at, published_by.value_or(""))) {
            return NotFound("no plan with id " + std::to_string(plan_id));
        }
        return Status::Ok();
    });
}

StatusOr<std::optional<PlanSummary>> SqlTransaction::FindPlanBySha256(const std::string& sha256) {
    std::optional<PlanSummary> plan;
    PW_RETURN_IF_ERROR(Read("find plan by sha256", [&]() -> Status {
        plan = FindPlanSummaryBySha256(*session_, sha256);
        return Status::Ok();
    }));
    return plan;
}

StatusOr<std::optional<PlanSummary>> SqlTransaction::FindLatestPlan(const std::string& source_file,
                                                                    const std::string& title) {
    std::optional<PlanSummary> plan;
    PW_RETURN_IF_ERROR(Read("find latest plan", [&]() -> Status {
        plan = FindLatestPlanSummary(*session_, source_file, title);
        return Status::Ok();
    }));
    return plan;
}

StatusOr<int64_t> SqlTransaction::InsertUser(const domain::User& user) {
    int64_t id = 0;
    PW_RETURN_IF_ERROR(Write("insert user", [&]() -> Status {
        PW_ASSIGN_OR_RETURN(id, WriteUser(*session_, user));
        return Status::Ok();
    }));
    return id;
}

StatusOr<std::optional<domain::User>> SqlTransaction::FindUserByEmail(const std::string& email) {
    std::optional<domain::User> user;
    PW_RETURN_IF_ERROR(Read("find user", [&]() -> Status {
        user = ReadUserByEmail(*session_, email);
        return Status::Ok();
    }));
    return user;
}

Status SqlTransaction::UpdateUser(const domain::User& user) {
    return Write("update user", [&]() -> Status { return WriteUserChange(*session_, user); });
}

Status SqlTransaction::RevokeUserAccess(int64_t user_id) {
    return Write("revoke sessions and tokens", [&]() -> Status {
        RemoveUserAccess(*session_, user_id);
        return Status::Ok();
    });
}

StatusOr<int64_t> SqlTransaction::InsertApiToken(int64_t user_id, const std::string& token_sha256,
                                                 const std::string& label) {
    int64_t id = 0;
    PW_RETURN_IF_ERROR(Write("insert api token", [&]() -> Status {
        PW_ASSIGN_OR_RETURN(id, WriteApiToken(*session_, user_id, token_sha256, label));
        return Status::Ok();
    }));
    return id;
}

StatusOr<std::optional<int64_t>> SqlTransaction::FindInstitution(const std::string& name) {
    std::optional<int64_t> id;
    PW_RETURN_IF_ERROR(Read("find institution", [&]() -> Status {
        id = FindInstitutionId(*session_, name);
        return Status::Ok();
    }));
    return id;
}

Status SqlTransaction::InsertSession(const SessionRecord& record) {
    return Write("insert session", [&]() -> Status {
        WriteSession(*session_, record);
        return Status::Ok();
    });
}

StatusOr<std::optional<SessionRecord>> SqlTransaction::FindSession(const std::string& token_sha256) {
    std::optional<SessionRecord> record;
    PW_RETURN_IF_ERROR(Read("find session", [&]() -> Status {
        record = ReadSession(*session_, token_sha256, NowUtc());
        return Status::Ok();
    }));
    return record;
}

Status SqlTransaction::DeleteSession(const std::string& token_sha256) {
    return Write("delete session", [&]() -> Status {
        RemoveSession(*session_, token_sha256);
        return Status::Ok();
    });
}

StatusOr<std::optional<domain::User>> SqlTransaction::FindUserById(int64_t user_id) {
    std::optional<domain::User> user;
    PW_RETURN_IF_ERROR(Read("find user", [&]() -> Status {
        user = ReadUserById(*session_, user_id);
        return Status::Ok();
    }));
    return user;
}

StatusOr<std::optional<domain::User>> SqlTransaction::FindUserByApiToken(const std::string& token_sha256) {
    std::optional<domain::User> user;
    PW_RETURN_IF_ERROR(Read("find api token", [&]() -> Status {
        user = ReadUserByApiToken(*session_, token_sha256);
        return Status::Ok();
    }));
    return user;
}

StatusOr<std::vector<domain::User>> SqlTransaction::ListUsers() {
    std::vector<domain::User> users;
    PW_RETURN_IF_ERROR(Read("list users", [&]() -> Status {
        users = ReadUsers(*session_);
        return Status::Ok();
    }));
    return users;
}

StatusOr<std::vector<SearchHit>> SqlTransaction::Search(const std::string& query, int limit) {
    std::vector<SearchHit> hits;
    PW_RETURN_IF_ERROR(Read("search", [&]() -> Status {
        hits = RunSearch(*session_, query, limit);
        return Status::Ok();
    }));
    return hits;
}

Status SqlTransaction::Append(const domain::AuditEvent& event) {
    PW_RETURN_IF_ERROR(Write("append audit event", [&]() -> Status { return AppendAudit(*session_, event); }));
    audited_ = true;
    return Status::Ok();
}

StatusOr<std::vector<domain::AuditEvent>> SqlTransaction::ListAudit(int limit) {
    std::vector<domain::AuditEvent> events;
    PW_RETURN_IF_ERROR(Read("list audit events", [&]() -> Status {
        events = ReadAudit(*session_, limit);
        return Status::Ok();
    }));
    return events;
}

StatusOr<std::map<std::string, int64_t>> SqlTransaction::CountRows() {
    std::map<std::string, int64_t> counts;
    PW_RETURN_IF_ERROR(Read("count rows", [&]() -> Status {
        for (const char* table : kTables) {
            long long count = 0;
            *session_ << "SELECT COUNT(*) FROM " + std::string(table), soci::into(count);
            counts[table] = count;
        }
        return Status::Ok();
    }));
    return counts;
}

Status SqlTransaction::Commit() {
    PW_RETURN_IF_ERROR(Usable());
    if (wrote_ && !audited_) {
        return Internal("transaction wrote data without an audit event; Append() one before Commit()");
    }
    try {
        *session_ << "COMMIT";
    } catch (const std::exception& e) {
        return FromSociError(e, "commit");
    }
    finished_ = true;
    return Status::Ok();
}

}  // namespace planwatch::storage::sql
