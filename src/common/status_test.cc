#include "common/status.h"

#include <gtest/gtest.h>

namespace planwatch {
namespace {

StatusOr<int> Half(int n) {
    if (n % 2 != 0) return InvalidArgument("odd number", SourcePosition{.file = "x.txt", .line = 7});
    return n / 2;
}

Status Quarter(int n, int& out) {
    PW_ASSIGN_OR_RETURN(int half, Half(n));
    PW_ASSIGN_OR_RETURN(out, Half(half));
    return Status::Ok();
}

TEST(Status, PrintsFileAndLineLikeACompiler) {
    Status s = InvalidArgument("expected a year", SourcePosition{.file = "plan.txt", .line = 27});
    EXPECT_EQ(s.ToString(), "plan.txt:27: expected a year");
}

TEST(Status, PrintsPageRowAndColumnForTables) {
    Status s = InvalidArgument("bad amount", SourcePosition{.file = "p.docx", .page = 2, .row = 3, .column = 4});
    EXPECT_EQ(s.ToString(), "p.docx: page 2, row 3, column 4: bad amount");
}

TEST(Status, WithFileKeepsAnExistingFile) {
    Status s = InvalidArgument("x", SourcePosition{.line = 3});
    EXPECT_EQ(s.WithFile("a.json").ToString(), "a.json:3: x");
    EXPECT_EQ(s.WithFile("a.json").WithFile("b.json").where().file, "a.json");
}

TEST(StatusOr, MacrosReturnTheFirstError) {
    int out = 0;
    EXPECT_TRUE(Quarter(8, out).ok());
    EXPECT_EQ(out, 2);
    Status s = Quarter(6, out);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(s.where().line, 7);
}

TEST(StatusCodeName, IsStableForJson) {
    EXPECT_STREQ(StatusCodeName(StatusCode::kNotFound), "not_found");
    EXPECT_STREQ(StatusCodeName(StatusCode::kTooLarge), "too_large");
}

}  // namespace
}  // namespace planwatch
