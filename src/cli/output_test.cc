#include "cli/output.h"

#include <gtest/gtest.h>

namespace planwatch::cli {
namespace {

TEST(ErrorJson, NamesCodeMessageAndPosition) {
    Status status(StatusCode::kInvalidArgument, "expected a value", SourcePosition{.file = "p.json", .line = 3, .column = 7});
    EXPECT_EQ(ErrorJson(status),
              R"({"error":{"code":"invalid_argument","message":"expected a value","file":"p.json","line":3,)"
              R"("column":7,"field":null}})");
}

TEST(ErrorJson, KeepsFieldAndPageAndNullsWhatIsUnknown) {
    Status status(StatusCode::kTooLarge, "too big", SourcePosition{.file = "a.pdf", .page = 2, .row = 3});
    EXPECT_EQ(ErrorJson(status),
              R"({"error":{"code":"too_large","message":"too big","file":"a.pdf","line":null,"column":null,)"
              R"("field":null,"page":2,"row":3}})");
    EXPECT_EQ(ErrorJson(Status(StatusCode::kNotFound, "no plan with id 9")),
              R"({"error":{"code":"not_found","message":"no plan with id 9","file":null,"line":null,"column":null,)"
              R"("field":null}})");
}

TEST(CliActor, IsPrefixedWithCli) { EXPECT_EQ(CliActor().rfind("cli:", 0), 0u); }

}  // namespace
}  // namespace planwatch::cli
