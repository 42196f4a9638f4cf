// Stable names of the domain's enums, as written in planwatch.plan/1 and in SQL.
#include "domain/monitoring.h"
#include "domain/names.h"
#include "domain/plan.h"
#include "domain/social_service.h"
#include "domain/user.h"

namespace planwatch::domain {
namespace {

using internal::NameOf;
using internal::ParseName;

constexpr std::pair<PlanKind, const char*> kPlanKinds[] = {
    {PlanKind::kActionPlan, "action_plan"},
    {PlanKind::kOperationalPlan, "operational_plan"},
    {PlanKind::kAnnualSocialServicesPlan, "annual_social_services_plan"},
    {PlanKind::kOrganisationProfile, "organisation_profile"},
    {PlanKind::kOther, "other"},
};
constexpr std::pair<NodeKind, const char*> kNodeKinds[] = {
    {NodeKind::kPillar, "pillar"},
    {NodeKind::kArea, "area"},
    {NodeKind::kSection, "section"},
    {NodeKind::kGeneralObjective, "general_objective"},
    {NodeKind::kSpecificObjective, "specific_objective"},
    {NodeKind::kActivity, "activity"},
};
constexpr std::pair<Cadence, const char*> kCadences[] = {
    {Cadence::kAnnual, "annual"},
    {Cadence::kSemester, "semester"},
    {Cadence::kQuarter, "quarter"},
    {Cadence::kMonth, "month"},
};
constexpr std::pair<Frequency, const char*> kFrequencies[] = {
    {Frequency::kAnnual, "annual"},   {Frequency::kSemester, "semester"},   {Frequency::kQuarter, "quarter"},
    {Frequency::kMonth, "month"},     {Frequency::kPermanent, "permanent"}, {Frequency::kOnce, "once"},
};
constexpr std::pair<Comparator, const char*> kComparators[] = {
    {Comparator::kAtLeast, ">="},
    {Comparator::kEqual, "="},
    {Comparator::kAtMost, "<="},
};
constexpr std::pair<TargetPer, const char*> kTargetPers[] = {
    {TargetPer::kYear, "year"},
    {TargetPer::kPeriod, "period"},
    {TargetPer::kPlan, "plan"},
};
constexpr std::pair<ResponsibilityRole, const char*> kRoles[] = {
    {ResponsibilityRole::kLead, "lead"},
    {ResponsibilityRole::kPartner, "partner"},
};
constexpr std::pair<CapacityUnit, const char*> kCapacityUnits[] = {
    {CapacityUnit::kPlaces, "places"},
    {CapacityUnit::kPerDay, "per_day"},
    {CapacityUnit::kPerYear, "per_year"},
    {CapacityUnit::kHoursPerWeek, "hours_per_week"},
    {CapacityUnit::kPerMonth, "per_month"},
};
constexpr std::pair<ServiceState, const char*> kServiceStates[] = {
    {ServiceState::kExisting, "existing"},
    {ServiceState::kRestructuring, "restructuring"},
    {ServiceState::kProposed, "proposed"},
};
constexpr std::pair<ServiceLineKind, const char*> kServiceLineKinds[] = {
    {ServiceLineKind::kService, "service"},
    {ServiceLineKind::kContracting, "contracting"},
    {ServiceLineKind::kInformation, "information"},
    {ServiceLineKind::kTraining, "training"},
};
constexpr std::pair<ReviewState, const char*> kReviewStates[] = {
    {ReviewState::kDraft, "draft"},
    {ReviewState::kSubmitted, "submitted"},
    {ReviewState::kApproved, "approved"},
    {ReviewState::kReturned, "returned"},
};
constexpr std::pair<ClaimedState, const char*> kClaimedStates[] = {
    {ClaimedState::kNotStarted, "not_started"},
    {ClaimedState::kInProgress, "in_progress"},
    {ClaimedState::kCompleted, "completed"},
    {ClaimedState::kCancelled, "cancelled"},
};
constexpr std::pair<Role, const char*> kUserRoles[] = {
    {Role::kPublic, "public"},
    {Role::kReporter, "reporter"},
    {Role::kCoordinator, "coordinator"},
    {Role::kAdmin, "admin"},
};

}  // namespace

const char* Name(PlanKind v) { return NameOf(kPlanKinds, v); }
const char* Name(NodeKind v) { return NameOf(kNodeKinds, v); }
const char* Name(Cadence v) { return NameOf(kCadences, v); }
const char* Name(Frequency v) { return NameOf(kFrequencies, v); }
const char* Name(Comparator v) { return NameOf(kComparators, v); }
const char* Name(TargetPer v) { return NameOf(kTargetPers, v); }
const char* Name(ResponsibilityRole v) { return NameOf(kRoles, v); }
const char* Name(CapacityUnit v) { return NameOf(kCapacityUnits, v); }
const char* Name(ServiceState v) { return NameOf(kServiceStates, v); }
const char* Name(ServiceLineKind v) { return NameOf(kServiceLineKinds, v); }
const char* Name(ReviewState v) { return NameOf(kReviewStates, v); }
const char* Name(ClaimedState v) { return NameOf(kClaimedStates, v); }
const char* Name(Role v) { return NameOf(kUserRoles, v); }

std::optional<PlanKind> ParsePlanKind(std::string_view n) { return ParseName(kPlanKinds, n); }
std::optional<NodeKind> ParseNodeKind(std::string_view n) { return ParseName(kNodeKinds, n); }
std::optional<Cadence> ParseCadence(std::string_view n) { return ParseName(kCadences, n); }
std::optional<Frequency> ParseFrequency(std::string_view n) { return ParseName(kFrequencies, n); }
std::optional<Comparator> ParseComparator(std::string_view n) { return ParseName(kComparators, n); }
std::optional<TargetPer> ParseTargetPer(std::string_view n) { return ParseName(kTargetPers, n); }
std::optional<ResponsibilityRole> ParseResponsibilityRole(std::string_view n) { return ParseName(kRoles, n); }
std::optional<CapacityUnit> ParseCapacityUnit(std::string_view n) { return ParseName(kCapacityUnits, n); }
std::optional<ServiceState> ParseServiceState(std::string_view n) { return ParseName(kServiceStates, n); }
std::optional<ServiceLineKind> ParseServiceLineKind(std::string_view n) { return ParseName(kServiceLineKinds, n); }
std::optional<ReviewState> ParseReviewState(std::string_view n) { return ParseName(kReviewStates, n); }
std::optional<ClaimedState> ParseClaimedState(std::string_view n) { return ParseName(kClaimedStates, n); }
std::optional<Role> ParseRole(std::string_view n) { return ParseName(kUserRoles, n); }

}  // namespace planwatch::domain
