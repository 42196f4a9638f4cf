#include <gtest/gtest.h>

#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise {
namespace {

using domain::Comparator;
using domain::TargetPer;

constexpr Comparator kGe = Comparator::kAtLeast;
constexpr Comparator kEq = Comparator::kEqual;
constexpr Comparator kLe = Comparator::kAtMost;

struct TargetCase {
    const char* text;
    const char* lang;
    double value;
    Comparator comparator;
    const char* unit;
    std::optional<TargetPer> per;
    bool percent;
};

// Result and indicator texts from the seeds, and the same shapes in en/it/es.
const TargetCase kTargets[] = {
    // ro (seeds 000, 003)
    {"Minimum 2 proiecte locale", "auto", 2, kGe, "proiecte locale", std::nullopt, false},
    {"Minimum o campanie locală", "auto", 1, kGe, "campanie locală", std::nullopt, false},
    {"Minimum o \ncampanie \nlocală", "ro", 1, kGe, "campanie locală", std::nullopt, false},
    {"Un proiect de formare\nPersonalul didactic format", "ro", 1, kEq, "proiect", std::nullopt, false},
    {"2 proiecte\nPersonalul didactic format", "ro", 2, kEq, "proiecte", std::nullopt, false},
    {"Un seminar", "auto", 1, kEq, "seminar", std::nullopt, false},
    {"1 raport anual", "auto", 1, kEq, "raport", TargetPer::kYear, false},
    {"Cel puțin 3 persoane responsabile la nivel de serviciu public", "auto", 3, kGe, "persoane responsabile",
     std::nullopt, false},
    {"Cel putin 3 persoane", "ro", 3, kGe, "persoane", std::nullopt, false},
    {"4 întâlniri organizate", "auto", 4, kEq, "întâlniri organizate", std::nullopt, false},
    {"10 angajați", "auto", 10, kEq, "angajați", std::nullopt, false},
    {"În fiecare an 1 proiect", "auto", 1, kEq, "proiect", TargetPer::kYear, false},
    {"Minimum 20 de beneficiari", "auto", 20, kGe, "beneficiari", std::nullopt, false},
    {"Un proiect de formare,  polițiști", "ro", 1, kEq, "proiect", std::nullopt, false},
    {"10 indicatori identificați", "ro", 10, kEq, "indicatori identificați", std::nullopt, false},
    {"Minimum 1 proiect local de prevenire bazate pe principiile educației", "ro", 1, kGe, "proiect local",
     std::nullopt, false},
    {"În fiecare an școlar 3 proiecte locale de informare", "ro", 3, kEq, "proiecte locale", TargetPer::kYear, false},
    {"O rețea de specialiști funcţională", "ro", 1, kEq, "rețea", std::nullopt, false},
    {"Peste 100 de participanți", "ro", 100, kGe, "participanți", std::nullopt, false},
    {"Maxim 5 zile", "ro", 5, kLe, "zile", std::nullopt, false},
    {"46 copii cu măsură de protecţie plasaţi în case de tip familial", "ro", 46, kEq, "copii", std::nullopt, false},
    {"1.000 de pliante distribuite", "ro", 1000, kEq, "pliante distribuite", std::nullopt, false},
    {"2,5% din buget", "ro", 2.5, kEq, "%", std::nullopt, true},
    {"Două campanii pe an", "ro", 2, kEq, "campanii", TargetPer::kYear, false},
    {"1 metodologie aprobată de directorul executiv", "ro", 1, kEq, "metodologie aprobată", std::nullopt, false},
    // sl (seed 002)
    {"Najmanj dva sestanka letno", "auto", 2, kGe, "sestanka", TargetPer::kYear, false},
    {"Vsaj 3 usposabljanja na leto", "sl", 3, kGe, "usposabljanja", TargetPer::kYear, false},
    {"Širitev mreže za 4 programe", "sl", 4, kEq, "programe", std::nullopt, false},
    {"Največ 10 udeležencev", "sl", 10, kLe, "udeležencev", std::nullopt, false},
    {"Dve delavnici", "sl", 2, kEq, "delavnici", std::nullopt, false},
    // en
    {"at least 5 workshops", "auto", 5, kGe, "workshops", std::nullopt, false},
    {"At least five workshops per year", "en", 5, kGe, "workshops", TargetPer::kYear, false},
    {"100% of schools", "auto", 100, kEq, "%", std::nullopt, true},
    {"No less than 12 training sessions", "en", 12, kGe, "training sessions", std::nullopt, false},
    {"Up to 3 pilot sites", "en", 3, kLe, "pilot sites", std::nullopt, false},
    {"≥ 80% satisfaction", "en", 80, kGe, "%", std::nullopt, true},
    {"2 reports each year", "en", 2, kEq, "reports", TargetPer::kYear, false},
    {"10-15 participants", "en", 10, kGe, "participants", std::nullopt, false},
    // it
    {"almeno il 50%", "auto", 50, kGe, "%", std::nullopt, true},
    {"riduzione del 10%", "auto", 10, kEq, "%", std::nullopt, true},
    {"Almeno 3 incontri all'anno", "it", 3, kGe, "incontri", TargetPer::kYear, false},
    {"Non meno di 200 utenti", "it", 200, kGe, "utenti", std::nullopt, false},
    {"Una riduzione del 15 per cento", "it", 15, kEq, "%", std::nullopt, true},
    // es
    {"Al menos 4 talleres", "es", 4, kGe, "talleres", std::nullopt, false},
    {"Como mínimo 30 personas al año", "es", 30, kGe, "personas", TargetPer::kYear, false},
    {"Hasta 2 campañas", "es", 2, kLe, "campañas", std::nullopt, false},
    {"Tres jornadas", "es", 3, kEq, "jornadas", std::nullopt, false},
    {"el 25 % de los centros", "es", 25, kEq, "%", std::nullopt, true},
};

TEST(TargetParsingTest, ParsesTargetsInFiveLanguages) {
    const Glossary& glossary = Glossary::Default();
    for (const TargetCase& c : kTargets) {
        std::optional<domain::Target> target = ParseTarget(c.text, glossary, c.lang);
        ASSERT_TRUE(target.has_value()) << c.text;
        EXPECT_DOUBLE_EQ(target->value, c.value) << c.text;
        EXPECT_EQ(target->comparator, c.comparator) << c.text;
        EXPECT_EQ(target->unit, c.unit) << c.text;
        EXPECT_EQ(target->per, c.per) << c.text;
        EXPECT_EQ(target->percent, c.percent) << c.text;
    }
}

TEST(TargetParsingTest, TextsWithoutAPromisedNumberAreNotTargets) {
    const Glossary& glossary = Glossary::Default();
    for (const char* text : {
             "Număr de participanţi",
             "Număr de participanţi la formare",
             "2020",
             "Anual (2017, 2018, 2019)",
             "31.12.2020",
             "1.2.",
             "1.2. Organizarea la nivel local a unor seminarii",
             "Legea 272/2004",
             "conform HG 867/2015",
             "Legea nr. 292/2011 a asistenţei sociale",
             "art. 5 alin. (3)",
             "până în 2020",
             "Rapoarte anuale de evaluare",
             "Personalul didactic format în domeniul adicțiilor",
             "Number of participants",
             "Numero di partecipanti",
             "Število usposabljanj",
             "",
             "   ",
         }) {
        EXPECT_EQ(ParseTarget(text, glossary, "auto"), std::nullopt) << text;
    }
}

TEST(TargetParsingTest, LanguageLimitsNumberWords) {
    const Glossary& glossary = Glossary::Default();
    // "en" is Slovenian for one; in an English text it is no number.
    EXPECT_TRUE(ParseTarget("En sestanek", glossary, "sl").has_value());
    EXPECT_EQ(ParseTarget("En sestanek", glossary, "en"), std::nullopt);
}

TEST(TargetParsingTest, DigitBeatsAnArticleLikeOne) {
    std::optional<domain::Target> target = ParseTarget("Un număr de 25 voluntari", Glossary::Default(), "ro");
    ASSERT_TRUE(target.has_value());
    EXPECT_EQ(target->value, 25);
    EXPECT_EQ(target->unit, "voluntari");
}

}  // namespace
}  // namespace planwatch::import::recognise
