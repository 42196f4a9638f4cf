#pragma once
// A private PostgreSQL 15 for one test binary: initdb in a fresh temporary
// folder, pg_ctl start on a free port of 127.0.0.1 (socket in that folder too),
// stopped and deleted at exit. Nothing touches a system cluster.
//
// In a _pgtest.cc:
//     int main(int argc, char** argv) {  // or rely on the environment below
//         ::testing::InitGoogleTest(&argc, argv);
//         ::testing::AddGlobalTestEnvironment(new planwatch::testing::PgEnvironment);
//         return RUN_ALL_TESTS();
//     }
//     ... planwatch::testing::PgEnvironment::Server().CreateDatabase("t1") -> URL
//
// We run as root in CI and initdb refuses root, so then the folder is given to
// the "postgres" user and the server binaries run through `runuser -u postgres --`.
#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace planwatch::testing {

class PgServer {
public:
    // Starts a server; on failure returns nullptr and sets *error to what went
    // wrong (with the tail of the server log). Prints one line to stderr:
    // "pg_harness: PostgreSQL 15.x started on 127.0.0.1:PORT in /tmp/pw_pg_…".
    static std::unique_ptr<PgServer> Start(std::string* error);
    // Stops the server (immediate shutdown) and deletes its folder.
    ~PgServer();

    // Creates an empty UTF-8 database with the unaccent and pg_trgm extensions
    // and returns its URL, "postgresql://postgres@127.0.0.1:PORT/name". name must
    // be a plain identifier and new. Returns "" and sets *error on failure.
    std::string CreateDatabase(const std::string& name, std::string* error);

    int port() const { return port_; }
    const std::string& dir() const { return dir_; }
    const std::string& version() const { return version_; }

private:
    PgServer() = default;
    // Runs one SQL statement as postgres on database db; "" on success, else the error.
    std::string Execute(const std::string& db, const std::string& sql, std::string* first_value = nullptr);

    std::string dir_;
    int port_ = 0;
    std::string version_;
    bool running_ = false;
};

// A gtest Environment owning one PgServer for the whole binary. SetUp fails the
// run (it does not skip) when the server cannot start.
class PgEnvironment : public ::testing::Environment {
public:
    void SetUp() override;
    void TearDown() override;
    // The running server; only valid between SetUp and TearDown.
    static PgServer& Server();
    // A new database with a unique name ("t1", "t2", …); fails the current test on error.
    static std::string NewDatabaseUrl();
};

}  // namespace planwatch::testing
