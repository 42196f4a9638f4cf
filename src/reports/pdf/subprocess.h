#pragma once
// Running a helper program (WeasyPrint; LibreOffice in tests and benchmarks)
// with a time limit and its output captured.
#include <string>
#include <vector>

#include "common/status.h"
#include "reports/scratch.h"

namespace planwatch::reports::pdf {

struct ProcessResult {
    int exit_code = 0;
    std::string output;  // stdout and stderr together, at most 64 KiB kept
};

// Runs argv (argv[0] searched in PATH) with stdin closed, its output captured in
// a file in scratch_dir; pass absolute paths, the working directory is ours.
// kUnavailable when the program cannot be started (not installed) or runs longer
// than timeout_seconds (it is killed); a non-zero exit is not an error here, the
// caller reads exit_code.
StatusOr<ProcessResult> RunProcess(const std::vector<std::string>& argv, const std::string& scratch_dir,
                                   int timeout_seconds);

}  // namespace planwatch::reports::pdf
