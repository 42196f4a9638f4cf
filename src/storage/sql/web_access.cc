#include "storage/sql/web_access.h"

#include <soci/soci.h>

#include <cctype>

#include "common/text.h"
#include "storage/sql/nullable.h"

namespace planwatch::storage::sql {
namespace {

constexpr char kInsertSession[] = R"sql(
    INSERT INTO session (token_sha256, user_id, csrf_token, created_at, expires_at)
    VALUES (:token_sha256, :user_id, :csrf_token, :created_at, :expires_at))sql";
constexpr char kSelectSession[] = R"sql(
    SELECT s.user_id, s.csrf_token, s.created_at, s.expires_at
    FROM session AS s WHERE s.token_sha256 = :token_sha256 AND s.expires_at > :now)sql";
constexpr char kDeleteSession[] = "DELETE FROM session WHERE token_sha256 = :token_sha256";
constexpr char kSelectUserById[] = R"sql(
    SELECT id, email, role, institution_id, password_hash, disabled_at FROM app_user WHERE id = :id)sql";
constexpr char kSelectUserByToken[] = R"sql(
    SELECT u.id FROM api_token AS t JOIN app_user AS u ON u.id = t.user_id WHERE t.token_sha256 = :token_sha256)sql";
constexpr char kSelectUsers[] = R"sql(
    SELECT id, email, role, institution_id, password_hash, disabled_at FROM app_user ORDER BY email_key)sql";

// Ranked by FTS5's bm25; the tokenizer folds case and diacritics on both sides.
constexpr char kSearchSqlite[] = R"sql(
    SELECT kind, CAST(ref_id AS INTEGER), COALESCE(CAST(plan_id AS INTEGER), 0), title
    FROM search_index WHERE search_index MATCH :match ORDER BY rank LIMIT :limit)sql";
// The trigram indexes of 0005_search.postgres.sql serve each LIKE. SOCI binds
// each placeholder occurrence separately, hence four names for one pattern.
constexpr char kSearchPostgres[] = R"sql(
    SELECT kind, ref_id, plan_id, title FROM (
        SELECT 'plan' AS kind, id AS ref_id, id AS plan_id, title, 1 AS ord
        FROM plan WHERE pw_search_key(title) LIKE :p1
        UNION ALL
        SELECT 'activity', id, plan_id, code || ' ' || title, 2
        FROM node WHERE kind = 'activity' AND pw_search_key(code || ' ' || title) LIKE :p2
        UNION ALL
        SELECT 'institution', id, 0, name || ' ' || acronym, 3
        FROM institution WHERE pw_search_key(name || ' ' || acronym) LIKE :p3
        UNION ALL
        SELECT 'service', id, plan_id, name || ' ' || code || ' ' || locality, 4
        FROM social_service WHERE pw_search_key(name || ' ' || code || ' ' || locality) LIKE :p4
    ) AS hits ORDER BY ord, ref_id LIMIT :limit)sql";

domain::User UserFromRow(long long id, std::string email, const std::string& role,
                         const Nullable<long long>& institution, std::string hash, std::string disabled_at) {
    domain::User user;
    std::optional<domain::Role> parsed = domain::ParseRole(role);
    if (!parsed) throw soci::soci_error("unknown role \"" + role + "\" in the database");
    user.id = id;
    user.email = std::move(email);
    user.role = *parsed;
    if (institution.Get()) user.institution_id = institution.value;
    user.password_hash = std::move(hash);
    user.disabled_at = std::move(disabled_at);
    return user;
}

// Words of the query as search keys: letters and digits (any script) kept,
// everything else, FTS5 syntax included, separates words.
std::vector<std::string> QueryWords(const std::string& query) {
    std::string key = text::SearchKey(query);
    std::vector<std::string> words;
    std::string current;
    for (unsigned char c : key) {
        if (c >= 0x80 || std::isalnum(c)) {
            current += static_cast<char>(c);
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

}  // namespace

void WriteSession(soci::session& session, const SessionRecord& record) {
    long long user_id = record.user_id;
    session << kInsertSession, soci::use(record.token_sha256), soci::use(user_id), soci::use(record.csrf_token),
        soci::use(record.created_at), soci::use(record.expires_at);
}

std::optional<SessionRecord> ReadSession(soci::session& session, const std::string& token_sha256,
                                         const std::string& now) {
    SessionRecord record;
    long long user_id = 0;
    session << kSelectSession, soci::use(token_sha256), soci::use(now), soci::into(user_id),
        soci::into(record.csrf_token), soci::into(record.created_at), soci::into(record.expires_at);
    if (!session.got_data()) return std::nullopt;
    std::optional<domain::User> user = ReadUserById(session, user_id);
    if (!user) return std::nullopt;
    record.token_sha256 = token_sha256;
    record.user_id = user_id;
    record.user = std::move(*user);
    return record;
}

void RemoveSession(soci::session& session, const std::string& token_sha256) {
    session << kDeleteSession, soci::use(token_sha256);
}

std::optional<domain::User> ReadUserById(soci::session& session, int64_t user_id) {
    long long id = user_id;
    long long found = 0;
    std::string email, role, hash, disabled_at;
    Nullable<long long> institution;
    session << kSelectUserById, soci::use(id), soci::into(found), soci::into(email), soci::into(role),
        soci::into(institution.value, institution.ind), soci::into(hash), soci::into(disabled_at);
    if (!session.got_data()) return std::nullopt;
    return UserFromRow(found, std::move(email), role, institution, std::move(hash), std::move(disabled_at));
}

std::optional<domain::User> ReadUserByApiToken(soci::session& session, const std::string& token_sha256) {
    long long id = 0;
    session << kSelectUserByToken, soci::use(token_sha256), soci::into(id);
    if (!session.got_data()) return std::nullopt;
    return ReadUserById(session, id);
}

std::vector<domain::User> ReadUsers(soci::session& session) {
    std::vector<domain::User> users;
    long long id = 0;
    std::string email, role, hash, disabled_at;
    Nullable<long long> institution;
    soci::statement st = (session.prepare << kSelectUsers, soci::into(id), soci::into(email), soci::into(role),
                          soci::into(institution.value, institution.ind), soci::into(hash), soci::into(disabled_at));
    st.execute();
    while (st.fetch()) users.push_back(UserFromRow(id, email, role, institution, hash, disabled_at));
    return users;
}

std::vector<SearchHit> RunSearch(soci::session& session, const std::string& query, int limit) {
    std::vector<SearchHit> hits;
    std::vector<std::string> words = QueryWords(query);
    if (words.empty() || limit <= 0) return hits;
    const bool sqlite = session.get_backend_name() == "sqlite3";
    std::string argument;
    if (sqlite) {
        // "sanat scoal" -> "sanat"* AND "scoal"*: every word, each as a prefix.
        for (const std::string& word : words) {
            if (!argument.empty()) argument += " AND ";
            argument += "\"" + word + "\"*";
        }
    } else {
        argument = "%";
        for (const std::string& word : words) argument += word + "%";
    }
    std::string kind, title;
    long long ref_id = 0, plan_id = 0;
    int max_rows = limit;
    soci::statement st = sqlite ? (session.prepare << kSearchSqlite, soci::use(argument), soci::use(max_rows),
                                   soci::into(kind), soci::into(ref_id), soci::into(plan_id), soci::into(title))
                                : (session.prepare << kSearchPostgres, soci::use(argument), soci::use(argument),
                                   soci::use(argument), soci::use(argument), soci::use(max_rows), soci::into(kind),
                                   soci::into(ref_id), soci::into(plan_id), soci::into(title));
    st.execute();
    while (st.fetch()) {
        SearchHit hit{.kind = kind, .id = ref_id, .title = title};
        if (plan_id > 0) hit.plan_id = plan_id;
        hits.push_back(std::move(hit));
    }
    return hits;
}

}  // namespace planwatch::storage::sql
