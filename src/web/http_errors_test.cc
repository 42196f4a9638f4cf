#include "web/http_errors.h"

#include <gtest/gtest.h>

namespace planwatch::web {
namespace {

TEST(HttpStatus, FollowsTheStyleTable) {
    EXPECT_EQ(HttpStatus(StatusCode::kMalformed), 400);
    EXPECT_EQ(HttpStatus(StatusCode::kUnauthenticated), 401);
    EXPECT_EQ(HttpStatus(StatusCode::kPermissionDenied), 403);
    EXPECT_EQ(HttpStatus(StatusCode::kNotFound), 404);
    EXPECT_EQ(HttpStatus(StatusCode::kConflict), 409);
    EXPECT_EQ(HttpStatus(StatusCode::kTooLarge), 413);
    EXPECT_EQ(HttpStatus(StatusCode::kInvalidArgument), 422);
    EXPECT_EQ(HttpStatus(StatusCode::kUnavailable), 503);
    EXPECT_EQ(HttpStatus(StatusCode::kInternal), 500);
}

TEST(ErrorResponse, IsJsonWithCodeMessageAndField) {
    Response response =
        ErrorResponse(Status(StatusCode::kInvalidArgument, "expected 1..12", SourcePosition{.field = "deadline.month"}));
    EXPECT_EQ(response.status, 422);
    EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
    EXPECT_EQ(response.body,
              "{\"error\":{\"code\":\"invalid_argument\",\"message\":\"expected 1..12\",\"field\":\"deadline.month\"}}\n");
    EXPECT_EQ(ErrorResponse(Status(StatusCode::kNotFound, "no plan with id 9")).body,
              "{\"error\":{\"code\":\"not_found\",\"message\":\"no plan with id 9\",\"field\":null}}\n");
}

}  // namespace
}  // namespace planwatch::web
