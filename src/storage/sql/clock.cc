#include "storage/sql/clock.h"

#include <ctime>

namespace planwatch::storage::sql {

std::string NowUtc() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

}  // namespace planwatch::storage::sql
