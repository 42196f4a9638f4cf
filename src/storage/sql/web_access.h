#pragma once
// What the web application reads and writes beyond plans: browser sessions,
// users by id or API token, and search. Throws soci::soci_error like the other
// sql/ helpers; SqlTransaction maps it to a Status.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/store.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

void WriteSession(soci::session& session, const SessionRecord& record);
// The session and its user, or nullopt when unknown or expired at now (ISO 8601 UTC).
std::optional<SessionRecord> ReadSession(soci::session& session, const std::string& token_sha256,
                                         const std::string& now);
void RemoveSession(soci::session& session, const std::string& token_sha256);
std::optional<domain::User> ReadUserById(soci::session& session, int64_t user_id);
// The token's user; records the time of use in api_token.last_used_at is left to writes.
std::optional<domain::User> ReadUserByApiToken(soci::session& session, const std::string& token_sha256);
std::vector<domain::User> ReadUsers(soci::session& session);
// FTS5 on SQLite, unaccent + pg_trgm on PostgreSQL (migration 0005).
std::vector<SearchHit> RunSearch(soci::session& session, const std::string& query, int limit);

}  // namespace planwatch::storage::sql
