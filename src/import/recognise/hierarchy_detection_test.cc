#include <gtest/gtest.h>

#include "import/recognise/action_plan_internal.h"

namespace planwatch::import::recognise::internal {
namespace {

using domain::NodeKind;

void ExpectHeading(std::string_view text, NodeKind kind, std::string_view code, std::string_view title) {
    std::optional<Heading> heading = ClassifyHeading(text, Glossary::Default());
    ASSERT_TRUE(heading.has_value()) << text;
    EXPECT_EQ(heading->kind, kind) << text;
    EXPECT_EQ(heading->code, code) << text;
    EXPECT_EQ(heading->title, title) << text;
}

TEST(ClassifyHeading, ReadsNumberingShapes) {
    ExpectHeading("I. REDUCEREA CERERII DE DROGURI", NodeKind::kPillar, "I", "REDUCEREA CERERII DE DROGURI");
    ExpectHeading("IV. CERCETARE, EVALUARE SI INFORMARE", NodeKind::kPillar, "IV", "CERCETARE, EVALUARE SI INFORMARE");
    ExpectHeading("A. Prevenirea consumului de droguri", NodeKind::kArea, "A", "Prevenirea consumului de droguri");
    ExpectHeading("A.1 Prevenirea în şcoală", NodeKind::kSection, "A.1", "Prevenirea în școală");
    ExpectHeading("A.2. Prevenirea în familie", NodeKind::kSection, "A.2", "Prevenirea în familie");
}

TEST(ClassifyHeading, ReadsGlossaryKeywordsInEveryLanguage) {
    ExpectHeading("OBIECTIV GENERAL I: Creşterea capacităţii serviciului public", NodeKind::kGeneralObjective, "I",
                  "Creșterea capacității serviciului public");
    ExpectHeading("Poglavje iz strategije: Zakonodaja ", NodeKind::kPillar, "", "Zakonodaja");
    ExpectHeading("Obiectiv: Reducerea ofertei de droguri", NodeKind::kGeneralObjective, "", "Reducerea ofertei de droguri");
    ExpectHeading("CAPITOLUL 2 Servicii sociale", NodeKind::kPillar, "2", "Servicii sociale");
    ExpectHeading("Obiettivo generale 3 - Inclusione sociale", NodeKind::kGeneralObjective, "3", "Inclusione sociale");
}

TEST(ClassifyHeading, LeavesProseAndCodesAlone) {
    const Glossary& glossary = Glossary::Default();
    EXPECT_FALSE(ClassifyHeading("Obiectivul general al strategiei este reducerea cererii", glossary));
    EXPECT_FALSE(ClassifyHeading("A.E.S.A., ISJ Cluj", glossary));
    EXPECT_FALSE(ClassifyHeading("PLANUL DE ACŢIUNE", glossary));
    EXPECT_FALSE(ClassifyHeading("Uvod", glossary));
    EXPECT_FALSE(ClassifyHeading("I. se", glossary));
}

TEST(SplitLeadingCode, ReadsDottedActivityNumbers) {
    EXPECT_EQ(SplitLeadingCode("1.1.Implementarea de proiecte").code, "1.1");
    EXPECT_EQ(SplitLeadingCode("1.1.Implementarea de proiecte").rest, "Implementarea de proiecte");
    EXPECT_EQ(SplitLeadingCode("1.2. Organizarea").code, "1.2");
    EXPECT_EQ(SplitLeadingCode("1.1 Colectarea").code, "1.1");
    EXPECT_EQ(SplitLeadingCode("1.Creşterea").code, "1");
    EXPECT_EQ(SplitLeadingCode("2. Instituirea").rest, "Instituirea");
}

TEST(SplitLeadingCode, NumbersThatAreNotCodes) {
    EXPECT_EQ(SplitLeadingCode("1 proiect local").code, "");
    EXPECT_EQ(SplitLeadingCode("2020").code, "");
    EXPECT_EQ(SplitLeadingCode("1.478.027,51 lei").code, "");
    EXPECT_EQ(SplitLeadingCode("Minimum 2 proiecte").code, "");
}

TEST(HierarchyBuilder, NestsByRankAndClosesLowerLevels) {
    std::vector<domain::Node> roots;
    HierarchyBuilder builder(roots);
    builder.Open(NodeKind::kPillar, "I", "Pillar one", 1);
    builder.Open(NodeKind::kGeneralObjective, "", "Objective of pillar one", 2);
    builder.Open(NodeKind::kArea, "A", "Area A", 3);  // closes the objective
    builder.Open(NodeKind::kSection, "A.1", "Section", 4);
    domain::Node activity;
    activity.title = "Do it";
    builder.AddActivity(activity);
    builder.Open(NodeKind::kPillar, "II", "Pillar two", 9);
    builder.AddActivity(activity);

    ASSERT_EQ(roots.size(), 2u);
    ASSERT_EQ(roots[0].children.size(), 2u);
    EXPECT_EQ(roots[0].children[0].kind, NodeKind::kGeneralObjective);
    EXPECT_EQ(roots[0].children[1].code, "A");
    EXPECT_EQ(roots[0].children[1].children[0].children[0].title, "Do it");
    EXPECT_EQ(roots[1].children.size(), 1u);
}

}  // namespace
}  // namespace planwatch::import::recognise::internal
