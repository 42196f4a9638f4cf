#include "web/server.h"

#include <fmt/format.h>

#include <exception>
#include <restinio/all.hpp>
#include <thread>
#include <vector>

#include "web/app.h"
#include "web/http_errors.h"

namespace planwatch::web {
namespace {

// No router: every request goes to App, whose route table (routes.cc) is the
// one list of pages and endpoints.
using Traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;

const char* ReasonPhrase(int status) {
    switch (status) {
        case 200: return "OK";
        case 201: return "Created";
        case 204: return "No Content";
        case 303: return "See Other";
        case 304: return "Not Modified";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 409: return "Conflict";
        case 413: return "Payload Too Large";
        case 422: return "Unprocessable Entity";
        case 429: return "Too Many Requests";
        case 503: return "Service Unavailable";
        default: return status < 500 ? "Client Error" : "Internal Server Error";
    }
}

int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// %XX in a path; unlike a query, '+' stays '+'.
std::string DecodePath(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '%' && i + 2 < raw.size() && HexDigit(raw[i + 1]) >= 0 && HexDigit(raw[i + 2]) >= 0) {
            out += static_cast<char>(HexDigit(raw[i + 1]) * 16 + HexDigit(raw[i + 2]));
            i += 2;
        } else {
            out += raw[i];
        }
    }
    return out;
}

Request ToRequest(const restinio::request_handle_t& handle) {
    Request request;
    const auto& header = handle->header();
    request.method = header.method().c_str();
    request.path = DecodePath(header.path());
    request.query = std::string(header.query());
    header.for_each_field([&](const restinio::http_header_field_t& field) {
        std::string name(field.name());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string& value = request.headers[name];
        value = value.empty() ? std::string(field.value()) : value + (name == "cookie" ? "; " : ", ") + field.value();
    });
    request.body = handle->body();
    return request;
}

restinio::request_handling_status_t Send(const restinio::request_handle_t& handle, Response response) {
    restinio::http_status_line_t status_line{restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
                                             ReasonPhrase(response.status)};
    auto builder = handle->create_response(std::move(status_line));
    builder.append_header(restinio::http_field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) builder.append_header(std::move(name), std::move(value));
    if (response.shared_body) {
        builder.set_body(std::move(response.shared_body));  // shared, not copied
    } else {
        builder.set_body(std::move(response.body));
    }
    return builder.done();
}

// Handlers return Status for what they expect; anything thrown is a bug, answered as 500.
Response HandleGuarded(App& app, Request& request) {
    try {
        return app.Handle(request);
    } catch (const std::exception& e) {
        return ErrorResponse(Internal(fmt::format("unexpected error: {}", e.what())));
    }
}

std::string Describe(std::exception_ptr error) {
    try {
        if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
    }
    return "unknown error";
}

}  // namespace

Status RunServer(services::Services& services, const ServerOptions& options,
                 const std::function<void(const std::string& url)>& on_listening) {
    const bool ipv6 = options.bind.find(':') != std::string::npos;
    const std::string url =
        fmt::format("http://{}:{}", ipv6 ? "[" + options.bind + "]" : options.bind, options.port);
    App app(services, AppOptions{.max_form_bytes = options.max_form_bytes,
                                 .max_upload_bytes = options.max_body_bytes,
                                 .secure_cookies = options.secure_cookies});
    restinio::asio_ns::io_context io_context;
    // Declared before the server, so destroyed after it: queued handlers still
    // hold requests of its connections. Joined explicitly below, before App goes.
    restinio::asio_ns::thread_pool documents{std::max<size_t>(options.document_threads, 1)};
    std::string open_error;
    try {
        restinio::server_settings_t<Traits> settings;
        settings.address(options.bind)
            .port(options.port)
            .protocol(ipv6 ? restinio::asio_ns::ip::tcp::v6() : restinio::asio_ns::ip::tcp::v4())
            // Bodies up to the upload limit reach App, which answers 413 for forms
            // over theirs; beyond it RESTinio stops reading and drops the connection.
            .incoming_http_msg_limits(
                restinio::incoming_http_msg_limits_t{}.max_body_size(options.max_body_bytes + (64u << 10)))
            .read_next_http_message_timelimit(options.read_timeout)
            .write_http_response_timelimit(options.write_timeout)
            .handle_request_timeout(options.handle_timeout)
            // Answers leave in several writes (headers, body); without NODELAY a
            // later one can wait for the client's delayed ACK (40 ms).
            .socket_options_setter([](auto& socket_options) {
                socket_options.set_option(restinio::asio_ns::ip::tcp::no_delay{true});
            })
            .request_handler([&app, &documents](const restinio::request_handle_t& handle) {
                try {
                    Request request = ToRequest(handle);
                    if (!app.WritesDocuments(request)) return Send(handle, HandleGuarded(app, request));
                    // Answered later from the pool; RESTinio's connections take a response
                    // from any thread (their writes go through the connection's strand).
                    restinio::asio_ns::post(documents, [&app, handle, request = std::move(request)]() mutable {
                        try {
                            Send(handle, HandleGuarded(app, request));
                        } catch (const std::exception&) {
                            // The connection is gone; nobody is left to answer.
                        }
                    });
                    return restinio::request_accepted();
                } catch (const std::exception& e) {
                    return Send(handle, ErrorResponse(Internal(fmt::format("unexpected error: {}", e.what()))));
                }
            });
        restinio::http_server_t<Traits> server{restinio::external_io_context(io_context), std::move(settings)};

        restinio::asio_ns::signal_set stop_signals{io_context, SIGINT, SIGTERM};
        stop_signals.async_wait([&](const restinio::asio_ns::error_code& error, int) {
            if (error) return;
            server.close_async([&] { io_context.stop(); },
                               [&](std::exception_ptr) { io_context.stop(); });
        });
        server.open_async([&] { on_listening(url); },
                          [&](std::exception_ptr error) {
                              open_error = Describe(error);
                              io_context.stop();
                          });
        // Declared after the server, so destroyed before it: whatever throws below
        // (a thread that cannot be created), the threads stop and are joined first.
        struct Workers {
            restinio::asio_ns::io_context& io_context;
            std::vector<std::thread> threads;
            ~Workers() {
                io_context.stop();
                for (std::thread& thread : threads) thread.join();
            }
        } workers{io_context, {}};
        for (size_t i = 1; i < std::max<size_t>(options.threads, 1); ++i) {
            workers.threads.emplace_back([&io_context] { io_context.run(); });
        }
        io_context.run();
    } catch (const std::exception& e) {
        open_error = e.what();
    }
    // Handlers still running finish (their answers go nowhere); queued ones are dropped.
    documents.stop();
    documents.join();
    if (!open_error.empty()) {
        return Unavailable(fmt::format("cannot listen on {}: {}", url, open_error));
    }
    return Status::Ok();
}

}  // namespace planwatch::web
