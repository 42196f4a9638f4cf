// The action-plan recogniser end to end on small plans of our own
// (tests/testdata/plans/, TAB-led text read by the text reader) and on
// hand-made Documents for what text cannot express (bold leads, merges).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "import/recognise/recogniser.h"
#include "import/text/text_reader.h"

namespace planwatch::import::recognise {
namespace {

using domain::Comparator;
using domain::DatePoint;
using domain::Node;

std::string ReadFixture(const std::string& name) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/tests/testdata/plans/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

domain::Plan RecogniseFixture(const std::string& name) {
    StatusOr<Document> doc = text::ReadText(ReadFixture(name));
    EXPECT_TRUE(doc.ok()) << doc.status();
    RecogniseOptions options;
    options.file_name = name;
    StatusOr<domain::Plan> plan = Recognise(*doc, options);
    EXPECT_TRUE(plan.ok()) << plan.status();
    if (!plan.ok()) return {};
    Status valid = domain::Validate(*plan);
    EXPECT_TRUE(valid.ok()) << valid;
    return *plan;
}

std::vector<const Node*> Activities(const domain::Plan& plan) {
    std::vector<const Node*> out;
    domain::ForEachNode(plan.nodes, [&](const Node& node) {
        if (node.kind == domain::NodeKind::kActivity) out.push_back(&node);
    });
    return out;
}

TEST(ActionPlan, EnglishMilestoneTable) {
    domain::Plan plan = RecogniseFixture("en_milestones.txt");
    EXPECT_EQ(plan.title, "Digital Inclusion Action Plan 2024–2026 City of Northfield");
    EXPECT_EQ(plan.period_start, 2024);
    EXPECT_EQ(plan.period_end, 2026);
    EXPECT_EQ(plan.language, "en");
    ASSERT_EQ(plan.nodes.size(), 2u);
    EXPECT_EQ(plan.nodes[0].kind, domain::NodeKind::kGeneralObjective);
    EXPECT_EQ(plan.nodes[0].code, "1");
    EXPECT_EQ(plan.nodes[0].title, "Connect every household");
    std::vector<const Node*> activities = Activities(plan);
    ASSERT_EQ(activities.size(), 4u);
    EXPECT_EQ(activities[0]->code, "1.1");
    EXPECT_EQ(activities[0]->title, "Map broadband gaps");
    EXPECT_EQ(activities[0]->deadline, (DatePoint{2024, 6, 0}));
    ASSERT_EQ(activities[0]->responsible.size(), 2u);
    EXPECT_EQ(activities[0]->responsible[0].institution, "IT Department");
    EXPECT_EQ(activities[0]->responsible[0].role, domain::ResponsibilityRole::kLead);
    // "(lead)" marks the lead; the IT Department is the same institution as in 1.1
    ASSERT_EQ(activities[1]->responsible.size(), 2u);
    EXPECT_EQ(activities[1]->responsible[0].institution, "Housing Agency");
    EXPECT_EQ(activities[1]->responsible[0].role, domain::ResponsibilityRole::kLead);
    EXPECT_EQ(activities[1]->responsible[1].institution, "IT Department");
    EXPECT_EQ(activities[1]->deadline, (DatePoint{2025, 12, 0}));
    ASSERT_EQ(activities[1]->indicators.size(), 1u);
    ASSERT_TRUE(activities[1]->indicators[0].target.has_value());
    EXPECT_EQ(activities[1]->indicators[0].target->value, 500);
    EXPECT_EQ(activities[1]->indicators[0].target->comparator, Comparator::kAtLeast);
    EXPECT_EQ(activities[2]->frequency, domain::Frequency::kPermanent);
    ASSERT_EQ(activities[2]->indicators.size(), 1u);
    ASSERT_TRUE(activities[2]->indicators[0].target.has_value());
    EXPECT_EQ(activities[2]->indicators[0].target->value, 5);
    EXPECT_EQ(activities[2]->indicators[0].target->per, domain::TargetPer::kYear);
    EXPECT_EQ(activities[3]->deadline, (DatePoint{2026, 6, 0}));
    EXPECT_EQ(plan.institutions.size(), 4u);
}

TEST(ActionPlan, ItalianThreeYearPlanWithStartsAndCarriedGoal) {
    domain::Plan plan = RecogniseFixture("it_triennale.txt");
    EXPECT_EQ(plan.language, "it");
    EXPECT_EQ(plan.period_start, 2021);
    EXPECT_EQ(plan.period_end, 2023);
    std::vector<const Node*> activities = Activities(plan);
    ASSERT_EQ(activities.size(), 3u);
    EXPECT_EQ(activities[0]->title, "Pubblicazione del registro degli accessi");
    EXPECT_EQ(activities[0]->start, (DatePoint{2021, 9, 0}));
    EXPECT_EQ(activities[0]->deadline, (DatePoint{2022, 6, 0}));
    ASSERT_FALSE(activities[0]->indicators.empty());
    ASSERT_TRUE(activities[0]->indicators[0].target.has_value());
    EXPECT_EQ(activities[0]->indicators[0].target->value, 50);
    EXPECT_TRUE(activities[0]->indicators[0].target->percent);
    EXPECT_EQ(activities[1]->start, (DatePoint{2022, 1, 0}));
    EXPECT_EQ(activities[1]->frequency, domain::Frequency::kAnnual);
    EXPECT_EQ(activities[2]->start, (DatePoint{2022, 3, 0}));
    EXPECT_EQ(activities[2]->deadline, (DatePoint{2023, 12, 31}));
    // The empty goal cell of the second row is the goal above: two goals, not three.
    ASSERT_EQ(plan.nodes.size(), 2u);
    EXPECT_EQ(plan.nodes[0].code, "1");
    EXPECT_EQ(plan.nodes[0].children.size(), 2u);
    EXPECT_EQ(plan.nodes[1].children.size(), 1u);
}

TEST(ActionPlan, SpanishAxisTable) {
    domain::Plan plan = RecogniseFixture("es_igualdad.txt");
    EXPECT_EQ(plan.language, "es");
    ASSERT_EQ(plan.nodes.size(), 2u);
    EXPECT_EQ(plan.nodes[0].kind, domain::NodeKind::kPillar);
    EXPECT_EQ(plan.nodes[0].code, "1");
    EXPECT_EQ(plan.nodes[0].title, "Empleo");
    ASSERT_EQ(plan.nodes[0].children.size(), 2u);
    const Node& first = plan.nodes[0].children[0];
    EXPECT_EQ(first.code, "1.1");
    EXPECT_EQ(first.deadline, (DatePoint{2023, 6, 0}));
    ASSERT_EQ(first.responsible.size(), 2u);
    EXPECT_EQ(first.responsible[0].institution, "Concejalía de Empleo");
    EXPECT_EQ(first.responsible[1].institution, "Servicio Público de Empleo");
    ASSERT_EQ(first.indicators.size(), 1u);
    ASSERT_TRUE(first.indicators[0].target.has_value());
    EXPECT_EQ(first.indicators[0].target->value, 40);
    EXPECT_EQ(plan.nodes[0].children[1].frequency, domain::Frequency::kQuarter);
    EXPECT_EQ(plan.nodes[1].children[0].deadline, (DatePoint{2024, 0, 0}));
}

// ---- hand-made Documents

Cell MakeCell(std::string text, int line, int column) {
    Cell cell;
    cell.text = std::move(text);
    cell.where = {0, line, 0, column};
    return cell;
}

Block TableOf(std::vector<std::vector<std::string>> rows, int first_line) {
    Block block;
    block.kind = Block::Kind::kTable;
    int line = first_line;
    for (auto& texts : rows) {
        Row row;
        int column = 1;
        for (std::string& text : texts) row.cells.push_back(MakeCell(std::move(text), line, column++));
        block.table.rows.push_back(std::move(row));
        line += 2;
    }
    return block;
}

Block ParagraphOf(std::string text, int line) {
    Block block;
    block.paragraph.text = std::move(text);
    block.paragraph.where.line = line;
    return block;
}

TEST(ActionPlan, BoldRunMarksTheLeadAndMergedCellsAreNotFilledInDocx) {
    Document doc;
    doc.format = "docx";
    doc.blocks.push_back(ParagraphOf("Akcijski načrt 2019–2020", 1));
    doc.blocks.push_back(TableOf({{"Konkretni cilji", "Izvedbene aktivnosti", "Pričakovani rezultati", "Odgovorne institucije"},
                                  {"Cilj ena", "Analiza zakona", "Poročilo", "MZ, NIJZ"},
                                  {"", "Priprava predloga", "", ""}},
                                 3));
    doc.blocks.back().table.rows[1].cells[3].bold_runs = {"NIJZ"};
    RecogniseOptions options;
    StatusOr<domain::Plan> plan = Recognise(doc, options);
    ASSERT_TRUE(plan.ok()) << plan.status();
    ASSERT_EQ(plan->nodes.size(), 1u);
    ASSERT_EQ(plan->nodes[0].children.size(), 2u);
    const Node& first = plan->nodes[0].children[0];
    ASSERT_EQ(first.responsible.size(), 2u);
    EXPECT_EQ(first.responsible[0].role, domain::ResponsibilityRole::kPartner);
    EXPECT_EQ(first.responsible[1].institution, "NIJZ");
    EXPECT_EQ(first.responsible[1].role, domain::ResponsibilityRole::kLead);
    // DOCX keeps merges: an empty cell that is not merged stays empty.
    EXPECT_TRUE(plan->nodes[0].children[1].responsible.empty());
    EXPECT_TRUE(plan->nodes[0].children[1].results.empty());
}

TEST(ActionPlan, TabTextCarriesEmptyCellsDownAndWarnsOncePerBlock) {
    Document doc;
    doc.format = "text";
    doc.layout = "tab";
    doc.blocks.push_back(ParagraphOf("Akcijski načrt 2019–2020", 1));
    doc.blocks.push_back(TableOf({{"Konkretni cilji", "Izvedbene aktivnosti", "Pričakovani rezultati", "Odgovorne institucije"},
                                  {"Cilj ena", "Analiza zakona", "Poročilo", "MZ"},
                                  {"", "Priprava predloga", "", ""},
                                  {"", "Sprejem", "", ""},
                                  {"Cilj dva", "Delavnice", "", ""}},
                                 3));
    StatusOr<domain::Plan> plan = Recognise(doc, RecogniseOptions{});
    ASSERT_TRUE(plan.ok()) << plan.status();
    ASSERT_EQ(plan->nodes.size(), 2u);
    ASSERT_EQ(plan->nodes[0].children.size(), 3u);
    EXPECT_EQ(plan->nodes[0].children[2].results, (std::vector<std::string>{"Poročilo"}));
    ASSERT_EQ(plan->nodes[0].children[2].responsible.size(), 1u);
    EXPECT_EQ(plan->nodes[0].children[2].responsible[0].institution, "MZ");
    // A new goal ends the carried block.
    EXPECT_TRUE(plan->nodes[1].children[0].responsible.empty());
    int carried = 0;
    for (const domain::PlanWarning& warning : plan->warnings) {
        if (warning.code != "cell_carried_down") continue;
        ++carried;
        if (warning.message.rfind("“Odgovorne institucije”", 0) == 0) {
            EXPECT_EQ(warning.message, "“Odgovorne institucije” is empty on 2 row(s) from line 7: read as the cell above "
                                       "(line 5)");
            EXPECT_EQ(warning.line, 7);
        }
    }
    EXPECT_EQ(carried, 3);  // goal, results, institutions: one block each
}

TEST(ActionPlan, PeriodGridMarksBecomePeriodsAndSemesterCadence) {
    Document doc;
    doc.format = "text";
    doc.layout = "tab";
    doc.blocks.push_back(ParagraphOf("Akcijski načrt 2019–2020", 1));
    Block table = TableOf({{"Izvedbene aktivnosti", "Časovno obdobje za realizacijo aktivnosti", "Odgovorne institucije"},
                           {"", "2019-1", "2019-2", "2020-1", "2020-2", ""},
                           {"Analiza", "X", "", "", "x", "MZ"}},
                          3);
    table.table.rows[0].cells[1].col_span = 4;
    table.table.rows[0].cells[2].where.column = 6;
    doc.blocks.push_back(std::move(table));
    StatusOr<domain::Plan> plan = Recognise(doc, RecogniseOptions{});
    ASSERT_TRUE(plan.ok()) << plan.status();
    ASSERT_EQ(plan->nodes.size(), 1u);
    EXPECT_EQ(plan->nodes[0].periods, (std::vector<std::string>{"2019-1", "2020-2"}));
    EXPECT_EQ(plan->cadence, domain::Cadence::kSemester);
    EXPECT_TRUE(domain::Validate(*plan).ok()) << domain::Validate(*plan);
}

TEST(Recognise, NoPlanTableIsAnInvalidArgumentNamingTheFile) {
    Document doc;
    doc.blocks.push_back(ParagraphOf("Just a letter to the mayor.", 1));
    doc.blocks.push_back(TableOf({{"Name", "Phone"}, {"Ana", "123"}}, 2));
    RecogniseOptions options;
    options.file_name = "letter.txt";
    StatusOr<domain::Plan> plan = Recognise(doc, options);
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(plan.status().ToString(),
              "letter.txt: no plan table found: expected a table with headers such as Activități / Aktivnosti / "
              "Activities");
}

TEST(Recognise, EmptyDocumentIsAnInvalidArgument) {
    StatusOr<domain::Plan> plan = Recognise(Document{}, RecogniseOptions{});
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace planwatch::import::recognise
