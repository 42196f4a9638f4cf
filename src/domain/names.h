#pragma once
// Enum <-> stable name tables shared by the domain's Name()/Parse*() functions.
#include <optional>
#include <string_view>
#include <utility>

namespace planwatch::domain::internal {

template <typename E, size_t N>
const char* NameOf(const std::pair<E, const char*> (&table)[N], E value) {
    for (const auto& [e, name] : table) {
        if (e == value) return name;
    }
    return "";  // unreachable while every enumerator is in its table (tests check)
}

template <typename E, size_t N>
std::optional<E> ParseName(const std::pair<E, const char*> (&table)[N], std::string_view name) {
    for (const auto& [e, n] : table) {
        if (name == n) return e;
    }
    return std::nullopt;
}

}  // namespace planwatch::domain::internal
