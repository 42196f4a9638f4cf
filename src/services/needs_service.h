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

// Needs against capacity for one beneficiary group in one locality.
struct Gap {
    std::string beneficiary_group;
    std::string locality;
    std::optional<int> needs;       // every recorded need; nullopt when suppressed
    std::optional<int> open_needs;  // not yet referred to a service; nullopt when suppressed
    double capacity = 0;            // places and per-day capacity of the services there
    int served = 0;                 // beneficiaries in each service's latest reported month
    std::optional<int> waiting;     // waiting lists of those months; nullopt when suppressed
    std::optional<double> uncovered;  // open needs beyond the free capacity; nullopt when suppressed
    bool suppressed = false;
};

// Occupancy of one service from its latest reported month.
struct ServiceOccupancy {
    int64_t service_id = 0;
    std::string code;
    std::string name;
    std::string month;
    int beneficiaries = 0;
    int waiting = 0;
    std::optional<double> capacity;
    std::optional<double> occupancy;  // beneficiaries / capacity; 1.0 = 100 %
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

    // Beneficiaries and waiting list of one service in one month (YYYY-MM);
    // replaces an earlier figure (service.month). Coordinators only.
    Status PutMonth(const domain::ServiceMonth& month, const Actor& actor);
    // Latest month of every service that has one.
    StatusOr<std::vector<ServiceOccupancy>> Occupancy();

    // Needs per beneficiary group and locality against the capacity of the
    // services of the newest plans there. For anyone but coordinators, counts
    // under kMinimumCount are suppressed.
    StatusOr<std::vector<Gap>> Gaps(const Actor& actor);

    // The pseudonymous key of an identity: lower-case hex HMAC-SHA256 of its
    // search key (case, diacritics and spacing ignored) under the installation
    // secret, created on first use.
    StatusOr<std::string> PersonKey(const std::string& identity);

private:
    StatusOr<std::string> Secret();

    storage::Store& store_;
};

// JSON (compact, one line) as the CLI --json and the API print them.
std::string NeedsToJson(const std::vector<domain::Need>& needs);
std::string GapsToJson(const std::vector<Gap>& gaps);

}  // namespace planwatch::services
