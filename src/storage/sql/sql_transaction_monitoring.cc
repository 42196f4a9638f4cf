// SqlTransaction's monitoring methods (store.h): rounds, progress reports and the
// reminder outbox, over the helpers of monitoring_sql.cc.
#include <soci/soci.h>

#include "storage/sql/monitoring_sql.h"
#include "storage/sql/report_bulk.h"
#include "storage/sql/sql_transaction.h"

namespace planwatch::storage::sql {

StatusOr<int64_t> SqlTransaction::InsertRound(const domain::ReportingRound& round) {
    int64_t id = 0;
    PW_RETURN_IF_ERROR(Write("insert round", [&]() -> Status {
        PW_ASSIGN_OR_RETURN(id, WriteRound(*session_, round));
        return Status::Ok();
    }));
    return id;
}

StatusOr<std::optional<domain::ReportingRound>> SqlTransaction::FindRound(int64_t round_id) {
    std::optional<domain::ReportingRound> round;
    PW_RETURN_IF_ERROR(Read("find round", [&]() -> Status {
        round = ReadRound(*session_, round_id);
        return Status::Ok();
    }));
    return round;
}

StatusOr<std::optional<domain::ReportingRound>> SqlTransaction::FindRoundByPeriod(int64_t plan_id,
                                                                                  const std::string& period) {
    std::optional<domain::ReportingRound> round;
    PW_RETURN_IF_ERROR(Read("find round", [&]() -> Status {
        round = ReadRoundByPeriod(*session_, plan_id, period);
        return Status::Ok();
    }));
    return round;
}

StatusOr<std::vector<domain::ReportingRound>> SqlTransaction::ListRounds(std::optional<int64_t> plan_id) {
    std::vector<domain::ReportingRound> rounds;
    PW_RETURN_IF_ERROR(Read("list rounds", [&]() -> Status {
        rounds = ReadRounds(*session_, plan_id);
        return Status::Ok();
    }));
    return rounds;
}

StatusOr<std::map<int64_t, std::vector<domain::ReportingRound>>> SqlTransaction::ListRoundsOfPlans(
    const std::vector<int64_t>& plan_ids) {
    std::map<int64_t, std::vector<domain::ReportingRound>> rounds;
    PW_RETURN_IF_ERROR(Read("list rounds", [&]() -> Status {
        rounds = ReadRoundsOfPlans(*session_, plan_ids);
        return Status::Ok();
    }));
    return rounds;
}

Status SqlTransaction::CloseRound(int64_t round_id, const std::string& closed_on) {
    return Write("close round", [&]() -> Status { return WriteRoundClosed(*session_, round_id, closed_on); });
}

Status SqlTransaction::UpsertRoundReopening(const RoundReopening& reopening) {
    return Write("reopen round", [&]() -> Status {
        WriteRoundReopening(*session_, reopening);
        return Status::Ok();
    });
}

StatusOr<std::vector<RoundReopening>> SqlTransaction::ListRoundReopenings(int64_t round_id) {
    std::vector<RoundReopening> rows;
    PW_RETURN_IF_ERROR(Read("list round reopenings", [&]() -> Status {
        rows = ReadRoundReopenings(*session_, round_id);
        return Status::Ok();
    }));
    return rows;
}

StatusOr<int64_t> SqlTransaction::InsertReport(const domain::ProgressReport& report) {
    int64_t id = 0;
    PW_RETURN_IF_ERROR(Write("insert report", [&]() -> Status {
        PW_ASSIGN_OR_RETURN(id, WriteReport(*session_, report));
        return Status::Ok();
    }));
    return id;
}

StatusOr<std::vector<int64_t>> SqlTransaction::InsertReports(const std::vector<domain::ProgressReport>& reports) {
    std::vector<int64_t> ids;
    PW_RETURN_IF_ERROR(Write("insert reports", [&]() -> Status {
        PW_ASSIGN_OR_RETURN(ids, WriteReports(*session_, reports));
        return Status::Ok();
    }));
    return ids;
}

StatusOr<std::optional<domain::ProgressReport>> SqlTransaction::LoadReport(int64_t report_id) {
    std::optional<domain::ProgressReport> report;
    PW_RETURN_IF_ERROR(Read("load report", [&]() -> Status {
        report = ReadReport(*session_, report_id);
        return Status::Ok();
    }));
    return report;
}

StatusOr<std::optional<domain::ProgressReport>> SqlTransaction::FindReport(int64_t activity_id,
                                                                           int64_t institution_id,
                                                                           const std::string& period) {
    std::optional<domain::ProgressReport> report;
    PW_RETURN_IF_ERROR(Read("find report", [&]() -> Status {
        report = ReadReportFor(*session_, activity_id, institution_id, period);
        return Status::Ok();
    }));
    return report;
}

Status SqlTransaction::UpdateReport(const domain::ProgressReport& report, int expected_version) {
    return Write("update report", [&]() -> Status { return OverwriteReport(*session_, report, expected_version); });
}

StatusOr<std::vector<domain::ProgressReport>> SqlTransaction::ListPlanReports(int64_t plan_id) {
    std::vector<domain::ProgressReport> reports;
    PW_RETURN_IF_ERROR(Read("list reports", [&]() -> Status {
        reports = ReadPlanReports(*session_, plan_id);
        return Status::Ok();
    }));
    return reports;
}

StatusOr<std::map<int64_t, std::vector<domain::ProgressReport>>> SqlTransaction::ListReportsOfPlans(
    const std::vector<int64_t>& plan_ids, ReportFields fields) {
    std::map<int64_t, std::vector<domain::ProgressReport>> reports;
    PW_RETURN_IF_ERROR(Read("list reports", [&]() -> Status {
        reports = ReadReportsOfPlans(*session_, plan_ids, fields);
        return Status::Ok();
    }));
    return reports;
}

Status SqlTransaction::InsertReportRevision(const ReportRevision& revision) {
    return Write("insert report revision", [&]() -> Status {
        WriteReportRevision(*session_, revision);
        return Status::Ok();
    });
}

StatusOr<std::vector<ReportRevision>> SqlTransaction::ListReportRevisions(int64_t report_id) {
    std::vector<ReportRevision> rows;
    PW_RETURN_IF_ERROR(Read("list report revisions", [&]() -> Status {
        rows = ReadReportRevisions(*session_, report_id);
        return Status::Ok();
    }));
    return rows;
}

StatusOr<std::optional<int64_t>> SqlTransaction::FindActivityPlan(int64_t activity_id) {
    std::optional<int64_t> plan;
    PW_RETURN_IF_ERROR(Read("find activity", [&]() -> Status {
        plan = ReadActivityPlan(*session_, activity_id);
        return Status::Ok();
    }));
    return plan;
}

StatusOr<std::optional<std::string>> SqlTransaction::InstitutionName(int64_t institution_id) {
    std::optional<std::string> name;
    PW_RETURN_IF_ERROR(Read("find institution", [&]() -> Status {
        name = ReadInstitutionName(*session_, institution_id);
        return Status::Ok();
    }));
    return name;
}

StatusOr<bool> SqlTransaction::InsertOutbox(const OutboxMessage& message) {
    bool inserted = false;
    PW_RETURN_IF_ERROR(Write("queue reminder", [&]() -> Status {
        inserted = WriteOutbox(*session_, message);
        return Status::Ok();
    }));
    return inserted;
}

StatusOr<std::vector<OutboxMessage>> SqlTransaction::ListOutbox(bool unsent_only) {
    std::vector<OutboxMessage> rows;
    PW_RETURN_IF_ERROR(Read("list outbox", [&]() -> Status {
        rows = ReadOutbox(*session_, unsent_only);
        return Status::Ok();
    }));
    return rows;
}

Status SqlTransaction::MarkOutbox(int64_t message_id, const std::string& sent_at, const std::string& error) {
    return Write("mark reminder", [&]() -> Status { return UpdateOutbox(*session_, message_id, sent_at, error); });
}

}  // namespace planwatch::storage::sql
