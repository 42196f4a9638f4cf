#pragma once
// Users and API tokens. E-mails match without regard to case. Throws
// soci::soci_error (a duplicate e-mail or token is a unique violation, which
// FromSociError makes kConflict).
#include <cstdint>
#include <optional>
#include <string>

#include "common/status.h"
#include "domain/user.h"

namespace soci {
class session;
}

namespace planwatch::storage::sql {

// kConflict naming the e-mail when it is taken.
StatusOr<int64_t> WriteUser(soci::session& session, const domain::User& user);
std::optional<domain::User> ReadUserByEmail(soci::session& session, const std::string& email);
// Role, institution and disabled_at of the user with user.id; kNotFound for an unknown id.
Status WriteUserChange(soci::session& session, const domain::User& user);
// Deletes every session and API token of the user.
void RemoveUserAccess(soci::session& session, int64_t user_id);
// kNotFound for an unknown user; kConflict for a hash already stored.
StatusOr<int64_t> WriteApiToken(soci::session& session, int64_t user_id, const std::string& token_sha256,
                                const std::string& label);

}  // namespace planwatch::storage::sql
