#include "services/smtp_sender.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <cstring>
#include <mutex>

namespace planwatch::services {
namespace {

// libcurl wants curl_global_init once per process before any handle, and it is not thread-safe itself.
void InitCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload {
    std::string_view text;
    size_t offset = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    size_t n = std::min(size * count, upload->text.size() - upload->offset);
    std::memcpy(buffer, upload->text.data() + upload->offset, n);
    upload->offset += n;
    return n;
}

// The recipient list libcurl walks during RCPT TO; freed with the transfer.
struct RecipientList {
    curl_slist* list = nullptr;
    ~RecipientList() { curl_slist_free_all(list); }
};

std::string Url(const SmtpConfig& config) {
    const std::string host = config.host.find(':') != std::string::npos ? "[" + config.host + "]" : config.host;
    return fmt::format("{}://{}:{}", config.tls == SmtpTls::kTls ? "smtps" : "smtp", host, config.EffectivePort());
}

}  // namespace

std::optional<SmtpTls> ParseSmtpTls(std::string_view name) {
    if (name == "none") return SmtpTls::kNone;
    if (name == "starttls") return SmtpTls::kStartTls;
    if (name == "tls") return SmtpTls::kTls;
    return std::nullopt;
}

const char* Name(SmtpTls tls) {
    switch (tls) {
        case SmtpTls::kNone: return "none";
        case SmtpTls::kStartTls: return "starttls";
        case SmtpTls::kTls: return "tls";
    }
    return "starttls";
}

int SmtpConfig::EffectivePort() const {
    if (port != 0) return port;
    switch (tls) {
        case SmtpTls::kNone: return 25;
        case SmtpTls::kStartTls: return 587;
        case SmtpTls::kTls: return 465;
    }
    return 587;
}

Status CheckSmtpConfig(const SmtpConfig& config) {
    auto field = [](const char* name, std::string message) {
        return Status(StatusCode::kInvalidArgument, std::move(message), SourcePosition{.field = name});
    };
    if (config.host.empty()) return field("smtp_host", "no SMTP host (PLANWATCH_SMTP_HOST or --smtp-host)");
    for (unsigned char c : config.host) {
        if (c <= ' ' || c == '/' || c == '@') return field("smtp_host", "SMTP host \"" + config.host + "\" is not a host name");
    }
    if (config.port < 0 || config.port > 65535) {
        return field("smtp_port", fmt::format("SMTP port {} is not between 1 and 65535", config.port));
    }
    if (config.from.empty()) return field("smtp_from", "no sender address (PLANWATCH_SMTP_FROM or --smtp-from)");
    Status from = CheckAddress(BareAddress(config.from));
    if (!from.ok()) return field("smtp_from", "sender: " + from.message());
    if (config.user.empty() != config.password.empty()) {
        return field("smtp_user", "SMTP user and password go together (PLANWATCH_SMTP_USER, PLANWATCH_SMTP_PASSWORD)");
    }
    return Status::Ok();
}

SmtpSender::SmtpSender(SmtpConfig config) : config_(std::move(config)) {
    InitCurlOnce();
    curl_ = curl_easy_init();
}

SmtpSender::~SmtpSender() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

Status SmtpSender::Send(MailMessage message) {
    PW_RETURN_IF_ERROR(CheckSmtpConfig(config_));
    if (message.from.empty()) message.from = config_.from;
    PW_ASSIGN_OR_RETURN(std::string text, FormatMailMessage(message));
    CURL* curl = static_cast<CURL*>(curl_);
    if (curl == nullptr) return Unavailable("libcurl could not start a transfer");
    curl_easy_reset(curl);

    const std::string url = Url(config_);
    const std::string mail_from = "<" + BareAddress(message.from) + ">";
    RecipientList recipients;
    for (const std::string& to : message.to) recipients.list = curl_slist_append(recipients.list, ("<" + to + ">").c_str());
    Upload upload{.text = text};
    char error[CURL_ERROR_SIZE] = "";

    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.list);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadUpload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(text.size()));
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // a library must not install SIGALRM handlers
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, long(config_.timeout_seconds));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, long(config_.timeout_seconds));
    curl_easy_setopt(curl, CURLOPT_USE_SSL, config_.tls == SmtpTls::kNone ? long(CURLUSESSL_NONE) : long(CURLUSESSL_ALL));
    if (!config_.user.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, config_.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.password.c_str());
    }
    CURLcode code = curl_easy_perform(curl);
    if (code == CURLE_OK) return Status::Ok();
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    std::string what = error[0] != '\0' ? error : curl_easy_strerror(code);
    if (reply != 0 && what.find(std::to_string(reply)) == std::string::npos) what += fmt::format(" (server replied {})", reply);
    return Unavailable(fmt::format("smtp {}:{}: {}", config_.host, config_.EffectivePort(), what));
}

}  // namespace planwatch::services
