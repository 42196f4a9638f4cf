#include "reports/pdf/subprocess.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace planwatch::reports::pdf {
namespace {

constexpr size_t kMaxOutput = 64 * 1024;

}  // namespace

StatusOr<ProcessResult> RunProcess(const std::vector<std::string>& argv, const std::string& scratch_dir,
                                   int timeout_seconds) {
    if (argv.empty()) return Internal("RunProcess without a program");
    std::string log = scratch_dir + "/.process-output";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    pid_t pid = 0;
    int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        return Unavailable(argv[0] + ": cannot start (" + std::strerror(rc) + "); is it installed?");
    }

    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
    int status = 0;
    auto pause = std::chrono::microseconds(500);
    while (true) {
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) return Internal(std::string("waitpid: ") + std::strerror(errno));
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return Unavailable(argv[0] + ": no answer within " + std::to_string(timeout_seconds) + " s; stopped");
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::microseconds(20000));
    }
    ProcessResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    StatusOr<std::string> output = reports::ReadFile(log);
    if (output.ok()) result.output = output->substr(0, kMaxOutput);
    // posix_spawnp reports a missing program as exit 127 from the child on some libcs.
    if (result.exit_code == 127 && result.output.empty()) {
        return Unavailable(argv[0] + ": cannot start; is it installed?");
    }
    return result;
}

}  // namespace planwatch::reports::pdf
