#include "storage/sql/institution_edits.h"

#include <soci/soci.h>

#include <utility>

#include "common/text.h"
#include "storage/sql/nullable.h"

namespace planwatch::storage::sql {
namespace {

constexpr char kCountInstitution[] = "SELECT COUNT(*) FROM institution WHERE id = :id";
constexpr char kSelectParent[] = "SELECT parent_id FROM institution WHERE id = :id";
// Another entry already answering to the key, by its name or one of its aliases.
constexpr char kSelectOtherByKey[] = R"sql(
    SELECT id, name FROM (
        SELECT id, name, 0 AS rank FROM institution WHERE search_key = :name_key AND id <> :self_a
        UNION ALL
        SELECT i.id, i.name, 1 AS rank FROM institution_alias a JOIN institution i ON i.id = a.institution_id
            WHERE a.search_key = :alias_key AND a.institution_id <> :self_b
    ) AS found
    ORDER BY rank, id
    LIMIT 1)sql";
constexpr char kInsertInstitution[] = R"sql(
    INSERT INTO institution (name, search_key, acronym, acronym_key, kind, parent_id, contact, reviewed)
    VALUES (:name, :search_key, :acronym, :acronym_key, :kind, :parent_id, :contact, 1)
    RETURNING id)sql";
constexpr char kUpdateInstitution[] = R"sql(
    UPDATE institution SET name = :name, search_key = :search_key, acronym = :acronym, acronym_key = :acronym_key,
        kind = :kind, parent_id = :parent_id, contact = :contact, reviewed = 1
    WHERE id = :id)sql";
constexpr char kDeleteAliases[] = "DELETE FROM institution_alias WHERE institution_id = :id";
constexpr char kInsertAlias[] = R"sql(
    INSERT INTO institution_alias (institution_id, alias, search_key)
    VALUES (:institution_id, :alias, :search_key)
    ON CONFLICT (institution_id, search_key) DO NOTHING)sql";

// What a merge moves, table by table (registry_sql.cc kReferences), plus the
// child units and the aliases that become aliases of the entry kept.
constexpr std::pair<const char*, const char*> kReferenceCounts[] = {
    {"plan_institution", "SELECT COUNT(*) FROM plan_institution WHERE institution_id = :id"},
    {"responsibility", "SELECT COUNT(*) FROM responsibility WHERE institution_id = :id"},
    {"app_user", "SELECT COUNT(*) FROM app_user WHERE institution_id = :id"},
    {"progress_report", "SELECT COUNT(*) FROM progress_report WHERE institution_id = :id"},
    {"round_reopening", "SELECT COUNT(*) FROM round_reopening WHERE institution_id = :id"},
    {"reminder_outbox", "SELECT COUNT(*) FROM reminder_outbox WHERE institution_id = :id"},
    {"need", "SELECT COUNT(*) FROM need WHERE institution_id = :id"},
    {"institution", "SELECT COUNT(*) FROM institution WHERE parent_id = :id"},
    {"institution_alias", "SELECT COUNT(*) FROM institution_alias WHERE institution_id = :id"},
};

bool Exists(soci::session& session, int64_t id) {
    long long key = id, count = 0;
    session << kCountInstitution, soci::use(key), soci::into(count);
    return count > 0;
}

Status FieldStatus(StatusCode code, std::string message, const char* field) {
    return Status(code, std::move(message), SourcePosition{.field = field});
}

// kConflict when text (the name or an alias) already names another entry.
Status CheckFree(soci::session& session, const std::string& text, long long self, const char* field) {
    std::string key = text::SearchKey(text);
    long long other = 0;
    std::string other_name;
    soci::indicator ind = soci::i_null;
    session << kSelectOtherByKey, soci::use(key), soci::use(self), soci::use(key), soci::use(self),
        soci::into(other, ind), soci::into(other_name);
    if (!session.got_data() || ind == soci::i_null) return Status::Ok();
    return FieldStatus(StatusCode::kConflict,
                       "“" + text + "” already names institution " + std::to_string(other) + " (“" + other_name +
                           "”); merge the two instead",
                       field);
}

// The checks both writes share; self is 0 for a new entry.
Status CheckEdit(soci::session& session, const InstitutionEdit& edit, long long self) {
    if (text::SearchKey(edit.name).empty()) {
        return FieldStatus(StatusCode::kInvalidArgument, "the canonical name is empty", "name");
    }
    PW_RETURN_IF_ERROR(CheckFree(session, edit.name, self, "name"));
    for (const std::string& alias : edit.aliases) PW_RETURN_IF_ERROR(CheckFree(session, alias, self, "aliases"));
    if (!edit.parent_id) return Status::Ok();
    if (!Exists(session, *edit.parent_id)) {
        return FieldStatus(StatusCode::kNotFound, "no institution with id " + std::to_string(*edit.parent_id),
                           "parent");
    }
    // Up from the new parent to the root: meeting the entry itself means the
    // parent is one of its own units. The registry has no cycle to begin with,
    // and every edit goes through this check, so the walk ends at a root.
    std::optional<long long> up = *edit.parent_id;
    while (up) {
        if (*up == self) {
            return FieldStatus(StatusCode::kInvalidArgument,
                               *edit.parent_id == self ? "an institution cannot be its own parent"
                                                       : "the parent is one of the institution's own units",
                               "parent");
        }
        long long at = *up;
        Nullable<long long> parent;
        session << kSelectParent, soci::use(at), soci::into(parent.value, parent.ind);
        up = parent.Get();
    }
    return Status::Ok();
}

void WriteAliases(soci::session& session, long long id, const InstitutionEdit& edit) {
    const std::string name_key = text::SearchKey(edit.name);
    for (const std::string& alias : edit.aliases) {
        std::string key = text::SearchKey(alias);
        if (key.empty() || key == name_key) continue;
        session << kInsertAlias, soci::use(id), soci::use(alias), soci::use(key);
    }
}

}  // namespace

StatusOr<int64_t> InsertInstitutionRow(soci::session& session, const InstitutionEdit& edit) {
    PW_RETURN_IF_ERROR(CheckEdit(session, edit, 0));
    std::string key = text::SearchKey(edit.name), acronym_key = text::SearchKey(edit.acronym);
    Nullable<long long> parent(edit.parent_id ? std::optional<long long>(*edit.parent_id) : std::nullopt);
    long long id = 0;
    session << kInsertInstitution, soci::use(edit.name), soci::use(key), soci::use(edit.acronym),
        soci::use(acronym_key), soci::use(edit.kind), soci::use(parent.value, parent.ind), soci::use(edit.contact),
        soci::into(id);
    WriteAliases(session, id, edit);
    return static_cast<int64_t>(id);
}

Status UpdateInstitutionRow(soci::session& session, int64_t institution_id, const InstitutionEdit& edit) {
    if (!Exists(session, institution_id)) return NotFound("no institution with id " + std::to_string(institution_id));
    long long id = institution_id;
    PW_RETURN_IF_ERROR(CheckEdit(session, edit, id));
    std::string key = text::SearchKey(edit.name), acronym_key = text::SearchKey(edit.acronym);
    Nullable<long long> parent(edit.parent_id ? std::optional<long long>(*edit.parent_id) : std::nullopt);
    session << kUpdateInstitution, soci::use(edit.name), soci::use(key), soci::use(edit.acronym),
        soci::use(acronym_key), soci::use(edit.kind), soci::use(parent.value, parent.ind), soci::use(edit.contact),
        soci::use(id);
    session << kDeleteAliases, soci::use(id);
    WriteAliases(session, id, edit);
    return Status::Ok();
}

std::map<std::string, int64_t> CountReferenceRows(soci::session& session, int64_t institution_id) {
    std::map<std::string, int64_t> counts;
    long long id = institution_id;
    for (const auto& [table, query] : kReferenceCounts) {
        long long count = 0;
        session << query, soci::use(id), soci::into(count);
        counts[table] = count;
    }
    return counts;
}

}  // namespace planwatch::storage::sql
