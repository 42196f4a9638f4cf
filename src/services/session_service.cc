#include "services/session_service.h"

#include <sodium.h>

#include <ctime>

#include "common/sha256.h"
#include "common/text.h"
#include "services/credentials.h"

namespace planwatch::services {
namespace {

std::string RandomHex(size_t bytes) {
    std::vector<unsigned char> buffer(bytes);
    randombytes_buf(buffer.data(), buffer.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), buffer.data(), buffer.size());
    hex.pop_back();
    return hex;
}

std::string UtcIn(std::chrono::seconds from_now) {
    std::time_t at = std::time(nullptr) + from_now.count();
    std::tm tm{};
    gmtime_r(&at, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

// Checking a password costs ~0.2 s of argon2id; an unknown e-mail costs the same,
// so response time does not tell which e-mails exist.
const std::string& DummyHash() {
    static const std::string hash = HashPassword("not-a-real-password-only-for-timing").value();
    return hash;
}

}  // namespace

bool SessionService::Locked(const std::string& email_key) {
    std::lock_guard lock(mutex_);
    auto it = failures_.find(email_key);
    if (it == failures_.end()) return false;
    const auto cutoff = std::chrono::steady_clock::now() - options_.window;
    std::erase_if(it->second, [&](auto at) { return at < cutoff; });
    return static_cast<int>(it->second.size()) >= options_.max_failures;
}

void SessionService::RecordFailure(const std::string& email_key) {
    std::lock_guard lock(mutex_);
    failures_[email_key].push_back(std::chrono::steady_clock::now());
}

StatusOr<NewSession> SessionService::SignIn(const std::string& email, const std::string& password) {
    const std::string key = text::Lower(text::Normalize(email));
    if (Locked(key)) {
        return Status(StatusCode::kPermissionDenied, "too many failed sign-ins for this e-mail; try again later");
    }
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<domain::User> user, tx->FindUserByEmail(email));
    bool valid = false;
    if (user && !user->password_hash.empty()) {
        // A disabled account gets the same answer as a wrong password, after the same work.
        valid = VerifyPassword(password, user->password_hash) && !user->Disabled();
    } else {
        (void)VerifyPassword(password, DummyHash());
    }
    if (!valid) {
        RecordFailure(key);
        return Status(StatusCode::kUnauthenticated, "the e-mail or password is not correct",
                      SourcePosition{.field = "password"});
    }
    NewSession session{.secret = RandomHex(32), .csrf = RandomHex(32), .user = *user};
    storage::SessionRecord record{.token_sha256 = Sha256Hex(session.secret),
                                  .user_id = user->id.value_or(0),
                                  .csrf_token = session.csrf,
                                  .created_at = UtcIn(std::chrono::seconds(0)),
                                  .expires_at = UtcIn(std::chrono::hours(options_.hours))};
    PW_RETURN_IF_ERROR(tx->InsertSession(record));
    PW_RETURN_IF_ERROR(tx->Append(domain::AuditEvent{.actor = user->email,
                                                      .action = "session.create",
                                                      .entity = "user",
                                                      .entity_id = std::to_string(user->id.value_or(0)),
                                                      .before_json = "null",
                                                      .after_json = "null"}));
    PW_RETURN_IF_ERROR(tx->Commit());
    return session;
}

StatusOr<std::optional<storage::SessionRecord>> SessionService::Find(const std::string& secret) {
    if (secret.empty()) return std::optional<storage::SessionRecord>();
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    return tx->FindSession(Sha256Hex(secret));
}

Status SessionService::SignOut(const std::string& secret, const std::string& actor) {
    if (secret.empty()) return Status::Ok();
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_RETURN_IF_ERROR(tx->DeleteSession(Sha256Hex(secret)));
    PW_RETURN_IF_ERROR(tx->Append(domain::AuditEvent{
        .actor = actor, .action = "session.delete", .entity = "session", .before_json = "null", .after_json = "null"}));
    return tx->Commit();
}

StatusOr<std::optional<domain::User>> SessionService::FindTokenUser(const std::string& token) {
    if (token.empty()) return std::optional<domain::User>();
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    return tx->FindUserByApiToken(Sha256Hex(token));
}

StatusOr<std::vector<domain::User>> SessionService::ListUsers() {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    return tx->ListUsers();
}

}  // namespace planwatch::services
