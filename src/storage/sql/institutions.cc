#include "storage/sql/institutions.h"

#include <soci/soci.h>

#include "common/text.h"

namespace planwatch::storage::sql {
namespace {

constexpr char kFindByName[] = "SELECT id FROM institution WHERE search_key = :key";
constexpr char kFindByKey[] = R"sql(
    SELECT id FROM (
        SELECT id, 0 AS rank FROM institution WHERE search_key = :name_key
        UNION ALL
        SELECT id, 1 AS rank FROM institution WHERE acronym_key = :acronym_key AND acronym_key <> ''
        UNION ALL
        SELECT institution_id AS id, 2 AS rank FROM institution_alias WHERE search_key = :alias_key
    ) AS found
    ORDER BY rank, id
    LIMIT 1)sql";
constexpr char kFindByAlias[] =
    "SELECT institution_id FROM institution_alias WHERE search_key = :key "
    "ORDER BY institution_id LIMIT 1";
constexpr char kInsertInstitution[] = R"sql(
    INSERT INTO institution (name, search_key, acronym, acronym_key, kind, contact)
    VALUES (:name, :search_key, :acronym, :acronym_key, :kind, :contact)
    RETURNING id)sql";
// Only fills what is empty: the registry may have been edited since.
constexpr char kFillBlanks[] = R"sql(
    UPDATE institution SET
        acronym = CASE WHEN acronym = '' THEN :acronym ELSE acronym END,
        acronym_key = CASE WHEN acronym_key = '' THEN :acronym_key ELSE acronym_key END,
        kind = CASE WHEN kind = '' THEN :kind ELSE kind END,
        contact = CASE WHEN contact = '' THEN :contact ELSE contact END
    WHERE id = :id)sql";
constexpr char kInsertAlias[] = R"sql(
    INSERT INTO institution_alias (institution_id, alias, search_key)
    VALUES (:institution_id, :alias, :search_key)
    ON CONFLICT (institution_id, search_key) DO NOTHING)sql";
constexpr char kLinkParent[] =
    "UPDATE institution SET parent_id = :parent_id WHERE id = :id AND parent_id IS NULL AND id <> :self";

std::optional<int64_t> FindOne(soci::session& session, const char* query, const std::string& key) {
    long long id = 0;
    soci::indicator ind = soci::i_null;
    session << query, soci::use(key), soci::into(id, ind);
    if (!session.got_data() || ind == soci::i_null) return std::nullopt;
    return id;
}

void AddAlias(soci::session& session, long long institution_id, const std::string& alias,
              const std::string& registry_key) {
    std::string key = text::SearchKey(alias);
    if (key.empty() || key == registry_key) return;
    session << kInsertAlias, soci::use(institution_id), soci::use(alias), soci::use(key);
}

}  // namespace

int64_t EnsureInstitution(soci::session& session, const domain::Institution& institution) {
    std::string key = text::SearchKey(institution.name);
    std::string acronym_key = text::SearchKey(institution.acronym);
    std::optional<int64_t> found = FindOne(session, kFindByName, key);
    if (!found) found = FindOne(session, kFindByAlias, key);

    long long id = 0;
    std::string registry_key = key;
    if (found) {
        id = *found;
        session << kFillBlanks, soci::use(institution.acronym), soci::use(acronym_key), soci::use(institution.kind),
            soci::use(institution.contact), soci::use(id);
        session << "SELECT search_key FROM institution WHERE id = :id", soci::use(id), soci::into(registry_key);
        AddAlias(session, id, institution.name, registry_key);
    } else {
        session << kInsertInstitution, soci::use(institution.name), soci::use(key), soci::use(institution.acronym),
            soci::use(acronym_key), soci::use(institution.kind), soci::use(institution.contact), soci::into(id);
    }
    for (const std::string& alias : institution.aliases) AddAlias(session, id, alias, registry_key);
    return id;
}

void LinkParent(soci::session& session, int64_t child_id, int64_t parent_id) {
    long long child = child_id;
    long long parent = parent_id;
    session << kLinkParent, soci::use(parent), soci::use(child), soci::use(parent);
}

std::optional<int64_t> FindInstitutionId(soci::session& session, const std::string& name) {
    std::string key = text::SearchKey(name);
    if (key.empty()) return std::nullopt;
    long long id = 0;
    soci::indicator ind = soci::i_null;
    session << kFindByKey, soci::use(key), soci::use(key), soci::use(key), soci::into(id, ind);
    if (!session.got_data() || ind == soci::i_null) return std::nullopt;
    return id;
}

}  // namespace planwatch::storage::sql
