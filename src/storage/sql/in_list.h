#pragma once
// Statements over many rows at once: a list of ids as "IN (…)" and a multi-row
// "VALUES (…), (…)", with the values bound in order through SOCI's exchange (a
// prepare expression cannot take a variable number of uses). Both databases
// take up to 32,766 parameters (SQLite 3.32+; PostgreSQL 65,535), so callers cut
// their rows into chunks of kChunkRows.
#include <soci/soci.h>

#include <cstddef>
#include <string>
#include <vector>

namespace planwatch::storage::sql {

// Rows per statement: 12 columns x 512 rows stays far under both limits.
inline constexpr size_t kChunkRows = 512;

// Placeholders in the session's dialect. SQLite looks a named parameter up by
// comparing it with every name before it, so 6,000 ":pN" cost seconds to prepare
// (bench/README.md); it takes "?" by position. SOCI's PostgreSQL back end only
// understands ":name", which it turns into $1, $2, … in one pass.
class Placeholders {
public:
    explicit Placeholders(soci::session& session) : positional_(session.get_backend_name() == "sqlite3") {}

    // "(?, ?, ?)" or "(:p0, :p1, :p2)" for count parameters numbered from first.
    std::string Row(size_t count, size_t first = 0) const {
        std::string out = "(";
        for (size_t i = 0; i < count; ++i) {
            if (i > 0) out += ", ";
            out += positional_ ? "?" : ":p" + std::to_string(first + i);
        }
        return out + ")";
    }
    // "(…), (…)" for rows x columns parameters.
    std::string Rows(size_t rows, size_t columns) const {
        std::string out;
        for (size_t row = 0; row < rows; ++row) {
            if (row > 0) out += ", ";
            out += Row(columns, row * columns);
        }
        return out;
    }

private:
    bool positional_;
};

// Prepares sql on st after its into and use elements were exchanged and starts
// it; the caller fetches the rows. As a one-time query, so that SOCI's
// PostgreSQL back end sends it with its parameters in one round trip instead of
// PREPARE, EXECUTE and DEALLOCATE.
inline void PrepareAndRun(soci::statement& st, const std::string& sql) {
    st.alloc();
    st.prepare(sql, soci::details::st_one_time_query);
    st.define_and_bind();
    st.execute();
}

// The same for a statement without rows (an INSERT): execute(true) is what
// makes SOCI's SQLite back end step it at all.
inline void PrepareAndExecute(soci::statement& st, const std::string& sql) {
    st.alloc();
    st.prepare(sql, soci::details::st_one_time_query);
    st.define_and_bind();
    st.execute(true);
}

// Prepares and runs sql with its "(:ids)" replaced by one placeholder per id,
// bound in order after the into elements the caller exchanged. SOCI keeps
// references: ids must not change until the statement is done.
inline void RunWithIds(soci::session& session, soci::statement& st, std::string sql,
                       const std::vector<long long>& ids) {
    for (const long long& id : ids) st.exchange(soci::use(id));
    const std::string token = "(:ids)";
    sql.replace(sql.find(token), token.size(), Placeholders(session).Row(ids.size()));
    PrepareAndRun(st, sql);
}

}  // namespace planwatch::storage::sql
