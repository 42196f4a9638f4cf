// SqlTransaction's evidence files (store.h): uploaded bytes stored once per
// sha256 in evidence_file (migration 0009), as base64 text (common/base64.h).
#include <soci/soci.h>

#include "common/base64.h"
#include "storage/sql/sql_transaction.h"

namespace planwatch::storage::sql {
namespace {

constexpr char kCountFile[] = "SELECT COUNT(*) FROM evidence_file WHERE sha256 = :sha256";
constexpr char kInsertFile[] = R"sql(
    INSERT INTO evidence_file (sha256, size, media_type, content, stored_at, stored_by)
    VALUES (:sha256, :size, :media_type, :content, :stored_at, :stored_by))sql";
// The content column is read only when asked for: a report page needs the size, not the bytes.
constexpr char kSelectFile[] = R"sql(
    SELECT size, media_type, stored_at, stored_by, CASE WHEN :with_bytes = 1 THEN content ELSE '' END
    FROM evidence_file WHERE sha256 = :sha256)sql";
constexpr char kSelectReportsWithFile[] =
    "SELECT DISTINCT report_id FROM progress_evidence WHERE sha256 = :sha256 ORDER BY report_id";

}  // namespace

StatusOr<bool> SqlTransaction::PutEvidenceFile(const EvidenceFile& file) {
    bool inserted = false;
    PW_RETURN_IF_ERROR(Write("store evidence file", [&]() -> Status {
        long long found = 0;
        *session_ << kCountFile, soci::use(file.sha256), soci::into(found);
        if (found > 0) return Status::Ok();
        long long size = file.size;
        const std::string content = Base64Encode(file.bytes);
        *session_ << kInsertFile, soci::use(file.sha256), soci::use(size), soci::use(file.media_type),
            soci::use(content), soci::use(file.stored_at), soci::use(file.stored_by);
        inserted = true;
        return Status::Ok();
    }));
    return inserted;
}

StatusOr<std::optional<EvidenceFile>> SqlTransaction::LoadEvidenceFile(const std::string& sha256, bool with_bytes) {
    std::optional<EvidenceFile> file;
    PW_RETURN_IF_ERROR(Read("load evidence file", [&]() -> Status {
        EvidenceFile row{.sha256 = sha256};
        long long size = 0;
        int wanted = with_bytes ? 1 : 0;
        std::string content;
        soci::statement st = (session_->prepare << kSelectFile, soci::use(wanted, "with_bytes"),
                              soci::use(sha256, "sha256"), soci::into(size), soci::into(row.media_type),
                              soci::into(row.stored_at), soci::into(row.stored_by), soci::into(content));
        st.execute();
        if (!st.fetch()) return Status::Ok();
        row.size = size;
        if (with_bytes) {
            std::optional<std::string> bytes = Base64Decode(content);
            if (!bytes) return Internal("evidence file " + sha256 + " is not valid base64 in the database");
            row.bytes = std::move(*bytes);
        }
        file = std::move(row);
        return Status::Ok();
    }));
    return file;
}

StatusOr<std::vector<int64_t>> SqlTransaction::ListReportsWithEvidence(const std::string& sha256) {
    std::vector<int64_t> ids;
    PW_RETURN_IF_ERROR(Read("list reports with evidence", [&]() -> Status {
        long long id = 0;
        soci::statement st = (session_->prepare << kSelectReportsWithFile, soci::use(sha256), soci::into(id));
        st.execute();
        while (st.fetch()) ids.push_back(id);
        return Status::Ok();
    }));
    return ids;
}

}  // namespace planwatch::storage::sql
