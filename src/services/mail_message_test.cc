#include "services/mail_message.h"

#include <gtest/gtest.h>

#include <chrono>

namespace planwatch::services {
namespace {

TEST(EncodeHeaderText, LeavesPlainAsciiAlone) { EXPECT_EQ(EncodeHeaderText("Progress reports due"), "Progress reports due"); }

TEST(EncodeHeaderText, EncodesUtf8AsBase64WordsThatNeverSplitACharacter) {
    EXPECT_EQ(EncodeHeaderText("Instituția"), "=?UTF-8?B?SW5zdGl0dcibaWE=?=");
    std::string long_text;
    for (int i = 0; i < 30; ++i) long_text += "ș";  // 2 bytes each: 60 bytes
    std::string encoded = EncodeHeaderText(long_text);
    // 39 bytes would split the 20th "ș"; the first word stops at 38.
    EXPECT_EQ(encoded.substr(0, encoded.find("\r\n")).size(), 12u + 52u);  // "=?UTF-8?B?" "?=" around 52
    EXPECT_NE(encoded.find("?=\r\n =?UTF-8?B?"), std::string::npos);
    for (size_t pos = 0; (pos = encoded.find("\r\n", pos)) != std::string::npos; pos += 2) {
        EXPECT_EQ(encoded[pos + 2], ' ') << "folded lines start with a space";
    }
}

TEST(EncodeHeaderText, NeverLetsALineBreakThrough) {
    std::string encoded = EncodeHeaderText("a\r\nBcc: x@evil.example");
    EXPECT_EQ(encoded.find('\n'), std::string::npos);
    EXPECT_EQ(encoded.rfind("=?UTF-8?B?", 0), 0u);
}

TEST(QuotedPrintable, EncodesNonAsciiEqualsLeadingDotsAndTrailingSpace) {
    EXPECT_EQ(QuotedPrintable("Bună ziua,\n"), "Bun=C4=83 ziua,\r\n");
    EXPECT_EQ(QuotedPrintable("a=b"), "a=3Db\r\n");
    EXPECT_EQ(QuotedPrintable(".\n..x"), "=2E\r\n=2E.x\r\n");
    EXPECT_EQ(QuotedPrintable("end \nx"), "end=20\r\nx\r\n");
    EXPECT_EQ(QuotedPrintable("a\n\nb\n"), "a\r\n\r\nb\r\n");
}

TEST(QuotedPrintable, BreaksLongLinesSoftlyAt76) {
    std::string line(200, 'x');
    std::string encoded = QuotedPrintable(line);
    size_t pos = 0;
    while (pos < encoded.size()) {
        size_t end = encoded.find("\r\n", pos);
        EXPECT_LE(end - pos, 76u);
        pos = end + 2;
    }
    std::string joined;
    for (size_t i = 0; i < encoded.size(); ++i) {
        if (encoded.compare(i, 3, "=\r\n") == 0) {
            i += 2;
        } else if (encoded.compare(i, 2, "\r\n") != 0) {
            joined += encoded[i];
        } else {
            ++i;
        }
    }
    EXPECT_EQ(joined, line);
}

TEST(FormatMailMessage, WritesHeadersWithCrlfAndAQuotedPrintableUtf8Body) {
    MailMessage message{.from = "planwatch <monitorizare@cja.example.ro>",
                        .to = {"a@ipj.example.ro", "b@ipj.example.ro"},
                        .subject = "Rapoarte întârziate",
                        .body = "Bună ziua,\nactivitatea 1.1\n",
                        .message_id = "planwatch.reminder.1.2018-02-06@cja.example.ro",
                        .date = "Tue, 06 Feb 2018 08:00:00 +0000"};
    StatusOr<std::string> text = FormatMailMessage(message);
    ASSERT_TRUE(text.ok()) << text.status();
    EXPECT_EQ(*text,
              "Date: Tue, 06 Feb 2018 08:00:00 +0000\r\n"
              "From: planwatch <monitorizare@cja.example.ro>\r\n"
              "To: a@ipj.example.ro,\r\n b@ipj.example.ro\r\n"
              "Subject: =?UTF-8?B?UmFwb2FydGUgw65udMOicnppYXRl?=\r\n"
              "Message-ID: <planwatch.reminder.1.2018-02-06@cja.example.ro>\r\n"
              "MIME-Version: 1.0\r\n"
              "Content-Type: text/plain; charset=UTF-8\r\n"
              "Content-Transfer-Encoding: quoted-printable\r\n"
              "Auto-Submitted: auto-generated\r\n"
              "\r\n"
              "Bun=C4=83 ziua,\r\n"
              "activitatea 1.1\r\n");
}

TEST(FormatMailMessage, RefusesAddressesThatCouldAddHeadersOrCommands) {
    MailMessage message{.from = "x@example.ro", .to = {"a@example.ro\r\nRCPT TO:<b@example.ro>"}, .subject = "s"};
    EXPECT_EQ(FormatMailMessage(message).status().code(), StatusCode::kInvalidArgument);
    message.to = {"not an address"};
    EXPECT_EQ(FormatMailMessage(message).status().code(), StatusCode::kInvalidArgument);
    message.to = {};
    EXPECT_EQ(FormatMailMessage(message).status().code(), StatusCode::kInvalidArgument);
    message.to = {"a@example.ro"};
    message.from = "nobody";
    EXPECT_EQ(FormatMailMessage(message).status().code(), StatusCode::kInvalidArgument);
}

TEST(Rfc5322Date, WritesUtcWithWeekdayAndMonthNames) {
    using namespace std::chrono;
    sys_days day = year{2018} / February / 6;
    EXPECT_EQ(Rfc5322Date(day + hours{8} + minutes{5} + seconds{9}), "Tue, 06 Feb 2018 08:05:09 +0000");
}

}  // namespace
}  // namespace planwatch::services
