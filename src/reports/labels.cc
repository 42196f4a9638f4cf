#include "reports/labels.h"

#include <map>

#include <nlohmann/json.hpp>

#include "common/resources.h"

namespace planwatch::reports {
namespace {

using Table = std::map<std::string, std::string, std::less<>>;

constexpr std::string_view kPrefix = "data/i18n/reports/";

// Every label file, by language. Built once; a file that does not parse is a
// build mistake caught by labels_test, so it is skipped here rather than thrown.
const std::map<std::string, Table>& Tables() {
    static const std::map<std::string, Table> tables = [] {
        std::map<std::string, Table> out;
        for (const resources::Resource& r : resources::List(kPrefix)) {
            std::string_view name = r.path.substr(kPrefix.size());
            if (!name.ends_with(".json")) continue;
            nlohmann::json json = nlohmann::json::parse(r.bytes, nullptr, /*allow_exceptions=*/false);
            if (!json.is_object()) continue;
            Table& table = out[std::string(name.substr(0, name.size() - 5))];
            for (auto& [key, value] : json.items()) {
                if (value.is_string()) table[key] = value.get<std::string>();
            }
        }
        return out;
    }();
    return tables;
}

const std::string* Find(const std::string& language, std::string_view key) {
    auto table = Tables().find(language);
    if (table == Tables().end()) return nullptr;
    auto it = table->second.find(key);
    return it == table->second.end() ? nullptr : &it->second;
}

}  // namespace

std::string PickLanguage(const std::string& language) {
    return Tables().count(language) ? language : "en";
}

std::string Label(const std::string& language, std::string_view key) {
    if (const std::string* s = Find(language, key)) return *s;
    if (const std::string* s = Find("en", key)) return *s;
    return std::string(key);
}

std::string StatusLabel(const std::string& language, domain::ActivityStatus status) {
    return Label(language, std::string("status.") + domain::Name(status));
}

std::string AchievementLabel(const std::string& language, domain::Achievement achievement) {
    return Label(language, std::string("achievement.") + domain::Name(achievement));
}

std::string ClaimedLabel(const std::string& language, domain::ClaimedState claimed) {
    return Label(language, std::string("claimed.") + domain::Name(claimed));
}

std::string ReasonText(const std::string& language, const std::vector<domain::ReasonPart>& parts,
                       const std::string& english) {
    if (parts.empty()) return english;
    std::string text;
    for (const domain::ReasonPart& part : parts) {
        std::string clause = Label(language, "reason." + part.code);
        for (const auto& [name, given] : part.params) {
            std::string value = given;
            if (name == "claimed") value = Label(language, "reason.claimed." + given);
            if (name == "institution" && value.empty()) value = Label(language, "reason.lead_institution");
            const std::string token = "{" + name + "}";
            for (size_t at = clause.find(token); at != std::string::npos; at = clause.find(token, at + value.size())) {
                clause.replace(at, token.size(), value);
            }
        }
        text += (text.empty() ? "" : "; ") + clause;
    }
    return text;
}

}  // namespace planwatch::reports
