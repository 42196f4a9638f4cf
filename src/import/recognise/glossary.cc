#include "import/recognise/glossary.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/resources.h"
#include "common/text.h"
#include "domain/plan.h"
#include "import/recognise/value_tokens.h"

namespace planwatch::import::recognise {
namespace {

constexpr std::pair<Field, const char*> kFieldNames[] = {
    {Field::kPillar, "pillar"},
    {Field::kArea, "area"},
    {Field::kSection, "section"},
    {Field::kGeneralObjective, "general_objective"},
    {Field::kSpecificObjective, "specific_objective"},
    {Field::kActivity, "activity"},
    {Field::kResults, "results"},
    {Field::kIndicators, "indicators"},
    {Field::kTarget, "target"},
    {Field::kBaseline, "baseline"},
    {Field::kFrequency, "frequency"},
    {Field::kDeadline, "deadline"},
    {Field::kStart, "start"},
    {Field::kPeriodGrid, "period_grid"},
    {Field::kResponsible, "responsible"},
    {Field::kLead, "lead"},
    {Field::kPartners, "partners"},
    {Field::kBudget, "budget"},
    {Field::kFundingSource, "funding_source"},
    {Field::kCpv, "cpv"},
    {Field::kServiceCode, "service_code"},
    {Field::kServiceName, "service_name"},
    {Field::kBeneficiaries, "beneficiaries"},
    {Field::kCapacity, "capacity"},
    {Field::kOccupancy, "occupancy"},
    {Field::kProvider, "provider"},
    {Field::kLocality, "locality"},
    {Field::kNumber, "number"},
    {Field::kStaff, "staff"},
    {Field::kArea_m2, "area_m2"},
    {Field::kNotes, "notes"},
    {Field::kLicence, "licence"},
    {Field::kLicenceDate, "licence_date"},
    {Field::kLicenceExpiry, "licence_expiry"},
};

constexpr std::pair<WordKind, const char*> kKindNames[] = {
    {WordKind::kMonth, "months"},
    {WordKind::kNumber, "numbers"},
    {WordKind::kFrequency, "frequencies"},
    {WordKind::kComparator, "comparators"},
    {WordKind::kRecurrence, "recurrence"},
    {WordKind::kStartMarker, "start_markers"},
    {WordKind::kDeadlineMarker, "deadline_markers"},
    {WordKind::kRangeMarker, "range_markers"},
    {WordKind::kRangeJoiner, "range_joiners"},
    {WordKind::kLeadMarker, "lead_markers"},
    {WordKind::kAcronymListTitle, "acronym_list_titles"},
    {WordKind::kHierarchy, "hierarchy"},
    {WordKind::kCurrency, "currencies"},
    {WordKind::kMultiplier, "multipliers"},
    {WordKind::kConjunction, "conjunctions"},
    {WordKind::kFiller, "fillers"},
    {WordKind::kStopWord, "stop_words"},
    {WordKind::kPercentWord, "percent_words"},
    {WordKind::kNotTargetPrefix, "not_target_prefixes"},
    {WordKind::kQuarterPrefix, "quarter_prefixes"},
    {WordKind::kSemesterPrefix, "semester_prefixes"},
    {WordKind::kPartnerMarker, "partner_markers"},
    {WordKind::kInstitutionHead, "institution_heads"},
    {WordKind::kOrdinal, "ordinals"},
};
constexpr size_t kKindCount = std::size(kKindNames);

// How the JSON value of each entry of a kind is read.
enum class ValueType { kNone, kInteger, kFrequency, kComparator, kTargetPer, kField, kCurrencyCode };

ValueType ValueTypeOf(WordKind kind) {
    switch (kind) {
        case WordKind::kMonth:
        case WordKind::kNumber:
        case WordKind::kMultiplier:
        case WordKind::kOrdinal:
            return ValueType::kInteger;
        case WordKind::kFrequency:
            return ValueType::kFrequency;
        case WordKind::kComparator:
            return ValueType::kComparator;
        case WordKind::kRecurrence:
            return ValueType::kTargetPer;
        case WordKind::kHierarchy:
            return ValueType::kField;
        case WordKind::kCurrency:
            return ValueType::kCurrencyCode;
        default:
            return ValueType::kNone;
    }
}

std::optional<WordKind> ParseWordKind(std::string_view name) {
    for (const auto& [kind, kind_name] : kKindNames) {
        if (name == kind_name) return kind;
    }
    return std::nullopt;
}

Phrase MakePhrase(std::string_view text, const std::string& language) {
    Phrase phrase;
    phrase.text = std::string(text);
    phrase.key = text::SearchKey(text);
    phrase.language = language;
    std::string normalized = text::Normalize(text);
    for (const internal::Token& token : internal::Tokenize(normalized)) phrase.tokens.push_back(token.key);
    return phrase;
}

Status FileError(std::string_view origin, const std::string& path, const std::string& message) {
    std::string text(origin);
    text += ": ";
    if (!path.empty()) text += path + ": ";
    text += message;
    return InvalidArgument(std::move(text));
}

// Reads one entry's value into phrase->value / phrase->code as the kind wants it.
Status ReadValue(WordKind kind, const nlohmann::json& value, const std::string& path, std::string_view origin,
                 Phrase* phrase) {
    ValueType type = ValueTypeOf(kind);
    if (type == ValueType::kInteger) {
        if (!value.is_number_integer()) return FileError(origin, path, "expected an integer");
        phrase->value = value.get<int64_t>();
        if (kind == WordKind::kMonth && (phrase->value < 1 || phrase->value > 12)) {
            return FileError(origin, path, "a month must be 1..12");
        }
        if (kind == WordKind::kMultiplier && phrase->value < 1) return FileError(origin, path, "a multiplier must be >= 1");
        return Status::Ok();
    }
    if (!value.is_string()) return FileError(origin, path, "expected a string");
    const std::string name = value.get<std::string>();
    switch (type) {
        case ValueType::kFrequency: {
            auto frequency = domain::ParseFrequency(name);
            if (!frequency) return FileError(origin, path, "unknown frequency \"" + name + "\" (annual, semester, quarter, month, permanent, once)");
            phrase->value = static_cast<int64_t>(*frequency);
            return Status::Ok();
        }
        case ValueType::kComparator: {
            auto comparator = domain::ParseComparator(name);
            if (!comparator) return FileError(origin, path, "unknown comparator \"" + name + "\" (>=, =, <=)");
            phrase->value = static_cast<int64_t>(*comparator);
            return Status::Ok();
        }
        case ValueType::kTargetPer: {
            auto per = domain::ParseTargetPer(name);
            if (!per) return FileError(origin, path, "unknown recurrence \"" + name + "\" (year, period, plan)");
            phrase->value = static_cast<int64_t>(*per);
            return Status::Ok();
        }
        case ValueType::kField: {
            auto field = ParseField(name);
            if (!field) return FileError(origin, path, "unknown field \"" + name + "\"");
            phrase->value = static_cast<int64_t>(*field);
            return Status::Ok();
        }
        case ValueType::kCurrencyCode: {
            bool iso = name.size() == 3 && std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
            if (!iso) return FileError(origin, path, "a currency must be an ISO 4217 code like \"EUR\", not \"" + name + "\"");
            phrase->code = name;
            return Status::Ok();
        }
        default:
            return FileError(origin, path, "unexpected value");
    }
}

bool SamePhrase(const Phrase& a, const Phrase& b) {
    return a.key == b.key && a.language == b.language && a.value == b.value && a.code == b.code;
}

bool IsBoundary(std::string_view key, size_t pos) { return pos >= key.size() || !internal::IsWordByte(key[pos]); }

// The run of word bytes at pos ("nr" in "nr. crt."); empty when pos is punctuation.
// A view into key: lookups in header_words_ (std::less<>) need no copy.
std::string_view FirstWord(std::string_view key, size_t pos) {
    size_t end = pos;
    while (end < key.size() && internal::IsWordByte(key[end])) ++end;
    return key.substr(pos, end - pos);
}

// "1.", "1.2.", "a)", "IV." at the start of a header: numbering, not words.
size_t NumberingLength(std::string_view key) {
    size_t pos = 0;
    if (pos < key.size() && key[pos] >= '0' && key[pos] <= '9') {
        while (pos < key.size() && ((key[pos] >= '0' && key[pos] <= '9') || key[pos] == '.')) ++pos;
        if (pos < key.size() && key[pos] == ')') ++pos;
    } else {
        size_t letters = 0;
        while (pos < key.size() && key[pos] >= 'a' && key[pos] <= 'z' && letters < 4) {
            ++pos;
            ++letters;
        }
        if (pos >= key.size() || (key[pos] != '.' && key[pos] != ')')) return 0;
        // one letter ("a)") or a roman numeral ("iv.")
        std::string_view word = key.substr(0, letters);
        bool roman = word.find_first_not_of("ivx") == std::string_view::npos;
        if (letters != 1 && !roman) return 0;
        ++pos;
    }
    if (pos >= key.size() || key[pos] != ' ') return 0;
    return pos + 1;
}

std::string CollapseSpaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string WithoutParentheses(std::string_view key) {
    std::string out;
    int depth = 0;
    for (char c : key) {
        if (c == '(') {
            ++depth;
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (depth == 0) {
            out += c;
        }
    }
    return CollapseSpaces(out);
}

// "2019-1", "2024-Q3", "T3 2024", "S1 2019", "2019": a column of a period grid.
bool IsPeriodHeader(std::string_view key) {
    auto digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    auto year = [&](std::string_view s) { return s.size() == 4 && digits(s) && s >= "1950" && s <= "2200"; };
    if (year(key)) return true;
    if (key.size() >= 6 && year(key.substr(0, 4)) && (key[4] == '-' || key[4] == '/')) {
        std::string_view rest = key.substr(5);
        if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '4') return true;
        if (rest.size() == 2 && (rest[0] == 'q' || rest[0] == 't' || rest[0] == 's' || rest[0] == 'h') && rest[1] >= '1' &&
            rest[1] <= '4') {
            return true;
        }
    }
    if (key.size() >= 7 && (key[0] == 'q' || key[0] == 't' || key[0] == 's' || key[0] == 'h') && key[1] >= '1' &&
        key[1] <= '4') {
        std::string_view rest = key.substr(2);
        if (!rest.empty() && (rest[0] == ' ' || rest[0] == '/' || rest[0] == '-')) rest.remove_prefix(1);
        return year(rest);
    }
    return false;
}

}  // namespace

const char* FieldName(Field field) {
    for (const auto& [f, name] : kFieldNames) {
        if (f == field) return name;
    }
    return "?";
}

std::optional<Field> ParseField(std::string_view name) {
    for (const auto& [field, field_name] : kFieldNames) {
        if (name == field_name) return field;
    }
    return std::nullopt;
}

const char* WordKindName(WordKind kind) {
    for (const auto& [k, name] : kKindNames) {
        if (k == kind) return name;
    }
    return "?";
}

std::string HeaderKey(std::string_view cell_text) {
    // Heal words hyphenated at a line break ("rea-\nlizare") before lines are joined.
    std::string healed;
    healed.reserve(cell_text.size());
    for (size_t i = 0; i < cell_text.size(); ++i) {
        if (cell_text[i] == '-' && i > 0 && internal::IsWordByte(cell_text[i - 1])) {
            size_t j = i + 1;
            while (j < cell_text.size() && (cell_text[j] == ' ' || cell_text[j] == '\r')) ++j;
            if (j < cell_text.size() && cell_text[j] == '\n') {
                while (j < cell_text.size() && (cell_text[j] == ' ' || cell_text[j] == '\n' || cell_text[j] == '\r')) ++j;
                if (j < cell_text.size() && cell_text[j] >= 'a' && cell_text[j] <= 'z') {
                    i = j - 1;
                    continue;
                }
            }
        }
        healed += cell_text[i];
    }
    std::string key = text::SearchKey(healed);
    // "Nr.de persoane" and "Nr. de persoane" are the same header.
    std::string spaced;
    for (size_t i = 0; i < key.size(); ++i) {
        spaced += key[i];
        if (key[i] == '.' && i + 1 < key.size() && ((key[i + 1] >= 'a' && key[i + 1] <= 'z')) && i > 1 &&
            key[i - 1] >= 'a' && key[i - 1] <= 'z' && key[i - 2] >= 'a' && key[i - 2] <= 'z') {
            spaced += ' ';
        }
    }
    key = CollapseSpaces(spaced);
    if (size_t numbering = NumberingLength(key); numbering > 0) key.erase(0, numbering);
    while (!key.empty() && (key.back() == ':' || key.back() == '*' || key.back() == ';' || key.back() == ',' ||
                            key.back() == ' ' || key.back() == '-')) {
        key.pop_back();
    }
    while (!key.empty() && (key.front() == '-' || key.front() == ' ')) key.erase(0, 1);
    return key;
}

void Glossary::Add(WordKind kind, Phrase phrase) {
    size_t k = static_cast<size_t>(kind);
    if (words_.size() < kKindCount) {
        words_.resize(kKindCount);
        first_token_.resize(kKindCount);
    }
    for (const Phrase& existing : words_[k]) {
        if (SamePhrase(existing, phrase)) return;
    }
    if (phrase.tokens.empty()) return;
    first_token_[k][phrase.tokens.front()].push_back(words_[k].size());
    words_[k].push_back(std::move(phrase));
}

void Glossary::AddHeader(Field field, Phrase phrase) {
    for (const HeaderEntry& existing : headers_) {
        if (existing.field == field && SamePhrase(existing.phrase, phrase)) return;
    }
    phrase.key = HeaderKey(phrase.text);
    if (phrase.key.empty()) return;
    headers_.push_back({field, std::move(phrase)});
    IndexHeader(headers_.size() - 1);
}

void Glossary::IndexHeader(size_t index) {
    const std::string& key = headers_[index].phrase.key;
    header_words_[std::string(FirstWord(key, 0))].push_back(index);
}

StatusOr<Glossary> Glossary::FromJson(std::string_view json_text, std::string_view origin) {
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::parse_error& e) {
        return FileError(origin, "", std::string("not valid JSON at byte ") + std::to_string(e.byte) + ": " + e.what());
    }
    if (!root.is_object()) return FileError(origin, "", "the top level must be an object");
    if (!root.contains("language") || !root["language"].is_string() || root["language"].get<std::string>().empty()) {
        return FileError(origin, "language", "expected a language code such as \"ro\"");
    }
    const std::string language = root["language"].get<std::string>();
    Glossary glossary;
    glossary.words_.resize(kKindCount);
    glossary.first_token_.resize(kKindCount);
    glossary.languages_.push_back(language);
    for (const auto& [key, value] : root.items()) {
        if (key != "language" && key != "headers" && key != "words" && key != "comment" && key != "$comment") {
            return FileError(origin, key, "unknown key (expected language, headers, words)");
        }
    }
    if (root.contains("headers")) {
        const nlohmann::json& headers = root["headers"];
        if (!headers.is_object()) return FileError(origin, "headers", "expected an object of field -> list of headers");
        for (const auto& [field_name, synonyms] : headers.items()) {
            std::string path = "headers." + field_name;
            auto field = ParseField(field_name);
            if (!field) return FileError(origin, path, "unknown field");
            if (!synonyms.is_array()) return FileError(origin, path, "expected a list of strings");
            for (size_t i = 0; i < synonyms.size(); ++i) {
                if (!synonyms[i].is_string()) {
                    return FileError(origin, path + "[" + std::to_string(i) + "]", "expected a string");
                }
                Phrase phrase = MakePhrase(synonyms[i].get<std::string>(), language);
                phrase.value = static_cast<int64_t>(*field);
                glossary.AddHeader(*field, std::move(phrase));
            }
        }
    }
    if (root.contains("words")) {
        const nlohmann::json& words = root["words"];
        if (!words.is_object()) return FileError(origin, "words", "expected an object of kind -> entries");
        for (const auto& [kind_name, entries] : words.items()) {
            std::string path = "words." + kind_name;
            auto kind = ParseWordKind(kind_name);
            if (!kind) return FileError(origin, path, "unknown kind of word");
            const bool needs_value = ValueTypeOf(*kind) != ValueType::kNone;
            if (needs_value) {
                if (!entries.is_object()) return FileError(origin, path, "expected an object of phrase -> value");
                for (const auto& [text, value] : entries.items()) {
                    Phrase phrase = MakePhrase(text, language);
                    PW_RETURN_IF_ERROR(ReadValue(*kind, value, path + ".\"" + text + "\"", origin, &phrase));
                    glossary.Add(*kind, std::move(phrase));
                }
            } else {
                if (!entries.is_array()) return FileError(origin, path, "expected a list of strings");
                for (size_t i = 0; i < entries.size(); ++i) {
                    if (!entries[i].is_string()) {
                        return FileError(origin, path + "[" + std::to_string(i) + "]", "expected a string");
                    }
                    glossary.Add(*kind, MakePhrase(entries[i].get<std::string>(), language));
                }
            }
        }
    }
    return glossary;
}

void Glossary::Merge(const Glossary& other) {
    if (words_.size() < kKindCount) {
        words_.resize(kKindCount);
        first_token_.resize(kKindCount);
    }
    for (const std::string& language : other.languages_) {
        if (std::find(languages_.begin(), languages_.end(), language) == languages_.end()) languages_.push_back(language);
    }
    for (const HeaderEntry& entry : other.headers_) {
        bool known = false;
        for (const HeaderEntry& existing : headers_) {
            known = known || (existing.field == entry.field && SamePhrase(existing.phrase, entry.phrase));
        }
        if (!known) {
            headers_.push_back(entry);
            IndexHeader(headers_.size() - 1);
        }
    }
    for (size_t k = 0; k < other.words_.size(); ++k) {
        for (const Phrase& phrase : other.words_[k]) Add(static_cast<WordKind>(k), phrase);
    }
}

StatusOr<Glossary> Glossary::LoadBuiltIn(const std::vector<std::string>& extra_files) {
    Glossary glossary;
    glossary.words_.resize(kKindCount);
    glossary.first_token_.resize(kKindCount);
    for (const resources::Resource& resource : resources::List("data/glossary/")) {
        if (!resource.path.ends_with(".json")) continue;
        PW_ASSIGN_OR_RETURN(Glossary part, FromJson(resource.bytes, resource.path));
        glossary.Merge(part);
    }
    for (const std::string& file : extra_files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) return NotFound("glossary file " + file + " cannot be opened");
        std::ostringstream bytes;
        bytes << in.rdbuf();
        PW_ASSIGN_OR_RETURN(Glossary part, FromJson(bytes.str(), file));
        glossary.Merge(part);
    }
    return glossary;
}

const Glossary& Glossary::Default() {
    static const Glossary glossary = [] {
        StatusOr<Glossary> loaded = LoadBuiltIn();
        if (!loaded.ok()) {
            std::fprintf(stderr, "planwatch: the built-in glossary does not load: %s\n",
                         loaded.status().ToString().c_str());
            std::abort();
        }
        return std::move(loaded).value();
    }();
    return glossary;
}

const std::vector<Phrase>& Glossary::Phrases(WordKind kind) const {
    static const std::vector<Phrase> kEmpty;
    size_t k = static_cast<size_t>(kind);
    return k < words_.size() ? words_[k] : kEmpty;
}

const std::vector<size_t>* Glossary::PhrasesStartingWith(WordKind kind, std::string_view first_token_key) const {
    size_t k = static_cast<size_t>(kind);
    if (k >= first_token_.size()) return nullptr;
    auto it = first_token_[k].find(first_token_key);
    return it == first_token_[k].end() ? nullptr : &it->second;
}

const Phrase* Glossary::Lookup(WordKind kind, std::string_view text, std::string_view language) const {
    std::string key = text::SearchKey(text);
    const Phrase* found = nullptr;
    for (const Phrase& phrase : Phrases(kind)) {
        if (phrase.key != key) continue;
        if (!internal::IsSpecificLanguage(language) || phrase.language == language) return &phrase;
        if (found == nullptr) found = &phrase;
    }
    return found;
}

PhraseMatch Glossary::MatchPrefix(WordKind kind, std::string_view key, std::string_view language) const {
    PhraseMatch best;
    for (const Phrase& phrase : Phrases(kind)) {
        if (!key.starts_with(phrase.key) || !IsBoundary(key, phrase.key.size())) continue;
        bool better = phrase.key.size() > best.length;
        if (phrase.key.size() == best.length && internal::IsSpecificLanguage(language) && phrase.language == language &&
            best.phrase->language != language) {
            better = true;
        }
        if (better) {
            best.phrase = &phrase;
            best.length = phrase.key.size();
        }
    }
    return best;
}

std::optional<HeaderMatch> Glossary::MatchHeader(std::string_view cell_text, std::string_view language) const {
    // Longer cells are prose, not headers; comparing them would only find noise.
    constexpr size_t kMaxHeaderKey = 200;
    constexpr size_t kMaxContainsKey = 150;
    constexpr size_t kMinContainedSynonym = 5;
    if (cell_text.size() > 4 * kMaxHeaderKey) return std::nullopt;
    // HeaderKey keeps every ASCII letter but at most four of a leading numbering:
    // more letters than that cannot give a key short enough, so skip computing it.
    size_t letters = 0;
    for (char c : cell_text) letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letters > kMaxHeaderKey + 4) return std::nullopt;
    std::string key = HeaderKey(cell_text);
    if (key.empty() || key.size() > kMaxHeaderKey) return std::nullopt;
    if (IsPeriodHeader(key)) return HeaderMatch{Field::kPeriodGrid, "", 0.9, std::string(cell_text)};
    std::string bare = WithoutParentheses(key);
    std::optional<HeaderMatch> best;
    auto consider = [&](const HeaderEntry& entry, double score) {
        bool better = !best || score > best->score ||
                      (score == best->score && internal::IsSpecificLanguage(language) &&
                       entry.phrase.language == language && best->language != language);
        if (better) best = HeaderMatch{entry.field, entry.phrase.language, score, entry.phrase.text};
    };
    for (const std::string* candidate : {&key, &bare}) {
        const std::string& k = *candidate;
        if (k.empty() || (candidate == &bare && bare == key)) continue;
        for (size_t pos = 0; pos < k.size(); ++pos) {
            // Entries start at the beginning of the cell or at the start of one of its words.
            if (pos > 0 && (!internal::IsWordByte(k[pos]) || internal::IsWordByte(k[pos - 1]))) continue;
            auto bucket = header_words_.find(FirstWord(k, pos));
            if (bucket == header_words_.end()) continue;
            for (size_t index : bucket->second) {
                const HeaderEntry& entry = headers_[index];
                const std::string& synonym = entry.phrase.key;
                if (k.compare(pos, synonym.size(), synonym) != 0 || !IsBoundary(k, pos + synonym.size())) continue;
                double share = static_cast<double>(synonym.size()) / static_cast<double>(k.size());
                if (pos == 0) {
                    consider(entry, synonym.size() == k.size() ? 1.0 : 0.8 + 0.09 * share);
                } else if (synonym.size() >= kMinContainedSynonym && k.size() <= kMaxContainsKey) {
                    consider(entry, 0.6 + 0.09 * share);
                }
            }
        }
    }
    return best;
}

}  // namespace planwatch::import::recognise
