#pragma once
// Internal to the action-plan recogniser: the values its phases hand to one
// another. Order of the phases (action_plan.cc runs them):
//   header_detection  which table rows are headers
//   column_mapping    header cells -> a Layout (Field per grid column, period grid)
//   flattened_rows    text flattened out of a PDF: paragraph chunks -> rows of a Layout
//   carry_down        empty goal/result/institution cells inherit the cell above
//   hierarchy         headings and numbered cells -> nodes (pillar .. activity)
//   institutions      names -> one canonical institution each
// Every phase reports its uncertain decisions as domain::PlanWarning with a line.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/plan.h"
#include "import/cells.h"
#include "import/recognise/glossary.h"

namespace planwatch::import::recognise::internal {

// ---- header_detection.cc

// True when the text has nothing but ASCII whitespace (readers give NFC text, so
// other blanks were already folded); cheaper than normalising.
bool IsBlank(std::string_view text);

// True when a cell reads like a grid period label: "2019-1", "2019-S1",
// "2020-Q3", "T3 2024", "Q3 2024", "S1 2019" (not a bare year).
bool IsPeriodLabel(std::string_view text);
// The label as domain::ParsePeriod reads it ("T3 2024" -> "2024-Q3"); empty when not one.
std::string CanonicalPeriodLabel(std::string_view text);

// True when the row names columns: at least two different fields, and at least
// half of its non-empty cells (all when strict) match a glossary header or are period labels.
bool IsHeaderRow(const Row& row, const Glossary& glossary, bool strict = false);
// True when every non-empty cell of the row is a period label and there are at least two.
bool IsPeriodRow(const Row& row);

// The number of header rows starting at `row_index` of the table (a header row
// plus the period/header rows right under it); 0 when that row is not a header.
int HeaderRowsAt(const Table& table, size_t row_index, const Glossary& glossary);

// ---- column_mapping.cc

struct Column {
    std::optional<Field> field;  // nullopt: no glossary header matched
    std::string header;          // the header text as written (rows joined with " ")
    std::string period;          // for kPeriodGrid: the period label ("2019-1")
    int64_t money_multiplier = 1;
    std::string currency;        // named by the header ("(mii lei)" -> RON), else ""
    std::string language;        // of the glossary entry that matched the header
};

struct Layout {
    std::vector<Column> columns;  // by grid column, 0-based
    int line = 0;                 // of the first header row
    bool Has(Field field) const;
    int Find(Field field) const;  // first column with the field, -1 when none
};

// Maps header rows (top to bottom) to a Layout. Columns whose header matches
// nothing are kept with field nullopt and reported in warnings.
Layout MapColumns(const std::vector<const Row*>& header_rows, const Glossary& glossary,
                  std::vector<domain::PlanWarning>& warnings);

// The grid column of each cell of a row (0-based), from col_span.
std::vector<int> GridColumns(const Row& row);

// True for a grid mark: "X", "x", "✓", "✔", "•", "+", "*".
bool IsMark(std::string_view text);

// A text export can lose an empty cell and shift a row: when the layout has a
// period grid, the shift (-1, 0 or +1) that puts the most X marks and the fewest
// other texts into the grid columns. 0 when the row fits or there is no grid.
int GridShift(const Row& row, const Layout& layout);

// ---- rows handed from the table phases to the hierarchy phase

struct RowCell {
    std::string text;
    std::vector<std::string> bold_runs;
    bool bold = false;
    bool carried = false;  // text copied from the row above (carry_down)
    int line = 0;
};

struct DataRow {
    const Layout* layout = nullptr;
    std::vector<RowCell> cells;  // one per layout column
    int line = 0;
    const RowCell& At(Field field) const;  // an empty cell when the layout lacks the field
};

// ---- flattened_rows.cc

// Text pulled out of a PDF loses its table: each cell arrives as one or more
// paragraph chunks, in column order. Assigns the chunks to the layout's columns
// by what they look like (a date, a numbered goal, an institution, a number)
// and their order; a chunk that fits the column before it continues that cell.
class FlattenedRowBuilder {
public:
    FlattenedRowBuilder(const Layout& layout, const Glossary& glossary);
    void Add(const Paragraph& chunk);
    // The rows built so far (completed or not); the builder is empty afterwards.
    std::vector<DataRow> Finish();
    // Lines of chunks left out (bare numbers: page numbers the reader kept), since the last call.
    std::vector<int> TakeIgnoredLines();

private:
    int ColumnFor(std::string_view text) const;
    bool ContinuesCell(std::string_view text) const;
    void StartRow(int line);

    const Layout& layout_;
    const Glossary& glossary_;
    std::vector<DataRow> rows_;
    int column_ = -1;  // column of the last chunk in the current row, -1 before the first
    std::vector<int> ignored_;
};

// ---- carry_down.cc

// In rows of one table run, an empty cell of a goal, result or institution
// column inherits the text above it (TAB text and PDFs lose vertical merges).
// A carried block ends at a row that fills the cell or starts a new goal.
// fill_empty is false for formats that keep merges (DOCX marks them with
// merged_from_above and an empty cell there is really empty). Warns once per
// carried block (filled here or by the reader) with the line of its first row.
void CarryDown(std::vector<DataRow>& rows, bool fill_empty, std::vector<domain::PlanWarning>& warnings);

// ---- hierarchy_detection.cc

struct Heading {
    domain::NodeKind kind = domain::NodeKind::kPillar;
    std::string code;   // normalised: no trailing dot
    std::string title;
};

// A paragraph or one-cell row that opens a level: "I. REDUCEREA…" (pillar),
// "A. Prevenirea…" (area), "A.1 Prevenirea…" (section), "OBIECTIV GENERAL I: …",
// "Poglavje iz strategije: Zakonodaja", "CAPITOLUL 2 …" (glossary hierarchy words).
// nullopt for anything else (prose, a title line).
std::optional<Heading> ClassifyHeading(std::string_view text, const Glossary& glossary);

// A leading number code of a cell: "1.1.Implementarea" -> {"1.1", "Implementarea"},
// "1. Consolidarea" -> {"1", "Consolidarea"}; "1 proiect" and "2020" have none.
struct Numbered {
    std::string code;
    std::string rest;
};
Numbered SplitLeadingCode(std::string_view text);

// Builds the node tree from headings and rows in document order. Levels rank
// pillar > area > section > general objective > specific objective > activity;
// a node goes under the nearest open node of a higher rank.
class HierarchyBuilder {
public:
    explicit HierarchyBuilder(std::vector<domain::Node>& roots) : roots_(roots) {}
    domain::Node& Open(domain::NodeKind kind, std::string code, std::string title, int line);
    // Adds an activity under the nearest open node; returns it.
    domain::Node& AddActivity(domain::Node activity);
    // The open node of that kind, nullptr when none is open.
    domain::Node* Current(domain::NodeKind kind);
    // Closes every level at or below `kind` (a new table of a new chapter...).
    void CloseFrom(domain::NodeKind kind);

private:
    std::vector<domain::Node>& roots_;
    // Open nodes, outermost first, as paths of child indexes (pointers would
    // dangle when a vector grows).
    std::vector<std::vector<size_t>> open_;
    domain::Node& At(const std::vector<size_t>& path);
};

// ---- institution_resolution.cc

// Resolves the names seen in one plan to canonical institutions: spelling
// variants ("ISJ Cluj", "IȘJ Cluj", "IŞJ Cluj"; "CPECA CLUJ") become one, the
// document's acronyms expand ("NIJZ" -> "Nacionalni inštitut za javno zdravje"),
// known institutions (the registry) win over the document's spellings.
class InstitutionResolver {
public:
    InstitutionResolver(const std::vector<domain::Institution>& known,
                        const std::map<std::string, std::string>& acronyms);
    // First pass: every name as written, with the line it is on.
    void See(std::string_view name, int line);
    // After every See(): picks canonical names, warns once per variant read as another.
    void Resolve(std::vector<domain::PlanWarning>& warnings);
    // The canonical name for a name passed to See().
    std::string Canonical(std::string_view name) const;
    // plan.institutions: every canonical institution with acronym and aliases, in first-seen order.
    std::vector<domain::Institution> Institutions() const;

private:
    struct Spelling {
        std::string text;
        std::string key;  // CompactKey(text)
        int count = 0;
        int line = 0;
        size_t order = 0;
    };
    struct Group {
        std::vector<Spelling> spellings;  // in first-seen order
        std::string canonical;
        std::string acronym;
        size_t order = 0;
        const domain::Institution* known = nullptr;
    };
    std::string Expand(std::string_view name, std::string* acronym) const;
    size_t GroupFor(const std::string& key);

    const std::vector<domain::Institution>& known_;
    std::map<std::string, std::string> acronyms_;     // acronym key -> full name
    std::vector<Group> groups_;
    std::map<std::string, size_t> group_by_key_;      // compact key -> group
    std::map<std::string, size_t, std::less<>> group_by_name_;  // name as seen -> group
    std::map<std::string, size_t, std::less<>> spelling_by_name_;  // name as seen -> its spelling in that group
    std::map<std::string, std::string> acronym_of_;   // expanded name -> acronym
    size_t seen_ = 0;
};

// The key two spellings of one institution share: SearchKey without punctuation and spaces.
std::string CompactKey(std::string_view name);

// ---- activity_cells.cc

// Runs of spaces, tabs and line breaks -> one space, trimmed. Cells arrive
// normalised (cells.h: NFC, ș ț), so this is all a title needs, without ICU.
std::string Squash(std::string_view text);

// A results cell -> one result per line; a line that starts lower-case or
// follows one ending in "-" or "/" continues the line before (soft wraps).
std::vector<std::string> SplitLines(std::string_view cell);
// An indicators cell -> one per line, and a line split at commas followed by
// an upper-case item ("Număr de participanți, Număr de materiale").
std::vector<std::string> SplitListItems(std::string_view cell);

// ---- activity_fields.cc

struct ActivityContext {
    const Glossary& glossary;
    std::string language;          // "ro", ... or "auto"
    std::string default_currency;  // for amounts that name none; "" when unknown
    std::vector<domain::PlanWarning>& warnings;
};

// Fills an activity from its row: results, indicators and targets, schedule,
// periods of the grid, responsible institutions (names as written; the lead
// first marked, else the first), budget lines.
void FillActivity(const DataRow& row, ActivityContext& context, domain::Node& activity);

// ---- plan_header.cc

// The title: the first block of consecutive short paragraphs before any table
// or heading that names a year (else the first block); trailing one-word
// lines ("Uvod", "Introduction") dropped. Empty when there is none.
std::string FindTitle(const Document& doc, const Glossary& glossary);
// "… în perioada 2017 - 2020", "… ZA OBDOBJE 2019–2020" -> {2017, 2020}.
std::optional<std::pair<int, int>> PeriodFromTitle(std::string_view title);
// kOperationalPlan when the title says so ("Plan operațional", "piano operativo"), else kActionPlan.
domain::PlanKind KindFromTitle(std::string_view title);
// Semester / quarter / month when activities carry grid periods of that kind,
// else the most common evaluation frequency when it is periodic; nullopt otherwise.
std::optional<domain::Cadence> InferCadence(const std::vector<domain::Node>& nodes);
// The currency the document names most often ("lei", "evra", "€"): amounts
// that name none are in it. "" when the text names no currency.
std::string DocumentCurrency(const Document& doc, const Glossary& glossary);

}  // namespace planwatch::import::recognise::internal
