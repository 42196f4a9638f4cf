// Seed 001: Hotărârea Consiliului Județean Cluj nr. 102/2025 approving the 2025
// annual action plan for social services. Facts read from the document: the
// existing-services table (66 numbered rows, TOTAL 87660 / 63008 thousand lei),
// 15 proposed services, 4 contracting lines with CPV codes, 8 information items,
// 7 training lines.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

#include "seed_helpers.h"

namespace planwatch::seeds {
namespace {

using domain::CapacityUnit;
using domain::ServiceLineKind;
using domain::ServiceState;
using domain::SocialService;

constexpr char kSeed[] = "001_27bf44580f6e2d5d.txt";

class Seed001 : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        plan_ = new domain::Plan(ImportSeed(kSeed));
        if (std::getenv("PW_DUMP") != nullptr) Dump(*plan_);
    }
    static void TearDownTestSuite() { delete plan_; }
    static const domain::Plan& plan() { return *plan_; }
    static domain::Plan* plan_;

    static void Dump(const domain::Plan& p) {
        std::cout << "title: " << p.title << "\nadopted: " << p.adopted_by << "\njurisdiction: " << p.jurisdiction
                  << "\nlanguage: " << p.language << "\n";
        for (const SocialService& s : p.services) {
            std::cout << domain::Name(s.line) << " | " << domain::Name(s.state) << " | " << s.code << " | " << s.name
                      << " | ben=" << s.beneficiaries << " | cap=" << (s.capacity ? s.capacity->value : -1) << " "
                      << (s.capacity ? domain::Name(s.capacity->unit) : "") << " | occ=" << s.occupancy.value_or(-1)
                      << " | staff=" << s.staff.value_or(-1) << " | area=" << s.area_m2.value_or(-1)
                      << " | sched=" << s.schedule << " | line " << s.source_line << " |";
            for (const auto& b : s.budget) std::cout << " " << b.source << ":" << b.amount_minor << b.currency;
            std::cout << "\n";
        }
        for (const auto& w : p.warnings) std::cout << "W " << w.line << " " << w.code << ": " << w.message << "\n";
    }
};
domain::Plan* Seed001::plan_ = nullptr;

std::vector<const SocialService*> Lines(const domain::Plan& plan, ServiceLineKind kind, bool proposed = false) {
    std::vector<const SocialService*> out;
    for (const SocialService& service : plan.services) {
        if (service.line != kind) continue;
        if (kind == ServiceLineKind::kService && (service.state == ServiceState::kProposed) != proposed) continue;
        out.push_back(&service);
    }
    return out;
}

const SocialService* Named(const std::vector<const SocialService*>& services, const std::string& name) {
    for (const SocialService* service : services) {
        if (service->name == name) return service;
    }
    return nullptr;
}

int64_t Budget(const SocialService& service, const std::string& source) {
    int64_t sum = 0;
    for (const domain::ServiceBudget& budget : service.budget) {
        if (budget.source == source) sum += budget.amount_minor;
    }
    return sum;
}

TEST_F(Seed001, PlanHeader) {
    EXPECT_EQ(plan().kind, domain::PlanKind::kAnnualSocialServicesPlan);
    EXPECT_EQ(plan().title,
              "Planul anual de acțiune privind serviciile sociale administrate și finanțate din bugetul Consiliului "
              "Județean Cluj, pentru anul 2025");
    EXPECT_EQ(plan().adopted_by, "Hotărârea nr. 102/2025");
    EXPECT_EQ(plan().jurisdiction, "Județul Cluj");
    EXPECT_EQ(plan().language, "ro");
    EXPECT_EQ(plan().period_start, 2025);
    EXPECT_EQ(plan().period_end, 2025);
}

TEST_F(Seed001, EveryRowOfTheExistingServicesTable) {
    std::vector<const SocialService*> existing = Lines(plan(), ServiceLineKind::kService);
    // 66 numbered rows: 65 services with a nomenclature code and row 66, "Aparatul propriu".
    ASSERT_EQ(existing.size(), 66u);
    EXPECT_EQ(existing.front()->name, "Căminul pentru Persoane Vârstnice Gherla");
    EXPECT_EQ(existing.back()->name, "Aparatul propriu");
    int with_code = 0, restructuring = 0;
    for (const SocialService* service : existing) {
        with_code += !service->code.empty();
        restructuring += service->state == ServiceState::kRestructuring;
    }
    EXPECT_EQ(with_code, 65);
    EXPECT_EQ(restructuring, 2);  // rows 5 and 7: "110* în restructurare", "105* în restructurare"
}

TEST_F(Seed001, NamedRowsWithCodeCapacityOccupancyAndBudget) {
    std::vector<const SocialService*> existing = Lines(plan(), ServiceLineKind::kService);
    const SocialService* gherla = Named(existing, "Căminul pentru Persoane Vârstnice Gherla");
    ASSERT_NE(gherla, nullptr);
    EXPECT_EQ(gherla->code, "8730 CR-V-I");
    ASSERT_TRUE(gherla->capacity);
    EXPECT_EQ(gherla->capacity->value, 50);
    EXPECT_EQ(gherla->capacity->unit, CapacityUnit::kPlaces);
    EXPECT_EQ(gherla->occupancy, 1.0);
    EXPECT_EQ(gherla->beneficiaries, "persoane vârstnice");
    EXPECT_EQ(Budget(*gherla, "county"), 2126000 * 100LL);  // 2126 thousand lei
    EXPECT_EQ(Budget(*gherla, "state"), 1267000 * 100LL);
    EXPECT_EQ(gherla->budget.front().year, 2025);
    EXPECT_EQ(gherla->budget.front().currency, "RON");

    const SocialService* cluj = Named(existing, "Centrul de Îngrijire și Asistență pentru persoane adulte cu "
                                                "dizabilități Cluj-Napoca");
    ASSERT_NE(cluj, nullptr);
    EXPECT_EQ(cluj->code, "8790 CR-D-I");
    EXPECT_EQ(cluj->state, ServiceState::kRestructuring);
    EXPECT_EQ(cluj->capacity->value, 110);

    const SocialService* turda = Named(existing, "Centrul de servicii de recuperare neuromotorie de tip ambulatoriu "
                                                 "pentru persoane adulte cu dizabilități Turda");
    ASSERT_NE(turda, nullptr);
    EXPECT_EQ(turda->code, "8899 CZ-D-II");
    EXPECT_EQ(turda->capacity->value, 8);
    EXPECT_EQ(turda->capacity->unit, CapacityUnit::kPerDay);
    EXPECT_EQ(Budget(*turda, "other"), 40094136);  // "Fonduri PNRR* 400.941,36 lei": written in lei, not thousands

    const SocialService* irina = nullptr;
    for (const SocialService* service : existing) {
        if (service->name.find("Sf. Irina") != std::string::npos) irina = service;
    }
    ASSERT_NE(irina, nullptr);
    EXPECT_EQ(irina->code, "8891 CZ-C-III");  // written "8891 CZ-C III"

    const SocialService* life_skills = nullptr;
    for (const SocialService* service : existing) {
        if (service->code == "8891 CZ-C-VI") life_skills = service;
    }
    ASSERT_NE(life_skills, nullptr);
    EXPECT_EQ(life_skills->capacity->value, 150);
    EXPECT_EQ(life_skills->capacity->unit, CapacityUnit::kPerYear);
    EXPECT_EQ(Budget(*life_skills, "state"), 450000 * 100LL);

    const SocialService* foster = Named(existing, "Rețea de asistenți maternali profesioniști");
    ASSERT_NE(foster, nullptr);
    EXPECT_EQ(foster->code, "8790 SF-C");
    EXPECT_EQ(foster->capacity->value, 94);
    EXPECT_FALSE(foster->occupancy.has_value());
}

TEST_F(Seed001, TotalRowEqualsTheColumnSums) {
    std::vector<const SocialService*> existing = Lines(plan(), ServiceLineKind::kService);
    int64_t county = 0, state = 0;
    for (const SocialService* service : existing) {
        county += Budget(*service, "county");
        state += Budget(*service, "state");
    }
    EXPECT_EQ(county, 87660000LL * 100);  // TOTAL row: 87660 thousand lei
    EXPECT_EQ(state, 63008000LL * 100);   // TOTAL row: 63008 thousand lei
    for (const domain::PlanWarning& warning : plan().warnings) {
        EXPECT_NE(warning.code, "total_mismatch") << warning.message;
    }
    for (const SocialService* service : existing) EXPECT_NE(service->name, "TOTAL");
}

TEST_F(Seed001, ProposedServices) {
    std::vector<const SocialService*> proposed = Lines(plan(), ServiceLineKind::kService, /*proposed=*/true);
    ASSERT_EQ(proposed.size(), 15u);
    const SocialService* respiro = proposed.front();
    EXPECT_EQ(respiro->code, "8899 CZ-PN-VII");
    ASSERT_TRUE(respiro->capacity);
    EXPECT_EQ(respiro->capacity->value, 12);
    EXPECT_EQ(respiro->capacity->unit, CapacityUnit::kPlaces);
    EXPECT_EQ(respiro->area_m2, 421.75);
    EXPECT_EQ(respiro->staff, 29);  // şef de centru (1) + 1+1+1+1+1+4+5+5+4+1+1+2+1
    EXPECT_EQ(Budget(*respiro, "county"), 2813800);  // "28.138 lei conform HG nr. 426/2020"

    const SocialService* salicea =
        Named(proposed, "Locuință minim protejată nr.1 pentru persoane adulte cu dizabilități Sălicea");
    ASSERT_NE(salicea, nullptr);
    EXPECT_EQ(salicea->code, "8790 CR-D-VII");
    EXPECT_EQ(salicea->staff, 37);  // 10+1+1+12+1+1+2+4+3+1+1
    EXPECT_EQ(salicea->area_m2, 240.16);
    EXPECT_EQ(Budget(*salicea, "county"), 4023900);

    const SocialService* support = Named(proposed, "Servicii de asistență și suport");
    ASSERT_NE(support, nullptr);
    EXPECT_EQ(support->capacity->unit, CapacityUnit::kHoursPerWeek);
    EXPECT_EQ(support->capacity->value, 40);

    // "În curs de elaborare" is not a code: warned, code left empty.
    const SocialService* behaviour = Named(proposed, "Centru de zi pentru copii cu tulburări de comportament");
    ASSERT_NE(behaviour, nullptr);
    EXPECT_EQ(behaviour->code, "");
    EXPECT_EQ(behaviour->capacity->unit, CapacityUnit::kPerYear);
}

TEST_F(Seed001, ContractingLinesCarryCpvCodes) {
    std::vector<const SocialService*> contracting = Lines(plan(), ServiceLineKind::kContracting);
    ASSERT_EQ(contracting.size(), 4u);
    EXPECT_EQ(contracting[0]->code, "85311000-2");
    EXPECT_EQ(contracting[1]->code, "85311300-3");
    EXPECT_EQ(contracting[2]->code, "85311200-4");
    EXPECT_EQ(contracting[3]->code, "85312100-0");
    EXPECT_EQ(contracting[0]->name, "Servicii de asistență socială cu cazare pentru copii");
    EXPECT_EQ(Budget(*contracting[0], "county"), 147802751);  // 1.478.027,51 lei, Consiliul Județean Cluj
    EXPECT_EQ(Budget(*contracting[2], "county"), 505429800);  // 5.054.298 lei
    for (const domain::PlanWarning& warning : plan().warnings) EXPECT_NE(warning.code, "cpv_format");
}

TEST_F(Seed001, InformationAndTrainingLines) {
    std::vector<const SocialService*> information = Lines(plan(), ServiceLineKind::kInformation);
    ASSERT_EQ(information.size(), 8u);  // chapter II items 1-8
    EXPECT_EQ(information[2]->name, "Telefonul verde");
    EXPECT_NE(information[1]->schedule.find("2 aprilie"), std::string::npos);
    EXPECT_NE(information[1]->schedule.find("5 decembrie"), std::string::npos);
    EXPECT_NE(information[0]->schedule.find("anual"), std::string::npos);

    std::vector<const SocialService*> training = Lines(plan(), ServiceLineKind::kTraining);
    ASSERT_EQ(training.size(), 7u);  // chapter III tables a), b), c.1.1 (2 rows), c.1.2, c.1.3, d)
    EXPECT_EQ(training[0]->name, "cursuri de perfecționare");
    ASSERT_TRUE(training[0]->capacity);
    EXPECT_EQ(training[0]->capacity->value, 629);
    EXPECT_EQ(Budget(*training[0], "other"), 62900000);  // 629.000 lei
    EXPECT_EQ(training[1]->beneficiaries, "Asistent Maternal Profesionist");
    EXPECT_EQ(Budget(*training[1], "other"), 85000);      // 850 lei
    EXPECT_TRUE(training[6]->budget.empty());             // "NU este nevoie de un buget."
}

TEST_F(Seed001, UncertainDecisionsAreWarnings) {
    bool behaviour_code = false;
    for (const domain::PlanWarning& warning : plan().warnings) {
        if (warning.code == "service_code_invalid" && warning.message.find("În curs de elaborare") != std::string::npos) {
            behaviour_code = true;
            EXPECT_EQ(warning.line, 1375);
        }
    }
    EXPECT_TRUE(behaviour_code);
}

}  // namespace
}  // namespace planwatch::seeds
