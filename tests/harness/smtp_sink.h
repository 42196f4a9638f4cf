#pragma once
// A small real SMTP server for tests: listens on a free port of 127.0.0.1 in a
// thread of the test binary, speaks enough of RFC 5321 for libcurl (EHLO/HELO,
// AUTH PLAIN and LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT), and records every
// message it accepts. It can be told to refuse recipients or messages with a
// given reply, to test how a client records a failure. No TLS, no relaying.
//
//     std::string error;
//     auto sink = planwatch::testing::SmtpSink::Start({}, &error);
//     ... send to 127.0.0.1:sink->port() ...
//     std::vector<ReceivedMail> mail = sink->Received();
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace planwatch::testing {

struct ReceivedMail {
    std::string mail_from;            // the envelope sender, without angle brackets
    std::vector<std::string> rcpt_to; // envelope recipients, without angle brackets
    std::string data;                 // the message as sent, CRLF line ends, dot-stuffing undone
    std::string auth_user;            // from AUTH, empty without
    std::string auth_password;
};

struct SmtpSinkOptions {
    std::string refuse_rcpt;  // e.g. "550 5.1.1 mailbox unavailable": every RCPT gets it
    std::string refuse_data;  // e.g. "554 5.7.1 rejected": the reply after the message's final dot
    bool offer_auth = false;  // advertise AUTH PLAIN LOGIN in the EHLO reply
};

class SmtpSink {
public:
    // nullptr and *error set when the socket cannot be opened.
    static std::unique_ptr<SmtpSink> Start(SmtpSinkOptions options, std::string* error);
    // Stops listening and joins the thread (a client in mid-session is cut off).
    ~SmtpSink();

    int port() const { return port_; }
    std::vector<ReceivedMail> Received() const;
    int sessions() const { return sessions_.load(); }  // connections served so far

private:
    SmtpSink() = default;
    void Serve();
    void Session(int fd);

    SmtpSinkOptions options_;
    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> sessions_{0};
    std::thread thread_;
    mutable std::mutex mutex_;
    std::vector<ReceivedMail> received_;  // guarded by mutex_
};

// Decodes RFC 2047 encoded words (B and Q, UTF-8) in a header value and
// unfolds it; other text is kept. For asserting on what a client wrote.
std::string DecodeHeader(const std::string& value);
// The value of the first header field named name (case-insensitive), unfolded, raw.
std::string HeaderValue(const std::string& message, const std::string& name);
// The body after the blank line, quoted-printable decoded, with "\n" line ends.
std::string DecodeQuotedPrintableBody(const std::string& message);

}  // namespace planwatch::testing
