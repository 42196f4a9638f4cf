#pragma once
// The institution registry and the social-services statistics (registry issue).
// Institutions: list and profile (aliases, parent, contacts, what they lead or
// partner on, yearly figures), confirm one an import created, merge two.
// Services: capacity and budget per beneficiary group, source and locality, cost
// per place, the checks (TOTAL rows, occupancy, impossible values) and proposed
// services against the HG 426/2020 cost standards. Reads the newest version of
// each stored plan. Borrows the store; any thread may call.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/institution.h"
#include "domain/social_service.h"
#include "services/actor.h"
#include "storage/store.h"

namespace planwatch::services {

// A yearly figure of a unit, with the plan that states it.
struct InstitutionFigure {
    int64_t plan_id = 0;
    domain::UnitFigure figure;
};

struct InstitutionProfile {
    storage::InstitutionRecord record;
    std::vector<storage::InstitutionRecord> children;  // units whose parent it is
    std::vector<InstitutionFigure> figures;             // by year, then as the plan lists them
    std::vector<storage::InstitutionRecord> ancestors;  // its parent chain, the root first
    std::map<int64_t, int> units_of_children;           // child id -> how many units it has in turn
};

// What a merge would change, for the confirmation step before it.
struct MergePreview {
    storage::InstitutionRecord from;  // goes away
    storage::InstitutionRecord into;  // stays
    std::map<std::string, int64_t> references;  // rows naming from, per table (store.h CountInstitutionReferences)
    std::vector<std::string> new_aliases;       // from's name, acronym and aliases that into does not answer to yet
};

// Totals of one group of services (a beneficiary group, a source or a locality).
struct ServiceGroupTotals {
    int services = 0;
    std::map<std::string, double> capacity;     // per capacity unit name ("places", "per_day", …)
    std::map<int, int64_t> budget_minor;        // per year, bani (1/100 lei)
};

// A finding with where it is: the plan and the line of the source document.
struct RegistryWarning {
    int64_t plan_id = 0;
    int line = 0;
    std::string code;  // total_mismatch, total_unreadable, occupancy_over_100, impossible_value, unknown_code,
                       // licence_expiry_before_date, licence_expired, …
    std::string message;
};

// Yearly budget of a service with a capacity in places, divided by its places.
struct CostPerPlace {
    int64_t plan_id = 0;
    std::optional<int64_t> service_id;
    std::string code;
    std::string name;
    int year = 0;
    double places = 0;
    int64_t budget_minor = 0;
    double cost_per_place_lei = 0;
};

// A proposed service: the cost its capacity implies under the cost standard of
// its code (amount per beneficiary and year × capacity) against what it asks.
struct ProposedCostCheck {
    int64_t plan_id = 0;
    std::optional<int64_t> service_id;
    std::string code;
    std::string name;
    double capacity = 0;
    std::optional<int> staff;
    std::optional<double> area_m2;
    std::optional<int64_t> standard_lei;        // per beneficiary and year; nullopt when the code has none
    std::string standard_stated_as;
    std::optional<int64_t> implied_minor;       // standard × capacity
    int64_t requested_minor = 0;                // the service's budget, every year and source
    std::optional<int64_t> difference_minor;    // requested − implied
};

struct ServiceStatistics {
    int services = 0;  // service lines (contracting, information and training lines are counted apart)
    int contracting_lines = 0;
    int information_lines = 0;
    int training_lines = 0;
    std::map<std::string, ServiceGroupTotals> by_group;     // HG 867/2015 group code ("C", "D", …), "" when none
    std::map<std::string, ServiceGroupTotals> by_locality;  // as written, "" when none
    std::map<std::string, std::map<int, int64_t>> by_source;  // source -> year -> bani
    // The same for existing and restructuring services only: what the TOTAL row of
    // a plan's table of existing services must equal.
    std::map<std::string, std::map<int, int64_t>> existing_by_source;
    std::vector<CostPerPlace> cost_per_place;
    std::vector<ProposedCostCheck> proposed;
    std::vector<RegistryWarning> warnings;
};

// A filter over the institution registry: GET /api/v1/institutions?q=&kind=&review=&parent=,
// the institutions page and `planwatch institutions --q`. Empty fields match everything.
struct InstitutionFilter {
    std::string q;                     // every word in the name, acronym or an alias; case and diacritics ignored
    std::string kind;                  // one of InstitutionKinds()
    std::optional<bool> needs_review;  // true: an import created it and nobody confirmed it yet
    std::optional<int64_t> parent_id;  // only the direct units of this institution
};

// A filter over the social services of the plans a viewer may see: GET /api/v1/services,
// the services page and `planwatch services --q --code --category`.
struct ServiceFilter {
    std::string q;     // every word in the name, provider, locality, beneficiaries or code; case and diacritics ignored
    std::string code;  // the first whole parts of the code, spaces and case ignored: "8790", "8790 CR-C"
    std::string category;  // the beneficiary group of the code: "C" in "8790 CR-C-I"
    std::optional<int64_t> plan_id;
};

// One social service with the plan that lists it.
struct ServiceEntry {
    int64_t plan_id = 0;
    std::string plan_title;
    domain::SocialService service;
    // The code in the HG 867/2015 nomenclature as planwatch knows it
    // (data/nomenclature/hg867_2015.json); all empty for a code it does not know.
    std::string described_as;  // how documents describe services under the code
    std::string type_name;     // "residential centre (centru rezidențial)"
    std::string group_name;    // "children"
};

struct ServiceListing {
    std::vector<ServiceEntry> entries;    // by plan id, then as the plan lists them
    std::vector<std::string> categories;  // every beneficiary group among the plans' services, sorted
};

// The kinds imports write (data/nomenclature/organisation_units.json and the
// action-plan institutions), "" first for none: what an administrator chooses
// from and what the kind filter accepts.
const std::vector<std::string>& InstitutionKinds();

// The filters as a URL or a command line gives them. kMalformed naming the field
// ("kind", "review", "parent"; "category", "plan") for a value it cannot hold.
StatusOr<InstitutionFilter> ParseInstitutionFilter(std::string q, std::string kind, const std::string& review,
                                                   const std::string& parent);
StatusOr<ServiceFilter> ParseServiceFilter(std::string q, std::string code, std::string category,
                                           const std::string& plan);

class RegistryService {
public:
    explicit RegistryService(storage::Store& store) : store_(store) {}

    // An institution as a person names it: its id (digits) or a name, alias or
    // acronym (case and diacritics ignored). kNotFound names the text.
    StatusOr<int64_t> Resolve(const std::string& id_or_name);
    // Every institution, with aliases, parent, review flag and counts.
    StatusOr<std::vector<storage::InstitutionRecord>> ListInstitutions();
    // kNotFound for an unknown id.
    StatusOr<InstitutionProfile> GetInstitution(int64_t institution_id);
    // The yearly figures of one unit as its newest plans state them (chartable);
    // kNotFound for an unknown id.
    StatusOr<std::vector<InstitutionFigure>> Figures(int64_t institution_id);

    // Merges from into into (store.h MergeInstitutions) in one audited
    // transaction (action institution.merge, before = both entries, after = the
    // result). kPermissionDenied unless the actor coordinates; kNotFound,
    // kInvalidArgument, kConflict as the store says.
    StatusOr<storage::InstitutionRecord> Merge(int64_t from_id, int64_t into_id, const Actor& actor);
    // Marks an institution an import created as checked (institution.confirm).
    Status Confirm(int64_t institution_id, const Actor& actor);
    // What Merge(from_id, into_id) would move, without writing. The refusals of
    // Merge, naming the form field: kPermissionDenied unless the actor
    // coordinates; kInvalidArgument ("into") for from == into; kNotFound
    // ("from" or "into") for an unknown id.
    StatusOr<MergePreview> PreviewMerge(int64_t from_id, int64_t into_id, const Actor& actor);

    // Institutions whose name, acronym or an alias contains every word of query
    // (case and diacritics ignored), ordered by name; every one for an empty query.
    StatusOr<std::vector<storage::InstitutionRecord>> SearchInstitutions(const std::string& query);
    // An administrator adds or edits an entry (store.h InsertInstitution,
    // UpdateInstitution) in one audited transaction (institution.add,
    // institution.edit with the entry before and after). Names and aliases are
    // trimmed and NFC-normalised, empty aliases dropped. kPermissionDenied
    // unless the actor is an admin; kInvalidArgument ("name") for an empty name;
    // the store's refusals otherwise, each naming its field.
    StatusOr<int64_t> AddInstitution(storage::InstitutionEdit edit, const Actor& actor);
    Status EditInstitution(int64_t institution_id, storage::InstitutionEdit edit, const Actor& actor);

    // Institutions matching filter, ordered by name, with their plans, leads and
    // partners counted over the plans viewer may see (services/plan_catalog.h),
    // so a draft shows in no public count.
    StatusOr<std::vector<storage::InstitutionRecord>> FindInstitutions(const InstitutionFilter& filter,
                                                                       const Actor& viewer);
    // One registry entry, counted as FindInstitutions does, whether or not a
    // plan names it. kNotFound for an unknown id.
    StatusOr<storage::InstitutionRecord> FindInstitution(int64_t institution_id, const Actor& viewer);
    // The services (not contracting, information or training lines) of the
    // newest plans viewer may see that match filter; a filter's plan that is
    // not one of them lists nothing.
    StatusOr<ServiceListing> FindServices(const ServiceFilter& filter, const Actor& viewer);
    // One service by id from those plans; kNotFound otherwise.
    StatusOr<ServiceEntry> GetService(int64_t service_id, const Actor& viewer);

    // Statistics over the services of the newest plans, or of one plan.
    // kNotFound for an unknown plan id.
    StatusOr<ServiceStatistics> Statistics(std::optional<int64_t> plan_id = std::nullopt);

private:
    storage::Store& store_;
};

// "8790 CR-C-I" -> "C"; "" when text is not a nomenclature code.
std::string BeneficiaryGroupOf(const std::string& code);

// JSON (compact, one line) of the listing, a profile and the statistics, as the
// CLI --json and the API print them. Amounts are in lei (bani / 100).
std::string InstitutionsToJson(const std::vector<storage::InstitutionRecord>& records);
// One entry of the listing, as an object.
std::string InstitutionToJson(const storage::InstitutionRecord& record);
// [{"id","plan","code","category","name","beneficiaries","provider","locality",
//   "capacity":{"value","unit"}|null,"occupancy","state","budget":[{"year","source","amount","currency"}],
//   "licence":{"number","date","expiry"}|null}]
std::string ServicesToJson(const std::vector<ServiceEntry>& entries);
std::string InstitutionProfileToJson(const InstitutionProfile& profile);
std::string StatisticsToJson(const ServiceStatistics& statistics);

}  // namespace planwatch::services
