#pragma once
// The numbered schema steps embedded from src/storage/migrations/ (resources.h).
#include <string>
#include <string_view>
#include <vector>

namespace planwatch::storage::sql {

struct Migration {
    int number = 0;
    std::string name;                       // "0001_initial"
    std::vector<std::string_view> scripts;  // the shared file, then the dialect's
};

// The migrations for one dialect ("sqlite" or "postgres"), ascending: a plain
// NNNN_name.sql applies to both, NNNN_name.<dialect>.sql only to its own.
std::vector<Migration> EmbeddedMigrations(std::string_view dialect);

// Splits a script into statements at a ';' that ends a line; "--" comment lines
// and blank statements are dropped. Our migrations keep one statement per ';'
// (no triggers or functions with inner semicolons), which is all this handles.
std::vector<std::string> SplitStatements(std::string_view script);

}  // namespace planwatch::storage::sql
