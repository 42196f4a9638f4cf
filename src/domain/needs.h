#pragma once
// The needs register and monthly beneficiaries (registry issue, seed 003 general
// objective I). A person never appears: only a keyed hash of their identity.
#include <cstdint>
#include <optional>
#include <string>

namespace planwatch::domain {

// One identified need or situation that requires a social service.
struct Need {
    std::optional<int64_t> id;
    int64_t institution_id = 0;         // the recording institution: only it and coordinators read the record
    std::string recorded_on;            // YYYY-MM-DD
    std::string locality;
    std::string beneficiary_group;      // HG 867/2015 group: C, D, V, VD, VTP, PD, MC, PN
    std::string kind;                   // kind of need, as recorded
    std::string referred_by;            // self | family | school | police | hospital | doctor | ngo | town_hall | other
    std::string urgency = "normal";     // low | normal | high | emergency
    std::optional<int64_t> service_id;  // the social_service row it was referred to
    std::string outcome;                // as recorded; empty while open
    std::string person_key;             // lower-case hex HMAC-SHA256 of the identity
    std::string created_by;             // actor
    std::string created_at;             // ISO 8601 UTC, set by the Store when empty
    int version = 1;                    // 1 when recorded, one more with each later edit (referral, outcome)
    friend bool operator==(const Need&, const Need&) = default;
};

// Beneficiaries of one service in one month and its waiting list.
struct ServiceMonth {
    int64_t service_id = 0;
    std::string month;  // YYYY-MM
    int beneficiaries = 0;
    int waiting = 0;
    std::string reported_by;
    std::string reported_at;  // ISO 8601 UTC, set by the Store when empty
    friend bool operator==(const ServiceMonth&, const ServiceMonth&) = default;
};

}  // namespace planwatch::domain
