// Action and operational plans: tables of goals, activities, results,
// indicators, deadlines and responsible institutions, under headings for
// pillars, areas, sections and general objectives. Runs the phases of
// action_plan_internal.h over the document in reading order and assembles the Plan.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>

#include "common/text.h"
#include "import/recognise/action_plan_internal.h"
#include "import/recognise/recogniser.h"
#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise {
namespace {

using namespace internal;  // NOLINT: the phases of this recogniser
using domain::NodeKind;

bool StartsLowerCase(std::string_view text) {
    if (text.empty()) return false;
    unsigned char lead = static_cast<unsigned char>(text[0]);
    if (lead < 0x80) return text[0] >= 'a' && text[0] <= 'z';
    if (lead == 0xE2) return false;  // punctuation
    std::string first(text.substr(0, lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2));
    return text::Lower(first) == first && text::SearchKey(first) != first;
}

// Fields that make a table an action plan, and fields of the registry documents.
constexpr Field kActionFields[] = {Field::kActivity, Field::kResults, Field::kIndicators, Field::kDeadline,
                                   Field::kResponsible, Field::kSpecificObjective, Field::kGeneralObjective,
                                   Field::kFrequency, Field::kStart, Field::kPeriodGrid, Field::kTarget};
constexpr Field kRegistryFields[] = {Field::kServiceCode, Field::kServiceName, Field::kCapacity, Field::kOccupancy,
                                     Field::kBeneficiaries, Field::kCpv, Field::kStaff, Field::kArea_m2,
                                     Field::kLicence};
// Enough text for DetectLanguage to be sure, little enough to stay fast.
constexpr size_t kLanguageSampleBytes = 20000;

// Headings and rows in document order; rows come in runs under one layout.
struct Item {
    std::optional<Heading> heading;
    int line = 0;
    std::vector<DataRow> rows;
};

class ActionPlanReader {
public:
    ActionPlanReader(const Document& doc, const RecogniseOptions& options)
        : doc_(doc), options_(options), glossary_(*options.glossary) {}

    StatusOr<domain::Plan> Read();

private:
    void Collect();
    void CollectTable(const Table& table);
    bool OnRow(const Row& row, bool first_in_table, bool& warned_width);
    void OnParagraph(const Paragraph& paragraph);
    void AddHeading(Heading heading, int line);
    void FlushRun();
    DataRow MakeRow(const Row& row, int shift, Row& overflow) const;
    void Build();
    void AddRow(const DataRow& row, HierarchyBuilder& builder, ActivityContext& context);
    void ResolveInstitutions();
    std::string LanguageSample() const;
    std::string HeaderLanguage() const;

    const Document& doc_;
    const RecogniseOptions& options_;
    const Glossary& glossary_;
    domain::Plan plan_;
    std::deque<Layout> layouts_;  // deque: rows point at their layout
    const Layout* layout_ = nullptr;
    std::optional<FlattenedRowBuilder> flattened_;
    std::vector<DataRow> run_;
    std::vector<Item> items_;
    bool in_acronym_list_ = false;
    bool untitled_heading_ = false;  // the last item is a heading still waiting for its title
    bool heading_open_ = false;      // text out of a PDF: the last heading may continue on the next chunk
    int skipped_tables_ = 0;
};

void ActionPlanReader::AddHeading(Heading heading, int line) {
    FlushRun();
    items_.push_back({std::move(heading), line, {}});
}

void ActionPlanReader::FlushRun() {
    if (flattened_) {
        for (DataRow& row : flattened_->Finish()) run_.push_back(std::move(row));
        for (int line : flattened_->TakeIgnoredLines()) {
            plan_.warnings.push_back({line, "a bare number between table cells was left out (a page number?)",
                                      "chunk_ignored"});
        }
    }
    if (run_.empty()) return;
    CarryDown(run_, doc_.format != "docx", plan_.warnings);
    items_.push_back({std::nullopt, run_.front().line, std::move(run_)});
    run_.clear();
}

void ActionPlanReader::OnParagraph(const Paragraph& paragraph) {
    std::string key = text::SearchKey(paragraph.text);
    if (glossary_.MatchPrefix(WordKind::kAcronymListTitle, key).phrase != nullptr) {
        // The list of acronyms is a table too; it is read by FindAcronymList, not as plan rows.
        FlushRun();
        flattened_.reset();
        layout_ = nullptr;
        in_acronym_list_ = true;
        return;
    }
    std::optional<Heading> heading = ClassifyHeading(paragraph.text, glossary_);
    std::string line = text::Normalize(paragraph.text);
    if (!heading && !line.empty() && !items_.empty() && items_.back().heading &&
        (untitled_heading_ || (heading_open_ && StartsLowerCase(line)))) {
        // "OBIECTIV GENERAL X:" alone on its line, or its title cut at a column gap: the
        // next line is the title, and a line starting lower-case continues it.
        std::string& title = items_.back().heading->title;
        title = title.empty() ? line : title + " " + line;
        untitled_heading_ = false;
        heading_open_ = true;
        return;
    }
    untitled_heading_ = false;
    heading_open_ = false;
    if (heading) {
        untitled_heading_ = heading->title.empty();
        heading_open_ = doc_.layout == "flattened";
        AddHeading(std::move(*heading), paragraph.where.line);
        return;
    }
    if (flattened_) flattened_->Add(paragraph);
}

DataRow ActionPlanReader::MakeRow(const Row& row, int shift, Row& overflow) const {
    DataRow out;
    out.layout = layout_;
    out.cells.resize(layout_->columns.size());
    out.line = row.cells.empty() ? 0 : row.cells.front().where.line;
    std::vector<int> grid = GridColumns(row);
    for (size_t i = 0; i < row.cells.size(); ++i) {
        const Cell& cell = row.cells[i];
        int column = grid[i] + shift;
        if (column < 0) continue;
        if (column >= static_cast<int>(out.cells.size())) {
            if (!cell.text.empty()) {
                overflow.cells.push_back(cell);
                overflow.cells.back().col_span = static_cast<int>(out.cells.size());
                overflow.cells.back().where.column = 1;
            }
            continue;
        }
        RowCell& target = out.cells[column];
        target.text = cell.text;
        target.bold = cell.bold;
        target.bold_runs = cell.bold_runs;
        target.carried = cell.merged_from_above;
        target.line = cell.where.line;
    }
    return out;
}

void ActionPlanReader::CollectTable(const Table& table) {
    untitled_heading_ = false;
    heading_open_ = false;
    bool warned_width = false;
    for (size_t index = 0; index < table.rows.size(); ++index) {
        const Row& row = table.rows[index];
        if (int header_rows = HeaderRowsAt(table, index, glossary_); header_rows > 0) {
            FlushRun();
            std::vector<const Row*> rows;
            for (int k = 0; k < header_rows; ++k) rows.push_back(&table.rows[index + k]);
            layouts_.push_back(MapColumns(rows, glossary_, plan_.warnings));
            layout_ = &layouts_.back();
            in_acronym_list_ = false;
            flattened_.reset();
            // Text out of a PDF: the rows follow as paragraphs.
            if (doc_.layout == "flattened" && index + header_rows == table.rows.size()) {
                flattened_.emplace(*layout_, glossary_);
            }
            index += header_rows - 1;
            continue;
        }
        if (!OnRow(row, index == 0, warned_width)) return;
    }
}

// One row of a table under the current layout; false when the rest of the table is to be skipped.
bool ActionPlanReader::OnRow(const Row& row, bool first_in_table, bool& warned_width) {
    std::vector<const Cell*> filled;
    for (const Cell& cell : row.cells) {
        if (!IsBlank(cell.text)) filled.push_back(&cell);
    }
    if (filled.empty()) return true;
    if (filled.size() == 1 && (row.cells.size() == 1 || layout_ == nullptr || filled[0]->col_span > 1)) {
        if (auto heading = ClassifyHeading(filled[0]->text, glossary_)) {
            AddHeading(std::move(*heading), filled[0]->where.line);
            return true;
        }
    }
    if (layout_ == nullptr || in_acronym_list_) {
        if (first_in_table && !in_acronym_list_) ++skipped_tables_;
        return true;
    }
    int width = 0;
    for (const Cell& cell : row.cells) width += std::max(1, cell.col_span);
    int line = row.cells.front().where.line;
    if (first_in_table && width != static_cast<int>(layout_->columns.size())) {
        // A table without its own header continues the last one only when the grid agrees.
        plan_.warnings.push_back({line,
                                  fmt::format("table at line {} has {} columns and no header; the last header has {}: "
                                              "table skipped",
                                              line, width, layout_->columns.size()),
                                  "table_skipped"});
        return false;
    }
    if (width != static_cast<int>(layout_->columns.size()) && !warned_width) {
        warned_width = true;
        plan_.warnings.push_back({line,
                                  fmt::format("row has {} columns, its header {}: cells read by position", width,
                                              layout_->columns.size()),
                                  "row_width"});
    }
    int shift = GridShift(row, *layout_);
    if (shift != 0) {
        plan_.warnings.push_back({line,
                                  fmt::format("row cells moved {} column(s) {} so that its X marks fall in the period "
                                              "columns",
                                              std::abs(shift), shift > 0 ? "right" : "left"),
                                  "row_realigned"});
    }
    Row overflow;
    run_.push_back(MakeRow(row, shift, overflow));
    // Cells pushed past the last column by the shift belong to the next row (a goal or a heading).
    if (!overflow.cells.empty()) return OnRow(overflow, false, warned_width);
    return true;
}

void ActionPlanReader::Collect() {
    for (const Block& block : doc_.blocks) {
        if (block.kind == Block::Kind::kParagraph) {
            OnParagraph(block.paragraph);
        } else {
            CollectTable(block.table);
        }
    }
    FlushRun();
    if (skipped_tables_ > 0) {
        plan_.warnings.push_back(
            {0, fmt::format("{} table(s) before the first header row were not read as plan rows", skipped_tables_),
             "table_skipped"});
    }
}

// Hierarchy columns of a row ("Eje", "Obiective specifice") open nodes when their text changes.
void ActionPlanReader::AddRow(const DataRow& row, HierarchyBuilder& builder, ActivityContext& context) {
    const Layout& layout = *row.layout;
    static constexpr std::pair<Field, NodeKind> kLevels[] = {
        {Field::kPillar, NodeKind::kPillar},
        {Field::kArea, NodeKind::kArea},
        {Field::kSection, NodeKind::kSection},
        {Field::kGeneralObjective, NodeKind::kGeneralObjective},
        {Field::kSpecificObjective, NodeKind::kSpecificObjective}};
    for (const auto& [field, kind] : kLevels) {
        int column = layout.Find(field);
        if (column < 0) continue;
        const RowCell& cell = row.cells[column];
        std::string text = Squash(cell.text);
        if (text.empty()) continue;
        Heading level{kind, "", text};
        if (auto heading = ClassifyHeading(text, glossary_); heading && heading->kind == kind) {
            level = *heading;
        } else if (Numbered numbered = SplitLeadingCode(text); !numbered.code.empty()) {
            level = {kind, numbered.code, numbered.rest};
        }
        domain::Node* current = builder.Current(kind);
        if (current != nullptr && current->code == level.code && current->title == level.title) continue;
        builder.Open(kind, level.code, level.title, cell.line > 0 ? cell.line : row.line);
    }

    const RowCell& activity_cell = row.At(Field::kActivity);
    std::string text = Squash(activity_cell.text);
    if (text.empty()) {
        bool other = false;
        for (size_t column = 0; column < layout.columns.size(); ++column) {
            other = other || (!row.cells[column].carried && !row.cells[column].text.empty() &&
                              layout.columns[column].field != Field::kGeneralObjective &&
                              layout.columns[column].field != Field::kSpecificObjective &&
                              layout.columns[column].field != Field::kPillar &&
                              layout.columns[column].field != Field::kArea &&
                              layout.columns[column].field != Field::kSection);
        }
        if (other) {
            plan_.warnings.push_back(
                {row.line, "row has no activity text; its other cells are not part of any activity", "row_no_activity"});
        }
        return;
    }
    // One cell may list several activities, one per line (the Slovenian plan does;
    // text out of a PDF wraps lines, so there a cell is one activity).
    std::vector<std::string> titles = {text};
    if (doc_.layout != "flattened") {
        std::vector<std::string> lines = SplitLines(activity_cell.text);
        int coded = 0;
        for (const std::string& line : lines) coded += SplitLeadingCode(line).code.empty() ? 0 : 1;
        if (lines.size() > 1 && (coded == 0 || coded == static_cast<int>(lines.size()))) titles = lines;
    }
    for (const std::string& title : titles) {
        domain::Node activity;
        activity.kind = NodeKind::kActivity;
        activity.source_line = activity_cell.line > 0 ? activity_cell.line : row.line;
        Numbered numbered = SplitLeadingCode(title);
        activity.code = numbered.code;
        activity.title = numbered.code.empty() ? title : numbered.rest;
        if (activity.code.empty() && titles.size() == 1) {
                // "Nr. crt." holds "1", "1.", "2.3": all of it is the code.
            std::string number = text::Normalize(row.At(Field::kNumber).text);
            while (!number.empty() && (number.back() == '.' || number.back() == ')')) number.pop_back();
            if (!number.empty() && number.find_first_not_of("0123456789.") == std::string::npos) activity.code = number;
        }
        FillActivity(row, context, activity);
        builder.AddActivity(std::move(activity));
    }
}

void ActionPlanReader::Build() {
    HierarchyBuilder builder(plan_.nodes);
    std::string currency;
    for (const Layout& layout : layouts_) {
        if (layout.Has(Field::kBudget)) currency = DocumentCurrency(doc_, glossary_);
    }
    ActivityContext context{glossary_, plan_.language.empty() ? "auto" : plan_.language, currency, plan_.warnings};
    for (const Item& item : items_) {
        if (item.heading) {
            builder.Open(item.heading->kind, item.heading->code, item.heading->title, item.line);
            continue;
        }
        for (const DataRow& row : item.rows) AddRow(row, builder, context);
    }
}

void ActionPlanReader::ResolveInstitutions() {
    InstitutionResolver resolver(options_.known_institutions, FindAcronymList(doc_, glossary_));
    domain::ForEachNode(plan_.nodes, [&](const domain::Node& node) {
        for (const domain::Responsibility& responsibility : node.responsible) {
            resolver.See(responsibility.institution, node.source_line);
        }
    });
    resolver.Resolve(plan_.warnings);
    domain::ForEachNode(plan_.nodes, [&](domain::Node& node) {
        std::vector<domain::Responsibility> resolved;
        for (const domain::Responsibility& responsibility : node.responsible) {
            std::string name = resolver.Canonical(responsibility.institution);
            auto same = std::find_if(resolved.begin(), resolved.end(),
                                     [&](const domain::Responsibility& r) { return r.institution == name; });
            if (same == resolved.end()) {
                resolved.push_back({name, responsibility.role});
            } else if (responsibility.role == domain::ResponsibilityRole::kLead) {
                same->role = domain::ResponsibilityRole::kLead;
            }
        }
        node.responsible = std::move(resolved);
    });
    plan_.institutions = resolver.Institutions();
}

std::string ActionPlanReader::LanguageSample() const {
    std::string sample;
    for (const Block& block : doc_.blocks) {
        if (sample.size() >= kLanguageSampleBytes) break;
        if (block.kind == Block::Kind::kParagraph) {
            sample += block.paragraph.text + "\n";
            continue;
        }
        for (const Row& row : block.table.rows) {
            for (const Cell& cell : row.cells) sample += cell.text + "\n";
            if (sample.size() >= kLanguageSampleBytes) break;
        }
    }
    return sample;
}

// Too little prose to tell the language: the headers' glossary entries vote.
std::string ActionPlanReader::HeaderLanguage() const {
    std::map<std::string, int> votes;
    for (const Layout& layout : layouts_) {
        for (const Column& column : layout.columns) {
            if (!column.language.empty()) votes[column.language]++;
        }
    }
    std::string best;
    int best_votes = 0;
    for (const auto& [language, count] : votes) {
        if (count > best_votes) best = language, best_votes = count;
    }
    return best;
}

StatusOr<domain::Plan> ActionPlanReader::Read() {
    bool specific = options_.language != "auto" && !options_.language.empty();
    plan_.language = specific ? options_.language : DetectLanguage(LanguageSample());
    for (const ReaderNote& note : doc_.notes) plan_.warnings.push_back({note.where.line, note.message, "reader_note"});

    Collect();
    if (plan_.language.empty()) plan_.language = HeaderLanguage();
    if (layouts_.empty()) {
        SourcePosition where;
        where.file = options_.file_name;
        return InvalidArgument(
            "no plan table found: expected a table with headers such as Activități / Aktivnosti / Activities", where);
    }
    Build();
    if (domain::CountActivities(plan_) == 0) {
        SourcePosition where;
        where.file = options_.file_name;
        where.line = layouts_.front().line;
        return InvalidArgument("the plan table has no activity rows", where);
    }
    ResolveInstitutions();

    plan_.title = FindTitle(doc_, glossary_);
    if (plan_.title.empty()) {
        plan_.title = options_.file_name.empty() ? "Plan" : options_.file_name;
        plan_.warnings.push_back({0, "no title found before the first table: the file name is used", "title_missing"});
    }
    if (auto period = PeriodFromTitle(plan_.title)) {
        plan_.period_start = period->first;
        plan_.period_end = period->second;
    }
    plan_.kind = KindFromTitle(plan_.title);
    plan_.cadence = InferCadence(plan_.nodes);
    std::stable_sort(plan_.warnings.begin(), plan_.warnings.end(),
                     [](const domain::PlanWarning& a, const domain::PlanWarning& b) { return a.line < b.line; });
    return std::move(plan_);
}

}  // namespace

const internal::RowCell& internal::DataRow::At(Field field) const {
    static const RowCell kEmpty;
    int column = layout == nullptr ? -1 : layout->Find(field);
    return column < 0 ? kEmpty : cells[column];
}

double ScoreActionPlan(const Document& doc, const Glossary& glossary) {
    double best = 0;
    for (const Block& block : doc.blocks) {
        if (block.kind != Block::Kind::kTable) continue;
        const Table& table = block.table;
        for (size_t index = 0; index < table.rows.size(); ++index) {
            int header_rows = HeaderRowsAt(table, index, glossary);
            if (header_rows == 0) continue;
            std::vector<domain::PlanWarning> ignored;
            std::vector<const Row*> rows;
            for (int k = 0; k < header_rows; ++k) rows.push_back(&table.rows[index + k]);
            Layout layout = MapColumns(rows, glossary, ignored);
            int action = 0;
            int registry = 0;
            for (Field field : kActionFields) action += layout.Has(field) ? 1 : 0;
            for (Field field : kRegistryFields) registry += layout.Has(field) ? 1 : 0;
            if (!layout.Has(Field::kActivity) && action < 3) continue;
            double score = std::clamp(0.4 + 0.05 * action - 0.1 * registry, 0.05, 0.9);
            best = std::max(best, score);
            index += header_rows - 1;
        }
    }
    return best;
}

StatusOr<domain::Plan> RecogniseActionPlan(const Document& doc, const RecogniseOptions& options) {
    RecogniseOptions resolved = options;
    if (resolved.glossary == nullptr) resolved.glossary = &Glossary::Default();
    ActionPlanReader reader(doc, resolved);
    return reader.Read();
}

}  // namespace planwatch::import::recognise
