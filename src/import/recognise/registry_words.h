#pragma once
// Words of data/nomenclature/registry_words.json and organisation_units.json: what
// the services-plan and organisation-profile recognisers look for (funding sources,
// capacity units, unit kinds, section titles) in ro, sl, en, it, es. Kept as data so
// a deployment adds a spelling without rebuilding. Immutable; any thread may read.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace planwatch::import::recognise {

// A phrase list: each phrase stored as its text::SearchKey.
using PhraseKeys = std::vector<std::string>;

struct Jurisdiction {
    std::string issuer_key;    // SearchKey of "consiliul județean"
    std::string jurisdiction;  // "Județul"
};

struct RegistryWords {
    // Services plans.
    std::vector<std::pair<std::string, PhraseKeys>> funding_sources;  // "local" -> keys, in file order
    PhraseKeys restructuring, proposed, existing;
    std::vector<std::pair<std::string, PhraseKeys>> capacity_units;   // "per_day" -> keys, in file order
    PhraseKeys area_units, total_labels, chapters, information_titles, training_titles, deadline_markers,
        decision_words, number_markers, plan_titles, beneficiary_prepositions, persons_headers, licence_expiry_markers;
    std::vector<Jurisdiction> jurisdictions;
    // Organisation profiles.
    std::vector<std::pair<std::string, PhraseKeys>> unit_kinds;       // "directorate" -> keys
    PhraseKeys structure_titles, indicator_titles, component_words, contact_markers, head_markers, present_words,
        reference_prefixes, year_words;

    // Both files' texts; kInvalidArgument naming the file and key when malformed.
    static StatusOr<RegistryWords> FromJson(std::string_view registry_json, std::string_view organisation_json);
    // The embedded files, loaded once; thread-safe; aborts on a build defect.
    static const RegistryWords& Default();
};

// Word-boundary phrase search on search keys (text::SearchKey): a boundary is the
// start or end of the key or a character that is not a letter or digit.
bool KeyStartsWith(std::string_view key, std::string_view phrase_key);
bool KeyContains(std::string_view key, std::string_view phrase_key);
// The first list entry (by file order) one of whose phrases the key contains / starts
// with; longer phrases are tried first within the whole table. nullopt when none.
std::optional<std::string> FindLabel(std::string_view key, const std::vector<std::pair<std::string, PhraseKeys>>& table,
                                     bool prefix_only = false);
bool ContainsAny(std::string_view key, const PhraseKeys& phrases);
bool StartsWithAny(std::string_view key, const PhraseKeys& phrases);

}  // namespace planwatch::import::recognise
