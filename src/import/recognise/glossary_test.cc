#include "import/recognise/glossary.h"

#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

#include "domain/plan.h"

namespace planwatch::import::recognise {
namespace {

struct HeaderCase {
    const char* cell;
    Field field;
    const char* language;
};

// Real header spellings from the seed documents (split over lines, cedilla
// and comma-below letters, numbering) and from plans in the other languages.
const HeaderCase kHeaderCases[] = {
    {"Obiective\n\nspecifice", Field::kSpecificObjective, "ro"},
    {"Activitati", Field::kActivity, "ro"},
    {"Activităţi", Field::kActivity, "ro"},
    {"Rezultate", Field::kResults, "ro"},
    {"Indicatori\n\nde evaluare", Field::kIndicators, "ro"},
    {"Termen de\n\nevaluare", Field::kFrequency, "ro"},
    {"Termen de\n\nfinalizare", Field::kDeadline, "ro"},
    {"Termen de realizare", Field::kDeadline, "ro"},
    {"Termen de rea-\nlizare", Field::kDeadline, "ro"},
    {"Responsabili ", Field::kResponsible, "ro"},
    {"Acțiuni prioritare", Field::kActivity, "ro"},
    {"Indicatori de rezultat", Field::kIndicators, "ro"},
    {"Nr.\ncrt.", Field::kNumber, "ro"},
    {"Cod serviciu social, conform nomenclator servicii sociale", Field::kServiceCode, "ro"},
    {"Denumirea serviciului social", Field::kServiceName, "ro"},
    {"Capacitate ", Field::kCapacity, "ro"},
    {"Grad de ocupare", Field::kOccupancy, "ro"},
    {"Bugetele estimate pe surse de finanțare, pentru serviciile sociale existente", Field::kBudget, "ro"},
    {"Buget județean\n(mii lei)", Field::kBudget, "ro"},
    {"Contributii persoane beneficiare", Field::kBudget, "ro"},
    {"Capacitate clădire/spaţiu necesar-mp-", Field::kArea_m2, "ro"},
    {"Nr.de persoane", Field::kBeneficiaries, "ro"},
    {"Nr. locuri (în paturi)", Field::kCapacity, "ro"},
    {"Obiective operaţionale", Field::kSpecificObjective, "ro"},
    {"Indicatori cantitativi şi calitativi", Field::kIndicators, "ro"},
    {"Surse de finanţare", Field::kFundingSource, "ro"},
    {"Cod CPV", Field::kCpv, "ro"},
    {"Resurse umane", Field::kStaff, "ro"},
    {"Konkretni cilji", Field::kSpecificObjective, "sl"},
    {"Izvedbene aktivnosti  ", Field::kActivity, "sl"},
    {"Časovno obdobje za realizacijo aktivnosti ", Field::kDeadline, "sl"},
    {"Pričakovani rezultati", Field::kResults, "sl"},
    {"Odgovorne institucije", Field::kResponsible, "sl"},
    {"Kazalniki:", Field::kIndicators, "sl"},
    {"Milestone", Field::kActivity, "en"},
    {"Measurement", Field::kIndicators, "en"},
    {"Target date", Field::kDeadline, "en"},
    {"Responsible party", Field::kResponsible, "en"},
    {"Lead agency", Field::kLead, "en"},
    {"1. Baseline", Field::kBaseline, "en"},
    {"Obiettivo specifico", Field::kSpecificObjective, "it"},
    {"Indicatore di risultato", Field::kIndicators, "it"},
    {"Data di inizio", Field::kStart, "it"},
    {"Soggetti coinvolti", Field::kPartners, "it"},
    {"Fonte di finanziamento", Field::kFundingSource, "it"},
    {"Objetivo específico", Field::kSpecificObjective, "es"},
    {"Fecha límite", Field::kDeadline, "es"},
    {"Órgano responsable", Field::kResponsible, "es"},
    {"Presupuesto estimado (euros)", Field::kBudget, "es"},
};

TEST(GlossaryTest, BuiltInLoadsEveryLanguage) {
    StatusOr<Glossary> glossary = Glossary::LoadBuiltIn();
    ASSERT_TRUE(glossary.ok()) << glossary.status();
    std::vector<std::string> languages = glossary->Languages();
    std::sort(languages.begin(), languages.end());
    EXPECT_EQ(languages, (std::vector<std::string>{"en", "es", "it", "ro", "sl"}));
    EXPECT_GT(glossary->Headers().size(), 500u);
    for (WordKind kind : {WordKind::kMonth, WordKind::kNumber, WordKind::kFrequency, WordKind::kComparator,
                          WordKind::kRecurrence, WordKind::kStartMarker, WordKind::kLeadMarker,
                          WordKind::kAcronymListTitle, WordKind::kHierarchy, WordKind::kCurrency}) {
        for (const char* language : {"ro", "sl", "en", "it", "es"}) {
            const auto& phrases = glossary->Phrases(kind);
            bool any = std::any_of(phrases.begin(), phrases.end(), [&](const Phrase& p) { return p.language == language; });
            EXPECT_TRUE(any) << WordKindName(kind) << " has no " << language << " entry";
        }
    }
}

TEST(GlossaryTest, MatchHeaderFindsSeedAndForeignHeaders) {
    const Glossary& glossary = Glossary::Default();
    for (const HeaderCase& c : kHeaderCases) {
        std::optional<HeaderMatch> match = glossary.MatchHeader(c.cell, c.language);
        ASSERT_TRUE(match.has_value()) << c.cell;
        EXPECT_EQ(glossary.MatchHeader(c.cell)->field, c.field) << c.cell;
        EXPECT_EQ(FieldName(match->field), std::string(FieldName(c.field))) << c.cell << " matched " << match->synonym;
        EXPECT_EQ(match->language, c.language) << c.cell;
    }
}

TEST(GlossaryTest, ExactBeatsPrefixBeatsContains) {
    const Glossary& glossary = Glossary::Default();
    std::optional<HeaderMatch> exact = glossary.MatchHeader("Termen de evaluare");
    std::optional<HeaderMatch> prefix = glossary.MatchHeader("Termen de evaluare a rezultatelor");
    std::optional<HeaderMatch> contains = glossary.MatchHeader("Propunere termen de evaluare");
    ASSERT_TRUE(exact && prefix && contains);
    EXPECT_DOUBLE_EQ(exact->score, 1.0);
    EXPECT_EQ(exact->field, Field::kFrequency);
    EXPECT_GE(prefix->score, 0.8);
    EXPECT_LT(prefix->score, 0.9);
    EXPECT_EQ(prefix->field, Field::kFrequency);
    EXPECT_GE(contains->score, 0.6);
    EXPECT_LT(contains->score, 0.7);
    EXPECT_EQ(contains->field, Field::kFrequency);
}

TEST(GlossaryTest, PeriodColumnsAreGridHeaders) {
    const Glossary& glossary = Glossary::Default();
    for (const char* cell : {"2019-1", "2020-2", "2024-Q3", "T3 2024", "Q1/2025", "2021"}) {
        std::optional<HeaderMatch> match = glossary.MatchHeader(cell);
        ASSERT_TRUE(match.has_value()) << cell;
        EXPECT_EQ(match->field, Field::kPeriodGrid) << cell;
    }
}

TEST(GlossaryTest, ProseAndDataAreNotHeaders) {
    const Glossary& glossary = Glossary::Default();
    EXPECT_FALSE(glossary.MatchHeader("").has_value());
    EXPECT_FALSE(glossary.MatchHeader("X").has_value());
    EXPECT_FALSE(glossary.MatchHeader("8730 CR-V-I").has_value());
    EXPECT_FALSE(glossary.MatchHeader("Căminul pentru Persoane Vârstnice Gherla").has_value());
    EXPECT_FALSE(glossary.MatchHeader(std::string(300, 'a')).has_value());
}

TEST(GlossaryTest, HeaderKeyJoinsLinesAndDropsNumberingAndColon) {
    EXPECT_EQ(HeaderKey("Termen de\n\nevaluare:"), "termen de evaluare");
    EXPECT_EQ(HeaderKey("2. Obiective specifice"), "obiective specifice");
    EXPECT_EQ(HeaderKey("a) Responsabili"), "responsabili");
    EXPECT_EQ(HeaderKey("IV. Activități"), "activitati");
    EXPECT_EQ(HeaderKey("Termen de rea-\nlizare"), "termen de realizare");
    EXPECT_EQ(HeaderKey("Nr.de persoane"), "nr. de persoane");
    EXPECT_EQ(HeaderKey("IŞJ"), "isj");
}

TEST(GlossaryTest, LookupAndPrefixFindValueWords) {
    const Glossary& glossary = Glossary::Default();
    const Phrase* iulie = glossary.Lookup(WordKind::kMonth, "Iulie");
    ASSERT_NE(iulie, nullptr);
    EXPECT_EQ(iulie->value, 7);
    const Phrase* dve = glossary.Lookup(WordKind::kNumber, "dve", "sl");
    ASSERT_NE(dve, nullptr);
    EXPECT_EQ(dve->value, 2);
    const Phrase* letno = glossary.Lookup(WordKind::kFrequency, "letno");
    ASSERT_NE(letno, nullptr);
    EXPECT_EQ(static_cast<domain::Frequency>(letno->value), domain::Frequency::kAnnual);
    const Phrase* evra = glossary.Lookup(WordKind::kCurrency, "evra");
    ASSERT_NE(evra, nullptr);
    EXPECT_EQ(evra->code, "EUR");
    PhraseMatch cel = glossary.MatchPrefix(WordKind::kComparator, "cel putin 3 persoane");
    ASSERT_NE(cel.phrase, nullptr);
    EXPECT_EQ(cel.length, std::string("cel putin").size());
    EXPECT_EQ(glossary.MatchPrefix(WordKind::kComparator, "minimal").phrase, nullptr);  // not "min" + "imal"
    EXPECT_EQ(glossary.Lookup(WordKind::kMonth, "Smarch"), nullptr);
}

TEST(GlossaryTest, FromJsonReportsWhereTheFileIsWrong) {
    auto error = [](std::string_view json) { return Glossary::FromJson(json, "extra.json").status(); };
    EXPECT_EQ(error("{").code(), StatusCode::kInvalidArgument);
    EXPECT_NE(error("{").message().find("extra.json: not valid JSON at byte 2"), std::string::npos)
        << error("{").message();
    EXPECT_EQ(error("[]").message(), "extra.json: the top level must be an object");
    EXPECT_EQ(error(R"({"headers": {}})").message(),
              "extra.json: language: expected a language code such as \"ro\"");
    EXPECT_EQ(error(R"({"language": "de", "headers": {"colour": ["Farbe"]}})").message(),
              "extra.json: headers.colour: unknown field");
    EXPECT_EQ(error(R"({"language": "de", "headers": {"deadline": "Frist"}})").message(),
              "extra.json: headers.deadline: expected a list of strings");
    EXPECT_EQ(error(R"({"language": "de", "words": {"months": {"Juli": 13}}})").message(),
              "extra.json: words.months.\"Juli\": a month must be 1..12");
    EXPECT_EQ(error(R"({"language": "de", "words": {"frequencies": {"jährlich": "yearly"}}})").message(),
              "extra.json: words.frequencies.\"jährlich\": unknown frequency \"yearly\" (annual, semester, quarter, "
              "month, permanent, once)");
    EXPECT_EQ(error(R"({"language": "de", "words": {"currencies": {"Euro": "euro"}}})").message(),
              "extra.json: words.currencies.\"Euro\": a currency must be an ISO 4217 code like \"EUR\", not \"euro\"");
    EXPECT_EQ(error(R"({"language": "de", "words": {"colours": []}})").message(),
              "extra.json: words.colours: unknown kind of word");
    EXPECT_EQ(error(R"({"language": "de", "nonsense": 1})").message(),
              "extra.json: nonsense: unknown key (expected language, headers, words)");
}

TEST(GlossaryTest, ExtraFileAddsALanguageWithoutRebuilding) {
    std::string path = ::testing::TempDir() + "glossary_de.json";
    {
        std::ofstream out(path);
        out << R"({"language": "de",
                   "headers": {"deadline": ["Frist", "Zieltermin"], "responsible": ["Zuständig"]},
                   "words": {"months": {"Juli": 7}, "frequencies": {"jährlich": "annual"}}})";
    }
    StatusOr<Glossary> glossary = Glossary::LoadBuiltIn({path});
    ASSERT_TRUE(glossary.ok()) << glossary.status();
    std::optional<HeaderMatch> match = glossary->MatchHeader("Zieltermin");
    ASSERT_TRUE(match.has_value());
    EXPECT_EQ(match->field, Field::kDeadline);
    EXPECT_EQ(match->language, "de");
    EXPECT_EQ(glossary->MatchHeader("Zuständig:")->field, Field::kResponsible);
    ASSERT_NE(glossary->Lookup(WordKind::kMonth, "juli", "de"), nullptr);
    // The built-in entries are all still there.
    EXPECT_EQ(glossary->MatchHeader("Termen de finalizare")->field, Field::kDeadline);
    std::remove(path.c_str());

    StatusOr<Glossary> missing = Glossary::LoadBuiltIn({"/nonexistent/glossary.json"});
    EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
    EXPECT_EQ(missing.status().message(), "glossary file /nonexistent/glossary.json cannot be opened");
}

TEST(GlossaryTest, FieldNamesRoundTrip) {
    for (int f = 0; f <= static_cast<int>(Field::kLicenceExpiry); ++f) {
        Field field = static_cast<Field>(f);
        EXPECT_EQ(ParseField(FieldName(field)), field) << FieldName(field);
    }
    EXPECT_EQ(ParseField("nonsense"), std::nullopt);
}

}  // namespace
}  // namespace planwatch::import::recognise
