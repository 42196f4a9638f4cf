#include "common/status.h"

#include <fmt/format.h>

namespace planwatch {

const char* StatusCodeName(StatusCode code) {
    switch (code) {  // no default: -Wswitch flags a code left unnamed
        case StatusCode::kOk: return "ok";
        case StatusCode::kMalformed: return "malformed";
        case StatusCode::kInvalidArgument: return "invalid_argument";
        case StatusCode::kTooLarge: return "too_large";
        case StatusCode::kUnauthenticated: return "unauthenticated";
        case StatusCode::kPermissionDenied: return "permission_denied";
        case StatusCode::kNotFound: return "not_found";
        case StatusCode::kConflict: return "conflict";
        case StatusCode::kUnavailable: return "unavailable";
        case StatusCode::kInternal: return "internal";
    }
    return "internal";
}

std::string SourcePosition::ToString() const {
    std::string out = file;
    // A plain "file:line" when only the line is known, as compilers print it.
    if (line > 0 && page == 0 && row == 0 && column == 0) {
        out += fmt::format("{}{}", out.empty() ? "line " : ":", line);
    } else {
        std::string parts;
        auto add = [&parts](const char* label, int value) {
            if (value <= 0) return;
            if (!parts.empty()) parts += ", ";
            parts += fmt::format("{} {}", label, value);
        };
        add("page", page);
        add("line", line);
        add("row", row);
        add("column", column);
        if (!parts.empty()) out += out.empty() ? parts : ": " + parts;
    }
    if (!field.empty()) out += out.empty() ? "field " + field : ": field " + field;
    return out;
}

Status Status::WithFile(const std::string& file) const {
    if (ok() || !where_.file.empty()) return *this;
    SourcePosition where = where_;
    where.file = file;
    return Status(code_, message_, std::move(where));
}

std::string Status::ToString() const {
    if (ok()) return "ok";
    if (where_.empty()) return message_;
    return where_.ToString() + ": " + message_;
}

std::ostream& operator<<(std::ostream& os, const Status& status) { return os << status.ToString(); }

}  // namespace planwatch
