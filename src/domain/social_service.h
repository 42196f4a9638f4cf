#pragma once
// A social service of the county registry (HG 867/2015 nomenclature), as listed
// by an annual social-services plan.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date_point.h"

namespace planwatch::domain {

enum class CapacityUnit { kPlaces, kPerDay, kPerYear, kHoursPerWeek, kPerMonth };
enum class ServiceState { kExisting, kRestructuring, kProposed };
enum class ServiceLineKind { kService, kContracting, kInformation, kTraining };

struct Capacity {
    double value = 0;
    CapacityUnit unit = CapacityUnit::kPlaces;
    friend bool operator==(const Capacity&, const Capacity&) = default;
};

struct ServiceBudget {
    int year = 0;
    std::string source;  // local | county | state | beneficiaries | other
    int64_t amount_minor = 0;
    std::string currency = "RON";
    friend bool operator==(const ServiceBudget&, const ServiceBudget&) = default;
};

// The operating licence of a social service (licența de funcționare, Legea
// 197/2012): number as written, the day it was granted and the day it ends.
struct ServiceLicence {
    std::string number;             // "LF 0001234"; empty when the document gives only dates
    std::optional<DatePoint> date;  // granted
    std::optional<DatePoint> expiry;
    friend bool operator==(const ServiceLicence&, const ServiceLicence&) = default;
};

struct SocialService {
    std::optional<int64_t> id;
    ServiceLineKind line = ServiceLineKind::kService;
    std::string code;           // "8790 CR-C-I"; for contracting lines the CPV code
    std::string name;
    std::string beneficiaries;
    std::string provider;
    std::string locality;
    std::optional<Capacity> capacity;
    std::optional<double> occupancy;   // 1.0 = 100 %
    ServiceState state = ServiceState::kExisting;
    std::vector<ServiceBudget> budget;
    std::optional<int> staff;          // proposed services
    std::optional<double> area_m2;     // proposed services
    std::string schedule;              // information/training calendar as written
    std::optional<ServiceLicence> licence;
    int source_line = 0;
    friend bool operator==(const SocialService&, const SocialService&) = default;
};

const char* Name(CapacityUnit unit);        // places | per_day | per_year | hours_per_week | per_month
const char* Name(ServiceState state);       // existing | restructuring | proposed
const char* Name(ServiceLineKind kind);     // service | contracting | information | training
std::optional<CapacityUnit> ParseCapacityUnit(std::string_view name);
std::optional<ServiceState> ParseServiceState(std::string_view name);
std::optional<ServiceLineKind> ParseServiceLineKind(std::string_view name);

}  // namespace planwatch::domain
