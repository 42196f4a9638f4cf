#include "cli/exit_codes.h"

#include <gtest/gtest.h>

namespace planwatch::cli {
namespace {

TEST(ExitCode, FollowsTheStyleTable) {
    EXPECT_EQ(ExitCode(StatusCode::kOk), 0);
    EXPECT_EQ(ExitCode(StatusCode::kMalformed), 2);
    EXPECT_EQ(ExitCode(StatusCode::kInvalidArgument), 3);
    EXPECT_EQ(ExitCode(StatusCode::kTooLarge), 3);
    EXPECT_EQ(ExitCode(StatusCode::kNotFound), 4);
    EXPECT_EQ(ExitCode(StatusCode::kConflict), 4);
    EXPECT_EQ(ExitCode(StatusCode::kUnavailable), 1);
    EXPECT_EQ(ExitCode(StatusCode::kInternal), 1);
}

TEST(WorseExit, InternalOutranksUsageOutranksBadInputOutranksConflict) {
    EXPECT_EQ(WorseExit(0, 4), 4);
    EXPECT_EQ(WorseExit(4, 3), 3);
    EXPECT_EQ(WorseExit(3, 4), 3);
    EXPECT_EQ(WorseExit(2, 3), 2);
    EXPECT_EQ(WorseExit(1, 2), 1);
    EXPECT_EQ(WorseExit(4, 0), 4);
}

}  // namespace
}  // namespace planwatch::cli
