#pragma once
// The words the recogniser understands, kept as DATA (data/glossary/<lang>.json,
// format in data/glossary/README.md) so a deployment can add a language or a
// header spelling without rebuilding: header synonyms per canonical Field, and
// value words (months, frequencies, number words, comparators, ...).
//
// A Glossary is immutable once loaded; any number of threads may read it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace planwatch::import::recognise {

// What a table column (or a heading keyword) means, whatever the language.
enum class Field {
    kPillar,
    kArea,
    kSection,
    kGeneralObjective,
    kSpecificObjective,
    kActivity,
    kResults,
    kIndicators,
    kTarget,
    kBaseline,
    kFrequency,   // evaluation term ("Termen de evaluare")
    kDeadline,
    kStart,
    kPeriodGrid,  // a "2019-1" style period column marked with X
    kResponsible,
    kLead,
    kPartners,
    kBudget,
    kFundingSource,
    kCpv,
    kServiceCode,
    kServiceName,
    kBeneficiaries,
    kCapacity,
    kOccupancy,
    kProvider,
    kLocality,
    kNumber,      // "Nr. crt."
    kStaff,
    kArea_m2,
    kNotes,
    kLicence,     // a social service's operating licence: number, often with its dates
    kLicenceDate,
    kLicenceExpiry,
};

// Stable snake_case names used in the JSON files: "general_objective", "area_m2", ...
const char* FieldName(Field field);
std::optional<Field> ParseField(std::string_view name);

struct HeaderMatch {
    Field field = Field::kNotes;
    std::string language;  // of the glossary entry that matched: "ro", "sl", ...
    double score = 0;      // 1.0 exact, 0.8 prefix, 0.6 contained; higher is surer
    std::string synonym;   // the entry as written in the glossary, for warnings
};

// Kinds of value words. Each phrase has a meaning in `value` or `code`:
enum class WordKind {
    kMonth,              // value: 1..12
    kNumber,             // value: the number ("două" -> 2, "dozen" -> 12)
    kFrequency,          // value: int(domain::Frequency)
    kComparator,         // value: int(domain::Comparator)
    kRecurrence,         // value: int(domain::TargetPer) — "pe an", "letno" in a target
    kStartMarker,        // "începând cu", "da", "from": the date after it is a start
    kDeadlineMarker,     // "până în", "do", "by", "entro il", "termen": the date after it is a deadline
    kRangeMarker,        // "între", "between", "od": opens a "from X to Y" range
    kRangeJoiner,        // "și", "and", "to", "do", "al": joins the two ends of a range
    kLeadMarker,         // "coordonator", "nosilec", "lead"
    kAcronymListTitle,   // "Seznam kratic", "Abrevieri"
    kHierarchy,          // value: int(Field) — "Obiectiv general" -> kGeneralObjective
    kCurrency,           // code: ISO 4217 ("lei" -> RON, "evra" -> EUR)
    kMultiplier,         // value: factor ("mii" -> 1000, "milioane" -> 1000000)
    kConjunction,        // "și", "in", "and", "e", "y": may join two institution names
    kFiller,             // "de", "of", "di": dropped between a number and its unit
    kStopWord,           // frequent function words, for DetectLanguage
    kPercentWord,        // "procent", "percent", "odstotkov": the unit is "%"
    kNotTargetPrefix,    // "Legea", "HG", "Law": a number after it is a reference, not a target
    kQuarterPrefix,      // "T", "Q", "trimestrul", "četrtletje": quarter number follows/precedes
    kSemesterPrefix,     // "S", "semestrul", "polletje"
    kPartnerMarker,      // "parteneri:", "partnerji:", "partners:": the names after it are partners
    kInstitutionHead,    // "Ministerul", "Primăria", "Ministry": a conjunction before it starts a new name
    kOrdinal,            // value: 1.. — "primo semestre 2021", "third quarter 2024"
};
const char* WordKindName(WordKind kind);  // the JSON key: "months", "numbers", ...

struct Phrase {
    std::string text;      // as written in the glossary
    std::string key;       // text::SearchKey(text): what input is compared against
    std::string language;  // "ro", "sl", "en", "it", "es", or a deployment's own
    int64_t value = 0;
    std::string code;
    std::vector<std::string> tokens;  // the key cut into words and punctuation, for phrase matching
};

// A phrase found at the start of a key (see MatchPrefix).
struct PhraseMatch {
    const Phrase* phrase = nullptr;  // owned by the Glossary
    size_t length = 0;               // bytes of the key consumed, a word boundary
};

class Glossary {
public:
    Glossary() = default;

    // The built-in files (data/glossary/*.json, embedded in the binary) merged
    // with extra_files read from disk, in order; later entries add synonyms, they
    // never remove. Returns kInvalidArgument naming the file (and the JSON path)
    // when a file is not valid glossary JSON, kNotFound when an extra file is missing.
    static StatusOr<Glossary> LoadBuiltIn(const std::vector<std::string>& extra_files = {});

    // One glossary file's text; origin names it in error messages.
    // Returns kInvalidArgument as LoadBuiltIn does.
    static StatusOr<Glossary> FromJson(std::string_view json_text, std::string_view origin);

    // Adds every entry of other to this one (same rules as LoadBuiltIn).
    void Merge(const Glossary& other);

    // The built-in glossary, loaded once on first use; thread-safe. The built-in
    // files are tested, so a failure to load them aborts with a message (a build defect).
    static const Glossary& Default();

    // The Field a header cell names. The text is normalised first: lines joined
    // ("Termen de\n\nevaluare"), case and diacritics ignored, trailing ":" and
    // leading numbering ("1.", "a)") dropped. Exact match scores 1.0, the cell
    // starting with a synonym 0.8, containing one 0.6 (longer synonyms win ties).
    // nullopt when nothing matches. Equal scores go to the entry of `language`
    // ("Responsabili" is Romanian and Italian), else to the first loaded.
    std::optional<HeaderMatch> MatchHeader(std::string_view cell_text, std::string_view language = "auto") const;

    // Phrases of a kind, in load order.
    const std::vector<Phrase>& Phrases(WordKind kind) const;

    // The phrase of `kind` whose key equals SearchKey(text); when language is not
    // empty/"auto", phrases of that language are preferred. nullptr when none.
    const Phrase* Lookup(WordKind kind, std::string_view text, std::string_view language = "auto") const;

    // The longest phrase of `kind` that `key` (already a SearchKey) starts with,
    // ending at a word boundary (end, space or punctuation). phrase==nullptr when none.
    PhraseMatch MatchPrefix(WordKind kind, std::string_view key, std::string_view language = "auto") const;

    // Indexes into Phrases(kind) of the phrases whose first token key is
    // first_token_key (see Phrase::tokens); nullptr when none.
    const std::vector<size_t>* PhrasesStartingWith(WordKind kind, std::string_view first_token_key) const;

    // Languages that contributed entries, in load order.
    const std::vector<std::string>& Languages() const { return languages_; }

    struct HeaderEntry {
        Field field;
        Phrase phrase;
    };
    const std::vector<HeaderEntry>& Headers() const { return headers_; }

private:
    void Add(WordKind kind, Phrase phrase);
    void AddHeader(Field field, Phrase phrase);
    void IndexHeader(size_t index);

    std::vector<HeaderEntry> headers_;
    // First word of each header key -> indexes into headers_, so MatchHeader only
    // compares entries that can start at a word of the cell.
    std::map<std::string, std::vector<size_t>, std::less<>> header_words_;
    std::vector<std::vector<Phrase>> words_;  // indexed by int(WordKind)
    // Per kind: first token key -> indexes into words_[kind], for MatchPhrase.
    std::vector<std::map<std::string, std::vector<size_t>, std::less<>>> first_token_;
    std::vector<std::string> languages_;
};

// The key MatchHeader compares: SearchKey of the text with lines joined, a
// trailing ":" and leading numbering removed, and "-" at a line break healed.
std::string HeaderKey(std::string_view cell_text);

}  // namespace planwatch::import::recognise
