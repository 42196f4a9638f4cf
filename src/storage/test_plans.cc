#include "storage/test_plans.h"

#include <functional>

namespace planwatch::storage::testing {
namespace {

using domain::Node;
using domain::NodeKind;

const char* const kInstitutions[] = {
    "Consiliul Județean Cluj", "Direcția Generală de Asistență Socială și Protecția Copilului Cluj",
    "Inspectoratul Școlar Județean Cluj", "Serviciul de evaluare complexă", "Asociația „Împreună pentru țară”"};

domain::Plan BasePlan(const std::string& tag) {
    domain::Plan plan;
    plan.version = 1;
    plan.title = "PLANUL DE ACŢIUNE pentru implementarea Strategiei judeţene " + tag + " (ș ț ă î â ş)";
    plan.kind = domain::PlanKind::kActionPlan;
    plan.language = "ro";
    plan.jurisdiction = "Județul Cluj";
    plan.period_start = 2021;
    plan.period_end = 2027;
    plan.cadence = domain::Cadence::kSemester;
    plan.adopted_by = "HCJ nr. 102/2025";
    plan.source = {"plan_" + tag + ".docx", std::string(64 - tag.size(), '0') + tag, "docx"};
    for (int i = 0; i < 5; ++i) {
        domain::Institution institution;
        institution.name = kInstitutions[i];
        institution.kind = i == 0 ? "county_council" : i == 2 ? "school_inspectorate" : i == 4 ? "ngo" : "directorate";
        if (i == 1) {
            institution.acronym = "DGASPC Cluj";
            institution.aliases = {"D.G.A.S.P.C. Cluj", "DGASPC Cluj-Napoca"};
            institution.contact = "Str. Piezișă nr. 1, Cluj-Napoca; 0264 420 520";
        }
        if (i == 2) {
            institution.acronym = "ISJ Cluj";
            institution.aliases = {"IŞJ Cluj"};  // cedilla, as old documents write it
        }
        if (i == 3) {
            institution.kind = "unit";
            institution.parent = kInstitutions[1];
            institution.figures = {{2023, 1245, "beneficiari", "beneficiari asistați"},
                                   {2024, 0.1 + 0.2, "dosare", "dosare evaluate (ş)"}};
        }
        plan.institutions.push_back(institution);
    }
    plan.services = {
        {.code = "8790 CR-C-I",
         .name = "Centrul de recuperare „Speranța”",
         .beneficiaries = "copii cu dizabilități",
         .provider = "DGASPC Cluj",
         .locality = "Câmpia Turzii",
         .capacity = domain::Capacity{12, domain::CapacityUnit::kPlaces},
         .occupancy = 11.0 / 12.0,
         .budget = {{2025, "county", 212600000, "RON"}, {2025, "state", 1478027, "RON"}},
         .source_line = 41},
        {.line = domain::ServiceLineKind::kService,
         .code = "8899 SIC-I",
         .name = "Serviciu de informare",
         .capacity = domain::Capacity{1.0 / 3.0, domain::CapacityUnit::kHoursPerWeek},
         .state = domain::ServiceState::kProposed,
         .staff = 4,
         .area_m2 = 73.25,
         .source_line = 58},
        {.line = domain::ServiceLineKind::kTraining,
         .name = "Instruire personal",
         .schedule = "trimestrial, ş",
         .source_line = 77},
    };
    plan.warnings = {{12, "cell could not be assigned to a column", "unassigned_cell"},
                     {27, "“IŞJ Cluj” read as “ISJ Cluj”", "institution_alias"}};
    return plan;
}

Node MakeActivity(int number, const std::string& code) {
    Node activity;
    activity.kind = NodeKind::kActivity;
    activity.code = code;
    activity.title = "Activitatea " + std::to_string(number) + ": campanii de informare în școli și țară";
    activity.source_line = 100 + number * 7;
    activity.results = {"Rezultat " + std::to_string(number), "Elevi informați (ş)"};
    activity.indicators.push_back(
        {"Număr de proiecte locale",
         domain::Target{2, domain::Comparator::kAtLeast, "proiecte locale", domain::TargetPer::kYear}, std::nullopt});
    activity.indicators.push_back({"Procent de acoperire",
                                   domain::Target{number * 0.1, domain::Comparator::kAtMost, "%", std::nullopt, true},
                                   1.0 / 7.0});
    activity.indicators.push_back({"Indicator fără țintă", std::nullopt, std::nullopt});
    activity.frequency = number % 3 == 0 ? std::optional(domain::Frequency::kAnnual) : std::nullopt;
    if (number % 4 == 1) activity.start = domain::DatePoint{2021, 9, 0};
    activity.deadline = domain::DatePoint{2021 + number % 7, number % 13, number % 13 ? number % 28 : 0};
    activity.periods = {"2021-1", "2022-2"};
    activity.responsible = {{kInstitutions[number % 4 == 0 ? 2 : 1], domain::ResponsibilityRole::kLead},
                            {kInstitutions[4], domain::ResponsibilityRole::kPartner},
                            {kInstitutions[3], domain::ResponsibilityRole::kPartner}};
    activity.budget = {{147802751 + number, "RON", "county", 2022},
                       {5000, "EUR", "Ministerul Sănătății", std::nullopt}};
    activity.deadline_text = number % 5 == 0 ? "permanent, începând cu 2022" : "";
    return activity;
}

}  // namespace

domain::Plan MakeRichPlan(int activities, const std::string& tag) {
    domain::Plan plan = BasePlan(tag);
    Node pillar{.kind = NodeKind::kPillar, .code = "I", .title = "Pilonul I: Prevenire", .source_line = 20};
    int made = 0;
    for (int area_index = 0; area_index < 2; ++area_index) {
        std::string letter(1, static_cast<char>('A' + area_index));
        Node area{.kind = NodeKind::kArea,
                  .code = letter,
                  .title = "Domeniul " + letter + ": Sănătate",
                  .source_line = 21 + area_index};
        Node section{.kind = NodeKind::kSection, .code = "", .title = "Secțiunea școli", .source_line = 22};
        Node general{.kind = NodeKind::kGeneralObjective,
                     .code = letter + ".1",
                     .title = "Obiectiv general: reducerea consumului",
                     .source_line = 23};
        for (int specific_index = 0; specific_index < 2; ++specific_index) {
            std::string specific_code = letter + ".1." + std::to_string(specific_index + 1);
            Node specific{.kind = NodeKind::kSpecificObjective,
                          .code = specific_code,
                          .title = "Obiectiv specific " + specific_code,
                          .source_line = 24};
            int slot = area_index * 2 + specific_index;
            int count = activities / 4 + (slot < activities % 4 ? 1 : 0);
            for (int i = 0; i < count; ++i) {
                ++made;
                specific.children.push_back(MakeActivity(made, specific_code + "." + std::to_string(i + 1)));
            }
            general.children.push_back(std::move(specific));
        }
        section.children.push_back(std::move(general));
        area.children.push_back(std::move(section));
        pillar.children.push_back(std::move(area));
    }
    plan.nodes.push_back(std::move(pillar));
    return plan;
}

void CopyStoreIds(const domain::Plan& loaded, domain::Plan& expected) {
    expected.id = loaded.id;
    expected.version = loaded.version;
    for (size_t i = 0; i < expected.institutions.size() && i < loaded.institutions.size(); ++i) {
        expected.institutions[i].id = loaded.institutions[i].id;
    }
    for (size_t i = 0; i < expected.services.size() && i < loaded.services.size(); ++i) {
        expected.services[i].id = loaded.services[i].id;
    }
    std::function<void(const std::vector<Node>&, std::vector<Node>&)> copy = [&](const std::vector<Node>& from,
                                                                                 std::vector<Node>& to) {
        for (size_t i = 0; i < to.size() && i < from.size(); ++i) {
            to[i].id = from[i].id;
            copy(from[i].children, to[i].children);
        }
    };
    copy(loaded.nodes, expected.nodes);
}

}  // namespace planwatch::storage::testing
