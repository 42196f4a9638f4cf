#include "process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace planwatch::testing {
namespace {

int DecodeWaitStatus(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

// fork + exec with stdin/stdout/stderr redirected to files; returns the pid.
pid_t Spawn(const std::vector<std::string>& args, const std::string& in_path, const std::string& out_path,
            const std::string& err_path) {
    std::vector<std::string> argv_strings = {PLANWATCH_BINARY};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        int in = ::open(in_path.c_str(), O_RDONLY);
        int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0) ::_exit(126);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

}  // namespace

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void WriteFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

RunResult RunPlanwatch(const std::vector<std::string>& args, const std::string& work_dir, const std::string& input) {
    static int counter = 0;
    std::string base = work_dir + "/run" + std::to_string(++counter);
    std::string in_path = "/dev/null";
    if (!input.empty()) {
        in_path = base + ".in";
        WriteFile(in_path, input);
    }
    pid_t pid = Spawn(args, in_path, base + ".out", base + ".err");
    int status = 0;
    ::waitpid(pid, &status, 0);
    return RunResult{DecodeWaitStatus(status), ReadFile(base + ".out"), ReadFile(base + ".err")};
}

Background::Background(const std::vector<std::string>& args, const std::string& work_dir, const std::string& name)
    : out_path_(work_dir + "/" + name + ".out"), err_path_(work_dir + "/" + name + ".err") {
    pid_ = Spawn(args, "/dev/null", out_path_, err_path_);
}

Background::~Background() {
    if (exit_code_ < 0 && pid_ > 0) {
        ::kill(pid_, SIGKILL);
        Wait();
    }
}

bool Background::WaitForOutput(const std::string& text) {
    for (;;) {
        if (Out().find(text) != std::string::npos) return true;
        if (exit_code_ >= 0) return false;
        int status = 0;
        pid_t done = ::waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            exit_code_ = DecodeWaitStatus(status);
            return Out().find(text) != std::string::npos;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

void Background::Signal(int signal_number) {
    if (exit_code_ < 0) ::kill(pid_, signal_number);
}

int Background::Wait() {
    if (exit_code_ >= 0) return exit_code_;
    int status = 0;
    ::waitpid(pid_, &status, 0);
    exit_code_ = DecodeWaitStatus(status);
    return exit_code_;
}

std::string Background::Out() const { return ReadFile(out_path_); }
std::string Background::Err() const { return ReadFile(err_path_); }

int FreePort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

HttpReply HttpGet(const std::string& url) {
    std::string command = "curl -s -i '" + url + "'";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    std::string raw;
    char buffer[4096];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) raw.append(buffer, n);
    ::pclose(pipe);
    HttpReply reply;
    size_t split = raw.find("\r\n\r\n");
    reply.headers = raw.substr(0, split);
    reply.body = split == std::string::npos ? "" : raw.substr(split + 4);
    if (raw.rfind("HTTP/", 0) == 0) reply.status = std::atoi(raw.c_str() + raw.find(' ') + 1);
    return reply;
}

}  // namespace planwatch::testing
