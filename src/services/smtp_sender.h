#pragma once
// Delivers e-mail to an SMTP server (a relay or a submission port). The only
// file that includes libcurl is smtp_sender.cc.
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "services/mail_message.h"

namespace planwatch::services {

enum class SmtpTls {
    kNone,      // plain SMTP: a relay on the same machine or a test sink
    kStartTls,  // smtp:// then STARTTLS, refused if the server does not offer it
    kTls,       // smtps://: TLS from the first byte (port 465)
};
// none | starttls | tls; nullopt for anything else.
std::optional<SmtpTls> ParseSmtpTls(std::string_view name);
const char* Name(SmtpTls tls);

struct SmtpConfig {
    std::string host;         // empty: not configured
    int port = 0;             // 0: 25, 587 or 465 after the TLS mode
    SmtpTls tls = SmtpTls::kStartTls;  // safe by default: credentials never cross in clear
    std::string user;         // empty: no AUTH
    std::string password;
    std::string from;         // envelope and From header: "addr" or "Name <addr>"
    int timeout_seconds = 30; // per message, connection included
    bool configured() const { return !host.empty(); }
    int EffectivePort() const;
};

// kInvalidArgument naming the setting when host or from is missing or bad, or a port is out of range.
Status CheckSmtpConfig(const SmtpConfig& config);

// One sender per run; not thread-safe (one libcurl handle, reused so that a
// run of digests shares one connection when the server allows it).
class SmtpSender {
public:
    explicit SmtpSender(SmtpConfig config);
    ~SmtpSender();
    SmtpSender(const SmtpSender&) = delete;
    SmtpSender& operator=(const SmtpSender&) = delete;

    const SmtpConfig& config() const { return config_; }
    // Sends message (From taken from the config when message.from is empty).
    // kInvalidArgument when the message cannot be formatted (a bad address);
    // kUnavailable with the server's or libcurl's words when delivery failed,
    // e.g. "smtp 127.0.0.1:2525: RCPT failed: 550".
    Status Send(MailMessage message);

private:
    SmtpConfig config_;
    void* curl_ = nullptr;  // CURL*, kept opaque so this header does not include curl
};

}  // namespace planwatch::services
