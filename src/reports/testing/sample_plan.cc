#include "reports/testing/sample_plan.h"

#include <string>

namespace planwatch::reports::testing {
namespace {

using domain::Node;
using domain::NodeKind;

const char* const kInstitutions[] = {
    "CPECA Cluj", "ISJ Cluj", "DSP Cluj", "IPJ Cluj", "DGASPC Cluj", "Penitenciarul Gherla",
    "Serviciul de Probațiune Cluj", "Primăria Municipiului Cluj-Napoca", "Universitatea Babeș-Bolyai",
    "Spitalul Clinic de Psihiatrie Cluj", "Asociația Sfântul Ștefan", "Inspectoratul de Jandarmi Județean Cluj"};
constexpr int kInstitutionCount = sizeof(kInstitutions) / sizeof(kInstitutions[0]);

const char* const kVerbs[] = {"Organizarea de campanii de informare în școli privind riscurile consumului de droguri",
                              "Derularea programului de prevenire „Știu să aleg” în unitățile de învățământ",
                              "Formarea cadrelor didactice în domeniul prevenirii consumului de droguri",
                              "Implementarea de proiecte locale de prevenire în comunități vulnerabile",
                              "Consilierea părinților privind comunicarea cu adolescenții",
                              "Evaluarea și referirea consumatorilor către servicii de asistență",
                              "Desfășurarea de acțiuni comune de control în zonele de agrement",
                              "Realizarea raportului anual privind situația drogurilor în județ"};

struct Section {
    int pillar;
    const char* area_code;
    const char* area_title;
    const char* code;
    const char* title;
    int activities;
};

// 28 + 7 + 6 + 6 = 47 activities, as in seed 000.
const Section kSections[] = {
    {0, "A", "Prevenirea consumului de droguri", "A.1", "Prevenirea în școală", 8},
    {0, "A", "Prevenirea consumului de droguri", "A.2", "Prevenirea în familie", 6},
    {0, "A", "Prevenirea consumului de droguri", "A.3", "Prevenire comunitară", 8},
    {0, "B", "Asistența consumatorilor de droguri", "B.1", "Identificarea și motivarea consumatorilor", 6},
    {1, "", "", "", "", 7},
    {2, "", "", "", "", 6},
    {3, "", "", "", "", 6},
};

const char* const kPillarCodes[] = {"I", "II", "III", "IV"};
const char* const kPillarTitles[] = {"REDUCEREA CERERII DE DROGURI", "REDUCEREA OFERTEI DE DROGURI", "COORDONARE",
                                     "CERCETARE, EVALUARE ȘI INFORMARE"};

Node Activity(int n, const std::string& code, int line) {
    Node a{.kind = NodeKind::kActivity, .code = code, .source_line = line};
    a.title = std::string(kVerbs[n % 8]) + " (" + code + ")";
    a.results = {"Minimum " + std::to_string(2 + n % 3) + " proiecte locale", "Elevi și părinți informați"};
    a.indicators.push_back({.name = "Număr de proiecte",
                            .target = domain::Target{.value = static_cast<double>(2 + n % 3),
                                                     .comparator = domain::Comparator::kAtLeast,
                                                     .unit = "proiecte locale"}});
    a.indicators.push_back({.name = "Număr de participanți"});
    if (n % 4 == 0) {
        a.indicators.push_back({.name = "Rapoarte anuale",
                                .target = domain::Target{.value = 1, .comparator = domain::Comparator::kEqual,
                                                         .unit = "raport", .per = domain::TargetPer::kYear}});
    }
    a.frequency = domain::Frequency::kAnnual;
    a.deadline = domain::DatePoint{2017 + n % 4, n % 5 == 0 ? 6 : 0, 0};
    a.responsible.push_back({kInstitutions[n % kInstitutionCount], domain::ResponsibilityRole::kLead});
    a.responsible.push_back({kInstitutions[(n + 3) % kInstitutionCount], domain::ResponsibilityRole::kPartner});
    if (n % 3 == 0) {
        a.responsible.push_back({kInstitutions[(n + 5) % kInstitutionCount], domain::ResponsibilityRole::kPartner});
    }
    if (n % 6 == 0) a.budget.push_back({.amount_minor = 1500000 + 100 * n, .currency = "RON", .source = "county"});
    return a;
}

}  // namespace

domain::Plan SampleActionPlan(int activities) {
    domain::Plan plan{.title = kSampleTitle, .kind = domain::PlanKind::kActionPlan, .language = "ro",
                      .jurisdiction = "Județul Cluj", .period_start = 2017, .period_end = 2020,
                      .cadence = domain::Cadence::kAnnual};
    plan.source = {.file = "000_ffec081ef8fe4e47.txt", .sha256 = std::string(64, 'a'), .format = "text"};
    for (int p = 0; p < 4; ++p) plan.nodes.push_back({.kind = NodeKind::kPillar, .code = kPillarCodes[p],
                                                      .title = kPillarTitles[p], .source_line = 4 + p});
    int made = 0, line = 20, round = 0;
    while (made < activities) {
        for (const Section& s : kSections) {
            if (made >= activities) break;
            Node* parent = &plan.nodes[s.pillar];
            if (*s.area_code) {
                std::string area_code = s.area_code, section_code = s.code;
                if (round > 0) area_code += std::to_string(round), section_code += "." + std::to_string(round);
                Node* area = nullptr;
                for (Node& c : parent->children) {
                    if (c.code == area_code) area = &c;
                }
                if (!area) {
                    parent->children.push_back({.kind = NodeKind::kArea, .code = area_code, .title = s.area_title});
                    area = &parent->children.back();
                }
                area->children.push_back({.kind = NodeKind::kSection, .code = section_code, .title = s.title});
                parent = &area->children.back();
            }
            int first = 1;
            for (const Node& c : parent->children) first += c.kind == NodeKind::kActivity;
            for (int i = 0; i < s.activities && made < activities; ++i) {
                std::string code = std::to_string(s.pillar + 1) + "." + std::to_string(first + i);
                if (*s.area_code) code = std::string(s.code) + (round ? "." + std::to_string(round) : "") + "." +
                                         std::to_string(first + i);
                parent->children.push_back(Activity(made, code, line));
                line += 7;
                ++made;
            }
        }
        ++round;
    }
    for (const char* name : kInstitutions) plan.institutions.push_back({.name = name});
    plan.institutions[0].acronym = "CPECA";
    return plan;
}

std::vector<domain::ReportingRound> SampleRounds() {
    return {{.plan_id = 0, .period = "2017", .opens_on = "2018-01-01", .due_on = "2018-01-30"},
            {.plan_id = 0, .period = "2018", .opens_on = "2019-01-01", .due_on = "2019-01-30"}};
}

namespace {

// Activities in document order with their paths (codes of their ancestors).
void CollectActivities(const std::vector<Node>& nodes, const std::string& path,
                       std::vector<std::pair<const Node*, std::string>>& out) {
    for (const Node& n : nodes) {
        if (n.kind == NodeKind::kActivity) out.emplace_back(&n, path);
        CollectActivities(n.children, path.empty() ? n.code : path + "/" + n.code, out);
    }
}

}  // namespace

std::vector<ActivityReports> SampleReports(const domain::Plan& plan) {
    std::vector<ActivityReports> out;
    std::vector<std::pair<const Node*, std::string>> activities;
    CollectActivities(plan.nodes, "", activities);
    for (size_t k = 0; k < activities.size(); ++k) {
        if (k % 3 != 0) continue;
        const Node& a = *activities[k].first;
        std::string lead;
        for (const domain::Responsibility& resp : a.responsible) {
            if (resp.role == domain::ResponsibilityRole::kLead) lead = resp.institution;
        }
        if (lead.empty()) continue;
        ActivityReports r{.activity_code = a.code, .activity_path = activities[k].second};
        domain::ProgressReport report{.period = "2017", .claimed = domain::ClaimedState::kInProgress,
                                      .review = domain::ReviewState::kApproved,
                                      .submitted_at = "2018-01-20T09:00:00Z"};
        report.narrative = "Au fost organizate " + std::to_string(1 + k % 4) + " sesiuni în școlile din județ.";
        report.values = {{0, static_cast<double>(1 + k % 4)}, {1, 120.0 + k}};
        report.evidence = {{.url = "https://example.org/raport-" + std::to_string(k) + ".pdf"}};
        switch (k % 5) {
            case 0: report.claimed = domain::ClaimedState::kCompleted; break;
            case 1: report.submitted_at = "2018-02-15T10:00:00Z"; break;  // late
            case 2: report.review = domain::ReviewState::kReturned; break;
            case 3: report.review = domain::ReviewState::kDraft; report.submitted_at = ""; break;
            default: break;
        }
        r.reports.push_back({report, lead});
        if (k % 2 == 0) {
            domain::ProgressReport second = report;
            second.period = "2018";
            second.claimed = domain::ClaimedState::kInProgress;
            second.review = domain::ReviewState::kApproved;
            second.submitted_at = "2019-01-25T08:00:00Z";
            second.values = {{0, 1.0}};
            r.reports.push_back({second, lead});
        }
        out.push_back(std::move(r));
    }
    return out;
}

domain::Plan SampleServicesPlan() {
    using domain::ServiceLineKind;
    using domain::ServiceState;
    domain::Plan plan{.title = "Planul anual de acțiune privind serviciile sociale administrate și finanțate din "
                               "bugetul Consiliului Județean Cluj în anul 2025",
                      .kind = domain::PlanKind::kAnnualSocialServicesPlan, .language = "ro",
                      .jurisdiction = "Județul Cluj", .period_start = 2025, .period_end = 2025,
                      .adopted_by = "HCJ nr. 102/2025"};
    auto budget = [](int64_t county_lei, int64_t state_lei, int64_t beneficiaries_lei) {
        std::vector<domain::ServiceBudget> b;
        if (county_lei) b.push_back({2025, "county", county_lei * 100, "RON"});
        if (state_lei) b.push_back({2025, "state", state_lei * 100, "RON"});
        if (beneficiaries_lei) b.push_back({2025, "beneficiaries", beneficiaries_lei * 100, "RON"});
        return b;
    };
    plan.services.push_back({.code = "8730 CR-V-I", .name = "Căminul pentru Persoane Vârstnice Gherla",
                             .beneficiaries = "persoane vârstnice", .capacity = domain::Capacity{50},
                             .occupancy = 1.0, .budget = budget(2126000, 0, 1200000)});
    plan.services.push_back({.code = "8790 CR-D-I", .name = "Centrul de Abilitare și Reabilitare Cluj-Napoca",
                             .beneficiaries = "adulți cu dizabilități", .capacity = domain::Capacity{40},
                             .occupancy = 0.95, .budget = budget(3500000, 1100000, 0)});
    plan.services.push_back({.code = "8891 CZ-C-II", .name = "Centrul de zi „Arlechino” Cluj-Napoca",
                             .beneficiaries = "copii", .capacity = domain::Capacity{30, domain::CapacityUnit::kPerDay},
                             .occupancy = 0.8, .budget = budget(900000, 0, 0)});
    plan.services.push_back({.code = "8790 CR-C-I", .name = "Casa de tip familial Dej",
                             .beneficiaries = "copii", .capacity = domain::Capacity{12},
                             .state = ServiceState::kRestructuring, .budget = budget(1450000, 0, 0)});
    plan.services.push_back({.code = "8899 CZ-D-I", .name = "Centrul de zi pentru persoane cu dizabilități Turda",
                             .beneficiaries = "adulți cu dizabilități", .capacity = domain::Capacity{25},
                             .state = ServiceState::kProposed, .budget = budget(780000, 0, 0), .staff = 9,
                             .area_m2 = 240});
    plan.services.push_back({.line = ServiceLineKind::kContracting, .code = "85311000-2",
                             .name = "Servicii de asistență socială cu cazare pentru adulți cu dizabilități",
                             .beneficiaries = "66 de persoane adulte cu dizabilități", .budget = budget(2400000, 0, 0)});
    plan.services.push_back({.line = ServiceLineKind::kInformation,
                             .name = "Publicarea pe pagina de internet a Raportului Anual al activității DGASPC Cluj",
                             .beneficiaries = "public", .schedule = "anual"});
    plan.services.push_back({.line = ServiceLineKind::kInformation,
                             .name = "2 aprilie – Ziua Internațională de Conștientizare a Autismului",
                             .beneficiaries = "public", .schedule = "aprilie 2025"});
    plan.services.push_back({.line = ServiceLineKind::kTraining,
                             .name = "Formare în domeniul prevenirii violenței domestice",
                             .beneficiaries = "personal de specialitate", .schedule = "trimestrul II 2025"});
    return plan;
}

}  // namespace planwatch::reports::testing

namespace planwatch::reports::testing {

const ReportModel& SampleModel() {
    static const ReportModel model = [] {
        domain::Plan plan = SampleActionPlan();
        return *BuildReportModel(plan, SampleReports(plan), SampleRounds(), domain::CivilDate{2019, 3, 1});
    }();
    return model;
}

int Count(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

}  // namespace planwatch::reports::testing
