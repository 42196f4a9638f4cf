#include <gtest/gtest.h>

#include "import/recognise/action_plan_internal.h"

namespace planwatch::import::recognise::internal {
namespace {

TEST(InstitutionResolver, SpellingVariantsBecomeTheMostUsedOne) {
    std::vector<domain::Institution> known;
    InstitutionResolver resolver(known, {});
    resolver.See("ISJ Cluj", 10);
    resolver.See("IȘJ Cluj", 20);
    resolver.See("IŞJ Cluj", 30);
    resolver.See("ISJ Cluj", 40);
    resolver.See("CPECA Cluj", 10);
    resolver.See("CPECA CLUJ", 15);
    resolver.See("CPECA Cluj", 20);
    resolver.See("IPJ Cluj", 10);  // one letter from ISJ, another body
    std::vector<domain::PlanWarning> warnings;
    resolver.Resolve(warnings);

    EXPECT_EQ(resolver.Canonical("IȘJ Cluj"), "ISJ Cluj");
    EXPECT_EQ(resolver.Canonical("IŞJ Cluj"), "ISJ Cluj");
    EXPECT_EQ(resolver.Canonical("CPECA CLUJ"), "CPECA Cluj");
    EXPECT_EQ(resolver.Canonical("IPJ Cluj"), "IPJ Cluj");
    std::vector<domain::Institution> institutions = resolver.Institutions();
    ASSERT_EQ(institutions.size(), 3u);
    EXPECT_EQ(institutions[0].name, "ISJ Cluj");
    EXPECT_EQ(institutions[0].aliases, (std::vector<std::string>{"IȘJ Cluj"}));  // ş is normalised to ș
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_EQ(warnings[0].message, "“IȘJ Cluj” read as “ISJ Cluj”");
    EXPECT_EQ(warnings[0].line, 20);
    EXPECT_EQ(warnings[0].code, "institution_alias");
}

TEST(InstitutionResolver, LongNamesOneLetterApartAreOne) {
    std::vector<domain::Institution> known;
    InstitutionResolver resolver(known, {});
    resolver.See("Asociatia Caritas Eparhial Greco Catolic", 1);
    resolver.See("Asociaţia Caritas Eparhial Greco-Catolic", 2);
    resolver.See("Asociatia Caritas Eparhial Greco Catolik", 3);
    resolver.See("Școala Gimnazială nr. 1", 4);
    resolver.See("Școala Gimnazială nr. 2", 5);
    std::vector<domain::PlanWarning> warnings;
    resolver.Resolve(warnings);
    EXPECT_EQ(resolver.Institutions().size(), 3u);
    EXPECT_EQ(resolver.Canonical("Asociatia Caritas Eparhial Greco Catolik"), "Asociatia Caritas Eparhial Greco Catolic");
    EXPECT_EQ(resolver.Canonical("Școala Gimnazială nr. 2"), "Școala Gimnazială nr. 2");
}

TEST(InstitutionResolver, ExpandsTheDocumentsAcronyms) {
    std::vector<domain::Institution> known;
    InstitutionResolver resolver(known, {{"NIJZ", "Nacionalni inštitut za javno zdravje"},
                                         {"MF", "Ministrstvo za finance"}});
    resolver.See("NIJZ", 1);
    resolver.See("Nacionalni inštitut za javno zdravje", 2);
    resolver.See("MF (carina)", 3);
    std::vector<domain::PlanWarning> warnings;
    resolver.Resolve(warnings);
    EXPECT_EQ(resolver.Canonical("NIJZ"), "Nacionalni inštitut za javno zdravje");
    EXPECT_EQ(resolver.Canonical("MF (carina)"), "Ministrstvo za finance (carina)");
    std::vector<domain::Institution> institutions = resolver.Institutions();
    ASSERT_EQ(institutions.size(), 2u);
    EXPECT_EQ(institutions[0].acronym, "NIJZ");
    EXPECT_TRUE(institutions[0].aliases.empty());
    EXPECT_TRUE(warnings.empty());
}

TEST(InstitutionResolver, KnownInstitutionsWin) {
    std::vector<domain::Institution> known(1);
    known[0].id = 7;
    known[0].name = "Inspectoratul Școlar Județean Cluj";
    known[0].acronym = "ISJ Cluj";
    InstitutionResolver resolver(known, {});
    resolver.See("IȘJ Cluj", 3);
    std::vector<domain::PlanWarning> warnings;
    resolver.Resolve(warnings);
    EXPECT_EQ(resolver.Canonical("IȘJ Cluj"), "Inspectoratul Școlar Județean Cluj");
    std::vector<domain::Institution> institutions = resolver.Institutions();
    ASSERT_EQ(institutions.size(), 1u);
    EXPECT_EQ(institutions[0].id, 7);
    EXPECT_EQ(institutions[0].aliases, (std::vector<std::string>{"IȘJ Cluj"}));
}

TEST(ActivityCells, ResultsSplitPerLineAndJoinSoftWraps) {
    EXPECT_EQ(SplitLines("Un proiect de formare,  polițiști\nPersonalul didactic format"),
              (std::vector<std::string>{"Un proiect de formare, polițiști", "Personalul didactic format"}));
    EXPECT_EQ(SplitLines("Minimum o \ncampanie \nlocală"), (std::vector<std::string>{"Minimum o campanie locală"}));
    EXPECT_EQ(SplitLines("Număr sesiuni/\nîntâlniri"), (std::vector<std::string>{"Număr sesiuni/întâlniri"}));
}

TEST(ActivityCells, IndicatorsSplitAtLinesAndCapitalisedListItems) {
    EXPECT_EQ(SplitListItems("Număr de participanți,\n\nNumăr de materiale informative realizate"),
              (std::vector<std::string>{"Număr de participanți", "Număr de materiale informative realizate"}));
    EXPECT_EQ(SplitListItems("Aria de acoperire, Număr de parteneriate"),
              (std::vector<std::string>{"Aria de acoperire", "Număr de parteneriate"}));
    EXPECT_EQ(SplitListItems("Număr de copii, tineri și părinți"),
              (std::vector<std::string>{"Număr de copii, tineri și părinți"}));
}

}  // namespace
}  // namespace planwatch::import::recognise::internal
