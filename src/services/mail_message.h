#pragma once
// An e-mail as RFC 5322 text: CRLF line ends, a UTF-8 subject as RFC 2047
// encoded words, a UTF-8 plain-text body in quoted-printable (RFC 2045), so
// every line stays 7-bit and under 78 characters whatever relay carries it.
// Pure: no I/O; smtp_sender.cc hands the text to libcurl.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace planwatch::services {

struct MailMessage {
    std::string from;               // "addr@host" or "Display Name <addr@host>"
    std::vector<std::string> to;    // plain addresses
    std::string subject;            // UTF-8
    std::string body;               // UTF-8, "\n" line ends
    std::string message_id;         // without angle brackets: "outbox.7.2018-01-23@example.ro"
    std::string date;               // RFC 5322, e.g. Rfc5322Date(now)
};

// The address inside "Name <addr>", or the whole text trimmed.
std::string BareAddress(std::string_view mailbox);
// kInvalidArgument naming the address when it is not one plain addr-spec
// (local@domain, no spaces, angle brackets, commas or line breaks): what ends
// up in a header or an SMTP command must not be able to add lines.
Status CheckAddress(std::string_view address);

// "Thu, 04 Dec 2026 00:52:05 +0000".
std::string Rfc5322Date(std::chrono::system_clock::time_point when);
// "=?UTF-8?B?...?=" words of at most 39 input bytes each (never splitting a
// UTF-8 sequence), joined by CRLF SP; ASCII text without controls comes back as is.
std::string EncodeHeaderText(std::string_view utf8);
// Quoted-printable with CRLF line ends; a line-leading "." is encoded too, so
// no SMTP dot-stuffing question arises.
std::string QuotedPrintable(std::string_view utf8);
// The whole message. kInvalidArgument for a bad from/to address or no recipient.
StatusOr<std::string> FormatMailMessage(const MailMessage& message);

}  // namespace planwatch::services
