#include "import/recognise/registry_words.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "common/resources.h"
#include "common/text.h"

namespace planwatch::import::recognise {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

PhraseKeys Keys(const nlohmann::json& list) {
    PhraseKeys out;
    for (const nlohmann::json& item : list) out.push_back(text::SearchKey(item.get<std::string>()));
    return out;
}

std::vector<std::pair<std::string, PhraseKeys>> Table(const nlohmann::json& object) {
    std::vector<std::pair<std::string, PhraseKeys>> out;
    for (const auto& [label, list] : object.items()) out.emplace_back(label, Keys(list));
    return out;
}

bool BoundaryAt(std::string_view key, size_t pos) {
    return pos == 0 || pos >= key.size() || !IsWordByte(static_cast<unsigned char>(key[pos - 1])) ||
           !IsWordByte(static_cast<unsigned char>(key[pos]));
}

}  // namespace

bool KeyStartsWith(std::string_view key, std::string_view phrase_key) {
    if (phrase_key.empty() || key.substr(0, phrase_key.size()) != phrase_key) return false;
    return phrase_key.size() == key.size() || BoundaryAt(key, phrase_key.size()) ||
           !IsWordByte(static_cast<unsigned char>(phrase_key.back()));
}

bool KeyContains(std::string_view key, std::string_view phrase_key) {
    if (phrase_key.empty()) return false;
    for (size_t pos = key.find(phrase_key); pos != std::string_view::npos; pos = key.find(phrase_key, pos + 1)) {
        bool left = pos == 0 || !IsWordByte(static_cast<unsigned char>(key[pos - 1])) ||
                    !IsWordByte(static_cast<unsigned char>(phrase_key.front()));
        size_t end = pos + phrase_key.size();
        bool right = end >= key.size() || !IsWordByte(static_cast<unsigned char>(key[end])) ||
                     !IsWordByte(static_cast<unsigned char>(phrase_key.back()));
        if (left && right) return true;
    }
    return false;
}

std::optional<std::string> FindLabel(std::string_view key, const std::vector<std::pair<std::string, PhraseKeys>>& table,
                                     bool prefix_only) {
    const std::string* best_label = nullptr;
    size_t best_length = 0;
    for (const auto& [label, phrases] : table) {
        for (const std::string& phrase : phrases) {
            bool hit = prefix_only ? KeyStartsWith(key, phrase) : KeyContains(key, phrase);
            if (hit && phrase.size() > best_length) {
                best_label = &label;
                best_length = phrase.size();
            }
        }
    }
    if (best_label == nullptr) return std::nullopt;
    return *best_label;
}

bool ContainsAny(std::string_view key, const PhraseKeys& phrases) {
    return std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) { return KeyContains(key, p); });
}

bool StartsWithAny(std::string_view key, const PhraseKeys& phrases) {
    return std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) { return KeyStartsWith(key, p); });
}

StatusOr<RegistryWords> RegistryWords::FromJson(std::string_view registry_json, std::string_view organisation_json) {
    RegistryWords out;
    const char* file = "registry_words.json";
    try {
        nlohmann::json r = nlohmann::json::parse(registry_json);
        out.funding_sources = Table(r.at("funding_sources"));
        out.restructuring = Keys(r.at("restructuring"));
        out.proposed = Keys(r.at("proposed"));
        out.existing = Keys(r.at("existing"));
        out.capacity_units = Table(r.at("capacity_units"));
        out.area_units = Keys(r.at("area_units"));
        out.total_labels = Keys(r.at("total_labels"));
        out.chapters = Keys(r.at("chapters"));
        out.information_titles = Keys(r.at("information_titles"));
        out.training_titles = Keys(r.at("training_titles"));
        out.deadline_markers = Keys(r.at("deadline_markers"));
        out.decision_words = Keys(r.at("decision_words"));
        out.number_markers = Keys(r.at("number_markers"));
        out.plan_titles = Keys(r.at("plan_titles"));
        out.beneficiary_prepositions = Keys(r.at("beneficiary_prepositions"));
        out.persons_headers = Keys(r.at("persons_headers"));
        out.licence_expiry_markers = Keys(r.at("licence_expiry_markers"));
        for (const nlohmann::json& j : r.at("jurisdictions")) {
            out.jurisdictions.push_back(
                {text::SearchKey(j.at("issuer").get<std::string>()), j.at("jurisdiction").get<std::string>()});
        }
        file = "organisation_units.json";
        nlohmann::json o = nlohmann::json::parse(organisation_json);
        out.unit_kinds = Table(o.at("kinds"));
        out.structure_titles = Keys(o.at("structure_titles"));
        out.indicator_titles = Keys(o.at("indicator_titles"));
        out.component_words = Keys(o.at("component_words"));
        out.contact_markers = Keys(o.at("contact_markers"));
        out.head_markers = Keys(o.at("head_markers"));
        out.present_words = Keys(o.at("present_words"));
        out.reference_prefixes = Keys(o.at("reference_prefixes"));
        out.year_words = Keys(o.at("year_words"));
    } catch (const nlohmann::json::exception& e) {
        return InvalidArgument(std::string("data/nomenclature/") + file + ": " + e.what());
    }
    return out;
}

const RegistryWords& RegistryWords::Default() {
    static const RegistryWords* instance = [] {
        std::optional<std::string_view> registry = resources::Find("data/nomenclature/registry_words.json");
        std::optional<std::string_view> organisation = resources::Find("data/nomenclature/organisation_units.json");
        if (!registry || !organisation) {
            std::fprintf(stderr, "planwatch: data/nomenclature word files are not embedded\n");
            std::abort();
        }
        StatusOr<RegistryWords> loaded = FromJson(*registry, *organisation);
        if (!loaded.ok()) {
            std::fprintf(stderr, "planwatch: %s\n", loaded.status().ToString().c_str());
            std::abort();
        }
        return new RegistryWords(std::move(loaded).value());
    }();
    return *instance;
}

}  // namespace planwatch::import::recognise
