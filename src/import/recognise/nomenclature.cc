#include "import/recognise/nomenclature.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include <nlohmann/json.hpp>

#include "common/resources.h"

namespace planwatch::import::recognise {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsRomanLetter(char c) { return c == 'I' || c == 'V' || c == 'X'; }

struct Parsed {
    std::string canonical;
    std::string caen, type, group, subtype;
    size_t length = 0;  // bytes of the input consumed
};

// Grammar: DDDD [space*] TT '-' G{1,3} [('-' | ' ' | '-' ' ') ROMAN]
std::optional<Parsed> ParseCodeAt(std::string_view text, size_t pos) {
    Parsed out;
    size_t i = pos;
    for (int k = 0; k < 4; ++k, ++i) {
        if (i >= text.size() || !IsDigit(text[i])) return std::nullopt;
    }
    if (i < text.size() && IsDigit(text[i])) return std::nullopt;  // a longer number
    out.caen = std::string(text.substr(pos, 4));
    while (i < text.size() && text[i] == ' ') ++i;
    size_t type_start = i;
    while (i < text.size() && IsUpper(text[i])) ++i;
    if (i - type_start != 2) return std::nullopt;
    out.type = std::string(text.substr(type_start, 2));
    if (i >= text.size() || text[i] != '-') return std::nullopt;
    ++i;
    size_t group_start = i;
    while (i < text.size() && IsUpper(text[i])) ++i;
    size_t group_len = i - group_start;
    if (group_len < 1 || group_len > 3) return std::nullopt;
    out.group = std::string(text.substr(group_start, group_len));
    out.length = i - pos;
    // Optional roman subtype after "-", " " or "- ".
    size_t j = i;
    if (j < text.size() && (text[j] == '-' || text[j] == ' ')) {
        ++j;
        while (j < text.size() && text[j] == ' ') ++j;
        size_t roman_start = j;
        while (j < text.size() && IsRomanLetter(text[j])) ++j;
        bool at_boundary = j >= text.size() || !std::isalnum(static_cast<unsigned char>(text[j]));
        if (j > roman_start && j - roman_start <= 5 && at_boundary) {
            out.subtype = std::string(text.substr(roman_start, j - roman_start));
            out.length = j - pos;
        }
    }
    out.canonical = out.caen + " " + out.type + "-" + out.group + (out.subtype.empty() ? "" : "-" + out.subtype);
    return out;
}

std::string AsString(const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : ""; }

}  // namespace

std::optional<std::string> NormaliseServiceCode(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    std::optional<Parsed> parsed = ParseCodeAt(text, pos);
    if (!parsed) return std::nullopt;
    return parsed->canonical;
}

std::optional<std::pair<std::string, size_t>> FindServiceCode(std::string_view text) {
    for (size_t pos = 0; pos + 4 <= text.size(); ++pos) {
        if (!IsDigit(text[pos]) || (pos > 0 && IsDigit(text[pos - 1]))) continue;
        if (std::optional<Parsed> parsed = ParseCodeAt(text, pos)) return std::make_pair(parsed->canonical, pos);
    }
    return std::nullopt;
}

bool IsCpvCode(std::string_view text) {
    if (text.size() != 10 || text[8] != '-') return false;
    for (size_t i = 0; i < 10; ++i) {
        if (i != 8 && !IsDigit(text[i])) return false;
    }
    return true;
}

StatusOr<Nomenclature> Nomenclature::FromJson(std::string_view codes_json, std::string_view costs_json) {
    Nomenclature out;
    try {
        nlohmann::json codes = nlohmann::json::parse(codes_json);
        for (const char* table : {"caen_classes", "types", "groups"}) {
            auto& target = std::string_view(table) == "caen_classes" ? out.caen_
                           : std::string_view(table) == "types"      ? out.types_
                                                                     : out.groups_;
            const nlohmann::json part = codes.value(table, nlohmann::json::object());
            for (const auto& [key, value] : part.items()) {
                target[key] = AsString(value);
            }
        }
        const nlohmann::json& list = codes.at("codes");
        for (size_t i = 0; i < list.size(); ++i) {
            std::string written = AsString(list[i].value("code", nlohmann::json()));
            std::optional<Parsed> parsed = ParseCodeAt(written, 0);
            if (!parsed || parsed->length != written.size() || parsed->canonical != written) {
                return InvalidArgument("hg867_2015.json: codes[" + std::to_string(i) + "]: \"" + written +
                                       "\" is not a canonical service code like \"8790 CR-C-I\"");
            }
            out.entries_.push_back({parsed->canonical, parsed->caen, parsed->type, parsed->group, parsed->subtype,
                                    AsString(list[i].value("described_as", nlohmann::json()))});
        }
        nlohmann::json costs = nlohmann::json::parse(costs_json);
        const nlohmann::json& standards = costs.at("standards");
        for (size_t i = 0; i < standards.size(); ++i) {
            std::string code = AsString(standards[i].value("code", nlohmann::json()));
            if (!NormaliseServiceCode(code) || !standards[i].value("amount_lei", nlohmann::json()).is_number()) {
                return InvalidArgument("cost_standards_hg426_2020.json: standards[" + std::to_string(i) +
                                       "] needs a service code and a numeric amount_lei");
            }
            out.costs_.push_back({*NormaliseServiceCode(code), standards[i]["amount_lei"].get<int64_t>(),
                                  AsString(standards[i].value("stated_as", nlohmann::json()))});
        }
    } catch (const nlohmann::json::exception& e) {
        return InvalidArgument(std::string("nomenclature JSON: ") + e.what());
    }
    return out;
}

const Nomenclature& Nomenclature::Default() {
    static const Nomenclature* instance = [] {
        std::optional<std::string_view> codes = resources::Find("data/nomenclature/hg867_2015.json");
        std::optional<std::string_view> costs = resources::Find("data/nomenclature/cost_standards_hg426_2020.json");
        if (!codes || !costs) {
            std::fprintf(stderr, "planwatch: data/nomenclature files are not embedded\n");
            std::abort();
        }
        StatusOr<Nomenclature> loaded = FromJson(*codes, *costs);
        if (!loaded.ok()) {
            std::fprintf(stderr, "planwatch: %s\n", loaded.status().ToString().c_str());
            std::abort();
        }
        return new Nomenclature(std::move(loaded).value());
    }();
    return *instance;
}

const NomenclatureEntry* Nomenclature::Find(std::string_view canonical_code) const {
    for (const NomenclatureEntry& entry : entries_) {
        if (entry.code == canonical_code) return &entry;
    }
    return nullptr;
}

const CostStandard* Nomenclature::FindCostStandard(std::string_view canonical_code) const {
    for (const CostStandard& standard : costs_) {
        if (standard.code == canonical_code) return &standard;
    }
    return nullptr;
}

std::string Nomenclature::CaenTitle(std::string_view caen) const {
    auto it = caen_.find(caen);
    return it == caen_.end() ? "" : it->second;
}
std::string Nomenclature::TypeName(std::string_view type) const {
    auto it = types_.find(type);
    return it == types_.end() ? "" : it->second;
}
std::string Nomenclature::GroupName(std::string_view group) const {
    auto it = groups_.find(group);
    return it == groups_.end() ? "" : it->second;
}

}  // namespace planwatch::import::recognise
