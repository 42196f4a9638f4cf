// OpenStore: the only place that names the back ends.
#include <string_view>

#include "storage/postgres/postgres_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/store.h"

namespace planwatch::storage {

StatusOr<std::unique_ptr<Store>> OpenStore(const std::string& url, const StoreOptions& options) {
    constexpr std::string_view kSqlite = "sqlite:";
    if (url.starts_with(kSqlite)) {
        std::string path = url.substr(kSqlite.size());
        // "sqlite:///abs/path" and "sqlite://rel" are common spellings of the same thing.
        if (path.starts_with("//")) path = path.substr(2);
        if (path.empty()) return InvalidArgument("database URL \"" + url + "\": expected sqlite:PATH with a file path");
        return sqlite::OpenSqliteStore(path, options);
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        return postgres::OpenPostgresStore(url, options);
    }
    return InvalidArgument("database URL \"" + url + "\": expected sqlite:PATH or postgresql://user@host:port/name");
}

}  // namespace planwatch::storage
