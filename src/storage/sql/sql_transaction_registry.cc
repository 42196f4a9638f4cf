// SqlTransaction's registry methods (store.h): institutions, settings, the needs
// register and monthly beneficiaries, over the helpers of registry_sql.cc.
#include <soci/soci.h>

#include "storage/sql/institution_edits.h"
#include "storage/sql/registry_sql.h"
#include "storage/sql/sql_transaction.h"

namespace planwatch::storage::sql {

StatusOr<std::vector<InstitutionRecord>> SqlTransaction::ListInstitutions() {
    std::vector<InstitutionRecord> records;
    PW_RETURN_IF_ERROR(Read("list institutions", [&]() -> Status {
        records = ReadInstitutions(*session_, std::nullopt);
        return Status::Ok();
    }));
    return records;
}

StatusOr<std::optional<InstitutionRecord>> SqlTransaction::LoadInstitution(int64_t institution_id) {
    std::optional<InstitutionRecord> record;
    PW_RETURN_IF_ERROR(Read("load institution", [&]() -> Status {
        std::vector<InstitutionRecord> found = ReadInstitutions(*session_, institution_id);
        if (!found.empty()) record = std::move(found.front());
        return Status::Ok();
    }));
    return record;
}

Status SqlTransaction::MergeInstitutions(int64_t from_id, int64_t into_id) {
    return Write("merge institutions", [&] { return MergeInstitutionRows(*session_, from_id, into_id); });
}

Status SqlTransaction::SetInstitutionReviewed(int64_t institution_id, bool reviewed) {
    return Write("mark institution reviewed",
                 [&] { return WriteInstitutionReviewed(*session_, institution_id, reviewed); });
}

StatusOr<int64_t> SqlTransaction::InsertInstitution(const InstitutionEdit& edit) {
    int64_t id = 0;
    PW_RETURN_IF_ERROR(Write("insert institution", [&]() -> Status {
        PW_ASSIGN_OR_RETURN(id, InsertInstitutionRow(*session_, edit));
        return Status::Ok();
    }));
    return id;
}

Status SqlTransaction::UpdateInstitution(int64_t institution_id, const InstitutionEdit& edit) {
    return Write("update institution", [&] { return UpdateInstitutionRow(*session_, institution_id, edit); });
}

StatusOr<std::map<std::string, int64_t>> SqlTransaction::CountInstitutionReferences(int64_t institution_id) {
    std::map<std::string, int64_t> counts;
    PW_RETURN_IF_ERROR(Read("count institution references", [&]() -> Status {
        counts = CountReferenceRows(*session_, institution_id);
        return Status::Ok();
    }));
    return counts;
}

StatusOr<std::optional<std::string>> SqlTransaction::GetSetting(const std::string& name) {
    std::optional<std::string> value;
    PW_RETURN_IF_ERROR(Read("read setting", [&]() -> Status {
        value = ReadSetting(*session_, name);
        return Status::Ok();
    }));
    return value;
}

StatusOr<std::string> SqlTransaction::EnsureSetting(const std::string& name, const std::string& value) {
    std::string stored;
    PW_RETURN_IF_ERROR(Write("write setting", [&]() -> Status {
        stored = EnsureSettingRow(*session_, name, value);
        return Status::Ok();
    }));
    return stored;
}

StatusOr<int64_t> SqlTransaction::InsertNeed(const domain::Need& need) {
    int64_t id = 0;
    PW_RETURN_IF_ERROR(Write("insert need", [&]() -> Status {
        PW_ASSIGN_OR_RETURN(id, WriteNeed(*session_, need));
        return Status::Ok();
    }));
    return id;
}

StatusOr<std::optional<domain::Need>> SqlTransaction::LoadNeed(int64_t need_id) {
    std::optional<domain::Need> need;
    PW_RETURN_IF_ERROR(Read("load need", [&]() -> Status {
        std::vector<domain::Need> found = ReadNeeds(*session_, need_id, std::nullopt);
        if (!found.empty()) need = std::move(found.front());
        return Status::Ok();
    }));
    return need;
}

StatusOr<std::vector<domain::Need>> SqlTransaction::ListNeeds(std::optional<int64_t> institution_id) {
    std::vector<domain::Need> needs;
    PW_RETURN_IF_ERROR(Read("list needs", [&]() -> Status {
        needs = ReadNeeds(*session_, std::nullopt, institution_id);
        return Status::Ok();
    }));
    return needs;
}

Status SqlTransaction::UpdateNeed(int64_t need_id, int version, std::optional<int64_t> service_id,
                                  const std::string& outcome) {
    return Write("update need", [&] { return RewriteNeed(*session_, need_id, version, service_id, outcome); });
}

Status SqlTransaction::PutServiceMonth(const domain::ServiceMonth& month) {
    return Write("write service month", [&] { return WriteServiceMonth(*session_, month); });
}

StatusOr<std::vector<domain::ServiceMonth>> SqlTransaction::ListServiceMonths(std::optional<int64_t> service_id) {
    std::vector<domain::ServiceMonth> months;
    PW_RETURN_IF_ERROR(Read("list service months", [&]() -> Status {
        months = ReadServiceMonths(*session_, service_id);
        return Status::Ok();
    }));
    return months;
}

}  // namespace planwatch::storage::sql
