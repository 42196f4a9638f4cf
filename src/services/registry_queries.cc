// RegistryService's reads for everyone (registry_service.h): the institution and
// social-service filters that the API, the pages and the command line share, counted
// over the plans the viewer may see.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "common/text.h"
#include "domain/civil_date.h"
#include "import/recognise/nomenclature.h"
#include "services/plan_catalog.h"
#include "services/registry_service.h"

namespace planwatch::services {
namespace {

using nlohmann::ordered_json;

Status Malformed(std::string message, const char* field) {
    return Status(StatusCode::kMalformed, std::move(message), SourcePosition{.field = field});
}

// The newest version of every plan viewer may see, read in one transaction.
StatusOr<std::vector<domain::Plan>> LoadVisiblePlans(storage::Store& store, const Actor& viewer) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store.Begin());
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> versions, tx->ListPlans(/*all_versions=*/true));
    std::vector<int64_t> ids;
    for (const storage::PlanSummary& plan : VisiblePlans(versions, viewer)) ids.push_back(plan.id);
    return tx->LoadPlans(ids);
}

struct Involvement {
    int plans = 0;
    int leads = 0;
    int partners = 0;
};

// What the store counts (store.h InstitutionRecord), but over the given plans only.
std::map<int64_t, Involvement> CountInvolvement(const std::vector<domain::Plan>& plans) {
    std::map<int64_t, Involvement> counts;
    for (const domain::Plan& plan : plans) {
        // A responsibility names the institution as the plan lists it; after a merge
        // several of a plan's names lead to one registry id.
        std::map<std::string, int64_t> id_of;
        std::set<int64_t> named;
        for (const domain::Institution& institution : plan.institutions) {
            if (!institution.id) continue;
            id_of[institution.name] = *institution.id;
            named.insert(*institution.id);
        }
        for (int64_t id : named) ++counts[id].plans;
        domain::ForEachNode(plan.nodes, [&](const domain::Node& node) {
            std::set<int64_t> leads, partners;  // an activity counts once per institution and role
            for (const domain::Responsibility& responsibility : node.responsible) {
                auto found = id_of.find(responsibility.institution);
                if (found == id_of.end()) continue;
                (responsibility.role == domain::ResponsibilityRole::kLead ? leads : partners).insert(found->second);
            }
            for (int64_t id : leads) ++counts[id].leads;
            for (int64_t id : partners) ++counts[id].partners;
        });
    }
    return counts;
}

void Recount(storage::InstitutionRecord& record, const std::map<int64_t, Involvement>& counts) {
    auto found = counts.find(record.institution.id.value_or(0));
    const Involvement none;
    const Involvement& involvement = found == counts.end() ? none : found->second;
    record.plans = involvement.plans;
    record.leads = involvement.leads;
    record.partners = involvement.partners;
}

bool Matches(const storage::InstitutionRecord& record, const InstitutionFilter& filter) {
    if (!filter.kind.empty() && record.institution.kind != filter.kind) return false;
    if (filter.needs_review && record.reviewed == *filter.needs_review) return false;
    if (filter.parent_id && record.parent_id != filter.parent_id) return false;
    return true;
}

std::vector<std::string> Words(const std::string& text) { return text::SplitNonEmpty(text::SearchKey(text), ' '); }

// The parts of a code, lower case: "8790 CR-C-I" and "8790CR-c-i" are
// {"8790", "cr", "c", "i"}. A filter matches whole parts, so "8790 CR-C-I" does
// not find "8790 CR-C-II".
std::vector<std::string> CodeParts(const std::string& code) {
    std::vector<std::string> parts(1);
    for (char c : text::Lower(code)) {
        const bool separator = c == ' ' || c == '-';
        const bool class_ends = !parts.back().empty() && std::isdigit(static_cast<unsigned char>(parts.back().back())) &&
                                std::isalpha(static_cast<unsigned char>(c));
        if ((separator || class_ends) && !parts.back().empty()) parts.emplace_back();
        if (!separator) parts.back() += c;
    }
    if (parts.back().empty()) parts.pop_back();
    return parts;
}

bool CodeMatches(const std::string& code, const std::string& filter) {
    const std::vector<std::string> wanted = CodeParts(filter), parts = CodeParts(code);
    return wanted.size() <= parts.size() && std::equal(wanted.begin(), wanted.end(), parts.begin());
}

bool Matches(const domain::SocialService& service, const ServiceFilter& filter, const std::vector<std::string>& words) {
    if (!filter.code.empty() && !CodeMatches(service.code, filter.code)) return false;
    if (!filter.category.empty() && BeneficiaryGroupOf(service.code) != filter.category) return false;
    const std::string haystack = text::SearchKey(service.name + " " + service.provider + " " + service.locality + " " +
                                                 service.beneficiaries + " " + service.code);
    return std::all_of(words.begin(), words.end(),
                       [&](const std::string& word) { return haystack.find(word) != std::string::npos; });
}

ServiceEntry EntryOf(const domain::Plan& plan, domain::SocialService service) {
    ServiceEntry entry{.plan_id = plan.id.value_or(0), .plan_title = plan.title, .service = std::move(service)};
    const import::recognise::Nomenclature& nomenclature = import::recognise::Nomenclature::Default();
    std::optional<std::string> canonical = import::recognise::NormaliseServiceCode(entry.service.code);
    if (const auto* code = canonical ? nomenclature.Find(*canonical) : nullptr) {
        entry.described_as = code->described_as;
        entry.type_name = nomenclature.TypeName(code->type);
        entry.group_name = nomenclature.GroupName(code->group);
    }
    return entry;
}

// {"number", "date", "expiry"}, the dates at the precision the document gives; null without a licence.
ordered_json LicenceJson(const std::optional<domain::ServiceLicence>& licence) {
    if (!licence) return nullptr;
    auto date = [](const std::optional<domain::DatePoint>& point) {
        return point ? ordered_json(domain::ToString(*point)) : ordered_json(nullptr);
    };
    return {{"number", licence->number}, {"date", date(licence->date)}, {"expiry", date(licence->expiry)}};
}

template <typename T>
ordered_json OrNull(const std::optional<T>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

}  // namespace

const std::vector<std::string>& InstitutionKinds() {
    static const std::vector<std::string> kinds = {
        "",        "county_council", "directorate", "apparatus",  "service",   "compartment", "complex", "centre",
        "residence", "commission",   "school_inspectorate",       "police",    "town_hall",   "ministry", "ngo",
        "unit"};
    return kinds;
}

StatusOr<InstitutionFilter> ParseInstitutionFilter(std::string q, std::string kind, const std::string& review,
                                                   const std::string& parent) {
    InstitutionFilter filter{.q = std::move(q), .kind = std::move(kind)};
    const std::vector<std::string>& kinds = InstitutionKinds();
    if (std::find(kinds.begin(), kinds.end(), filter.kind) == kinds.end()) {
        return Malformed(fmt::format("kind \"{}\": expected one of the registry's kinds, e.g. directorate, "
                                     "school_inspectorate, ngo", filter.kind),
                         "kind");
    }
    if (review == "true") {
        filter.needs_review = true;
    } else if (review == "false") {
        filter.needs_review = false;
    } else if (!review.empty()) {
        return Malformed(fmt::format("review \"{}\": expected true or false", review), "review");
    }
    if (!parent.empty()) {
        StatusOr<int64_t> id = ParsePlanId(parent);
        if (!id.ok()) return Malformed(fmt::format("parent \"{}\": expected an institution id", parent), "parent");
        filter.parent_id = *id;
    }
    return filter;
}

StatusOr<ServiceFilter> ParseServiceFilter(std::string q, std::string code, std::string category,
                                           const std::string& plan) {
    ServiceFilter filter{.q = std::move(q), .code = std::move(code), .category = std::move(category)};
    if (!filter.category.empty() && import::recognise::Nomenclature::Default().GroupName(filter.category).empty()) {
        return Malformed(fmt::format("category \"{}\": expected a beneficiary group of HG 867/2015, e.g. C, D, V",
                                     filter.category),
                         "category");
    }
    if (!plan.empty()) {
        StatusOr<int64_t> id = ParsePlanId(plan);
        if (!id.ok()) return Malformed(id.status().message(), "plan");
        filter.plan_id = *id;
    }
    return filter;
}

StatusOr<std::vector<storage::InstitutionRecord>> RegistryService::FindInstitutions(const InstitutionFilter& filter,
                                                                                    const Actor& viewer) {
    PW_ASSIGN_OR_RETURN(std::vector<storage::InstitutionRecord> found, SearchInstitutions(filter.q));
    std::erase_if(found, [&](const storage::InstitutionRecord& record) { return !Matches(record, filter); });
    PW_ASSIGN_OR_RETURN(std::vector<domain::Plan> plans, LoadVisiblePlans(store_, viewer));
    const std::map<int64_t, Involvement> counts = CountInvolvement(plans);
    for (storage::InstitutionRecord& record : found) Recount(record, counts);
    return found;
}

StatusOr<storage::InstitutionRecord> RegistryService::FindInstitution(int64_t institution_id, const Actor& viewer) {
    std::optional<storage::InstitutionRecord> record;
    {
        PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
        PW_ASSIGN_OR_RETURN(record, tx->LoadInstitution(institution_id));
    }
    if (!record) return NotFound("no institution with id " + std::to_string(institution_id));
    PW_ASSIGN_OR_RETURN(std::vector<domain::Plan> plans, LoadVisiblePlans(store_, viewer));
    Recount(*record, CountInvolvement(plans));
    return *record;
}

StatusOr<ServiceListing> RegistryService::FindServices(const ServiceFilter& filter, const Actor& viewer) {
    PW_ASSIGN_OR_RETURN(std::vector<domain::Plan> plans, LoadVisiblePlans(store_, viewer));
    const std::vector<std::string> words = Words(filter.q);
    ServiceListing listing;
    std::set<std::string> categories;
    for (domain::Plan& plan : plans) {
        for (domain::SocialService& service : plan.services) {
            if (service.line != domain::ServiceLineKind::kService) continue;
            if (std::string group = BeneficiaryGroupOf(service.code); !group.empty()) categories.insert(group);
            if (filter.plan_id && plan.id != filter.plan_id) continue;
            if (!Matches(service, filter, words)) continue;
            listing.entries.push_back(EntryOf(plan, std::move(service)));
        }
    }
    listing.categories.assign(categories.begin(), categories.end());
    return listing;
}

StatusOr<ServiceEntry> RegistryService::GetService(int64_t service_id, const Actor& viewer) {
    PW_ASSIGN_OR_RETURN(std::vector<domain::Plan> plans, LoadVisiblePlans(store_, viewer));
    for (domain::Plan& plan : plans) {
        for (domain::SocialService& service : plan.services) {
            if (service.id != service_id || service.line != domain::ServiceLineKind::kService) continue;
            return EntryOf(plan, std::move(service));
        }
    }
    return NotFound("no social service with id " + std::to_string(service_id));
}

std::string ServicesToJson(const std::vector<ServiceEntry>& entries) {
    ordered_json list = ordered_json::array();
    for (const ServiceEntry& entry : entries) {
        const domain::SocialService& s = entry.service;
        ordered_json budget = ordered_json::array();
        for (const domain::ServiceBudget& line : s.budget) {
            budget.push_back({{"year", line.year},
                              {"source", line.source},
                              {"amount", static_cast<double>(line.amount_minor) / 100.0},
                              {"currency", line.currency}});
        }
        ordered_json capacity = nullptr;
        if (s.capacity) capacity = {{"value", s.capacity->value}, {"unit", domain::Name(s.capacity->unit)}};
        ordered_json licence = nullptr;
        if (s.licence) {
            auto date = [](const std::optional<domain::DatePoint>& d) {
                return d ? ordered_json(domain::ToString(*d)) : ordered_json(nullptr);
            };
            licence = {{"number", s.licence->number}, {"date", date(s.licence->date)},
                       {"expiry", date(s.licence->expiry)}};
        }
        list.push_back({{"id", OrNull(s.id)},
                        {"plan", entry.plan_id},
                        {"code", s.code},
                        {"category", BeneficiaryGroupOf(s.code)},
                        {"name", s.name},
                        {"beneficiaries", s.beneficiaries},
                        {"provider", s.provider},
                        {"locality", s.locality},
                        {"capacity", capacity},
                        {"occupancy", OrNull(s.occupancy)},
                        {"state", domain::Name(s.state)},
                        {"licence", licence},
                        {"budget", budget},
                        {"licence", LicenceJson(s.licence)}});
    }
    return list.dump() + "\n";
}

}  // namespace planwatch::services
