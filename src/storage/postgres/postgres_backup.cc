#include "storage/postgres/postgres_backup.h"

#include <soci/soci.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "storage/sql/clock.h"
#include "storage/sql/errors.h"
#include "storage/sql/tables.h"

namespace planwatch::storage::postgres {
namespace {

constexpr char kFormat[] = "planwatch.postgresql-backup";
constexpr int kFormatVersion = 1;
constexpr size_t kRowsPerInsert = 500;

constexpr char kBeginSnapshot[] = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
constexpr char kSchemaVersion[] = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
// Table names below come from sql::kTables, never from the file.
constexpr char kSelectRowsTemplate[] = "SELECT CAST(row_to_json(t) AS TEXT) FROM {table} AS t ORDER BY t.id";
constexpr char kInsertRowsTemplate[] =
    "INSERT INTO {table} ({columns}) SELECT {values} FROM json_populate_recordset(NULL::{table}, CAST(:rows AS json))";
constexpr char kSetParentTemplate[] = R"sql(
    UPDATE {table} SET {column} = r.{column}
    FROM json_populate_recordset(NULL::{table}, CAST(:rows AS json)) AS r
    WHERE {table}.id = r.id AND r.{column} IS NOT NULL)sql";
constexpr char kResetIdentityTemplate[] =
    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM {table}";

std::string Fill(std::string text, const std::map<std::string, std::string>& values) {
    for (const auto& [key, value] : values) {
        std::string token = "{" + key + "}";
        for (size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size())) {
            text.replace(at, token.size(), value);
        }
    }
    return text;
}

void RollbackQuietly(soci::session& session) {
    try {
        session << "ROLLBACK";
    } catch (const std::exception&) {
        // The connection is gone; the transaction is rolled back with it.
    }
}

// One table's rows as read from a backup file.
struct TableRows {
    std::string table;
    std::vector<std::string> rows;  // JSON objects
    std::vector<std::string> columns;
};

bool IsIdentifier(const std::string& name) {
    if (name.empty()) return false;
    for (char c : name) {
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_')) {
            return false;
        }
    }
    return true;
}

// Reads and checks the whole file before the database is touched, so a bad
// file changes nothing.
StatusOr<std::vector<TableRows>> ParseBackup(const std::string& path, int latest_schema_version) {
    const std::string not_ours = path + " is not a planwatch PostgreSQL backup: ";
    std::ifstream in(path, std::ios::binary);
    if (!in) return InvalidArgument(not_ours + "cannot read the file");
    std::string line;
    if (!std::getline(in, line)) return InvalidArgument(not_ours + "the file is empty");
    nlohmann::json header = nlohmann::json::parse(line, nullptr, false);
    if (!header.is_object() || header.value("format", "") != kFormat) {
        return InvalidArgument(not_ours + "line 1 has no \"format\": \"" + kFormat + "\"");
    }
    if (header.value("format_version", 0) != kFormatVersion) {
        return InvalidArgument(not_ours + "format_version is not " + std::to_string(kFormatVersion));
    }
    int schema_version = header.value("schema_version", 0);
    if (schema_version <= 0 || schema_version > latest_schema_version) {
        return InvalidArgument(path + ": schema version " + std::to_string(schema_version) +
                               " is not one this planwatch knows (1.." + std::to_string(latest_schema_version) + ")");
    }

    std::vector<TableRows> tables;
    int line_number = 1;
    size_t expected = 0;
    while (std::getline(in, line)) {
        ++line_number;
        std::string where = path + ":" + std::to_string(line_number) + ": ";
        nlohmann::json value = nlohmann::json::parse(line, nullptr, false);
        if (!value.is_object()) return InvalidArgument(where + "not a JSON object");
        if (expected == 0) {
            std::string table = value.value("table", "");
            bool known = false;
            for (const char* name : sql::kTables) known = known || table == name;
            if (!known) return InvalidArgument(where + "unknown table \"" + table + "\"");
            tables.push_back(TableRows{table, {}, {}});
            expected = value.value("rows", size_t{0});
            continue;
        }
        TableRows& current = tables.back();
        if (current.columns.empty()) {
            for (const auto& [key, ignored] : value.items()) {
                if (!IsIdentifier(key)) return InvalidArgument(where + "bad column name \"" + key + "\"");
                current.columns.push_back(key);
            }
        }
        current.rows.push_back(std::move(line));
        --expected;
    }
    if (expected != 0) return InvalidArgument(path + ": the file ends " + std::to_string(expected) + " rows early");
    return tables;
}

void InsertRows(soci::session& session, const TableRows& table) {
    const char* self_column = nullptr;
    for (const sql::SelfReference& ref : sql::kSelfReferences) {
        if (table.table == ref.table) self_column = ref.column;
    }
    std::string columns, values;
    for (const std::string& column : table.columns) {
        columns += (columns.empty() ? "" : ", ") + column;
        // Rows pointing at rows of the same table get that link once all exist.
        values += (values.empty() ? "" : ", ") + (self_column && column == self_column ? std::string("NULL") : column);
    }
    std::string insert = Fill(kInsertRowsTemplate, {{"table", table.table}, {"columns", columns}, {"values", values}});
    std::vector<std::string> batches;
    for (size_t start = 0; start < table.rows.size(); start += kRowsPerInsert) {
        std::string batch = "[";
        for (size_t i = start; i < std::min(table.rows.size(), start + kRowsPerInsert); ++i) {
            if (i > start) batch.push_back(',');
            batch += table.rows[i];
        }
        batch.push_back(']');
        session << insert, soci::use(batch);
        batches.push_back(std::move(batch));
    }
    if (self_column == nullptr) return;
    std::string update = Fill(kSetParentTemplate, {{"table", table.table}, {"column", self_column}});
    for (const std::string& batch : batches) session << update, soci::use(batch);
}

}  // namespace

Status WriteBackup(soci::session& session, const std::string& path) {
    std::string temp = path + ".tmp-" + std::to_string(getpid());
    try {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) return InvalidArgument("cannot write backup " + path);
        session << kBeginSnapshot;
        int schema_version = 0;
        session << kSchemaVersion, soci::into(schema_version);
        nlohmann::json header = {{"format", kFormat},
                                 {"format_version", kFormatVersion},
                                 {"schema_version", schema_version},
                                 {"created_at", sql::NowUtc()}};
        out << header.dump() << '\n';
        for (const char* table : sql::kTables) {
            long long count = 0;
            session << "SELECT COUNT(*) FROM " + std::string(table), soci::into(count);
            out << nlohmann::json{{"table", table}, {"rows", count}}.dump() << '\n';
            std::string row;
            soci::statement st = (session.prepare << Fill(kSelectRowsTemplate, {{"table", table}}), soci::into(row));
            st.execute();
            while (st.fetch()) out << row << '\n';
        }
        session << "COMMIT";
        out.close();
        if (!out) {
            std::remove(temp.c_str());
            return InvalidArgument("cannot write backup " + path + " (disk full?)");
        }
    } catch (const std::exception& e) {
        RollbackQuietly(session);
        std::remove(temp.c_str());
        return sql::FromSociError(e, "backup");
    }
    std::error_code error;
    std::filesystem::rename(temp, path, error);
    if (error) {
        std::remove(temp.c_str());
        return InvalidArgument("cannot write backup " + path + ": " + error.message());
    }
    return Status::Ok();
}

Status ReadBackup(soci::session& session, const std::string& path, int latest_schema_version) {
    PW_ASSIGN_OR_RETURN(std::vector<TableRows> tables, ParseBackup(path, latest_schema_version));
    try {
        session << "BEGIN";
        std::string all;
        for (const char* table : sql::kTables) all += (all.empty() ? "" : ", ") + std::string(table);
        session << "TRUNCATE " + all + " RESTART IDENTITY";
        // kTables is in foreign-key order; the file may list tables in any order.
        for (const char* name : sql::kTables) {
            for (const TableRows& table : tables) {
                if (table.table == name && !table.rows.empty()) InsertRows(session, table);
            }
        }
        for (const char* table : sql::kTables) {
            long long next = 0;
            session << Fill(kResetIdentityTemplate, {{"table", table}}), soci::into(next);
        }
        session << "COMMIT";
    } catch (const std::exception& e) {
        RollbackQuietly(session);
        Status status = sql::FromSociError(e, "restore from " + path);
        // Rows the schema refuses mean the file is not a backup we can take.
        if (status.code() == StatusCode::kConflict) return InvalidArgument(status.message());
        return status;
    }
    return Status::Ok();
}

}  // namespace planwatch::storage::postgres
