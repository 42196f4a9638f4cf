#include "storage/sql/migrations.h"

#include <cctype>
#include <map>

#include "common/resources.h"

namespace planwatch::storage::sql {
namespace {

constexpr char kMigrationDir[] = "src/storage/migrations/";

// "0002_identity.postgres.sql" -> number 2, name "0002_identity", dialect "postgres".
struct FileName {
    int number = 0;
    std::string name;
    std::string dialect;  // empty for a shared file
};

bool ParseFileName(std::string_view file, FileName* out) {
    constexpr std::string_view kSuffix = ".sql";
    if (file.size() <= kSuffix.size() || !file.ends_with(kSuffix)) return false;
    file.remove_suffix(kSuffix.size());
    size_t digits = 0;
    while (digits < file.size() && std::isdigit(static_cast<unsigned char>(file[digits]))) ++digits;
    if (digits == 0) return false;
    out->number = std::stoi(std::string(file.substr(0, digits)));
    size_t dot = file.find('.');
    out->name = std::string(file.substr(0, dot));
    out->dialect = dot == std::string_view::npos ? "" : std::string(file.substr(dot + 1));
    return true;
}

}  // namespace

std::vector<Migration> EmbeddedMigrations(std::string_view dialect) {
    std::map<int, Migration> by_number;
    // List() sorts by path, so the shared "NNNN_x.sql" precedes "NNNN_x.<dialect>.sql"
    // only by accident of spelling; keep shared scripts first explicitly.
    for (int pass = 0; pass < 2; ++pass) {
        for (const resources::Resource& resource : resources::List(kMigrationDir)) {
            FileName file;
            if (!ParseFileName(resource.path.substr(sizeof kMigrationDir - 1), &file)) continue;
            bool shared = file.dialect.empty();
            if ((pass == 0) != shared) continue;
            if (!shared && file.dialect != dialect) continue;
            Migration& migration = by_number[file.number];
            migration.number = file.number;
            migration.name = file.name;
            migration.scripts.push_back(resource.bytes);
        }
    }
    std::vector<Migration> result;
    for (auto& [number, migration] : by_number) result.push_back(std::move(migration));
    return result;
}

std::vector<std::string> SplitStatements(std::string_view script) {
    std::vector<std::string> statements;
    std::string current;
    size_t start = 0;
    while (start < script.size()) {
        size_t end = script.find('\n', start);
        if (end == std::string_view::npos) end = script.size();
        std::string_view line = script.substr(start, end - start);
        start = end + 1;
        size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line.substr(first).starts_with("--")) continue;
        current.append(line).push_back('\n');
        size_t last = line.find_last_not_of(" \t\r");
        if (line[last] == ';') {
            current.erase(current.find_last_of(';'));
            statements.push_back(std::move(current));
            current.clear();
        }
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) statements.push_back(std::move(current));
    return statements;
}

}  // namespace planwatch::storage::sql
