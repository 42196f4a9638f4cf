#include "pg_harness.h"

#include <arpa/inet.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

namespace planwatch::testing {
namespace {

constexpr char kBin[] = "/usr/lib/postgresql/15/bin/";
constexpr int kStartAttempts = 3;  // a free port can be taken between probe and bind

// A TCP port nobody listens on right now (the kernel picks it).
int FreePort() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    close(fd);
    return port;
}

// Runs argv (as the postgres user when we are root) with stdout and stderr
// appended to log; returns the exit status.
int Run(std::vector<std::string> argv, const std::string& log) {
    if (geteuid() == 0) argv.insert(argv.begin(), {"runuser", "-u", "postgres", "--"});
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        FILE* out = std::fopen(log.c_str(), "a");
        if (out) {
            dup2(fileno(out), STDOUT_FILENO);
            dup2(fileno(out), STDERR_FILENO);
        }
        std::vector<char*> args;
        for (std::string& arg : argv) args.push_back(arg.data());
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string Tail(const std::string& path, size_t max_bytes = 2000) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::string all = text.str();
    return all.size() > max_bytes ? all.substr(all.size() - max_bytes) : all;
}

PgServer* g_server = nullptr;
std::unique_ptr<PgServer> g_owned;

}  // namespace

std::unique_ptr<PgServer> PgServer::Start(std::string* error) {
    std::unique_ptr<PgServer> server(new PgServer());
    char pattern[] = "/tmp/pw_pg_XXXXXX";
    if (mkdtemp(pattern) == nullptr) {
        *error = "mkdtemp failed";
        return nullptr;
    }
    server->dir_ = pattern;
    if (geteuid() == 0) {
        passwd* postgres = getpwnam("postgres");
        if (postgres == nullptr || chown(pattern, postgres->pw_uid, postgres->pw_gid) != 0) {
            *error = "running as root, but cannot give " + server->dir_ + " to the postgres user";
            return nullptr;
        }
    }
    std::string log = server->dir_ + "/harness.log";
    std::string data = server->dir_ + "/data";
    if (Run({std::string(kBin) + "initdb", "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8",
             "--locale=C.UTF-8", "--no-sync"},
            log) != 0) {
        *error = "initdb failed:\n" + Tail(log);
        return nullptr;
    }
    for (int attempt = 0; attempt < kStartAttempts && !server->running_; ++attempt) {
        server->port_ = FreePort();
        // Durability is not what these tests check; fsync off saves seconds.
        std::string options = "-p " + std::to_string(server->port_) + " -k " + server->dir_ +
                              " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                              " -c full_page_writes=off";
        server->running_ = Run({std::string(kBin) + "pg_ctl", "-D", data, "-l", server->dir_ + "/server.log", "-o",
                                options, "-w", "-t", "60", "start"},
                               log) == 0;
    }
    if (!server->running_) {
        *error = "pg_ctl start failed:\n" + Tail(log) + Tail(server->dir_ + "/server.log");
        return nullptr;
    }
    std::string version;
    std::string failure = server->Execute("postgres", "SHOW server_version", &version);
    if (!failure.empty()) {
        *error = "the server started but does not answer: " + failure;
        return nullptr;
    }
    server->version_ = version.substr(0, version.find(' '));
    std::cerr << "pg_harness: PostgreSQL " << server->version_ << " started on 127.0.0.1:" << server->port_ << " in "
              << server->dir_ << std::endl;
    return server;
}

PgServer::~PgServer() {
    if (running_) {
        Run({std::string(kBin) + "pg_ctl", "-D", dir_ + "/data", "-m", "immediate", "-w", "stop"},
            dir_ + "/harness.log");
    }
    if (!dir_.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
}

std::string PgServer::Execute(const std::string& db, const std::string& sql, std::string* first_value) {
    std::string conninfo = "host=127.0.0.1 port=" + std::to_string(port_) + " user=postgres dbname=" + db;
    PGconn* conn = PQconnectdb(conninfo.c_str());
    std::string error;
    if (PQstatus(conn) != CONNECTION_OK) {
        error = PQerrorMessage(conn);
    } else {
        PGresult* result = PQexec(conn, sql.c_str());
        ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            error = PQresultErrorMessage(result);
        } else if (first_value != nullptr && PQntuples(result) > 0) {
            *first_value = PQgetvalue(result, 0, 0);
        }
        PQclear(result);
    }
    PQfinish(conn);
    return error;
}

std::string PgServer::CreateDatabase(const std::string& name, std::string* error) {
    *error = Execute("postgres", "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    if (error->empty()) *error = Execute(name, "CREATE EXTENSION unaccent");
    if (error->empty()) *error = Execute(name, "CREATE EXTENSION pg_trgm");
    if (!error->empty()) return "";
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + name;
}

void PgEnvironment::SetUp() {
    std::string error;
    g_owned = PgServer::Start(&error);
    g_server = g_owned.get();
    ASSERT_NE(g_server, nullptr) << "pg_harness: PostgreSQL could not start: " << error;
}

void PgEnvironment::TearDown() {
    g_server = nullptr;
    g_owned.reset();
}

PgServer& PgEnvironment::Server() {
    // SetUp failing aborts the run before any test body, so a test never gets here without one.
    if (g_server == nullptr) {
        std::cerr << "pg_harness: no server (PgEnvironment not set up)" << std::endl;
        std::abort();
    }
    return *g_server;
}

std::string PgEnvironment::NewDatabaseUrl() {
    static std::atomic<int> counter{0};
    std::string error;
    std::string url = Server().CreateDatabase("t" + std::to_string(++counter), &error);
    EXPECT_TRUE(error.empty()) << error;
    return url;
}

}  // namespace planwatch::testing
