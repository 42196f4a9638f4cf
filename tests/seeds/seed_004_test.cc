// Seed 004: profile of DGASPC Cluj. Facts read from the document: the institution
// and its contact, the organisation chart (five numbered parts, their services,
// centres and homes), and the 2018 figures of the services described under
// "PREZENTAREA SERVICIILOR DE SPECIALITATE: INDICATORI".
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

#include "seed_helpers.h"

namespace planwatch::seeds {
namespace {

using domain::Institution;

constexpr char kSeed[] = "004_16958f30d03cf6c0.txt";
constexpr char kDgaspc[] = "Direcția Generală de Asistență Socială și Protecția Copilului Cluj";

class Seed004 : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        plan_ = new domain::Plan(ImportSeed(kSeed));
        if (std::getenv("PW_DUMP") != nullptr) {
            for (const Institution& i : plan_->institutions) {
                std::cout << i.kind << " | " << i.name << " | parent=" << i.parent << " | " << i.acronym << "\n";
                for (const auto& f : i.figures) {
                    std::cout << "    " << f.year << " " << f.value << " " << f.unit << " <- " << f.counted << "\n";
                }
            }
            for (const auto& w : plan_->warnings) std::cout << "W " << w.line << " " << w.code << ": " << w.message << "\n";
        }
    }
    static void TearDownTestSuite() { delete plan_; }
    static const domain::Plan& plan() { return *plan_; }
    static domain::Plan* plan_;
};
domain::Plan* Seed004::plan_ = nullptr;

bool HasFigure(const Institution& unit, int year, double value, const std::string& what) {
    for (const domain::UnitFigure& figure : unit.figures) {
        if (figure.year == year && figure.value == value && figure.unit == what) return true;
    }
    return false;
}

int ChildrenOf(const domain::Plan& plan, const std::string& parent) {
    int count = 0;
    for (const Institution& institution : plan.institutions) count += institution.parent == parent;
    return count;
}

TEST_F(Seed004, TheInstitutionWithItsContact) {
    EXPECT_EQ(plan().kind, domain::PlanKind::kOrganisationProfile);
    EXPECT_EQ(plan().language, "ro");
    ASSERT_FALSE(plan().institutions.empty());
    const Institution& dgaspc = plan().institutions.front();
    EXPECT_EQ(dgaspc.name, kDgaspc);
    EXPECT_EQ(dgaspc.acronym, "DGASPC");
    EXPECT_EQ(dgaspc.kind, "directorate");
    EXPECT_EQ(dgaspc.parent, "");
    EXPECT_EQ(dgaspc.contact,
              "Cluj Napoca, str. General Eremia Grigorescu, nr. 37-39\n"
              "Tel: 0264 420146; 0264 420147; Fax: 0264 420602; e-mail: dgaspc_cluj@yahoo.com\n"
              "www.dgaspc-cluj.ro");
    EXPECT_EQ(plan().title, kDgaspc);
}

TEST_F(Seed004, TheFiveNumberedPartsOfTheChart) {
    std::vector<std::string> parts;
    for (const Institution& institution : plan().institutions) {
        if (institution.parent == kDgaspc) parts.push_back(institution.name);
    }
    EXPECT_EQ(parts, (std::vector<std::string>{"Aparatul de specialitate al direcției",
                                               "Direcția generală protecție socială",
                                               "Direcția protecția persoanelor adulte",
                                               "Direcția protecția drepturilor copilului",
                                               "Direcția generală economică și administrativă"}));
    // Bullets under each part, as listed (a unit listed twice is kept once).
    EXPECT_EQ(ChildrenOf(plan(), "Aparatul de specialitate al direcției"), 3);
    EXPECT_EQ(ChildrenOf(plan(), "Direcția protecția persoanelor adulte"), 15);
    EXPECT_EQ(ChildrenOf(plan(), "Direcția generală economică și administrativă"), 4);
    // DGASPC + 5 parts + 3 + 10 + 15 + 44 + 4 units under them (part 4: 35 bullets, 2 listed twice, 3 complexes
    // with 2 centres each, "Centrul Județean de Intervenție … - Adăpostul …", the "Complex Comunitar …" that six
    // bullets name, 3 centres of "Centrul Comunitar Județean – …") + 1 service met only in the indicators part.
    EXPECT_EQ(plan().institutions.size(), 83u);
}

TEST_F(Seed004, UnitsWithTheirParents) {
    const Institution* adoption = FindInstitution(plan(), "Serviciul adopții și postadopții");
    ASSERT_NE(adoption, nullptr);
    EXPECT_EQ(adoption->parent, "Aparatul de specialitate al direcției");
    EXPECT_EQ(adoption->kind, "service");

    const Institution* jucu = FindInstitution(plan(), "Centrul de abilitare și reabilitare neuropsihiatrică Jucu");
    ASSERT_NE(jucu, nullptr);
    EXPECT_EQ(jucu->parent, "Direcția protecția persoanelor adulte");
    EXPECT_EQ(jucu->kind, "centre");

    // "Centrul de Reabilitare Socială … Repatrieri:" holds the two trafficking centres below it.
    const Institution* shelter = FindInstitution(plan(), "Centru de asistență și protecție a victimelor traficului de persoane");
    ASSERT_NE(shelter, nullptr);
    EXPECT_EQ(shelter->parent.rfind("Centrul de Reabilitare Socială și Primire în Regim de Urgență", 0), 0u);

    // "Complex de Servicii … nr. 2 Cluj Napoca: Centrul de tip rezidențial și Centru de zi"
    const Institution* day = FindInstitution(plan(), "Complex de Servicii destinat protecției copilului nr. 2 Cluj Napoca "
                                                     "\u2013 Centru de zi");
    ASSERT_NE(day, nullptr);
    EXPECT_EQ(day->parent, "Complex de Servicii destinat protecției copilului nr. 2 Cluj Napoca");

    const Institution* huedin = FindInstitution(plan(), "Casa de tip Familial “Anna” Huedin");
    ASSERT_NE(huedin, nullptr);
    EXPECT_EQ(huedin->parent, "Direcția protecția drepturilor copilului");
}

TEST_F(Seed004, YearlyFiguresPerUnit) {
    const Institution* adoption = FindInstitution(plan(), "Serviciul adopții și postadopții");
    ASSERT_NE(adoption, nullptr);
    // "Pe parcursul anului 2018, Serviciul a acordat 51 de atestate …, … pentru 27 de copii și a monitorizat 111 copii"
    EXPECT_TRUE(HasFigure(*adoption, 2018, 51, "atestate"));
    EXPECT_TRUE(HasFigure(*adoption, 2018, 27, "copii"));
    EXPECT_TRUE(HasFigure(*adoption, 2018, 111, "copii"));
    EXPECT_EQ(adoption->figures.size(), 3u);

    const Institution* benefits = FindInstitution(plan(), "Serviciul Prevenire Marginalizare Socială și Integrare "
                                                          "Socio-Profesională, Evidență Prestații Sociale, "
                                                          "Compartiment Incluziune Socială");
    ASSERT_NE(benefits, nullptr);
    EXPECT_TRUE(HasFigure(*benefits, 2018, 27136, "beneficiari"));
    EXPECT_TRUE(HasFigure(*benefits, 2018, 4221, "cazuri"));

    const Institution* residential = FindInstitution(
        plan(), "Serviciul management de caz protecție specială copii în servicii de tip rezidențial");
    ASSERT_NE(residential, nullptr);
    EXPECT_TRUE(HasFigure(*residential, 2018, 215, "copii"));
    EXPECT_TRUE(HasFigure(*residential, 2018, 2, "centre"));  // "două Centre Maternale": a number word
    EXPECT_TRUE(HasFigure(*residential, 2018, 4, "mame"));    // "Mame minore - 4"

    // A year-like count is a count: "1904 copii încadrați în grad de handicap".
    const Institution* children = FindInstitution(plan(), "Serviciul de evaluare complexă a copilului");
    ASSERT_NE(children, nullptr);
    EXPECT_TRUE(HasFigure(*children, 2018, 1904, "copii"));
}

TEST_F(Seed004, UncertainDecisionsAreWarnings) {
    bool not_in_chart = false;
    for (const domain::PlanWarning& warning : plan().warnings) {
        if (warning.code == "unit_not_in_chart") {
            not_in_chart = true;
            EXPECT_EQ(warning.line, 244);
        }
    }
    EXPECT_TRUE(not_in_chart);  // "6. SERVICIULUI DE CONSILIERE PENTRU COPILUL ABUZAT …" is not in the chart
}

}  // namespace
}  // namespace planwatch::seeds
