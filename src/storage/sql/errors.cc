#include "storage/sql/errors.h"

#include <soci/soci.h>

#include <array>
#include <string>

namespace planwatch::storage::sql {
namespace {

// SQLite's SOCI back end (4.0.3) does not classify its errors, so the texts
// both databases use are matched as well as PostgreSQL's categories.
constexpr std::array kConflictTexts = {
    "UNIQUE constraint failed", "FOREIGN KEY constraint failed",      // SQLite
    "violates unique constraint", "violates foreign key constraint",  // PostgreSQL
};
constexpr std::array kUnavailableTexts = {
    "unable to open database",     "database is locked",     "disk I/O error",  // SQLite
    "could not connect",           "Connection refused",     "server closed the connection",
    "no connection to the server", "terminating connection", "Cannot establish connection",  // PostgreSQL
};

template <size_t N>
bool Mentions(const std::string& text, const std::array<const char*, N>& needles) {
    for (const char* needle : needles) {
        if (text.find(needle) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

Status FromSociError(const std::exception& error, std::string_view doing) {
    std::string text = error.what();
    std::string message = std::string(doing) + ": " + text;
    if (Mentions(text, kConflictTexts)) return Conflict(std::move(message));
    if (Mentions(text, kUnavailableTexts)) return Unavailable(std::move(message));
    if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&error)) {
        if (soci_error->get_error_category() == soci::soci_error::connection_error) {
            return Unavailable(std::move(message));
        }
    }
    return Internal(std::move(message));
}

}  // namespace planwatch::storage::sql
