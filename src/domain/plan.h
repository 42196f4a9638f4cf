#pragma once
// The canonical plan (../shared/design/plan-format.md, planwatch.plan/1) as plain
// values. Every importer produces a Plan, the Store keeps it, the JSON writer
// prints it. No I/O here. operator== compares everything, ids included, so a
// round trip through any layer can be checked with one EXPECT_EQ.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/date_point.h"
#include "domain/institution.h"
#include "domain/social_service.h"

namespace planwatch::domain {

inline constexpr char kPlanSchema[] = "planwatch.plan/1";

enum class PlanKind { kActionPlan, kOperationalPlan, kAnnualSocialServicesPlan, kOrganisationProfile, kOther };
enum class NodeKind { kPillar, kArea, kSection, kGeneralObjective, kSpecificObjective, kActivity };
enum class Cadence { kAnnual, kSemester, kQuarter, kMonth };
enum class Frequency { kAnnual, kSemester, kQuarter, kMonth, kPermanent, kOnce };
enum class Comparator { kAtLeast, kEqual, kAtMost };  // ">=", "=", "<="
enum class TargetPer { kYear, kPeriod, kPlan };
enum class ResponsibilityRole { kLead, kPartner };

// A number the text states, with how it is compared: "Minimum 2 proiecte locale"
// is {2, kAtLeast, "proiecte locale"}; "1 raport anual" is {1, kEqual, "raport", kYear}.
struct Target {
    double value = 0;
    Comparator comparator = Comparator::kAtLeast;
    std::string unit;
    std::optional<TargetPer> per;
    bool percent = false;  // "50%": value is 50, unit "%"
    friend bool operator==(const Target&, const Target&) = default;
};

struct Indicator {
    std::string name;
    std::optional<Target> target;
    std::optional<double> baseline;
    friend bool operator==(const Indicator&, const Indicator&) = default;
};

struct Responsibility {
    std::string institution;  // the canonical name, as in Plan::institutions
    ResponsibilityRole role = ResponsibilityRole::kPartner;
    friend bool operator==(const Responsibility&, const Responsibility&) = default;
};

// Money is kept in minor units (bani, cents) so sums are exact; the JSON writes
// it as a decimal number in the currency's unit.
struct BudgetLine {
    int64_t amount_minor = 0;
    std::string currency;      // ISO 4217: RON, EUR, USD
    std::string source;        // local | county | state | beneficiaries | other | a ministry's name
    std::optional<int> year;
    friend bool operator==(const BudgetLine&, const BudgetLine&) = default;
};

struct Node {
    std::optional<int64_t> id;  // assigned by the Store
    NodeKind kind = NodeKind::kActivity;
    std::string code;           // "I", "A", "A.1", "1", "1.1"; may be empty
    std::string title;
    int source_line = 0;
    std::vector<Node> children;

    // Only on activities (Validate enforces it).
    std::vector<std::string> results;
    std::vector<Indicator> indicators;
    std::optional<Frequency> frequency;
    std::optional<DatePoint> start;     // "Da settembre 2020": a start, not a deadline
    std::optional<DatePoint> deadline;
    std::vector<std::string> periods;   // marked grid periods: "2019-1", "2020-2", "2019-Q3"
    std::vector<Responsibility> responsible;
    std::vector<BudgetLine> budget;
    std::string deadline_text;          // the schedule as written, when it said more than a date

    friend bool operator==(const Node&, const Node&) = default;
};

struct SourceDocument {
    std::string file;
    std::string sha256;  // lower-case hex of the bytes read
    std::string format;  // text | docx | pdf | csv | xlsx | json
    friend bool operator==(const SourceDocument&, const SourceDocument&) = default;
};

struct PlanWarning {
    int line = 0;
    std::string message;
    std::string code;  // stable warning code, e.g. "institution_alias"; may be empty
    friend bool operator==(const PlanWarning&, const PlanWarning&) = default;
};

struct Plan {
    std::optional<int64_t> id;  // assigned by the Store
    int version = 1;            // 1 for a first import; --replace adds one
    std::string title;
    PlanKind kind = PlanKind::kActionPlan;
    std::string language;       // ISO 639-1
    std::string jurisdiction;
    std::optional<int> period_start;
    std::optional<int> period_end;
    std::optional<Cadence> cadence;
    std::string adopted_by;
    SourceDocument source;
    std::vector<Node> nodes;
    std::vector<Institution> institutions;
    std::vector<SocialService> services;
    // Money for the whole plan that no activity carries, in document order: what each
    // funder (a ministry, an agency; BudgetLine::source) gives, e.g. per year.
    std::vector<BudgetLine> budget;
    std::vector<PlanWarning> warnings;
    friend bool operator==(const Plan&, const Plan&) = default;
};

// Names used in JSON and SQL ("action_plan", "general_objective", ">=", …) and
// their inverse; Parse* return nullopt for an unknown name.
const char* Name(PlanKind kind);
const char* Name(NodeKind kind);
const char* Name(Cadence cadence);
const char* Name(Frequency frequency);
const char* Name(Comparator comparator);
const char* Name(TargetPer per);
const char* Name(ResponsibilityRole role);
std::optional<PlanKind> ParsePlanKind(std::string_view name);
std::optional<NodeKind> ParseNodeKind(std::string_view name);
std::optional<Cadence> ParseCadence(std::string_view name);
std::optional<Frequency> ParseFrequency(std::string_view name);
std::optional<Comparator> ParseComparator(std::string_view name);
std::optional<TargetPer> ParseTargetPer(std::string_view name);
std::optional<ResponsibilityRole> ParseResponsibilityRole(std::string_view name);

// Checks the invariants a stored plan keeps: a title; activity-only fields only on
// activities; at most one lead per activity; every responsible institution listed
// in institutions; valid dates and periods; period start <= end. The first
// violation is returned with its field path ("nodes[0].children[2].deadline").
Status Validate(const Plan& plan);

// Depth-first visit in document order.
template <typename Fn>
void ForEachNode(const std::vector<Node>& nodes, Fn&& fn) {
    for (const Node& node : nodes) {
        fn(node);
        ForEachNode(node.children, fn);
    }
}
template <typename Fn>
void ForEachNode(std::vector<Node>& nodes, Fn&& fn) {
    for (Node& node : nodes) {
        fn(node);
        ForEachNode(node.children, fn);
    }
}

int CountActivities(const Plan& plan);

}  // namespace planwatch::domain
