#include "import/recognise/nomenclature.h"

#include <gtest/gtest.h>

#include "import/recognise/registry_words.h"

namespace planwatch::import::recognise {
namespace {

TEST(NormaliseServiceCode, WritesTheCanonicalForm) {
    EXPECT_EQ(NormaliseServiceCode("8790 CR-C-I"), "8790 CR-C-I");
    EXPECT_EQ(NormaliseServiceCode("8790CR-C-I"), "8790 CR-C-I");
    EXPECT_EQ(NormaliseServiceCode("8891 CZ-C III"), "8891 CZ-C-III");
    EXPECT_EQ(NormaliseServiceCode(" 8790 CR-D-VII \n"), "8790 CR-D-VII");
    EXPECT_EQ(NormaliseServiceCode("8790 SF-C"), "8790 SF-C");
    EXPECT_EQ(NormaliseServiceCode("8790 CR-VTP-I"), "8790 CR-VTP-I");
}

TEST(NormaliseServiceCode, RejectsWhatIsNotACode) {
    EXPECT_EQ(NormaliseServiceCode("În curs de elaborare"), std::nullopt);
    EXPECT_EQ(NormaliseServiceCode("87901 CR-C-I"), std::nullopt);
    EXPECT_EQ(NormaliseServiceCode("8790 C-C-I"), std::nullopt);
    EXPECT_EQ(NormaliseServiceCode("2126"), std::nullopt);
    EXPECT_EQ(NormaliseServiceCode(""), std::nullopt);
}

TEST(FindServiceCode, FindsACodeInsideText) {
    auto found = FindServiceCode("85311000-2 Servicii\nCod serviciu social: 8790CR-C-I");
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->first, "8790 CR-C-I");
    EXPECT_EQ(found->second, 41u);
    EXPECT_FALSE(FindServiceCode("85311000-2 only a CPV code").has_value());
}

TEST(IsCpvCode, ChecksEightDigitsHyphenCheckDigit) {
    EXPECT_TRUE(IsCpvCode("85311000-2"));
    EXPECT_FALSE(IsCpvCode("85311000"));
    EXPECT_FALSE(IsCpvCode("8531100-2"));
    EXPECT_FALSE(IsCpvCode("85311000-22"));
    EXPECT_FALSE(IsCpvCode("8531100A-2"));
}

TEST(Nomenclature, HoldsEveryCodeOfSeed001) {
    const Nomenclature& nomenclature = Nomenclature::Default();
    for (const char* code : {"8730 CR-V-I", "8790 CR-C-I", "8790 CR-C-II", "8790 CR-C-III", "8790 CR-D-I",
                             "8790 CR-D-II", "8790 CR-D-VI", "8790 CR-D-VII", "8790 CR-VD-I", "8790 CR-VD-III",
                             "8790 CR-VTP-I", "8790 CR-PD-I", "8790 CR-MC-I", "8790 SF-C", "8891 CZ-C-II",
                             "8891 CZ-C-III", "8891 CZ-C-V", "8891 CZ-C-VI", "8899 CZ-D-I", "8899 CZ-D-II",
                             "8899 CZ-PN-VII", "8899 SC-D-I"}) {
        EXPECT_NE(nomenclature.Find(code), nullptr) << code;
    }
    EXPECT_EQ(nomenclature.Entries().size(), 22u);
    EXPECT_EQ(nomenclature.Find("8790 CR-X-IX"), nullptr);
    const NomenclatureEntry* entry = nomenclature.Find("8790 CR-VD-III");
    ASSERT_NE(entry, nullptr);
    EXPECT_EQ(entry->caen, "8790");
    EXPECT_EQ(entry->type, "CR");
    EXPECT_EQ(entry->group, "VD");
    EXPECT_EQ(entry->subtype, "III");
    EXPECT_EQ(nomenclature.GroupName("VD"), "victims of domestic violence");
    EXPECT_EQ(nomenclature.CaenTitle("8891"), "Child day-care activities (88.91)");
}

TEST(Nomenclature, KnowsTheCostStandardsSeed001Cites) {
    const CostStandard* standard = Nomenclature::Default().FindCostStandard("8790 CR-D-VII");
    ASSERT_NE(standard, nullptr);
    EXPECT_EQ(standard->amount_lei, 40239);
    EXPECT_EQ(Nomenclature::Default().FindCostStandard("8790 CR-C-I"), nullptr);
}

TEST(Nomenclature, RejectsANonCanonicalCodeInTheData) {
    StatusOr<Nomenclature> bad = Nomenclature::FromJson(R"({"codes":[{"code":"8790CR-C-I"}]})", R"({"standards":[]})");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().message(),
              "hg867_2015.json: codes[0]: \"8790CR-C-I\" is not a canonical service code like \"8790 CR-C-I\"");
}

TEST(RegistryWords, LoadsTheEmbeddedFiles) {
    const RegistryWords& words = RegistryWords::Default();
    EXPECT_EQ(FindLabel("buget judetean (mii lei)", words.funding_sources), "county");
    EXPECT_EQ(FindLabel("buget de stat", words.funding_sources), "state");
    EXPECT_EQ(FindLabel("alte surse", words.funding_sources), "other");
    EXPECT_EQ(FindLabel("contributii persoane beneficiare", words.funding_sources), "beneficiaries");
    EXPECT_EQ(FindLabel("serviciul juridic", words.unit_kinds, true), "service");
    EXPECT_EQ(FindLabel("directia protectia persoanelor adulte", words.unit_kinds, true), "directorate");
}

}  // namespace
}  // namespace planwatch::import::recognise
