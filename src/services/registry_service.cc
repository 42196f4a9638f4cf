#include "services/registry_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>

#include "domain/civil_date.h"
#include "domain/plan.h"
#include "import/recognise/nomenclature.h"

namespace planwatch::services {
namespace {

using nlohmann::ordered_json;
using import::recognise::Nomenclature;

Status Denied(std::string message) { return Status(StatusCode::kPermissionDenied, std::move(message)); }

// Loads the newest version of every plan (or the one asked for) that lists services.
StatusOr<std::vector<domain::Plan>> LoadPlans(storage::Transaction& tx, std::optional<int64_t> plan_id) {
    std::vector<domain::Plan> plans;
    if (plan_id) {
        PW_ASSIGN_OR_RETURN(domain::Plan plan, tx.LoadPlan(*plan_id));
        plans.push_back(std::move(plan));
        return plans;
    }
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> summaries, tx.ListPlans(false));
    for (const storage::PlanSummary& summary : summaries) {
        PW_ASSIGN_OR_RETURN(domain::Plan plan, tx.LoadPlan(summary.id));
        plans.push_back(std::move(plan));
    }
    return plans;
}

ordered_json RecordJson(const storage::InstitutionRecord& r) {
    const domain::Institution& i = r.institution;
    return {{"id", i.id.value_or(0)},
            {"name", i.name},
            {"acronym", i.acronym},
            {"aliases", i.aliases},
            {"kind", i.kind},
            {"parent", r.parent_id ? ordered_json(*r.parent_id) : ordered_json(nullptr)},
            {"parent_name", i.parent},
            {"contact", i.contact},
            {"reviewed", r.reviewed},
            {"needs_review", !r.reviewed},
            {"plans", r.plans},
            {"leads", r.leads},
            {"partners_on", r.partners},
            {"users", r.users}};
}

std::string AuditJson(const storage::InstitutionRecord& r) { return RecordJson(r).dump(); }

double Lei(int64_t minor) { return static_cast<double>(minor) / 100.0; }

int64_t BudgetOfYear(const domain::SocialService& s, int year) {
    int64_t sum = 0;
    for (const domain::ServiceBudget& b : s.budget) {
        if (b.year == year) sum += b.amount_minor;
    }
    return sum;
}

void AddTo(ServiceGroupTotals& totals, const domain::SocialService& s) {
    ++totals.services;
    if (s.capacity) totals.capacity[domain::Name(s.capacity->unit)] += s.capacity->value;
    for (const domain::ServiceBudget& b : s.budget) totals.budget_minor[b.year] += b.amount_minor;
}

// A licence that ends before it starts, or an existing service's licence that ended
// before the plan's year began: the service cannot run on it during the plan.
void CheckLicence(const domain::SocialService& s, std::optional<int> plan_year, const std::string& who,
                  const std::function<void(const std::string&, const std::string&)>& warn) {
    if (!s.licence || !s.licence->expiry) return;
    const domain::DatePoint& expiry = *s.licence->expiry;
    if (s.licence->date && domain::LastDay(expiry) < domain::FirstDay(*s.licence->date)) {
        warn("licence_expiry_before_date",
             fmt::format("{}: licence {} expires on {}, before its date {}", who, s.licence->number,
                         domain::ToString(expiry), domain::ToString(*s.licence->date)));
    }
    if (plan_year && s.state != domain::ServiceState::kProposed &&
        domain::LastDay(expiry) < domain::CivilDate{*plan_year, 1, 1}) {
        warn("licence_expired", fmt::format("{}: licence {} expired on {}, before the plan year {}", who,
                                            s.licence->number, domain::ToString(expiry), *plan_year));
    }
}

// Values that cannot be true of a service; each is a warning where it was read.
void CheckValues(int64_t plan_id, std::optional<int> plan_year, const domain::SocialService& s,
                 std::vector<RegistryWarning>& warnings) {
    const std::string who = s.code.empty() ? "“" + s.name + "”" : s.code + " “" + s.name + "”";
    auto warn = [&](const std::string& code, const std::string& message) {
        warnings.push_back({plan_id, s.source_line, code, message});
    };
    if (s.occupancy && *s.occupancy > 1.0) {
        warn("occupancy_over_100", fmt::format("{}: occupancy {:.0f} % is over 100 %", who, *s.occupancy * 100));
    }
    if (s.occupancy && *s.occupancy < 0) warn("impossible_value", who + ": negative occupancy");
    if (s.capacity && s.capacity->value <= 0) {
        warn("impossible_value", fmt::format("{}: capacity {} is not positive", who, s.capacity->value));
    }
    for (const domain::ServiceBudget& b : s.budget) {
        if (b.amount_minor < 0) warn("impossible_value", fmt::format("{}: negative {} budget for {}", who, b.source, b.year));
    }
    if (s.staff && *s.staff < 0) warn("impossible_value", who + ": negative staff");
    if (s.area_m2 && *s.area_m2 <= 0) warn("impossible_value", who + ": area is not positive");
    if (s.line == domain::ServiceLineKind::kService && !s.code.empty() && !Nomenclature::Default().Find(s.code)) {
        warn("unknown_code", who + ": code not in the HG 867/2015 nomenclature");
    }
    CheckLicence(s, plan_year, who, warn);
}

ProposedCostCheck CheckCost(int64_t plan_id, const domain::SocialService& s) {
    ProposedCostCheck check{.plan_id = plan_id, .service_id = s.id, .code = s.code, .name = s.name,
                            .staff = s.staff, .area_m2 = s.area_m2};
    if (s.capacity) check.capacity = s.capacity->value;
    for (const domain::ServiceBudget& b : s.budget) check.requested_minor += b.amount_minor;
    if (const auto* standard = Nomenclature::Default().FindCostStandard(s.code)) {
        check.standard_lei = standard->amount_lei;
        check.standard_stated_as = standard->stated_as;
        if (s.capacity) {
            check.implied_minor = static_cast<int64_t>(std::llround(static_cast<double>(standard->amount_lei) * 100.0 *
                                                                    s.capacity->value));
            check.difference_minor = check.requested_minor - *check.implied_minor;
        }
    }
    return check;
}

ordered_json TotalsJson(const ServiceGroupTotals& t) {
    ordered_json budget = ordered_json::object();
    for (const auto& [year, minor] : t.budget_minor) budget[std::to_string(year)] = Lei(minor);
    return {{"services", t.services}, {"capacity", t.capacity}, {"budget", budget}};
}

template <typename T>
ordered_json Optional(const std::optional<T>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json MinorJson(const std::optional<int64_t>& minor) { return minor ? ordered_json(Lei(*minor)) : ordered_json(nullptr); }

}  // namespace

std::string BeneficiaryGroupOf(const std::string& code) {
    std::optional<std::string> canonical = import::recognise::NormaliseServiceCode(code);
    if (!canonical) return "";
    // "8790 CR-C-I": the part after the type's hyphen, up to the next hyphen.
    size_t first = canonical->find('-');
    if (first == std::string::npos) return "";
    size_t second = canonical->find('-', first + 1);
    return canonical->substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
}

StatusOr<int64_t> RegistryService::Resolve(const std::string& id_or_name) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    const bool digits = !id_or_name.empty() && id_or_name.size() < 19 &&
                        std::all_of(id_or_name.begin(), id_or_name.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
        int64_t id = std::stoll(id_or_name);
        PW_ASSIGN_OR_RETURN(std::optional<storage::InstitutionRecord> record, tx->LoadInstitution(id));
        if (record) return id;
    }
    PW_ASSIGN_OR_RETURN(std::optional<int64_t> found, tx->FindInstitution(id_or_name));
    if (!found) return NotFound("no institution named “" + id_or_name + "”");
    return *found;
}

StatusOr<std::vector<storage::InstitutionRecord>> RegistryService::ListInstitutions() {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    return tx->ListInstitutions();
}

StatusOr<InstitutionProfile> RegistryService::GetInstitution(int64_t institution_id) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::vector<storage::InstitutionRecord> all, tx->ListInstitutions());
    InstitutionProfile profile;
    bool found = false;
    for (storage::InstitutionRecord& record : all) {
        if (record.institution.id == institution_id) {
            profile.record = record;
            found = true;
        } else if (record.parent_id == institution_id) {
            profile.children.push_back(record);
        }
    }
    if (!found) return NotFound("no institution with id " + std::to_string(institution_id));
    std::map<int64_t, const storage::InstitutionRecord*> by_id;
    for (const storage::InstitutionRecord& record : all) by_id[record.institution.id.value_or(0)] = &record;
    for (const storage::InstitutionRecord& child : profile.children) profile.units_of_children[*child.institution.id] = 0;
    for (const storage::InstitutionRecord& record : all) {
        auto child = record.parent_id ? profile.units_of_children.find(*record.parent_id)
                                      : profile.units_of_children.end();
        if (child != profile.units_of_children.end()) ++child->second;
    }
    // Up to the root; the store refuses edits that would make a cycle, and the
    // bound keeps a damaged registry from hanging the page.
    std::optional<int64_t> up = profile.record.parent_id;
    while (up && profile.ancestors.size() < all.size()) {
        auto parent = by_id.find(*up);
        if (parent == by_id.end() || *up == institution_id) break;
        profile.ancestors.insert(profile.ancestors.begin(), *parent->second);
        up = parent->second->parent_id;
    }
    tx.reset();
    PW_ASSIGN_OR_RETURN(profile.figures, Figures(institution_id));
    return profile;
}

StatusOr<std::vector<InstitutionFigure>> RegistryService::Figures(int64_t institution_id) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<storage::InstitutionRecord> record, tx->LoadInstitution(institution_id));
    if (!record) return NotFound("no institution with id " + std::to_string(institution_id));
    PW_ASSIGN_OR_RETURN(std::vector<domain::Plan> plans, LoadPlans(*tx, std::nullopt));
    std::vector<InstitutionFigure> figures;
    for (const domain::Plan& plan : plans) {
        for (const domain::Institution& institution : plan.institutions) {
            if (institution.id != institution_id) continue;
            for (const domain::UnitFigure& figure : institution.figures) figures.push_back({plan.id.value_or(0), figure});
        }
    }
    std::stable_sort(figures.begin(), figures.end(),
                     [](const InstitutionFigure& a, const InstitutionFigure& b) { return a.figure.year < b.figure.year; });
    return figures;
}

StatusOr<storage::InstitutionRecord> RegistryService::Merge(int64_t from_id, int64_t into_id, const Actor& actor) {
    if (!actor.Coordinates()) return Denied("only a coordinator or an admin can merge institutions");
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<storage::InstitutionRecord> from, tx->LoadInstitution(from_id));
    PW_ASSIGN_OR_RETURN(std::optional<storage::InstitutionRecord> into, tx->LoadInstitution(into_id));
    // The store refuses these too; saying which field is wrong is the service's part.
    if (from_id == into_id) {
        return Status(StatusCode::kInvalidArgument, "an institution cannot be merged into itself",
                      SourcePosition{.field = "into"});
    }
    if (!from) {
        return Status(StatusCode::kNotFound, "no institution with id " + std::to_string(from_id),
                      SourcePosition{.field = "from"});
    }
    if (!into) {
        return Status(StatusCode::kNotFound, "no institution with id " + std::to_string(into_id),
                      SourcePosition{.field = "into"});
    }
    PW_RETURN_IF_ERROR(tx->MergeInstitutions(from_id, into_id));
    PW_ASSIGN_OR_RETURN(std::optional<storage::InstitutionRecord> merged, tx->LoadInstitution(into_id));
    if (!from || !into || !merged) return Internal("merged institutions vanished");
    domain::AuditEvent event{.actor = actor.name,
                             .action = "institution.merge",
                             .entity = "institution",
                             .entity_id = std::to_string(into_id),
                             .before_json = ordered_json::array({RecordJson(*from), RecordJson(*into)}).dump(),
                             .after_json = AuditJson(*merged)};
    PW_RETURN_IF_ERROR(tx->Append(event));
    PW_RETURN_IF_ERROR(tx->Commit());
    return *merged;
}

Status RegistryService::Confirm(int64_t institution_id, const Actor& actor) {
    if (!actor.Coordinates()) return Denied("only a coordinator or an admin can confirm institutions");
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_RETURN_IF_ERROR(tx->SetInstitutionReviewed(institution_id, true));
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name,
                                   .action = "institution.confirm",
                                   .entity = "institution",
                                   .entity_id = std::to_string(institution_id),
                                   .before_json = R"({"reviewed":false})",
                                   .after_json = R"({"reviewed":true})"}));
    return tx->Commit();
}

StatusOr<ServiceStatistics> RegistryService::Statistics(std::optional<int64_t> plan_id) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::vector<domain::Plan> plans, LoadPlans(*tx, plan_id));
    ServiceStatistics stats;
    for (const domain::Plan& plan : plans) {
        const int64_t pid = plan.id.value_or(0);
        for (const domain::PlanWarning& w : plan.warnings) {
            // The import already checked each TOTAL row against its column.
            if (w.code.rfind("total_", 0) == 0) stats.warnings.push_back({pid, w.line, w.code, w.message});
        }
        for (const domain::SocialService& s : plan.services) {
            switch (s.line) {
                case domain::ServiceLineKind::kContracting: ++stats.contracting_lines; continue;
                case domain::ServiceLineKind::kInformation: ++stats.information_lines; continue;
                case domain::ServiceLineKind::kTraining: ++stats.training_lines; continue;
                case domain::ServiceLineKind::kService: break;
            }
            ++stats.services;
            CheckValues(pid, plan.period_start, s, stats.warnings);
            AddTo(stats.by_group[BeneficiaryGroupOf(s.code)], s);
            AddTo(stats.by_locality[s.locality], s);
            for (const domain::ServiceBudget& b : s.budget) {
                stats.by_source[b.source][b.year] += b.amount_minor;
                if (s.state != domain::ServiceState::kProposed) {
                    stats.existing_by_source[b.source][b.year] += b.amount_minor;
                }
            }
            if (s.state == domain::ServiceState::kProposed) stats.proposed.push_back(CheckCost(pid, s));
            if (!s.capacity || s.capacity->unit != domain::CapacityUnit::kPlaces || s.capacity->value <= 0) continue;
            std::vector<int> years;
            for (const domain::ServiceBudget& b : s.budget) {
                if (std::find(years.begin(), years.end(), b.year) == years.end()) years.push_back(b.year);
            }
            for (int year : years) {
                int64_t budget = BudgetOfYear(s, year);
                stats.cost_per_place.push_back({pid, s.id, s.code, s.name, year, s.capacity->value, budget,
                                                Lei(budget) / s.capacity->value});
            }
        }
    }
    return stats;
}

std::string InstitutionsToJson(const std::vector<storage::InstitutionRecord>& records) {
    ordered_json list = ordered_json::array();
    for (const storage::InstitutionRecord& record : records) list.push_back(RecordJson(record));
    return list.dump() + "\n";
}

std::string InstitutionToJson(const storage::InstitutionRecord& record) { return RecordJson(record).dump() + "\n"; }

std::string InstitutionProfileToJson(const InstitutionProfile& profile) {
    ordered_json body = RecordJson(profile.record);
    ordered_json children = ordered_json::array();
    for (const storage::InstitutionRecord& child : profile.children) {
        children.push_back({{"id", child.institution.id.value_or(0)}, {"name", child.institution.name},
                            {"kind", child.institution.kind}});
    }
    ordered_json figures = ordered_json::array();
    for (const InstitutionFigure& f : profile.figures) {
        figures.push_back({{"plan", f.plan_id}, {"year", f.figure.year}, {"value", f.figure.value},
                           {"unit", f.figure.unit}, {"counted", f.figure.counted}});
    }
    body["children"] = children;
    body["figures"] = figures;
    return body.dump() + "\n";
}

std::string StatisticsToJson(const ServiceStatistics& s) {
    ordered_json groups = ordered_json::object(), localities = ordered_json::object(), sources = ordered_json::object();
    for (const auto& [group, totals] : s.by_group) groups[group] = TotalsJson(totals);
    for (const auto& [locality, totals] : s.by_locality) localities[locality] = TotalsJson(totals);
    for (const auto& [source, years] : s.by_source) {
        ordered_json per_year = ordered_json::object();
        for (const auto& [year, minor] : years) per_year[std::to_string(year)] = Lei(minor);
        sources[source] = per_year;
    }
    ordered_json existing = ordered_json::object();
    for (const auto& [source, years] : s.existing_by_source) {
        ordered_json per_year = ordered_json::object();
        for (const auto& [year, minor] : years) per_year[std::to_string(year)] = Lei(minor);
        existing[source] = per_year;
    }
    ordered_json costs = ordered_json::array();
    for (const CostPerPlace& c : s.cost_per_place) {
        costs.push_back({{"plan", c.plan_id}, {"service", Optional(c.service_id)}, {"code", c.code}, {"name", c.name},
                         {"year", c.year}, {"places", c.places}, {"budget", Lei(c.budget_minor)},
                         {"cost_per_place", c.cost_per_place_lei}});
    }
    ordered_json proposed = ordered_json::array();
    for (const ProposedCostCheck& p : s.proposed) {
        proposed.push_back({{"plan", p.plan_id}, {"service", Optional(p.service_id)}, {"code", p.code},
                            {"name", p.name}, {"capacity", p.capacity}, {"staff", Optional(p.staff)},
                            {"area_m2", Optional(p.area_m2)}, {"cost_standard", Optional(p.standard_lei)},
                            {"cost_standard_stated_as", p.standard_stated_as}, {"implied_cost", MinorJson(p.implied_minor)},
                            {"requested", Lei(p.requested_minor)}, {"difference", MinorJson(p.difference_minor)}});
    }
    ordered_json warnings = ordered_json::array();
    for (const RegistryWarning& w : s.warnings) {
        warnings.push_back({{"plan", w.plan_id}, {"line", w.line}, {"code", w.code}, {"message", w.message}});
    }
    ordered_json body = {{"services", s.services},
                         {"contracting_lines", s.contracting_lines},
                         {"information_lines", s.information_lines},
                         {"training_lines", s.training_lines},
                         {"by_group", groups},
                         {"by_source", sources},
                         {"existing_by_source", existing},
                         {"by_locality", localities},
                         {"cost_per_place", costs},
                         {"proposed", proposed},
                         {"warnings", warnings}};
    return body.dump() + "\n";
}

}  // namespace planwatch::services
