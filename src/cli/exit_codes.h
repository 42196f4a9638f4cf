#pragma once
// Exit codes of the command line (interfaces.md), mapped once from StatusCode.
#include "common/status.h"

namespace planwatch::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;  // a bug, or the database cannot be reached
inline constexpr int kExitUsage = 2;     // the command line (or request) cannot be read
inline constexpr int kExitBadInput = 3;  // the content is wrong or too large; nothing was stored
inline constexpr int kExitNotFound = 4;  // not found, or the state forbids it (conflict)

int ExitCode(StatusCode code);

// Of two exit codes, the one that matters more when several files were handled:
// internal > usage > bad input > not found/conflict > ok.
int WorseExit(int a, int b);

}  // namespace planwatch::cli
