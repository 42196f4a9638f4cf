#pragma once
// Errors are values. A Status carries a code (what kind of failure, which decides
// the HTTP status and the exit code), a message for a person, and where the
// problem is: a file with line/page/row/column, or a form field.
#include <cassert>
#include <ostream>
#include <string>
#include <utility>
#include <variant>

namespace planwatch {

enum class StatusCode {
    kOk,
    kMalformed,          // the request cannot be read at all (not JSON, no file part)
    kInvalidArgument,    // the content is wrong (corrupt file, impossible date)
    kTooLarge,           // over a size limit
    kUnauthenticated,    // no session or token
    kPermissionDenied,   // signed in, not allowed
    kNotFound,           // the named thing does not exist
    kConflict,           // input fine, state forbids it (newer version, duplicate)
    kUnavailable,        // database or helper process unreachable
    kInternal,           // a bug
};

// Stable lower-case name used in JSON errors: "invalid_argument", "not_found", …
const char* StatusCodeName(StatusCode code);

// Where a problem is, 1-based as the user sees it; 0 / empty means unknown.
struct SourcePosition {
    std::string file;
    int page = 0;
    int line = 0;
    int row = 0;
    int column = 0;
    std::string field;  // a form or JSON field, e.g. "nodes[3].deadline.month"

    bool empty() const { return file.empty() && page == 0 && line == 0 && row == 0 && column == 0 && field.empty(); }
    // "000.txt:27" / "plan.docx: page 2, row 3, column 4" / "field nodes[0].title"
    std::string ToString() const;
    friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

class [[nodiscard]] Status {
public:
    Status() = default;
    Status(StatusCode code, std::string message, SourcePosition where = {})
        : code_(code), message_(std::move(message)), where_(std::move(where)) {}

    static Status Ok() { return Status(); }

    bool ok() const { return code_ == StatusCode::kOk; }
    StatusCode code() const { return code_; }
    const std::string& message() const { return message_; }
    const SourcePosition& where() const { return where_; }

    // Returns a copy with the file name set when none was; readers know only bytes.
    Status WithFile(const std::string& file) const;
    // "<where>: <message>", or just the message when where is unknown.
    std::string ToString() const;

private:
    StatusCode code_ = StatusCode::kOk;
    std::string message_;
    SourcePosition where_;
};

std::ostream& operator<<(std::ostream& os, const Status& status);

inline Status InvalidArgument(std::string message, SourcePosition where = {}) {
    return Status(StatusCode::kInvalidArgument, std::move(message), std::move(where));
}
inline Status NotFound(std::string message) { return Status(StatusCode::kNotFound, std::move(message)); }
inline Status Conflict(std::string message) { return Status(StatusCode::kConflict, std::move(message)); }
inline Status Internal(std::string message) { return Status(StatusCode::kInternal, std::move(message)); }
inline Status Unavailable(std::string message) { return Status(StatusCode::kUnavailable, std::move(message)); }

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
public:
    StatusOr(Status status) : value_(std::move(status)) {  // NOLINT: implicit by design
        assert(!std::get<Status>(value_).ok() && "StatusOr needs a value or an error");
    }
    StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design

    bool ok() const { return std::holds_alternative<T>(value_); }
    Status status() const { return ok() ? Status::Ok() : std::get<Status>(value_); }

    const T& value() const& { assert(ok()); return std::get<T>(value_); }
    T& value() & { assert(ok()); return std::get<T>(value_); }
    T&& value() && { assert(ok()); return std::get<T>(std::move(value_)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

private:
    std::variant<Status, T> value_;
};

}  // namespace planwatch

#define PW_STATUS_CONCAT_INNER(a, b) a##b
#define PW_STATUS_CONCAT(a, b) PW_STATUS_CONCAT_INNER(a, b)

#define PW_RETURN_IF_ERROR(expr)                          \
    do {                                                  \
        ::planwatch::Status pw_status_ = (expr);          \
        if (!pw_status_.ok()) return pw_status_;          \
    } while (0)

#define PW_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
    auto tmp = (expr);                           \
    if (!tmp.ok()) return tmp.status();          \
    lhs = std::move(tmp).value()

#define PW_ASSIGN_OR_RETURN(lhs, expr) \
    PW_ASSIGN_OR_RETURN_IMPL(PW_STATUS_CONCAT(pw_statusor_, __LINE__), lhs, expr)
