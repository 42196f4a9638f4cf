#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "import/recognise/value_parsing.h"
#include "import/text/text_reader.h"

namespace planwatch::import::recognise {
namespace {

std::vector<std::string> Names(const std::vector<NamedInstitution>& list) {
    std::vector<std::string> names;
    for (const NamedInstitution& n : list) names.push_back(n.name);
    return names;
}

std::vector<std::string> Split(std::string_view text) { return Names(SplitInstitutions(text, Glossary::Default())); }

std::string ReadSample(const std::string& name) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

TEST(InstitutionListsTest, SplitsTheSeed000ResponsibleCell) {
    // Seed 000, activity 1.1: commas, blank lines, ,,quotes'' and "si" between two schools.
    std::string cell =
        "CPECA Cluj, \n\nISJ Cluj, Primăria Câmpia Turzii, A.E.S.A., Cadrele scolare de la  ,,Liceul Tehnologic "
        "Vladeasa ''  si ,,Liceul O. Goga Huedin '', Asociaţia Preventis\n\nAsociatia Caritas Eparhial Greco "
        "Catolic, Asociatia Christiana – Programul Sf Dimitrie,  IPJ Cluj Autorităţi ale  administraţiei publice "
        "locale, societatea civilă";
    EXPECT_EQ(Split(cell), (std::vector<std::string>{
                               "CPECA Cluj",
                               "ISJ Cluj",
                               "Primăria Câmpia Turzii",
                               "A.E.S.A.",
                               "Cadrele scolare de la ,,Liceul Tehnologic Vladeasa ''",
                               ",,Liceul O. Goga Huedin ''",
                               "Asociația Preventis",
                               "Asociatia Caritas Eparhial Greco Catolic",
                               "Asociatia Christiana – Programul Sf Dimitrie",
                               "IPJ Cluj Autorități ale administrației publice locale, societatea civilă",
                           }));
}

TEST(InstitutionListsTest, KeepsCommasInsideALongName) {
    EXPECT_EQ(Split("Ministrstvo za delo, družino, socialne zadeve in enake možnosti, NIJZ in MZ"),
              (std::vector<std::string>{"Ministrstvo za delo, družino, socialne zadeve in enake možnosti", "NIJZ", "MZ"}));
    EXPECT_EQ(Split("Komisija Vlade RS za droge in MZ"),
              (std::vector<std::string>{"Komisija Vlade RS za droge", "MZ"}));
    EXPECT_EQ(Split("Komisija Vlade RS za droge (MZ)\n\nDelovna skupina za pripravo sprememb in dopolnitev ZPPPD\n\n"),
              (std::vector<std::string>{"Komisija Vlade RS za droge (MZ)",
                                        "Delovna skupina za pripravo sprememb in dopolnitev ZPPPD"}));
    EXPECT_EQ(Split("MNZ (Policija, URSIKS), MZ"), (std::vector<std::string>{"MNZ (Policija, URSIKS)", "MZ"}));
    EXPECT_EQ(Split("Direcția Generală de Asistență Socială și Protecția Copilului Cluj"),
              (std::vector<std::string>{"Direcția Generală de Asistență Socială și Protecția Copilului Cluj"}));
}

TEST(InstitutionListsTest, JoinsNamesWrappedOverLines) {
    // Seed 003 (text from a PDF): names wrapped mid-phrase.
    EXPECT_EQ(Split("Serviciul public de \nasistență socială \nCercetători/membri ai \nmediului academic/ \nexperți cu "
                    "expertiză \nrelevantă în domeniul \nintegrării sociale a \ngrupurilor vulnerabile "),
              (std::vector<std::string>{"Serviciul public de asistență socială",
                                        "Cercetători/membri ai mediului academic/ experți cu expertiză relevantă în "
                                        "domeniul integrării sociale a grupurilor vulnerabile"}));
    // Seed 001: a dashed list, one name per line.
    EXPECT_EQ(Split("-Conducerea DGASPC;\n-compartimentul achiziţii;\n-echipa de monitorizare numită prin dispoziţia "
                    "directorului general al DGASPC;"),
              (std::vector<std::string>{"Conducerea DGASPC", "compartimentul achiziții",
                                        "echipa de monitorizare numită prin dispoziția directorului general al DGASPC"}));
}

TEST(InstitutionListsTest, SplitsOnConjunctionsOnlyBeforeANewName) {
    EXPECT_EQ(Split("Ministry of Health and Department of Education"),
              (std::vector<std::string>{"Ministry of Health", "Department of Education"}));
    EXPECT_EQ(Split("Department of Health and Social Care"),
              (std::vector<std::string>{"Department of Health and Social Care"}));
    EXPECT_EQ(Split("Consejería de Sanidad y Ayuntamiento de Sevilla"),
              (std::vector<std::string>{"Consejería de Sanidad", "Ayuntamiento de Sevilla"}));
    EXPECT_EQ(Split("Regione Lombardia e Comuni dell'ambito"),
              (std::vector<std::string>{"Regione Lombardia", "Comuni dell'ambito"}));
    EXPECT_EQ(Split("CPECA Cluj și DSP Cluj"), (std::vector<std::string>{"CPECA Cluj", "DSP Cluj"}));
    EXPECT_EQ(Split("the Ministry of Health, the Department of Education and local schools"),
              (std::vector<std::string>{"the Ministry of Health", "the Department of Education and local schools"}));
}

TEST(InstitutionListsTest, MarksLeads) {
    const Glossary& glossary = Glossary::Default();
    EXPECT_EQ(SplitInstitutions("DGASPC Cluj (coordonator), Consiliul Județean Cluj", glossary),
              (std::vector<NamedInstitution>{{"DGASPC Cluj", true}, {"Consiliul Județean Cluj", false}}));
    EXPECT_EQ(SplitInstitutions("Nosilec: MZ; NIJZ, MDDSZ", glossary),
              (std::vector<NamedInstitution>{{"MZ", true}, {"NIJZ", false}, {"MDDSZ", false}}));
    EXPECT_EQ(SplitInstitutions("Lead: Ministry of Health\nPartners: WHO, UNICEF", glossary),
              (std::vector<NamedInstitution>{{"Ministry of Health", true}, {"WHO", false}, {"UNICEF", false}}));
    EXPECT_EQ(SplitInstitutions("Comune di Milano - capofila; ATS Milano", glossary),
              (std::vector<NamedInstitution>{{"Comune di Milano", true}, {"ATS Milano", false}}));
    EXPECT_EQ(SplitInstitutions("Ayuntamiento (responsable principal), Cruz Roja", glossary),
              (std::vector<NamedInstitution>{{"Ayuntamiento", true}, {"Cruz Roja", false}}));
}

TEST(InstitutionListsTest, EmptyAndPunctuationGiveNothing) {
    EXPECT_TRUE(Split("").empty());
    EXPECT_TRUE(Split(" \n\n ").empty());
    EXPECT_TRUE(Split(", ; -").empty());
}

TEST(InstitutionListsTest, FindsTheSeed002AcronymTable) {
    StatusOr<Document> doc = text::ReadTabText(ReadSample("002_8d53b20a0e2536f7.txt"));
    ASSERT_TRUE(doc.ok()) << doc.status();
    std::map<std::string, std::string> acronyms = FindAcronymList(*doc, Glossary::Default());
    EXPECT_EQ(acronyms["MZ"], "Ministrstvo za zdravje");
    EXPECT_EQ(acronyms["NIJZ"], "Nacionalni inštitut za javno zdravje");
    EXPECT_EQ(acronyms["MDDSZ"], "Ministrstvo za delo, družino, socialne zadeve in enake možnosti");
    EXPECT_EQ(acronyms["MIZŠ"], "Ministrstvo za izobraževanje, znanost in šport");
    EXPECT_EQ(acronyms["MNZ"], "Ministrstvo za notranje zadeve");
    EXPECT_EQ(acronyms["MF (FURS)"], "Ministrstvo za finance (Finančna uprava Republike Slovenije)");
    EXPECT_EQ(acronyms["MF"], "Ministrstvo za finance (Finančna uprava Republike Slovenije)");
    EXPECT_EQ(acronyms["ZZZS"], "Zavod za zdravstveno zavarovanje Slovenije");
    EXPECT_EQ(acronyms["PAS"], "Psihoaktivne snovi");
    EXPECT_EQ(acronyms["TDI"], "Treatment demand indicator – kazalnik povpraševanja po zdravljenju");
    EXPECT_EQ(acronyms.count("Seznam kratic"), 0u);
}

TEST(InstitutionListsTest, FindsAcronymParagraphsAndTitledTables) {
    Document doc;
    Block title;
    title.paragraph.text = "Abrevieri:";
    Block list;
    list.paragraph.text = "DSP – Direcția de Sănătate Publică\nISJ: Inspectoratul Școlar Județean\nIPJ = Inspectoratul de "
                          "Poliție Județean";
    Block after;
    after.paragraph.text = "CAPITOLUL I";
    Block later;
    later.paragraph.text = "OG 1 Creșterea nivelului de participare";
    doc.blocks = {title, list, after, later};
    std::map<std::string, std::string> acronyms = FindAcronymList(doc, Glossary::Default());
    EXPECT_EQ(acronyms, (std::map<std::string, std::string>{{"DSP", "Direcția de Sănătate Publică"},
                                                            {"ISJ", "Inspectoratul Școlar Județean"},
                                                            {"IPJ", "Inspectoratul de Poliție Județean"}}));

    Document table_doc;
    Block table;
    table.kind = Block::Kind::kTable;
    auto row = [](std::vector<std::string> texts) {
        Row r;
        for (auto& t : texts) r.cells.push_back(Cell{t});
        return r;
    };
    table.table.rows = {row({"List of acronyms", ""}), row({"WHO", "World Health Organization"}),
                        row({"NGO", "Non-governmental organisation"})};
    table_doc.blocks = {table};
    EXPECT_EQ(FindAcronymList(table_doc, Glossary::Default()),
              (std::map<std::string, std::string>{{"NGO", "Non-governmental organisation"},
                                                  {"WHO", "World Health Organization"}}));

    Document none;
    none.blocks = {after, later};
    EXPECT_TRUE(FindAcronymList(none, Glossary::Default()).empty());
}

}  // namespace
}  // namespace planwatch::import::recognise
