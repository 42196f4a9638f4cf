#pragma once
// The HTTP server. server.cc is the only file that includes RESTinio (slow to
// compile, and its next major version should touch one file); everything else
// in web/ is plain C++ returning web::Response.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "common/status.h"
#include "services/services.h"

namespace planwatch::web {

struct ServerOptions {
    std::string bind = "127.0.0.1";          // loopback unless told otherwise
    uint16_t port = 8080;
    size_t max_body_bytes = 50u << 20;       // uploads (multipart); larger request bodies are refused
    size_t max_form_bytes = 1u << 20;        // forms and JSON bodies: larger ones get 413
    size_t threads = 2;                      // I/O threads; most handlers run on them
    size_t document_threads = 2;             // routes with Pool::kDocuments (downloads) run on these
    bool secure_cookies = false;             // served over TLS (directly or behind a proxy): cookies get Secure
    std::chrono::seconds read_timeout{30};   // a client that sends nothing for this long is dropped
    std::chrono::seconds write_timeout{60};
    std::chrono::seconds handle_timeout{60}; // an unanswered request is abandoned after this
};

// Serves until SIGINT or SIGTERM, then returns OK. on_listening(url) is called
// once the socket accepts connections ("http://127.0.0.1:8080"). kUnavailable
// when the address cannot be bound (names it and why). Borrows services for
// the whole run; handlers call it from the server's threads.
Status RunServer(services::Services& services, const ServerOptions& options,
                 const std::function<void(const std::string& url)>& on_listening);

}  // namespace planwatch::web
