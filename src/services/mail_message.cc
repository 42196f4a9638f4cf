#include "services/mail_message.h"

#include <fmt/format.h>

#include <ctime>

namespace planwatch::services {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";
constexpr size_t kQpLineLimit = 76;         // RFC 2045, including the soft break's "="
constexpr size_t kEncodedWordBytes = 39;    // 52 base64 characters: "Subject: " + word < 78

std::string Base64(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        unsigned n = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8 | (unsigned char)bytes[i + 2];
        out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], kAlphabet[n & 63]};
    }
    if (i + 1 == bytes.size()) {
        unsigned n = (unsigned char)bytes[i] << 16;
        out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], '=', '='};
    } else if (i + 2 == bytes.size()) {
        unsigned n = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8;
        out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], '='};
    }
    return out;
}

bool PlainAscii(std::string_view text) {
    for (unsigned char c : text) {
        if (c < 0x20 || c > 0x7e) return false;
    }
    return true;
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

std::string Hex(unsigned char c) { return {'=', kHex[c >> 4], kHex[c & 15]}; }

// One body line (no line end) as quoted-printable lines joined by soft breaks.
std::string QpLine(std::string_view line) {
    std::string out;
    size_t width = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        const unsigned char c = line[i];
        const bool last = i + 1 == line.size();
        std::string piece;
        if ((c == ' ' || c == '\t') && !last) {
            piece = std::string(1, char(c));
        } else if (c >= 33 && c <= 126 && c != '=' && !(c == '.' && width == 0)) {
            piece = std::string(1, char(c));
        } else {
            piece = Hex(c);
        }
        // Keep room for the "=" of a soft break unless this is the line's last piece.
        const size_t room = last ? kQpLineLimit : kQpLineLimit - 1;
        if (width + piece.size() > room) {
            out += "=\r\n";
            width = 0;
            if (piece == ".") piece = Hex('.');
        }
        out += piece;
        width += piece.size();
    }
    return out;
}

}  // namespace

std::string BareAddress(std::string_view mailbox) {
    size_t open = mailbox.rfind('<');
    size_t close = mailbox.rfind('>');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
        return std::string(mailbox.substr(open + 1, close - open - 1));
    }
    size_t first = mailbox.find_first_not_of(" \t");
    size_t last = mailbox.find_last_not_of(" \t");
    if (first == std::string_view::npos) return "";
    return std::string(mailbox.substr(first, last - first + 1));
}

Status CheckAddress(std::string_view address) {
    size_t at = address.find('@');
    bool ok = at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
              address.find('@', at + 1) == std::string_view::npos;
    for (unsigned char c : address) {
        if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') ok = false;
    }
    if (ok) return Status::Ok();
    return InvalidArgument(fmt::format("\"{}\" is not an e-mail address (expected name@domain)", address));
}

std::string Rfc5322Date(std::chrono::system_clock::time_point when) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", kDays[utc.tm_wday], utc.tm_mday,
                       kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

std::string EncodeHeaderText(std::string_view utf8) {
    if (PlainAscii(utf8)) return std::string(utf8);
    std::string out;
    size_t start = 0;
    while (start < utf8.size()) {
        size_t end = std::min(utf8.size(), start + kEncodedWordBytes);
        while (end < utf8.size() && end > start + 1 && IsContinuation(utf8[end])) --end;
        std::string chunk(utf8.substr(start, end - start));
        // A line break inside a header would start a new header: never let one through.
        for (char& c : chunk) {
            if (c == '\r' || c == '\n') c = ' ';
        }
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + Base64(chunk) + "?=";
        start = end;
    }
    return out;
}

std::string QuotedPrintable(std::string_view utf8) {
    std::string out;
    size_t start = 0;
    while (start <= utf8.size()) {
        size_t end = utf8.find('\n', start);
        bool last = end == std::string_view::npos;
        std::string_view line = utf8.substr(start, last ? std::string_view::npos : end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (last && line.empty()) break;  // a final "\n" ends the text, it adds no empty line
        out += QpLine(line) + "\r\n";
        if (last) break;
        start = end + 1;
    }
    return out;
}

StatusOr<std::string> FormatMailMessage(const MailMessage& message) {
    const std::string from = BareAddress(message.from);
    PW_RETURN_IF_ERROR(CheckAddress(from));
    if (message.to.empty()) return InvalidArgument("the message has no recipient");
    std::string to;
    for (const std::string& address : message.to) {
        PW_RETURN_IF_ERROR(CheckAddress(address));
        to += (to.empty() ? "" : ",\r\n ") + address;
    }
    std::string from_header = from;
    size_t open = message.from.rfind('<');
    if (open != std::string::npos) {
        std::string name = BareAddress(message.from.substr(0, open));  // trims the display name
        if (!name.empty()) from_header = EncodeHeaderText(name) + " <" + from + ">";
    }
    std::string text;
    text += "Date: " + message.date + "\r\n";
    text += "From: " + from_header + "\r\n";
    text += "To: " + to + "\r\n";
    text += "Subject: " + EncodeHeaderText(message.subject) + "\r\n";
    if (!message.message_id.empty()) text += "Message-ID: <" + message.message_id + ">\r\n";
    text += "MIME-Version: 1.0\r\n";
    text += "Content-Type: text/plain; charset=UTF-8\r\n";
    text += "Content-Transfer-Encoding: quoted-printable\r\n";
    // Automated mail: tell autoresponders not to answer (RFC 3834).
    text += "Auto-Submitted: auto-generated\r\n";
    text += "\r\n";
    text += QuotedPrintable(message.body);
    return text;
}

}  // namespace planwatch::services
