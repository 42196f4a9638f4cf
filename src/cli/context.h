#pragma once
// What every command shares: the global options (--db, --json, --max-size) and
// the exit code the command leaves. One per process run.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "services/import_service.h"
#include "services/services.h"
#include "storage/store.h"

namespace planwatch::cli {

inline constexpr char kDefaultDatabase[] = "sqlite:var/planwatch.db";

// What `serve` asks the web server for; main.cc runs the server (cli/ does not
// depend on web/).
struct ServeSettings {
    std::string bind = "127.0.0.1";
    uint16_t port = 8080;
    size_t max_body_bytes = services::kDefaultMaxUploadBytes;
    bool secure_cookies = false;  // behind a TLS-terminating proxy: cookies get Secure, HSTS is sent
};
// Runs the server until it is told to stop; the Status says why it could not start.
using ServeHook = std::function<Status(services::Services&, const ServeSettings&)>;

struct CommandContext {
    std::string db_url = kDefaultDatabase;
    bool json = false;
    std::string max_size;  // empty: the default limit
    std::string lang = "auto";
    int exit_code = 0;
    ServeHook serve;

    // The upload limit from --max-size / PLANWATCH_MAX_UPLOAD; kMalformed for bad text.
    StatusOr<size_t> MaxBytes() const;
    // Opens (and migrates) the database named by --db / PLANWATCH_DB.
    StatusOr<std::unique_ptr<storage::Store>> OpenStore() const;
    // Prints the error and keeps the worse of its exit code and the one so far.
    void Fail(const Status& status);
};

}  // namespace planwatch::cli
