#include "smtp_sink.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace planwatch::testing {
namespace {

constexpr int kPollMs = 50;          // how soon a stopping sink notices
constexpr int kIdleLimitMs = 10000;  // a silent client is dropped, so a broken test cannot hang

std::string Upper(std::string text) {
    for (char& c : text) c = char(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

int Base64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

std::string DecodeBase64(const std::string& text) {
    std::string out;
    int bits = 0, value = 0;
    for (char c : text) {
        int v = Base64Value(c);
        if (v < 0) continue;
        value = value << 6 | v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((value >> bits) & 0xFF);
        }
    }
    return out;
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// "<a@b>" or "a@b" after "FROM:" / "TO:".
std::string Path(const std::string& line) {
    size_t colon = line.find(':');
    std::string rest = colon == std::string::npos ? "" : line.substr(colon + 1);
    size_t open = rest.find('<'), close = rest.find('>');
    if (open != std::string::npos && close != std::string::npos && close > open) return rest.substr(open + 1, close - open - 1);
    size_t start = rest.find_first_not_of(' ');
    return start == std::string::npos ? "" : rest.substr(start, rest.find(' ', start) - start);
}

// A line-oriented connection: ReadLine returns false when the client is gone.
class Connection {
public:
    explicit Connection(int fd, const std::atomic<bool>& stop) : fd_(fd), stop_(stop) {}
    bool ReadLine(std::string* line) {
        for (;;) {
            size_t end = buffer_.find("\r\n");
            if (end != std::string::npos) {
                *line = buffer_.substr(0, end);
                buffer_.erase(0, end + 2);
                return true;
            }
            int waited = 0;
            for (;;) {
                if (stop_.load()) return false;
                pollfd p{.fd = fd_, .events = POLLIN, .revents = 0};
                int ready = ::poll(&p, 1, kPollMs);
                if (ready > 0) break;
                if (ready < 0 || (waited += kPollMs) > kIdleLimitMs) return false;
            }
            char chunk[4096];
            ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
            if (n <= 0) return false;
            buffer_.append(chunk, size_t(n));
        }
    }
    void Reply(const std::string& text) {
        std::string out = text + "\r\n";
        size_t sent = 0;
        while (sent < out.size()) {
            ssize_t n = ::send(fd_, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return;
            sent += size_t(n);
        }
    }

private:
    int fd_;
    const std::atomic<bool>& stop_;
    std::string buffer_;
};

}  // namespace

std::unique_ptr<SmtpSink> SmtpSink::Start(SmtpSinkOptions options, std::string* error) {
    std::unique_ptr<SmtpSink> sink(new SmtpSink());
    sink->options_ = std::move(options);
    sink->listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;  // the kernel picks a free port; no race between probing and binding
    socklen_t len = sizeof addr;
    if (sink->listen_fd_ < 0 || ::bind(sink->listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(sink->listen_fd_, 8) != 0 ||
        ::getsockname(sink->listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        *error = std::string("smtp_sink: cannot listen on 127.0.0.1: ") + std::strerror(errno);
        if (sink->listen_fd_ >= 0) ::close(sink->listen_fd_);
        return nullptr;
    }
    sink->port_ = ntohs(addr.sin_port);
    sink->thread_ = std::thread([raw = sink.get()] { raw->Serve(); });
    return sink;
}

SmtpSink::~SmtpSink() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    if (listen_fd_ >= 0) ::close(listen_fd_);
}

std::vector<ReceivedMail> SmtpSink::Received() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_;
}

void SmtpSink::Serve() {
    while (!stop_.load()) {
        pollfd p{.fd = listen_fd_, .events = POLLIN, .revents = 0};
        if (::poll(&p, 1, kPollMs) <= 0) continue;
        int fd = ::accept(listen_fd_, nullptr, nullptr);
        if (fd < 0) continue;
        ++sessions_;
        Session(fd);  // one client at a time is all a test needs
        ::close(fd);
    }
}

void SmtpSink::Session(int fd) {
    Connection conn(fd, stop_);
    conn.Reply("220 planwatch-test-sink ESMTP");
    ReceivedMail mail;
    std::string auth_user, auth_password;
    std::string line;
    while (conn.ReadLine(&line)) {
        const std::string verb = Upper(line.substr(0, line.find(' ')));
        if (verb == "EHLO") {
            conn.Reply("250-planwatch-test-sink");
            conn.Reply("250-8BITMIME");
            if (options_.offer_auth) conn.Reply("250-AUTH PLAIN LOGIN");
            conn.Reply("250 SIZE 10485760");
        } else if (verb == "HELO") {
            conn.Reply("250 planwatch-test-sink");
        } else if (verb == "AUTH" && options_.offer_auth) {
            std::string rest = line.size() > 5 ? line.substr(5) : "";
            std::string mechanism = Upper(rest.substr(0, rest.find(' ')));
            std::string initial = rest.find(' ') == std::string::npos ? "" : rest.substr(rest.find(' ') + 1);
            if (mechanism == "PLAIN") {
                if (initial.empty()) {
                    conn.Reply("334 ");
                    if (!conn.ReadLine(&initial)) return;
                }
                std::string decoded = DecodeBase64(initial);  // authzid \0 user \0 password
                size_t first = decoded.find('\0'), second = decoded.find('\0', first + 1);
                if (first == std::string::npos || second == std::string::npos) {
                    conn.Reply("501 5.5.2 bad PLAIN response");
                    continue;
                }
                auth_user = decoded.substr(first + 1, second - first - 1);
                auth_password = decoded.substr(second + 1);
            } else if (mechanism == "LOGIN") {
                std::string user = initial, password;
                if (user.empty()) {
                    conn.Reply("334 VXNlcm5hbWU6");
                    if (!conn.ReadLine(&user)) return;
                }
                conn.Reply("334 UGFzc3dvcmQ6");
                if (!conn.ReadLine(&password)) return;
                auth_user = DecodeBase64(user);
                auth_password = DecodeBase64(password);
            } else {
                conn.Reply("504 5.5.4 mechanism not supported");
                continue;
            }
            conn.Reply("235 2.7.0 authenticated");
        } else if (verb.rfind("MAIL", 0) == 0) {
            mail = ReceivedMail{.mail_from = Path(line), .rcpt_to = {}, .data = {}, .auth_user = auth_user, .auth_password = auth_password};
            conn.Reply("250 2.1.0 sender ok");
        } else if (verb.rfind("RCPT", 0) == 0) {
            if (!options_.refuse_rcpt.empty()) {
                conn.Reply(options_.refuse_rcpt);
                continue;
            }
            mail.rcpt_to.push_back(Path(line));
            conn.Reply("250 2.1.5 recipient ok");
        } else if (verb == "DATA") {
            if (mail.rcpt_to.empty()) {
                conn.Reply("554 5.5.1 no valid recipients");
                continue;
            }
            conn.Reply("354 end data with <CR><LF>.<CR><LF>");
            std::string data;
            bool complete = false;
            while (conn.ReadLine(&line)) {
                if (line == ".") {
                    complete = true;
                    break;
                }
                if (!line.empty() && line[0] == '.') line.erase(0, 1);  // RFC 5321 4.5.2 transparency
                data += line + "\r\n";
            }
            if (!complete) return;
            if (!options_.refuse_data.empty()) {
                conn.Reply(options_.refuse_data);
                continue;
            }
            mail.data = std::move(data);
            {
                std::lock_guard<std::mutex> lock(mutex_);
                received_.push_back(mail);
            }
            mail = ReceivedMail{};
            conn.Reply("250 2.0.0 queued");
        } else if (verb == "RSET") {
            mail = ReceivedMail{};
            conn.Reply("250 2.0.0 reset");
        } else if (verb == "NOOP") {
            conn.Reply("250 2.0.0 ok");
        } else if (verb == "QUIT") {
            conn.Reply("221 2.0.0 bye");
            return;
        } else {
            conn.Reply("502 5.5.2 command not implemented");
        }
    }
}

std::string HeaderValue(const std::string& message, const std::string& name) {
    const std::string wanted = Upper(name) + ":";
    size_t pos = 0;
    while (pos < message.size()) {
        size_t end = message.find("\r\n", pos);
        if (end == std::string::npos || end == pos) return "";  // the blank line: headers are over
        std::string line = message.substr(pos, end - pos);
        if (Upper(line.substr(0, wanted.size())) == wanted) {
            std::string value = line.substr(wanted.size());
            // Folded continuation lines start with a space or a tab.
            while (end + 2 < message.size() && (message[end + 2] == ' ' || message[end + 2] == '\t')) {
                size_t next = message.find("\r\n", end + 2);
                value += message.substr(end + 2, next - end - 2);
                end = next;
            }
            size_t start = value.find_first_not_of(" \t");
            return start == std::string::npos ? "" : value.substr(start);
        }
        pos = end + 2;
    }
    return "";
}

std::string DecodeHeader(const std::string& value) {
    std::string out;
    size_t pos = 0;
    bool last_was_word = false;
    while (pos < value.size()) {
        size_t start = value.find("=?", pos);
        if (start == std::string::npos) {
            out += value.substr(pos);
            break;
        }
        std::string between = value.substr(pos, start - pos);
        // Whitespace between two encoded words is folding, not text (RFC 2047 6.2).
        bool blank = between.find_first_not_of(" \t\r\n") == std::string::npos;
        if (!(last_was_word && blank)) out += between;
        size_t q1 = value.find('?', start + 2);
        size_t q2 = q1 == std::string::npos ? q1 : value.find('?', q1 + 1);
        size_t end = q2 == std::string::npos ? q2 : value.find("?=", q2 + 1);
        if (end == std::string::npos) {
            out += value.substr(start);
            break;
        }
        std::string encoding = Upper(value.substr(q1 + 1, q2 - q1 - 1));
        std::string text = value.substr(q2 + 1, end - q2 - 1);
        if (encoding == "B") {
            out += DecodeBase64(text);
        } else {
            for (size_t i = 0; i < text.size(); ++i) {
                if (text[i] == '_') {
                    out += ' ';
                } else if (text[i] == '=' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
                    out += char(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
                    i += 2;
                } else {
                    out += text[i];
                }
            }
        }
        last_was_word = true;
        pos = end + 2;
    }
    return out;
}

std::string DecodeQuotedPrintableBody(const std::string& message) {
    size_t start = message.find("\r\n\r\n");
    if (start == std::string::npos) return "";
    std::string body = message.substr(start + 4), out;
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '=' && i + 2 < body.size() && body[i + 1] == '\r' && body[i + 2] == '\n') {
            i += 2;  // soft line break
        } else if (body[i] == '=' && i + 2 < body.size() && HexValue(body[i + 1]) >= 0 && HexValue(body[i + 2]) >= 0) {
            out += char(HexValue(body[i + 1]) * 16 + HexValue(body[i + 2]));
            i += 2;
        } else if (body[i] == '\r' && i + 1 < body.size() && body[i + 1] == '\n') {
            out += '\n';
            ++i;
        } else {
            out += body[i];
        }
    }
    return out;
}

}  // namespace planwatch::testing
