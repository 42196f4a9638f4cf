#pragma once
// The needs register, beneficiaries per service and month, and the gap analysis
// (registry issue; seed 003 general objective I: "a system for registering data
// on the needs and situations that require social services").
//
// Personal data is minimised: a person is only a keyed hash of how the recording
// institution identifies them (HMAC-SHA256 with a per-installation secret kept in
// the database settings), so the same person recorded twice gets the same key and
// the identity cannot be read back. Only users of the recording institution and
// coordinators read records, and every read of a record is audited (need.read).
// Aggregates for everyone else suppress counts under kMinimumCount.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/needs.h"
#include "services/actor.h"
#include "storage/store.h"

namespace planwatch::services {

inline constexpr int kMinimumCount = 5;  // smaller published counts are suppressed
inline constexpr char kPersonKeySetting[] = "needs.person_key_secret";

// A need as a person enters it: identity is hashed and then forgotten.
struct NewNeed {
    std::optional<int64_t> institution_id;  // required of coordinators; a reporter's own institution otherwise
    std::string recorded_on;                // YYYY-MM-DD
    std::string locality;
    std::string beneficiary_group;          // HG 867/2015 group code: C, D, V, VD, VTP, PD, MC, PN
    std::string kind;
    std::string referred_by = "self";
    std::string urgency = "normal";
    std::optional<int64_t> service_id;
    std::string outcome;
    std::string identity;                   // e.g. a personal number; never stored
};

// What is recorded about a need after it: where it was referred and what came of
// it. Both replace the stored values.
struct NeedUpdate {
    int version = 0;                    // Need::version of the record the edit was made on
    std::optional<int64_t> service_id;  // the social service it was referred to; nullopt: none
    std::string outcome;                // as recorded; empty while open
};

// Needs against capacity for one beneficiary group in one locality. For the
// public every count of 1 to kMinimumCount - 1 is nullopt, and so is every count
// that would give one back by subtraction (SuppressSmallCounts).
struct Gap {
    std::string beneficiary_group;
    std::string locality;
    std::optional<int> needs;         // every recorded need
    std::optional<int> open_needs;    // not yet referred to a service
    double capacity = 0;              // places and per-day capacity of the services there (public plan data)
    std::optional<int> served;        // beneficiaries in each service's latest reported month
    std::optional<int> waiting;       // waiting lists of those months
    std::optional<double> uncovered;  // open needs and waiting beyond the free capacity
    bool suppressed = false;          // some count above is withheld
};

// Withholds, in a gap computed in full, what the public may not see: each count
// of 1 to kMinimumCount - 1, and the counts from which a withheld one (or the
// number of referred needs, needs - open_needs) could be recomputed: open_needs
// goes with needs or the referred count, uncovered with any of open_needs,
// served and waiting, and open_needs with an uncovered of 1 to 4.
Gap SuppressSmallCounts(Gap gap);

// Occupancy of one service in one month. For a viewer who sees counts
// suppressed (Occupancy) a count of 1 to kMinimumCount - 1 is nullopt, and the
// occupancy with it, which capacity would turn back into the count.
struct ServiceOccupancy {
    int64_t service_id = 0;
    std::string code;
    std::string name;
    std::string month;
    std::optional<int> beneficiaries;
    std::optional<int> waiting;
    std::optional<double> capacity;
    std::optional<double> occupancy;  // beneficiaries / capacity; 1.0 = 100 %
    bool suppressed = false;          // a count above is withheld
};

class NeedsService {
public:
    explicit NeedsService(storage::Store& store) : store_(store) {}

    // Validates, hashes the identity and stores the need with an audit event
    // (need.add); returns its id. kPermissionDenied for the public and for a
    // reporter recording for another institution; kInvalidArgument naming the
    // field (recorded_on, locality, beneficiary_group, kind, referred_by,
    // urgency, identity, institution); kNotFound for an unknown institution or service.
    StatusOr<int64_t> Add(const NewNeed& need, const Actor& actor);
    // One record; audited. kNotFound for an unknown id; kPermissionDenied
    // unless the actor coordinates or belongs to the recording institution.
    StatusOr<domain::Need> Get(int64_t need_id, const Actor& actor);
    // The records the actor may read (a reporter: its institution's; a
    // coordinator: all, or one institution's), each read audited.
    // kPermissionDenied for the public.
    StatusOr<std::vector<domain::Need>> List(const Actor& actor, std::optional<int64_t> institution_id = std::nullopt);
    // Records a need's referral and outcome in one transaction with its audit
    // event (need.update, before and after, never the person key); returns the
    // record as stored now. kPermissionDenied unless the actor coordinates or
    // belongs to the recording institution; kNotFound for an unknown need or
    // service; kConflict when the record changed since update.version.
    StatusOr<domain::Need> Update(int64_t need_id, const NeedUpdate& update, const Actor& actor);

    // Beneficiaries and waiting list of one service in one month (YYYY-MM);
    // replaces an earlier figure, audited (service.month). Coordinators, and
    // reporters of the institution the service's provider names (registry
    // name, alias or acronym). kPermissionDenied for everyone else;
    // kInvalidArgument naming the field (month, beneficiaries, waiting);
    // kNotFound for a service the actor cannot see.
    Status PutMonth(const domain::ServiceMonth& month, const Actor& actor);
    // Latest month of every service that has one, exact for coordinators.
    StatusOr<std::vector<ServiceOccupancy>> Occupancy(const Actor& viewer);
    // Every reported month of one service, oldest first, against its capacity:
    // exact for coordinators and the provider's reporters, small counts
    // suppressed for everyone else. kNotFound for a service of a plan the
    // viewer may not see (a draft) or no service at all.
    StatusOr<std::vector<ServiceOccupancy>> Occupancy(int64_t service_id, const Actor& viewer);

    // Needs per beneficiary group and locality against the capacity of the
    // services of the newest plans there that the actor may see (the public:
    // published ones). For anyone but coordinators, small counts are
    // suppressed (SuppressSmallCounts).
    StatusOr<std::vector<Gap>> Gaps(const Actor& actor);

    // The pseudonymous key of an identity: lower-case hex HMAC-SHA256 of its
    // search key (case, diacritics and spacing ignored) under the installation
    // secret, created on first use.
    StatusOr<std::string> PersonKey(const std::string& identity);

private:
    StatusOr<std::string> Secret();
    // Whether the actor is a reporter of the institution the service's provider names.
    StatusOr<bool> Provides(const domain::SocialService& service, const Actor& actor);

    storage::Store& store_;
};

// JSON (compact, one line) as the CLI --json and the API print them.
std::string NeedsToJson(const std::vector<domain::Need>& needs);
// One need as NeedsToJson writes each (the answer to an update).
std::string NeedToJson(const domain::Need& need);
std::string GapsToJson(const std::vector<Gap>& gaps);
std::string OccupancyToJson(const std::vector<ServiceOccupancy>& months);

}  // namespace planwatch::services
