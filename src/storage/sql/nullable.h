#pragma once
// SOCI 4.0 binds std::optional only through boost::optional; these hold a value
// and its soci::indicator side by side so a column can be NULL both ways:
//     Nullable<int> year(line.year);
//     st = (s.prepare << kInsert, soci::use(year.value, year.ind));
// SOCI keeps references to both, so a Nullable must outlive its statement.
#include <soci/soci.h>

#include <optional>

namespace planwatch::storage::sql {

template <typename T>
struct Nullable {
    T value{};
    soci::indicator ind = soci::i_null;

    Nullable() = default;
    explicit Nullable(const std::optional<T>& from) { Set(from); }

    void Set(const std::optional<T>& from) {
        value = from.value_or(T{});
        ind = from ? soci::i_ok : soci::i_null;
    }
    std::optional<T> Get() const {
        if (ind == soci::i_null) return std::nullopt;
        return value;
    }
};

}  // namespace planwatch::storage::sql
