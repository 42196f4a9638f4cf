#pragma once
// The social-service nomenclature (HG 867/2015) and the cost standards (HG 426/2020)
// as far as planwatch knows them: data/nomenclature/*.json, embedded in the binary.
// Immutable once loaded; any thread may read it.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace planwatch::import::recognise {

struct NomenclatureEntry {
    std::string code;          // canonical: "8790 CR-C-I"
    std::string caen;          // "8790"
    std::string type;          // "CR"
    std::string group;         // "C"
    std::string subtype;       // "I"; empty when the code has none ("8790 SF-C")
    std::string described_as;  // how documents describe services under the code (not the official wording)
};

struct CostStandard {
    std::string code;
    int64_t amount_lei = 0;
    std::string stated_as;  // the document's words
};

class Nomenclature {
public:
    // From the JSON texts of hg867_2015.json and cost_standards_hg426_2020.json.
    // Returns kInvalidArgument naming origin and the bad entry.
    static StatusOr<Nomenclature> FromJson(std::string_view codes_json, std::string_view costs_json);

    // The embedded files, loaded once; thread-safe. They are tested, so a failure
    // to load them aborts with a message (a build defect).
    static const Nomenclature& Default();

    // nullptr when the (canonical) code is not known.
    const NomenclatureEntry* Find(std::string_view canonical_code) const;
    const CostStandard* FindCostStandard(std::string_view canonical_code) const;

    const std::vector<NomenclatureEntry>& Entries() const { return entries_; }
    // Meaning of a code part, "" when unknown: CaenTitle("8790"), TypeName("CR"), GroupName("VD").
    std::string CaenTitle(std::string_view caen) const;
    std::string TypeName(std::string_view type) const;
    std::string GroupName(std::string_view group) const;

private:
    std::vector<NomenclatureEntry> entries_;
    std::vector<CostStandard> costs_;
    std::map<std::string, std::string, std::less<>> caen_, types_, groups_;
};

// A service code found at the start of text (after spaces), written as documents
// do — "8790 CR-C-I", "8790CR-C-I", "8891 CZ-C III", "8790 SF-C" — in canonical form
// "8790 CR-C-I" (one space after the class, hyphens between parts, roman subtype
// upper case). nullopt when text does not start with one.
std::optional<std::string> NormaliseServiceCode(std::string_view text);

// The first service code anywhere in text (canonical), with the byte offset where it starts.
std::optional<std::pair<std::string, size_t>> FindServiceCode(std::string_view text);

// True for a CPV code "85311000-2": eight digits, a hyphen, one check digit.
bool IsCpvCode(std::string_view text);

}  // namespace planwatch::import::recognise
