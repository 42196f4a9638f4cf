#pragma once
// Cell text -> typed values: targets, schedules, money, institution lists,
// acronym lists, the document's language. Pure functions: they read only their
// arguments and the Glossary, so any thread may call them. Language "auto"
// (or "") lets every language's words count; a language code prefers its words.
// None of them fails with a Status: "not a value" is nullopt (or understood=false),
// and the recogniser decides whether that deserves a warning.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/plan.h"
#include "import/cells.h"
#include "import/recognise/glossary.h"

namespace planwatch::import::recognise {

// ---- target_parsing.cc
// The number an indicator or result text promises, with its comparator, unit
// (the noun phrase after the number, at most a few words, filler "de"/"of"
// dropped), recurrence and percent flag:
//   "Minimum 2 proiecte locale"   -> {2, >=, "proiecte locale"}
//   "Un seminar"                  -> {1, =, "seminar"}
//   "1 raport anual"              -> {1, =, "raport", per year}
//   "Najmanj dva sestanka letno"  -> {2, >=, "sestanka", per year}
//   "almeno il 50%"               -> {50, >=, "%", percent}
// nullopt when the text states no number, or only years, dates, codes ("1.2.")
// or legal references ("Legea 272/2004").
std::optional<domain::Target> ParseTarget(std::string_view text, const Glossary& glossary,
                                          std::string_view lang = "auto");

// ---- schedule_parsing.cc
// A deadline / schedule / evaluation-term cell. understood is false when no
// part of the text was recognised (the recogniser warns with the text).
//   "Iulie 2017" -> deadline 2017-07;  "31.12.2020" -> deadline 2020-12-31
//   "T3 2024" -> deadline 2024-09, periods {"2024-Q3"};  "2019-1" -> deadline 2019-06, periods {"2019-1"}
//   "Anual (2017, 2018)" -> frequency annual, years {2017, 2018}
//   "Da settembre 2020" -> start 2020-09, no deadline;  "2017-2020" -> start 2017, deadline 2020, years 2017..2020
struct Schedule {
    std::optional<domain::DatePoint> start, deadline;
    std::optional<domain::Frequency> frequency;
    std::vector<int> years;            // every year named or spanned, ascending, unique
    std::vector<std::string> periods;  // "2024-Q3" quarters, "2019-1" semesters, ascending
    bool understood = false;
};
Schedule ParseSchedule(std::string_view text, const Glossary& glossary, std::string_view lang = "auto");

// ---- money_parsing.cc
// An amount in minor units (cents, bani) and its ISO 4217 currency ("" when the
// text names none: the caller takes it from the column or the plan).
struct Money {
    int64_t amount_minor = 0;
    std::string currency;
    friend bool operator==(const Money&, const Money&) = default;
};
// "1.478.027,51 lei" -> {147802751, "RON"}; "$1,200.50" -> {120050, "USD"};
// "2.126" with multiplier 1000 -> {212600000, ""}. The decimal separator is
// decided by the digit pattern (a separator followed by exactly 3 digits and
// used again, or followed by 3 digits when the other separator also occurs,
// groups thousands). "-", "0", "0,00" are zero. nullopt for text that is not one
// amount (words other than currency/multiplier words, two numbers, overflow).
std::optional<Money> ParseMoney(std::string_view text, const Glossary& glossary, int64_t multiplier = 1);

// The factor a column header announces: "(mii lei)" -> 1000, "thousand EUR" ->
// 1000, "milioane lei" -> 1000000, else 1. Uses Glossary::Default().
int64_t HeaderMoneyMultiplier(std::string_view header);

// ---- institution_lists.cc
struct NamedInstitution {
    std::string name;          // normalised, trailing punctuation and marker removed
    bool lead_marker = false;  // "(coordonator)", "nosilec:", "lead:" on this name
    friend bool operator==(const NamedInstitution&, const NamedInstitution&) = default;
};
// A responsible-institutions cell split into names, in order. Splits on line
// breaks, ";" and "," and on conjunctions ("și", "and", "in", "e", "y") — but
// not where the text after the separator continues a name (starts lower-case,
// as in "Ministrstvo za delo, družino, socialne zadeve in enake možnosti").
// Empty pieces are dropped.
std::vector<NamedInstitution> SplitInstitutions(std::string_view text, const Glossary& glossary);

// The document's own list of acronyms ("Seznam kratic", "Abrevieri", "Acronyms"):
// after a paragraph or table cell titled like that, lines or rows "MZ Ministrstvo
// za zdravje", "MZ – Ministrstvo za zdravje", "MZ: ..." or two-column rows.
// Returns acronym -> full name (normalised); empty when the document has none.
std::map<std::string, std::string> FindAcronymList(const Document& doc, const Glossary& glossary);

// ---- language_detection.cc
// "ro" | "sl" | "en" | "it" | "es" by stop words and letters typical of each
// language; "" when the text is too short or no language clearly leads.
std::string DetectLanguage(std::string_view text);

}  // namespace planwatch::import::recognise
