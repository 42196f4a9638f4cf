#pragma once
// Cell values of social-services tables: capacity, occupancy, area, staff, amounts
// written among words. Pure functions over one cell's text; nullopt when the cell
// states no such value (the caller decides whether that is worth a warning).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/social_service.h"
#include "import/recognise/glossary.h"
#include "import/recognise/registry_words.h"
#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise {

// The first number in text and where it ends. "." followed by exactly three digits
// groups thousands ("28.138" -> 28138); "," is the decimal mark ("421,75" -> 421.75).
// Digits glued to letters count ("Logoped1" -> 1).
std::optional<double> FirstNumber(std::string_view text, size_t* end = nullptr);

// "50" -> {50, places}; "8 beneficiari /zi" -> {8, per_day}; "150 beneficiari/an" ->
// {150, per_year}; "40 ore/\nsăptămână" -> {40, hours_per_week}. The unit comes from the
// cell's words, else from the column header ("Nr. benef./zi"), else places.
// nullopt for "", "-" or a cell with no number.
std::optional<domain::Capacity> ParseCapacity(std::string_view cell, std::string_view header,
                                              const RegistryWords& words);

// The capacity unit a header or cell names, nullopt when none.
std::optional<domain::CapacityUnit> CapacityUnitIn(std::string_view text, const RegistryWords& words);

// "100%" -> 1.0; "95 %" -> 0.95; "0,95" -> 0.95; "95" -> 0.95. nullopt without a number.
std::optional<double> ParseOccupancy(std::string_view cell);

// "421,75 mp" -> 421.75; "1330mp" -> 1330. nullopt without a number.
std::optional<double> ParseArea(std::string_view cell);

// Staff of a proposed service from a list such as "psiholog-1\nasistent medical-4\nșef de
// centru": the numbers on each line summed, a line naming a post without a number
// counting one. nullopt when the cell names no post.
std::optional<int> CountStaff(std::string_view cell);

// An amount in a cell that may carry other words: the whole cell, else a line, else the
// longest leading run of words of a line that ParseMoney reads ("28.138 lei conform HG nr.
// 426/2020" -> 28.138 lei). An amount that names its currency is taken as written; one
// without a currency is multiplied by the column's multiplier ("(mii lei)").
struct CellAmount {
    Money money;
    bool explicit_currency = false;  // the cell named its currency, so the header multiplier was not applied
    std::string rest;                // the other words of the cell, normalised ("conform HG nr. 426/2020")
};
std::optional<CellAmount> ExtractAmount(std::string_view cell, const Glossary& glossary, int64_t multiplier);

// A licence cell: "LF nr. 0001234/12.03.2019, valabilă până la 12.03.2024" -> number
// "0001234", date 2019-03-12, expiry 2024-03-12. Dates are written day.month.year (".",
// "/" or "-" between) or year-month-day; the first is the date granted unless an expiry
// marker of words (licence_expiry_markers: "valabilă până la") comes before it, the next
// is the expiry. The number follows a number marker ("nr."), else it is the first token
// with a digit that is not a date. nullopt when the cell states neither number nor date.
std::optional<domain::ServiceLicence> ParseLicence(std::string_view cell, const RegistryWords& words);

// True when the cell holds nothing but blanks, "-", "–" or "—".
bool IsBlankCell(std::string_view cell);

}  // namespace planwatch::import::recognise
