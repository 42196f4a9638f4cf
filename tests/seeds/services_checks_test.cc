// The checks of an annual social-services plan on a small document made to trip
// each of them (tests/testdata/registry/services_checks.txt, lines as in the file):
// a TOTAL row that is not its column's sum, CPV codes malformed or missing, codes
// outside the HG 867/2015 nomenclature, and licences read from their column.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "import/import.h"

namespace planwatch::seeds {
namespace {

constexpr char kFixture[] = "services_checks.txt";

domain::Plan ImportFixture() {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/tests/testdata/registry/" + kFixture, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    StatusOr<import::ImportResult> result = import::ImportDocument(bytes.str(), kFixture);
    if (!result.ok()) {
        ADD_FAILURE() << result.status();
        return {};
    }
    return result->plan;
}

class ServicesChecks : public ::testing::Test {
protected:
    static void SetUpTestSuite() { plan_ = new domain::Plan(ImportFixture()); }
    static void TearDownTestSuite() { delete plan_; }
    static const domain::Plan& plan() { return *plan_; }
    // The warnings with that code, in document order.
    static std::vector<domain::PlanWarning> Warnings(const std::string& code) {
        std::vector<domain::PlanWarning> out;
        for (const domain::PlanWarning& w : plan_->warnings) {
            if (w.code == code) out.push_back(w);
        }
        return out;
    }
    static domain::Plan* plan_;
};
domain::Plan* ServicesChecks::plan_ = nullptr;

const domain::SocialService* Named(const domain::Plan& plan, const std::string& name) {
    for (const domain::SocialService& s : plan.services) {
        if (s.name == name) return &s;
    }
    return nullptr;
}

TEST_F(ServicesChecks, ReadsTheTablesOfTheDocument) {
    EXPECT_EQ(plan().kind, domain::PlanKind::kAnnualSocialServicesPlan);
    EXPECT_EQ(plan().period_start, 2025);
    int services = 0, contracting = 0;
    for (const domain::SocialService& s : plan().services) {
        services += s.line == domain::ServiceLineKind::kService;
        contracting += s.line == domain::ServiceLineKind::kContracting;
    }
    EXPECT_EQ(services, 3);
    EXPECT_EQ(contracting, 4);
}

TEST_F(ServicesChecks, ATotalRowThatIsNotTheColumnSumNamesBothNumbers) {
    std::vector<domain::PlanWarning> mismatches = Warnings("total_mismatch");
    ASSERT_EQ(mismatches.size(), 1u);  // the county column; the state column adds up (1267 + 300 + 400 = 1967)
    EXPECT_EQ(mismatches[0].line, 43);
    // 2126 + 500 + 1000 thousand lei against the 3500 printed.
    EXPECT_EQ(mismatches[0].message,
              "column “Buget județean (mii lei)”: the rows add up to 3626 but the TOTAL row says 3500");
}

TEST_F(ServicesChecks, MalformedAndMissingCpvCodesAreWarnedAtTheirRow) {
    std::vector<domain::PlanWarning> format = Warnings("cpv_format");
    ASSERT_EQ(format.size(), 1u);
    EXPECT_EQ(format[0].line, 74);
    EXPECT_NE(format[0].message.find("“8531130-3”"), std::string::npos) << format[0].message;
    std::vector<domain::PlanWarning> missing = Warnings("cpv_missing");
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].line, 83);
    // The well-formed line keeps its code and the text after it as its name.
    const domain::SocialService* family = Named(plan(), "Servicii de asistență socială cu cazare pentru copii");
    ASSERT_NE(family, nullptr);
    EXPECT_EQ(family->code, "85311000-2");
    EXPECT_EQ(family->line, domain::ServiceLineKind::kContracting);
}

TEST_F(ServicesChecks, CodesOutsideTheNomenclatureAreWarnedWhereTheyAre) {
    std::vector<domain::PlanWarning> unknown = Warnings("service_code_unknown");
    ASSERT_EQ(unknown.size(), 2u);
    EXPECT_EQ(unknown[0].line, 35);  // the code cell of the Turda row
    EXPECT_EQ(unknown[0].message, "service code “8790 CR-Q-I” is not in the HG 867/2015 nomenclature");
    EXPECT_EQ(unknown[1].line, 92);  // "Cod serviciu social: 8899 CZ-Q-I" under a CPV code
    EXPECT_NE(unknown[1].message.find("8899 CZ-Q-I"), std::string::npos);
    const domain::SocialService* turda = Named(plan(), "Centrul rezidențial Turda");
    ASSERT_NE(turda, nullptr);
    EXPECT_EQ(turda->code, "8790 CR-Q-I");  // kept as written, for a person to correct
}

TEST_F(ServicesChecks, LicencesAreReadFromTheirColumn) {
    const domain::SocialService* gherla = Named(plan(), "Căminul pentru Persoane Vârstnice Gherla");
    ASSERT_NE(gherla, nullptr);
    ASSERT_TRUE(gherla->licence);
    EXPECT_EQ(gherla->licence->number, "0001234");
    EXPECT_EQ(gherla->licence->date, (domain::DatePoint{2019, 3, 12}));
    EXPECT_EQ(gherla->licence->expiry, (domain::DatePoint{2024, 3, 12}));
    EXPECT_EQ(gherla->occupancy, 1.2);
    const domain::SocialService* dej = Named(plan(), "Căminul pentru Persoane Vârstnice Dej");
    ASSERT_NE(dej, nullptr);
    ASSERT_TRUE(dej->licence);
    EXPECT_EQ(dej->licence->number, "555");
    EXPECT_EQ(dej->licence->date, (domain::DatePoint{2022, 5, 10}));
    EXPECT_EQ(dej->licence->expiry, (domain::DatePoint{2021, 2, 1}));
    const domain::SocialService* turda = Named(plan(), "Centrul rezidențial Turda");
    ASSERT_NE(turda, nullptr);
    ASSERT_TRUE(turda->licence);
    EXPECT_EQ(turda->licence->number, "7788");  // the first token with a digit: no "nr." names it
    EXPECT_EQ(turda->licence->expiry, (domain::DatePoint{2028, 1, 12}));
    // The budgets of the existing services stay as the columns state them, in lei.
    EXPECT_EQ(gherla->budget.size(), 2u);
}

}  // namespace
}  // namespace planwatch::seeds
