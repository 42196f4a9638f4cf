#include "services/needs_service.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <map>
#include <nlohmann/json.hpp>

#include "common/text.h"
#include "domain/plan.h"
#include "import/recognise/nomenclature.h"
#include "services/plan_catalog.h"
#include "services/registry_service.h"

namespace planwatch::services {
namespace {

using nlohmann::ordered_json;

constexpr std::array kReferrers = {"self",   "family", "school", "police",    "hospital",
                                   "doctor", "ngo",    "court",  "town_hall", "other"};
constexpr std::array kUrgencies = {"low", "normal", "high", "emergency"};

Status Denied(std::string message) { return Status(StatusCode::kPermissionDenied, std::move(message)); }

Status FieldError(const std::string& field, const std::string& message) {
    return InvalidArgument(field + ": " + message);
}

template <size_t N>
bool OneOf(const std::array<const char*, N>& names, const std::string& value) {
    return std::find_if(names.begin(), names.end(), [&](const char* n) { return value == n; }) != names.end();
}

template <size_t N>
std::string Listed(const std::array<const char*, N>& names) {
    std::string out;
    for (const char* n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

bool IsDate(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    int month = std::stoi(text.substr(5, 2)), day = std::stoi(text.substr(8, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool IsMonth(const std::string& text) { return text.size() == 7 && IsDate(text + "-01"); }

bool MayRead(const Actor& actor, const domain::Need& need) {
    return actor.Coordinates() || (actor.role == domain::Role::kReporter && actor.institution_id == need.institution_id);
}

// What the audit log keeps of a need: never the person key, so the log cannot link records.
ordered_json AuditView(const domain::Need& n) {
    return {{"institution", n.institution_id}, {"recorded_on", n.recorded_on}, {"locality", n.locality},
            {"beneficiary_group", n.beneficiary_group}, {"kind", n.kind}, {"referred_by", n.referred_by},
            {"urgency", n.urgency}, {"service", n.service_id ? ordered_json(*n.service_id) : ordered_json(nullptr)},
            {"outcome", n.outcome}};
}

domain::AuditEvent ReadEvent(const Actor& actor, const domain::Need& need) {
    return {.actor = actor.name, .action = "need.read", .entity = "need", .entity_id = std::to_string(*need.id)};
}

std::string Hex(const unsigned char* bytes, size_t size) {
    std::string out;
    for (size_t i = 0; i < size; ++i) out += fmt::format("{:02x}", bytes[i]);
    return out;
}

// Capacity that serves people at the same time; yearly or hourly figures are not comparable with a count of needs.
bool Concurrent(const domain::Capacity& c) {
    return c.unit == domain::CapacityUnit::kPlaces || c.unit == domain::CapacityUnit::kPerDay;
}

// Words only, so "Cluj-Napoca" and "Cluj Napoca, str. …" meet: the search key
// with ASCII punctuation turned into single spaces, padded by one space.
std::string WordKey(const std::string& text) {
    std::string out = " ";
    for (char c : text::SearchKey(text)) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
        if (word) {
            out += c;
        } else if (out.back() != ' ') {
            out += ' ';
        }
    }
    if (out.back() != ' ') out += ' ';
    return out;
}

bool IsSmallCount(int count) { return count > 0 && count < kMinimumCount; }

template <typename T>
ordered_json Optional(const std::optional<T>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

// One month of a service against its capacity; for a viewer who sees suppressed
// counts, a count of 1 to 4 is withheld, and the occupancy with beneficiaries.
ServiceOccupancy OccupancyOf(int64_t service_id, const domain::SocialService* service, const domain::ServiceMonth& m,
                             bool full) {
    ServiceOccupancy o{
        .service_id = service_id, .month = m.month, .beneficiaries = m.beneficiaries, .waiting = m.waiting};
    if (service != nullptr) {
        o.code = service->code;
        o.name = service->name;
        if (service->capacity && Concurrent(*service->capacity) && service->capacity->value > 0) {
            o.capacity = service->capacity->value;
            o.occupancy = m.beneficiaries / *o.capacity;
        }
    }
    if (full) return o;
    if (IsSmallCount(m.beneficiaries)) {
        o.beneficiaries.reset();
        o.occupancy.reset();
        o.suppressed = true;
    }
    if (IsSmallCount(m.waiting)) {
        o.waiting.reset();
        o.suppressed = true;
    }
    return o;
}

}  // namespace

StatusOr<std::string> NeedsService::Secret() {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<std::string> secret, tx->GetSetting(kPersonKeySetting));
    if (secret) return *secret;
    if (sodium_init() < 0) return Internal("libsodium failed to initialise");
    std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> key{};
    randombytes_buf(key.data(), key.size());
    PW_ASSIGN_OR_RETURN(std::string stored, tx->EnsureSetting(kPersonKeySetting, Hex(key.data(), key.size())));
    // The secret itself never goes to the log.
    PW_RETURN_IF_ERROR(tx->Append({.actor = "planwatch", .action = "setting.create", .entity = "setting",
                                   .entity_id = kPersonKeySetting}));
    PW_RETURN_IF_ERROR(tx->Commit());
    return stored;
}

StatusOr<std::string> NeedsService::PersonKey(const std::string& identity) {
    std::string key_text = text::SearchKey(identity);
    key_text.erase(std::remove(key_text.begin(), key_text.end(), ' '), key_text.end());
    if (key_text.empty()) return FieldError("identity", "is empty");
    PW_ASSIGN_OR_RETURN(std::string secret_hex, Secret());
    std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> key{};
    size_t length = 0;
    if (sodium_hex2bin(key.data(), key.size(), secret_hex.data(), secret_hex.size(), nullptr, &length, nullptr) != 0 ||
        length != key.size()) {
        return Internal("the stored person-key secret is not 32 bytes of hex");
    }
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(key_text.data()), key_text.size(),
                           key.data());
    sodium_memzero(key.data(), key.size());
    return Hex(mac.data(), mac.size());
}

StatusOr<int64_t> NeedsService::Add(const NewNeed& in, const Actor& actor) {
    if (!actor.Coordinates() && actor.role != domain::Role::kReporter) {
        return Denied("only an institution's staff or a coordinator can record needs");
    }
    std::optional<int64_t> institution = in.institution_id;
    if (!actor.Coordinates()) {
        if (institution && institution != actor.institution_id) {
            return Denied("a reporter records needs only for their own institution");
        }
        institution = actor.institution_id;
    }
    if (!institution) return FieldError("institution", "is required");
    if (!IsDate(in.recorded_on)) return FieldError("recorded_on", "expected YYYY-MM-DD, got “" + in.recorded_on + "”");
    domain::Need need{.institution_id = *institution,
                      .recorded_on = in.recorded_on,
                      .locality = text::Normalize(in.locality),
                      .beneficiary_group = in.beneficiary_group,
                      .kind = text::Normalize(in.kind),
                      .referred_by = in.referred_by,
                      .urgency = in.urgency,
                      .service_id = in.service_id,
                      .outcome = text::Normalize(in.outcome),
                      .created_by = actor.name};
    if (need.locality.empty()) return FieldError("locality", "is required");
    if (import::recognise::Nomenclature::Default().GroupName(need.beneficiary_group).empty()) {
        return FieldError("beneficiary_group", "“" + need.beneficiary_group + "” is not an HG 867/2015 group code");
    }
    if (need.kind.empty()) return FieldError("kind", "is required");
    if (!OneOf(kReferrers, need.referred_by)) {
        return FieldError("referred_by", "expected one of " + Listed(kReferrers) + ", got “" + need.referred_by + "”");
    }
    if (!OneOf(kUrgencies, need.urgency)) {
        return FieldError("urgency", "expected one of " + Listed(kUrgencies) + ", got “" + need.urgency + "”");
    }
    PW_ASSIGN_OR_RETURN(need.person_key, PersonKey(in.identity));

    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(int64_t id, tx->InsertNeed(need));
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name, .action = "need.add", .entity = "need",
                                   .entity_id = std::to_string(id), .after_json = AuditView(need).dump()}));
    PW_RETURN_IF_ERROR(tx->Commit());
    return id;
}

StatusOr<domain::Need> NeedsService::Get(int64_t need_id, const Actor& actor) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<domain::Need> need, tx->LoadNeed(need_id));
    if (!need) return NotFound("no need with id " + std::to_string(need_id));
    if (!MayRead(actor, *need)) return Denied("this record belongs to another institution");
    PW_RETURN_IF_ERROR(tx->Append(ReadEvent(actor, *need)));
    PW_RETURN_IF_ERROR(tx->Commit());
    return *need;
}

StatusOr<std::vector<domain::Need>> NeedsService::List(const Actor& actor, std::optional<int64_t> institution_id) {
    if (!actor.Coordinates() && actor.role != domain::Role::kReporter) {
        return Denied("the needs register is open only to an institution's staff and coordinators");
    }
    if (!actor.Coordinates()) {
        if (institution_id && institution_id != actor.institution_id) {
            return Denied("a reporter reads only their own institution's records");
        }
        if (!actor.institution_id) return std::vector<domain::Need>{};
        institution_id = actor.institution_id;
    }
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::vector<domain::Need> needs, tx->ListNeeds(institution_id));
    if (needs.empty()) return needs;
    for (const domain::Need& need : needs) PW_RETURN_IF_ERROR(tx->Append(ReadEvent(actor, need)));
    PW_RETURN_IF_ERROR(tx->Commit());
    return needs;
}

StatusOr<bool> NeedsService::Provides(const domain::SocialService& service, const Actor& actor) {
    if (actor.role != domain::Role::kReporter || !actor.institution_id || service.provider.empty()) return false;
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<int64_t> provider, tx->FindInstitution(service.provider));
    return provider == actor.institution_id;
}

StatusOr<domain::Need> NeedsService::Update(int64_t need_id, const NeedUpdate& update, const Actor& actor) {
    if (!actor.Coordinates() && actor.role != domain::Role::kReporter) {
        return Denied("only an institution's staff or a coordinator can update needs");
    }
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<domain::Need> before, tx->LoadNeed(need_id));
    if (!before) return NotFound("no need with id " + std::to_string(need_id));
    if (!MayRead(actor, *before)) return Denied("this record belongs to another institution");
    PW_RETURN_IF_ERROR(tx->UpdateNeed(need_id, update.version, update.service_id, text::Normalize(update.outcome)));
    PW_ASSIGN_OR_RETURN(std::optional<domain::Need> after, tx->LoadNeed(need_id));
    // The row was updated a statement ago in this transaction.
    assert(after.has_value());
    ordered_json before_json = AuditView(*before), after_json = AuditView(*after);
    before_json["version"] = before->version;
    after_json["version"] = after->version;
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name,
                                   .action = "need.update",
                                   .entity = "need",
                                   .entity_id = std::to_string(need_id),
                                   .before_json = before_json.dump(),
                                   .after_json = after_json.dump()}));
    PW_RETURN_IF_ERROR(tx->Commit());
    return *after;
}

Status NeedsService::PutMonth(const domain::ServiceMonth& month, const Actor& actor) {
    if (!actor.Coordinates() && actor.role != domain::Role::kReporter) {
        return Denied("only a coordinator or the provider's staff enter monthly beneficiaries");
    }
    if (!actor.Coordinates()) {
        PW_ASSIGN_OR_RETURN(ServiceEntry entry, RegistryService(store_).GetService(month.service_id, actor));
        PW_ASSIGN_OR_RETURN(bool provides, Provides(entry.service, actor));
        if (!provides)
            return Denied("a reporter enters monthly figures only for the services their institution provides");
    }
    if (!IsMonth(month.month)) return FieldError("month", "expected YYYY-MM, got “" + month.month + "”");
    if (month.beneficiaries < 0) return FieldError("beneficiaries", "cannot be negative");
    if (month.waiting < 0) return FieldError("waiting", "cannot be negative");
    domain::ServiceMonth row = month;
    row.reported_by = actor.name;
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_RETURN_IF_ERROR(tx->PutServiceMonth(row));
    ordered_json after = {{"service", row.service_id}, {"month", row.month}, {"beneficiaries", row.beneficiaries},
                          {"waiting", row.waiting}};
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name, .action = "service.month", .entity = "social_service",
                                   .entity_id = std::to_string(row.service_id), .after_json = after.dump()}));
    return tx->Commit();
}

StatusOr<std::vector<ServiceOccupancy>> NeedsService::Occupancy(const Actor& viewer) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::vector<domain::ServiceMonth> months, tx->ListServiceMonths(std::nullopt));
    std::map<int64_t, domain::ServiceMonth> latest;  // months come ordered by service, then month
    for (const domain::ServiceMonth& m : months) latest[m.service_id] = m;
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> versions, tx->ListPlans(/*all_versions=*/true));
    std::vector<int64_t> ids;
    for (const storage::PlanSummary& plan : VisiblePlans(versions, viewer)) ids.push_back(plan.id);
    PW_ASSIGN_OR_RETURN(std::vector<domain::Plan> plans, tx->LoadPlans(ids));
    std::map<int64_t, const domain::SocialService*> services;
    for (const domain::Plan& plan : plans) {
        for (const domain::SocialService& s : plan.services) {
            if (s.id && latest.count(*s.id)) services[*s.id] = &s;
        }
    }
    const bool full = viewer.Coordinates();
    std::vector<ServiceOccupancy> result;
    for (const auto& [id, m] : latest) {
        auto found = services.find(id);
        // Staff also see months of services whose plan has a newer version; the public only what it may see.
        if (found == services.end() && !full) continue;
        result.push_back(OccupancyOf(id, found == services.end() ? nullptr : found->second, m, full));
    }
    return result;
}

StatusOr<std::vector<ServiceOccupancy>> NeedsService::Occupancy(int64_t service_id, const Actor& viewer) {
    PW_ASSIGN_OR_RETURN(ServiceEntry entry, RegistryService(store_).GetService(service_id, viewer));
    bool full = viewer.Coordinates();
    if (!full) {
        PW_ASSIGN_OR_RETURN(full, Provides(entry.service, viewer));
    }
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::vector<domain::ServiceMonth> months, tx->ListServiceMonths(service_id));
    std::vector<ServiceOccupancy> result;
    for (const domain::ServiceMonth& m : months) result.push_back(OccupancyOf(service_id, &entry.service, m, full));
    return result;
}

StatusOr<std::vector<Gap>> NeedsService::Gaps(const Actor& actor) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::vector<domain::Need> needs, tx->ListNeeds(std::nullopt));
    PW_ASSIGN_OR_RETURN(std::vector<domain::ServiceMonth> months, tx->ListServiceMonths(std::nullopt));
    std::map<int64_t, domain::ServiceMonth> latest;
    for (const domain::ServiceMonth& m : months) latest[m.service_id] = m;

    // Keyed by group and the locality's search key, so "Cluj-Napoca" and "CLUJ NAPOCA" meet.
    struct Cell {
        Gap gap;
        int needs = 0, open = 0, served = 0, waiting = 0;
        bool small_served_part = false, small_waiting_part = false;  // a service's own figure is 1 to 4
    };
    std::map<std::pair<std::string, std::string>, Cell> cells;
    auto cell = [&](const std::string& group, const std::string& locality) -> Cell& {
        Cell& c = cells[{group, WordKey(locality)}];
        if (c.gap.locality.empty()) {
            c.gap.beneficiary_group = group;
            c.gap.locality = locality;
        }
        return c;
    };
    for (const domain::Need& n : needs) {
        Cell& c = cell(n.beneficiary_group, n.locality);
        ++c.needs;
        if (!n.service_id) ++c.open;
    }
    // Plans often leave the locality column empty and name the place in the
    // service's name ("Căminul pentru Persoane Vârstnice Gherla"): such a service
    // counts in every locality of a recorded need that its name mentions.
    std::map<std::string, std::string> need_localities;  // key -> as written
    for (const domain::Need& n : needs) need_localities.emplace(WordKey(n.locality), n.locality);
    auto localities_of = [&](const domain::SocialService& s) {
        std::vector<std::string> found;
        if (!s.locality.empty()) {
            found.push_back(s.locality);
            return found;
        }
        const std::string name = WordKey(s.name);
        for (const auto& [key, written] : need_localities) {
            if (key != " " && name.find(key) != std::string::npos) found.push_back(written);
        }
        return found;
    };
    // The services of the plans the actor may see: a draft's capacity is not the public's yet.
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> versions, tx->ListPlans(/*all_versions=*/true));
    std::vector<int64_t> visible;
    for (const storage::PlanSummary& summary : VisiblePlans(versions, actor)) visible.push_back(summary.id);
    PW_ASSIGN_OR_RETURN(std::vector<domain::Plan> plans, tx->LoadPlans(visible));
    for (const domain::Plan& plan : plans) {
        for (const domain::SocialService& s : plan.services) {
            if (s.line != domain::ServiceLineKind::kService || s.state == domain::ServiceState::kProposed) continue;
            std::string group = BeneficiaryGroupOf(s.code);
            if (group.empty()) continue;
            for (const std::string& locality : localities_of(s)) {
                Cell& c = cell(group, locality);
                if (s.capacity && Concurrent(*s.capacity)) c.gap.capacity += s.capacity->value;
                if (!s.id) continue;
                auto m = latest.find(*s.id);
                if (m != latest.end()) {
                    c.served += m->second.beneficiaries;
                    c.waiting += m->second.waiting;
                    c.small_served_part = c.small_served_part || IsSmallCount(m->second.beneficiaries);
                    c.small_waiting_part = c.small_waiting_part || IsSmallCount(m->second.waiting);
                }
            }
        }
    }
    const bool full = actor.Coordinates();
    std::vector<Gap> result;
    for (auto& [key, c] : cells) {
        Gap gap = c.gap;
        gap.needs = c.needs;
        gap.open_needs = c.open;
        gap.served = c.served;
        gap.waiting = c.waiting;
        double free = std::max(0.0, gap.capacity - c.served);
        gap.uncovered = std::max(0.0, c.open + c.waiting - free);
        if (!full) {
            // A cell's figure is the sum of its services' figures, which the public occupancy shows with
            // small ones withheld: the sum would give a withheld one back.
            if (c.small_served_part) gap.served.reset();
            if (c.small_waiting_part) gap.waiting.reset();
            gap.suppressed = c.small_served_part || c.small_waiting_part;
            gap = SuppressSmallCounts(std::move(gap));
        }
        result.push_back(std::move(gap));
    }
    return result;
}

Gap SuppressSmallCounts(Gap gap) {
    auto small = [](double count) { return count > 0 && count < kMinimumCount; };
    auto withhold = [&gap](auto& count) {
        if (count) gap.suppressed = true;
        count.reset();
    };
    if (gap.needs && small(*gap.needs)) withhold(gap.needs);
    // needs - open_needs is the number referred: small, it must not be recoverable either.
    if (!gap.needs || (gap.open_needs && (small(*gap.open_needs) || small(*gap.needs - *gap.open_needs)))) {
        withhold(gap.open_needs);
    }
    if (gap.served && small(*gap.served)) withhold(gap.served);
    if (gap.waiting && small(*gap.waiting)) withhold(gap.waiting);
    // uncovered = open_needs + waiting - (capacity - served), with capacity public: shown with all three it
    // gives back a withheld one; a small uncovered is withheld with open_needs, its term about people in need.
    if (gap.uncovered && small(*gap.uncovered)) withhold(gap.open_needs);
    if (!gap.open_needs || !gap.served || !gap.waiting || (gap.uncovered && small(*gap.uncovered))) {
        withhold(gap.uncovered);
    }
    return gap;
}

namespace {

ordered_json NeedJson(const domain::Need& n) {
    ordered_json row = {{"id", n.id.value_or(0)}};
    row.update(AuditView(n));
    row["person_key"] = n.person_key;
    row["created_by"] = n.created_by;
    row["created_at"] = n.created_at;
    row["version"] = n.version;
    return row;
}

}  // namespace

std::string NeedsToJson(const std::vector<domain::Need>& needs) {
    ordered_json list = ordered_json::array();
    for (const domain::Need& n : needs) list.push_back(NeedJson(n));
    return list.dump() + "\n";
}

std::string NeedToJson(const domain::Need& need) { return NeedJson(need).dump() + "\n"; }

std::string OccupancyToJson(const std::vector<ServiceOccupancy>& months) {
    ordered_json list = ordered_json::array();
    for (const ServiceOccupancy& o : months) {
        list.push_back({{"service", o.service_id},
                        {"code", o.code},
                        {"name", o.name},
                        {"month", o.month},
                        {"beneficiaries", Optional(o.beneficiaries)},
                        {"waiting", Optional(o.waiting)},
                        {"capacity", Optional(o.capacity)},
                        {"occupancy", Optional(o.occupancy)},
                        {"suppressed", o.suppressed}});
    }
    return list.dump() + "\n";
}

std::string GapsToJson(const std::vector<Gap>& gaps) {
    ordered_json list = ordered_json::array();
    for (const Gap& g : gaps) {
        list.push_back({{"beneficiary_group", g.beneficiary_group},
                        {"locality", g.locality},
                        {"needs", Optional(g.needs)},
                        {"open_needs", Optional(g.open_needs)},
                        {"capacity", g.capacity},
                        {"served", Optional(g.served)},
                        {"waiting", Optional(g.waiting)},
                        {"uncovered", Optional(g.uncovered)},
                        {"suppressed", g.suppressed}});
    }
    return list.dump() + "\n";
}

}  // namespace planwatch::services
