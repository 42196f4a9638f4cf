#pragma once
// Signing in and out of the web application: sessions stored in the database
// (only the SHA-256 of the cookie's secret), a CSRF token bound to each
// session, a limit on failed sign-ins, and API bearer tokens. Passwords are
// checked against their argon2id hashes (credentials.h).
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/user.h"
#include "storage/store.h"

namespace planwatch::services {

struct SessionOptions {
    int hours = 12;                // a session lasts this long after sign-in
    int max_failures = 5;          // failed sign-ins per e-mail within window before it is locked
    std::chrono::minutes window{15};
};

struct NewSession {
    std::string secret;  // goes into the cookie; never stored
    std::string csrf;    // goes into every form of the session
    domain::User user;
};

class SessionService {
public:
    // Borrows store, which must outlive the service. Any thread may call.
    explicit SessionService(storage::Store& store, SessionOptions options = {})
        : store_(store), options_(options) {}

    // Checks the password and opens a session (audited as session.create).
    // kUnauthenticated for an unknown e-mail or a wrong password (the same
    // message for both); kPermissionDenied while the e-mail is locked after too
    // many failures.
    StatusOr<NewSession> SignIn(const std::string& email, const std::string& password);

    // The session of a cookie secret, or nullopt when unknown or expired.
    StatusOr<std::optional<storage::SessionRecord>> Find(const std::string& secret);

    // Ends the session (audited as session.delete); an unknown one is fine.
    Status SignOut(const std::string& secret, const std::string& actor);

    // The user of an API token ("pw_…"), or nullopt.
    StatusOr<std::optional<domain::User>> FindTokenUser(const std::string& token);

    StatusOr<std::vector<domain::User>> ListUsers();

    void set_options(const SessionOptions& options) { options_ = options; }

private:
    bool Locked(const std::string& email_key);
    void RecordFailure(const std::string& email_key);

    storage::Store& store_;
    SessionOptions options_;
    std::mutex mutex_;
    std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> failures_;  // GUARDED_BY(mutex_)
};

}  // namespace planwatch::services
