#include "cli/exit_codes.h"

namespace planwatch::cli {

int ExitCode(StatusCode code) {
    switch (code) {  // no default: -Wswitch flags a StatusCode left unmapped
        case StatusCode::kOk: return kExitOk;
        case StatusCode::kMalformed: return kExitUsage;
        case StatusCode::kInvalidArgument: return kExitBadInput;
        case StatusCode::kTooLarge: return kExitBadInput;
        case StatusCode::kNotFound: return kExitNotFound;
        case StatusCode::kConflict: return kExitNotFound;
        // A command line has no session; should a service still refuse, it is a bug here.
        case StatusCode::kUnauthenticated: return kExitInternal;
        case StatusCode::kPermissionDenied: return kExitInternal;
        case StatusCode::kUnavailable: return kExitInternal;
        case StatusCode::kInternal: return kExitInternal;
    }
    return kExitInternal;
}

int WorseExit(int a, int b) {
    auto rank = [](int code) {
        switch (code) {
            case kExitOk: return 0;
            case kExitNotFound: return 1;
            case kExitBadInput: return 2;
            case kExitUsage: return 3;
            default: return 4;  // kExitInternal and anything unexpected
        }
    };
    return rank(a) >= rank(b) ? a : b;
}

}  // namespace planwatch::cli
