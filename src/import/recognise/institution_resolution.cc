// Phase 5: one institution, one name. Plans spell the same body several ways
// ("ISJ Cluj", "IȘJ Cluj", "IŞJ Cluj"; "CPECA CLUJ"), use the acronyms of their
// own list ("NIJZ") and name bodies the registry already knows. Names are
// grouped by a key without case, diacritics, punctuation or spaces, plus a
// near-miss rule for long names; the most used spelling becomes canonical
// unless the registry or the acronym list gives the full name.
#include <fmt/format.h>

#include <algorithm>

#include "common/text.h"
#include "import/recognise/action_plan_internal.h"

namespace planwatch::import::recognise::internal {
namespace {

// Short names differ by one letter and are different bodies ("IPJ" / "ISJ" / "IJJ"):
// only long names may be near misses.
constexpr size_t kNearMissMinLength = 14;
constexpr size_t kNearMissTwoEditsLength = 28;

size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > limit) return limit + 1;
    std::vector<size_t> previous(a.size() + 1), current(a.size() + 1);
    for (size_t i = 0; i <= a.size(); ++i) previous[i] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
        current[0] = j;
        size_t row_min = current[0];
        for (size_t i = 1; i <= a.size(); ++i) {
            size_t substitute = previous[i - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[i] = std::min({previous[i] + 1, current[i - 1] + 1, substitute});
            row_min = std::min(row_min, current[i]);
        }
        if (row_min > limit) return limit + 1;
        std::swap(previous, current);
    }
    return previous[a.size()];
}

std::string Digits(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c >= '0' && c <= '9') out += c;
    }
    return out;
}

bool NearMiss(const std::string& a, const std::string& b) {
    size_t shorter = std::min(a.size(), b.size());
    if (shorter < kNearMissMinLength || Digits(a) != Digits(b)) return false;
    size_t limit = shorter >= kNearMissTwoEditsLength ? 2 : 1;
    return EditDistance(a, b, limit) <= limit;
}

bool IsUpperWord(std::string_view word) {
    bool letter = false;
    for (char c : word) {
        if ((c >= 'a' && c <= 'z')) return false;
        if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) letter = true;
    }
    return letter && text::Lower(word) != word;
}

}  // namespace

std::string CompactKey(std::string_view name) {
    std::string key = text::SearchKey(name);
    std::string out;
    for (char c : key) {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) out += c;
    }
    return out;
}

InstitutionResolver::InstitutionResolver(const std::vector<domain::Institution>& known,
                                         const std::map<std::string, std::string>& acronyms)
    : known_(known) {
    for (const auto& [acronym, full] : acronyms) acronyms_[CompactKey(acronym)] = full;
}

std::string InstitutionResolver::Expand(std::string_view name, std::string* acronym) const {
    std::string key = CompactKey(name);
    if (auto it = acronyms_.find(key); it != acronyms_.end()) {
        *acronym = std::string(name);
        return it->second;
    }
    // "MF (carina)", "MZ - Urad za kemikalije": an acronym naming the parent body.
    size_t end = name.find_first_of(" (");
    if (end == std::string_view::npos || end == 0) return std::string(name);
    std::string_view first = name.substr(0, end);
    if (!IsUpperWord(first)) return std::string(name);
    auto it = acronyms_.find(CompactKey(first));
    if (it == acronyms_.end()) return std::string(name);
    return text::Normalize(it->second + std::string(name.substr(end)));
}

size_t InstitutionResolver::GroupFor(const std::string& key) {
    if (auto it = group_by_key_.find(key); it != group_by_key_.end()) return it->second;
    size_t index = groups_.size();
    for (size_t i = 0; i < groups_.size() && index == groups_.size(); ++i) {
        for (const Spelling& spelling : groups_[i].spellings) {
            if (NearMiss(spelling.key, key)) {
                index = i;
                break;
            }
        }
    }
    if (index == groups_.size()) {
        Group group;
        group.order = groups_.size();
        for (const domain::Institution& institution : known_) {
            bool match = CompactKey(institution.name) == key ||
                         (!institution.acronym.empty() && CompactKey(institution.acronym) == key);
            for (const std::string& alias : institution.aliases) match = match || CompactKey(alias) == key;
            if (match) {
                group.known = &institution;
                break;
            }
        }
        groups_.push_back(std::move(group));
    }
    group_by_key_[key] = index;
    return index;
}

void InstitutionResolver::See(std::string_view name, int line) {
    // Names repeat across activities: a name seen before costs one lookup.
    if (auto it = group_by_name_.find(name); it != group_by_name_.end()) {
        groups_[it->second].spellings[spelling_by_name_.find(name)->second].count++;
        return;
    }
    std::string written = text::Normalize(name);
    if (written.empty()) return;
    std::string acronym;
    std::string expanded = Expand(written, &acronym);
    std::string key = CompactKey(expanded);
    size_t index = GroupFor(key);
    Group& group = groups_[index];
    if (!acronym.empty() && group.acronym.empty()) group.acronym = acronym;
    size_t spelling = 0;
    while (spelling < group.spellings.size() && group.spellings[spelling].text != expanded) ++spelling;
    if (spelling == group.spellings.size()) group.spellings.push_back({expanded, key, 0, line, seen_++});
    group.spellings[spelling].count++;
    group_by_name_[std::string(name)] = index;
    spelling_by_name_[std::string(name)] = spelling;
}

void InstitutionResolver::Resolve(std::vector<domain::PlanWarning>& warnings) {
    for (Group& group : groups_) {
        if (group.known != nullptr) {
            group.canonical = group.known->name;
        } else {
            const Spelling* best = &group.spellings.front();
            for (const Spelling& spelling : group.spellings) {
                if (spelling.count > best->count) best = &spelling;  // ties: the first seen stays
            }
            group.canonical = best->text;
        }
        for (const Spelling& spelling : group.spellings) {
            if (spelling.text == group.canonical) continue;
            warnings.push_back({spelling.line, fmt::format("“{}” read as “{}”", spelling.text, group.canonical),
                                "institution_alias"});
        }
    }
}

std::string InstitutionResolver::Canonical(std::string_view name) const {
    auto it = group_by_name_.find(name);
    if (it == group_by_name_.end()) return text::Normalize(name);
    return groups_[it->second].canonical;
}

std::vector<domain::Institution> InstitutionResolver::Institutions() const {
    std::vector<domain::Institution> out;
    for (const Group& group : groups_) {
        domain::Institution institution;
        if (group.known != nullptr) institution = *group.known;
        institution.name = group.canonical;
        if (institution.acronym.empty()) institution.acronym = group.acronym;
        for (const Spelling& spelling : group.spellings) {
            if (spelling.text == group.canonical) continue;
            if (std::find(institution.aliases.begin(), institution.aliases.end(), spelling.text) ==
                institution.aliases.end()) {
                institution.aliases.push_back(spelling.text);
            }
        }
        out.push_back(std::move(institution));
    }
    return out;
}

}  // namespace planwatch::import::recognise::internal
