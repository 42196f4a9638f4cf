#include "web/request.h"

#include <algorithm>
#include <cctype>

namespace planwatch::web {
namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string_view Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

std::string Lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// The value of `name=` in a header such as `form-data; name="file"; filename="a.docx"`.
std::string HeaderParameter(std::string_view header, std::string_view name) {
    size_t pos = 0;
    while (pos < header.size()) {
        size_t semi = header.find(';', pos);
        std::string_view piece = Trim(header.substr(pos, semi == std::string_view::npos ? semi : semi - pos));
        size_t eq = piece.find('=');
        if (eq != std::string_view::npos && Lower(Trim(piece.substr(0, eq))) == name) {
            std::string_view value = Trim(piece.substr(eq + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
                value = value.substr(1, value.size() - 2);
            }
            return std::string(value);
        }
        if (semi == std::string_view::npos) break;
        pos = semi + 1;
    }
    return "";
}

}  // namespace

std::string Request::Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
}

const Params& Request::QueryParams() const {
    if (!query_params_) query_params_ = ParseUrlEncoded(query);
    return *query_params_;
}

std::string Request::Query(const std::string& name, const std::string& fallback) const {
    return First(QueryParams(), name, fallback);
}

std::vector<std::string> Request::QueryAll(const std::string& name) const {
    std::vector<std::string> values;
    auto [begin, end] = QueryParams().equal_range(name);
    for (auto it = begin; it != end; ++it) values.push_back(it->second);
    return values;
}

std::string Request::Cookie(const std::string& name) const {
    std::map<std::string, std::string> cookies = ParseCookies(Header("cookie"));
    auto it = cookies.find(name);
    return it == cookies.end() ? "" : it->second;
}

std::string Request::PathParam(const std::string& name) const {
    auto it = path_params.find(name);
    return it == path_params.end() ? "" : it->second;
}

bool Request::IsForm() const {
    return Lower(Header("content-type")).rfind("application/x-www-form-urlencoded", 0) == 0;
}

std::string UrlDecode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
                   HexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string UrlEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

Params ParseUrlEncoded(std::string_view text) {
    Params params;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t amp = text.find('&', pos);
        std::string_view pair = text.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
        if (!pair.empty()) {
            size_t eq = pair.find('=');
            if (eq == std::string_view::npos) {
                params.emplace(UrlDecode(pair), "");
            } else {
                params.emplace(UrlDecode(pair.substr(0, eq)), UrlDecode(pair.substr(eq + 1)));
            }
        }
        if (amp == std::string_view::npos) break;
        pos = amp + 1;
    }
    return params;
}

std::map<std::string, std::string> ParseCookies(std::string_view header) {
    std::map<std::string, std::string> cookies;
    size_t pos = 0;
    while (pos < header.size()) {
        size_t semi = header.find(';', pos);
        std::string_view piece = Trim(header.substr(pos, semi == std::string_view::npos ? semi : semi - pos));
        size_t eq = piece.find('=');
        if (eq != std::string_view::npos) {
            cookies.emplace(std::string(Trim(piece.substr(0, eq))), std::string(Trim(piece.substr(eq + 1))));
        }
        if (semi == std::string_view::npos) break;
        pos = semi + 1;
    }
    return cookies;
}

StatusOr<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body) {
    std::string boundary = HeaderParameter(content_type, "boundary");
    if (Lower(content_type).rfind("multipart/form-data", 0) != 0 || boundary.empty()) {
        return Status(StatusCode::kMalformed, "expected a multipart/form-data body with a boundary");
    }
    const std::string delimiter = "--" + boundary;
    size_t pos = body.find(delimiter);
    if (pos == std::string_view::npos) {
        return Status(StatusCode::kMalformed, "the multipart body does not contain its boundary");
    }
    std::vector<FormPart> parts;
    while (true) {
        pos += delimiter.size();
        if (body.substr(pos, 2) == "--") return parts;  // closing delimiter
        if (body.substr(pos, 2) != "\r\n") break;
        pos += 2;
        size_t headers_end = body.find("\r\n\r\n", pos);
        if (headers_end == std::string_view::npos) break;
        FormPart part;
        std::string_view headers = body.substr(pos, headers_end - pos);
        size_t line_start = 0;
        while (line_start <= headers.size()) {
            size_t line_end = headers.find("\r\n", line_start);
            std::string_view line = headers.substr(line_start, line_end == std::string_view::npos
                                                                   ? std::string_view::npos
                                                                   : line_end - line_start);
            size_t colon = line.find(':');
            if (colon != std::string_view::npos) {
                std::string name = Lower(Trim(line.substr(0, colon)));
                std::string_view value = Trim(line.substr(colon + 1));
                if (name == "content-disposition") {
                    part.name = HeaderParameter(value, "name");
                    part.file_name = HeaderParameter(value, "filename");
                } else if (name == "content-type") {
                    part.content_type = std::string(value);
                }
            }
            if (line_end == std::string_view::npos) break;
            line_start = line_end + 2;
        }
        size_t data_start = headers_end + 4;
        size_t next = body.find("\r\n" + delimiter, data_start);
        if (next == std::string_view::npos) break;
        part.data = std::string(body.substr(data_start, next - data_start));
        parts.push_back(std::move(part));
        pos = next + 2;
    }
    return Status(StatusCode::kMalformed, "the multipart body ends before its closing boundary");
}

std::string First(const Params& params, const std::string& name, const std::string& fallback) {
    auto it = params.find(name);
    return it == params.end() ? fallback : it->second;
}

}  // namespace planwatch::web
