#include "web/request.h"

#include <gtest/gtest.h>

namespace planwatch::web {
namespace {

TEST(ParseUrlEncoded, DecodesPlusPercentAndRepeatedNames) {
    Params params = ParseUrlEncoded("q=s%C4%83n%C4%83tate+public%C4%83&status=overdue&status=at_risk&empty=&flag");
    EXPECT_EQ(First(params, "q"), "sănătate publică");
    EXPECT_EQ(params.count("status"), 2u);
    EXPECT_EQ(First(params, "empty", "x"), "");
    EXPECT_EQ(First(params, "flag", "x"), "");
    EXPECT_EQ(First(params, "missing", "fallback"), "fallback");
}

TEST(UrlDecode, KeepsInvalidEscapesAsTyped) {
    EXPECT_EQ(UrlDecode("100%"), "100%");
    EXPECT_EQ(UrlDecode("%zz%4"), "%zz%4");
    EXPECT_EQ(UrlEncode("ș ț/?"), "%C8%99%20%C8%9B%2F%3F");
}

TEST(ParseCookies, SplitsOnSemicolonsAndTrims) {
    std::map<std::string, std::string> cookies = ParseCookies("pw_session=abc; pw_lang=sl;other=1");
    EXPECT_EQ(cookies["pw_session"], "abc");
    EXPECT_EQ(cookies["pw_lang"], "sl");
    EXPECT_EQ(cookies["other"], "1");
}

TEST(Request, ReadsQueryHeadersAndCookies) {
    Request request;
    request.query = "lang=en&status=overdue&status=completed";
    request.headers["cookie"] = "pw_lang=sl";
    request.headers["content-type"] = "application/x-www-form-urlencoded; charset=UTF-8";
    EXPECT_EQ(request.Query("lang"), "en");
    EXPECT_EQ(request.QueryAll("status"), (std::vector<std::string>{"overdue", "completed"}));
    EXPECT_EQ(request.Cookie("pw_lang"), "sl");
    EXPECT_TRUE(request.IsForm());
}

TEST(ParseMultipart, ReadsFieldsAndFilesWithBinaryData) {
    const std::string file_data = std::string("line 1\r\n") + '\0' + "line 2";
    const std::string body = std::string("--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok\r\n") +
                             "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.txt\"\r\n" +
                             "Content-Type: text/plain\r\n\r\n" + file_data + "\r\n--XyZ--\r\n";
    StatusOr<std::vector<FormPart>> parts = ParseMultipart("multipart/form-data; boundary=XyZ", body);
    ASSERT_TRUE(parts.ok()) << parts.status();
    ASSERT_EQ(parts->size(), 2u);
    EXPECT_EQ((*parts)[0].name, "csrf");
    EXPECT_EQ((*parts)[0].data, "tok");
    EXPECT_EQ((*parts)[1].name, "file");
    EXPECT_EQ((*parts)[1].file_name, "plan.txt");
    EXPECT_EQ((*parts)[1].content_type, "text/plain");
    EXPECT_EQ((*parts)[1].data, file_data);  // binary safe: the NUL byte survives
}

TEST(ParseMultipart, RefusesBodiesWithoutTheirBoundary) {
    StatusOr<std::vector<FormPart>> none = ParseMultipart("multipart/form-data", "x");
    EXPECT_EQ(none.status().code(), StatusCode::kMalformed);
    EXPECT_EQ(none.status().message(), "expected a multipart/form-data body with a boundary");
    StatusOr<std::vector<FormPart>> cut =
        ParseMultipart("multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end");
    EXPECT_EQ(cut.status().code(), StatusCode::kMalformed);
    EXPECT_EQ(cut.status().message(), "the multipart body ends before its closing boundary");
}

}  // namespace
}  // namespace planwatch::web
