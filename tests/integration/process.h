#pragma once
// Runs the real planwatch binary (PLANWATCH_BINARY) the way a user does:
// argv, stdin, environment, and it captures exit code, stdout and stderr.
#include <sys/types.h>

#include <string>
#include <vector>

namespace planwatch::testing {

struct RunResult {
    int exit_code = -1;  // 128 + signal number when killed by a signal
    std::string out;
    std::string err;
};

// Runs planwatch with args and waits for it. stdin is `input` (empty: /dev/null
// unless input_from_empty_pipe). work_dir holds the captured output files.
RunResult RunPlanwatch(const std::vector<std::string>& args, const std::string& work_dir,
                       const std::string& input = "");

// A planwatch process running in the background, its output going to files.
class Background {
public:
    Background(const std::vector<std::string>& args, const std::string& work_dir, const std::string& name);
    ~Background();  // kills (SIGKILL) and reaps the process if still running
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;

    pid_t pid() const { return pid_; }
    // Waits until stdout contains text (true) or the process has exited without it (false).
    bool WaitForOutput(const std::string& text);
    void Signal(int signal_number);
    // Waits for the exit and returns the exit code (128 + signal when killed).
    int Wait();
    std::string Out() const;
    std::string Err() const;

private:
    pid_t pid_ = -1;
    int exit_code_ = -1;
    std::string out_path_;
    std::string err_path_;
};

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& bytes);

// A TCP port on 127.0.0.1 that nothing listens on right now.
int FreePort();

struct HttpReply {
    int status = 0;
    std::string headers;  // raw header block, lower-cased names kept as sent
    std::string body;
};
// GET with curl (installed on the build machines).
HttpReply HttpGet(const std::string& url);

}  // namespace planwatch::testing
