#pragma once
// HTTP end to end against a running `planwatch serve --demo`: the same suite on
// SQLite (web_test.cc) and on the private PostgreSQL of tests/harness
// (web_pgtest.cc). Requests go through curl, as a client on the network would.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "process.h"

namespace planwatch::testing {

struct WebBackend {
    std::string name;
    std::function<std::string(const std::string& dir)> fresh_database;
};

struct WebReply {
    int status = 0;
    std::string headers;
    std::string body;
    std::string Header(const std::string& name) const;  // first value, case-insensitive name
};

// The value of cookie name ("pw_csrf" → "abc…") from the reply's Set-Cookie headers; "" when absent.
std::string CookieValue(const WebReply& reply, const std::string& name);
// A JSON id as text for a URL, whether the API wrote it as a number or a string.
std::string IdText(const nlohmann::json& id);

class WebEndToEnd : public ::testing::TestWithParam<WebBackend> {
protected:
    // One server for the whole suite: seeding the samples takes seconds.
    static void StartServer(const WebBackend& backend);
    static void StopServer();
    void SetUp() override;

    static WebReply Request(const std::string& method, const std::string& path,
                            const std::map<std::string, std::string>& headers = {}, const std::string& body = "",
                            const std::string& body_file = "");
    static WebReply Get(const std::string& path, const std::map<std::string, std::string>& headers = {}) {
        return Request("GET", path, headers);
    }

    static inline std::string dir_;
    static inline std::string base_;
    static inline std::string backend_;
    static inline std::string database_;  // the --db URL the server runs on
    static inline std::unique_ptr<Background> server_;
    static inline std::map<std::string, std::string> passwords_;  // demo e-mail -> password
};

}  // namespace planwatch::testing
