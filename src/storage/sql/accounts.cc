#include "storage/sql/accounts.h"

#include <soci/soci.h>

#include "common/text.h"
#include "storage/sql/clock.h"
#include "storage/sql/nullable.h"

namespace planwatch::storage::sql {
namespace {

constexpr char kCountEmail[] = "SELECT COUNT(*) FROM app_user WHERE email_key = :email_key";
constexpr char kInsertUser[] = R"sql(
    INSERT INTO app_user (email, email_key, role, institution_id, password_hash, created_at)
    VALUES (:email, :email_key, :role, :institution_id, :password_hash, :created_at)
    RETURNING id)sql";
constexpr char kSelectUser[] = R"sql(
    SELECT id, email, role, institution_id, password_hash, disabled_at FROM app_user WHERE email_key = :email_key)sql";
constexpr char kUpdateUser[] = R"sql(
    UPDATE app_user SET role = :role, institution_id = :institution_id, disabled_at = :disabled_at
    WHERE id = :id)sql";
constexpr char kDeleteSessionsOfUser[] = "DELETE FROM session WHERE user_id = :user_id";
constexpr char kDeleteTokensOfUser[] = "DELETE FROM api_token WHERE user_id = :user_id";
constexpr char kCountUser[] = "SELECT COUNT(*) FROM app_user WHERE id = :id";
constexpr char kCountToken[] = "SELECT COUNT(*) FROM api_token WHERE token_sha256 = :token_sha256";
constexpr char kInsertToken[] = R"sql(
    INSERT INTO api_token (user_id, token_sha256, label, created_at)
    VALUES (:user_id, :token_sha256, :label, :created_at)
    RETURNING id)sql";

std::string EmailKey(const std::string& email) { return text::Lower(text::Normalize(email)); }

}  // namespace

StatusOr<int64_t> WriteUser(soci::session& session, const domain::User& user) {
    std::string key = EmailKey(user.email);
    long long taken = 0;
    session << kCountEmail, soci::use(key), soci::into(taken);
    if (taken > 0) return Conflict("a user with e-mail " + user.email + " already exists");
    std::string role = domain::Name(user.role);
    Nullable<long long> institution(user.institution_id ? std::optional<long long>(*user.institution_id)
                                                        : std::nullopt);
    std::string now = NowUtc();
    long long id = 0;
    session << kInsertUser, soci::use(user.email), soci::use(key), soci::use(role),
        soci::use(institution.value, institution.ind), soci::use(user.password_hash), soci::use(now), soci::into(id);
    return static_cast<int64_t>(id);
}

std::optional<domain::User> ReadUserByEmail(soci::session& session, const std::string& email) {
    std::string key = EmailKey(email);
    long long id = 0;
    std::string role;
    Nullable<long long> institution;
    domain::User user;
    session << kSelectUser, soci::use(key), soci::into(id), soci::into(user.email), soci::into(role),
        soci::into(institution.value, institution.ind), soci::into(user.password_hash), soci::into(user.disabled_at);
    if (!session.got_data()) return std::nullopt;
    std::optional<domain::Role> parsed = domain::ParseRole(role);
    if (!parsed) throw soci::soci_error("unknown role \"" + role + "\" in the database");
    user.id = id;
    user.role = *parsed;
    if (institution.Get()) user.institution_id = institution.value;
    return user;
}

Status WriteUserChange(soci::session& session, const domain::User& user) {
    if (!user.id) return InvalidArgument("a user to update needs its id");
    std::string role = domain::Name(user.role);
    Nullable<long long> institution(user.institution_id ? std::optional<long long>(*user.institution_id)
                                                        : std::nullopt);
    long long id = *user.id;
    soci::statement st = (session.prepare << kUpdateUser, soci::use(role), soci::use(institution.value, institution.ind),
                          soci::use(user.disabled_at), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() == 0) return NotFound("no user with id " + std::to_string(*user.id));
    return Status::Ok();
}

void RemoveUserAccess(soci::session& session, int64_t user_id) {
    long long id = user_id;
    session << kDeleteSessionsOfUser, soci::use(id);
    session << kDeleteTokensOfUser, soci::use(id);
}

StatusOr<int64_t> WriteApiToken(soci::session& session, int64_t user_id, const std::string& token_sha256,
                                const std::string& label) {
    long long user = user_id;
    long long found = 0;
    session << kCountUser, soci::use(user), soci::into(found);
    if (found == 0) return NotFound("no user with id " + std::to_string(user_id));
    session << kCountToken, soci::use(token_sha256), soci::into(found);
    if (found > 0) return Conflict("this API token is already stored");
    std::string now = NowUtc();
    long long id = 0;
    session << kInsertToken, soci::use(user), soci::use(token_sha256), soci::use(label), soci::use(now), soci::into(id);
    return static_cast<int64_t>(id);
}

}  // namespace planwatch::storage::sql
