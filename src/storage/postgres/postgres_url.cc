#include "storage/postgres/postgres_url.h"

#include <cctype>
#include <string_view>
#include <vector>

namespace planwatch::storage::postgres {
namespace {

constexpr std::string_view kSchemes[] = {"postgresql://", "postgres://"};

bool PercentDecode(std::string_view in, std::string* out) {
    out->clear();
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out->push_back(in[i]);
            continue;
        }
        if (i + 2 >= in.size() || !std::isxdigit(static_cast<unsigned char>(in[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
            return false;
        }
        out->push_back(static_cast<char>(std::stoi(std::string(in.substr(i + 1, 2)), nullptr, 16)));
        i += 2;
    }
    return true;
}

// libpq's quoting: single quotes around, backslash before ' and \.
std::string Quote(const std::string& value) {
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') quoted.push_back('\\');
        quoted.push_back(c);
    }
    return quoted + "'";
}

}  // namespace

StatusOr<std::string> ToConnectString(const std::string& url) {
    std::string_view rest = url;
    bool known_scheme = false;
    for (std::string_view scheme : kSchemes) {
        if (rest.starts_with(scheme)) {
            rest.remove_prefix(scheme.size());
            known_scheme = true;
            break;
        }
    }
    const std::string expected = "expected postgresql://user@host:port/name";
    if (!known_scheme) return InvalidArgument("database URL \"" + url + "\": " + expected);

    std::string_view query;
    if (size_t mark = rest.find('?'); mark != std::string_view::npos) {
        query = rest.substr(mark + 1);
        rest = rest.substr(0, mark);
    }
    std::string_view path;
    if (size_t slash = rest.find('/'); slash != std::string_view::npos) {
        path = rest.substr(slash + 1);
        rest = rest.substr(0, slash);
    }
    std::string_view userinfo;
    if (size_t at = rest.rfind('@'); at != std::string_view::npos) {
        userinfo = rest.substr(0, at);
        rest = rest.substr(at + 1);
    }
    std::string_view host = rest;
    std::string_view port;
    if (host.starts_with('[')) {
        size_t close = host.find(']');
        if (close == std::string_view::npos) return InvalidArgument("database URL \"" + url + "\": unclosed [ in host");
        port = host.substr(close + 1);
        host = host.substr(1, close - 1);
        if (!port.empty() && port.front() != ':') {
            return InvalidArgument("database URL \"" + url + "\": " + expected);
        }
        if (!port.empty()) port.remove_prefix(1);
    } else if (size_t colon = host.rfind(':'); colon != std::string_view::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
    }
    for (char c : port) {
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            return InvalidArgument("database URL \"" + url + "\": port \"" + std::string(port) + "\" is not a number");
        }
    }
    std::string_view user = userinfo;
    std::string_view password;
    bool has_password = false;
    if (size_t colon = userinfo.find(':'); colon != std::string_view::npos) {
        user = userinfo.substr(0, colon);
        password = userinfo.substr(colon + 1);
        has_password = true;
    }

    std::vector<std::pair<std::string, std::string_view>> parts = {
        {"host", host}, {"port", port}, {"dbname", path}, {"user", user}};
    if (has_password) parts.emplace_back("password", password);
    while (!query.empty()) {
        size_t amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        size_t equals = pair.find('=');
        if (equals == std::string_view::npos || equals == 0) {
            return InvalidArgument("database URL \"" + url + "\": parameter \"" + std::string(pair) +
                                   "\" is not key=value");
        }
        parts.emplace_back(std::string(pair.substr(0, equals)), pair.substr(equals + 1));
    }

    std::string connect;
    for (const auto& [key, raw] : parts) {
        if (raw.empty() && key != "password") continue;
        std::string value;
        if (!PercentDecode(raw, &value)) {
            return InvalidArgument("database URL \"" + url + "\": bad %-escape in " + key);
        }
        if (!connect.empty()) connect.push_back(' ');
        connect += key + "=" + Quote(value);
    }
    return connect;
}

std::string RedactPassword(const std::string& url) {
    size_t scheme_end = url.find("://");
    if (scheme_end == std::string::npos) return url;
    size_t authority = scheme_end + 3;
    size_t at = url.find('@', authority);
    size_t slash = url.find('/', authority);
    if (at == std::string::npos || (slash != std::string::npos && at > slash)) return url;
    size_t colon = url.find(':', authority);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace planwatch::storage::postgres
