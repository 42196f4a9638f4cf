#pragma once
// The command line: parses argv (CLI11), runs one command, returns the exit
// code of interfaces.md (0 ok, 1 internal, 2 usage, 3 bad input, 4 not found or
// conflict). serve runs the web server through the hook main.cc passes in.
#include "cli/context.h"

namespace planwatch::cli {

inline constexpr char kVersion[] = "0.1.0";

int Run(int argc, char** argv, ServeHook serve);

}  // namespace planwatch::cli
