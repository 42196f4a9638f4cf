// Text flattened out of a PDF keeps the reading order of a table but not its
// grid: after a header row, each cell arrives as a paragraph chunk, row after
// row, left to right, and merged cells appear only in their first row. Chunks
// are put back into columns by what they look like — a schedule for a
// deadline column, "1." for a goal column, an institution word for the
// responsible column, a number for an indicator — and by order: a plain chunk
// fills the next text column, or continues the cell before it.
#include <cctype>

#include "common/text.h"
#include "import/recognise/action_plan_internal.h"
#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise::internal {
namespace {

// A schedule cell is short: "Iulie 2017", "Anual (2017, 2018, ... 2022)", "Permanent".
constexpr int kMaxScheduleWords = 8;

enum class ColumnKind { kGoal, kText, kNumber, kSchedule, kInstitution, kOther };

ColumnKind KindOf(const std::optional<Field>& field) {
    if (!field) return ColumnKind::kOther;
    switch (*field) {
        case Field::kGeneralObjective:
        case Field::kSpecificObjective: return ColumnKind::kGoal;
        case Field::kActivity: return ColumnKind::kText;
        case Field::kResults:
        case Field::kIndicators:
        case Field::kTarget:
        case Field::kBaseline: return ColumnKind::kNumber;
        case Field::kDeadline:
        case Field::kStart:
        case Field::kFrequency:
        case Field::kPeriodGrid: return ColumnKind::kSchedule;
        case Field::kResponsible:
        case Field::kLead:
        case Field::kPartners: return ColumnKind::kInstitution;
        default: return ColumnKind::kOther;
    }
}

int CountWords(std::string_view s) {
    int words = 0;
    bool in_word = false;
    for (char c : s) {
        bool space = c == ' ' || c == '\n';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

bool LooksLikeSchedule(std::string_view text, const Glossary& glossary) {
    if (CountWords(text) > kMaxScheduleWords) return false;
    std::string key = text::SearchKey(text);
    if (key.empty()) return false;
    // Digits open a schedule only as a year or a date ("2017", "31.12.2020"), not as a count ("1 raport anual").
    size_t digits = 0;
    while (digits < key.size() && std::isdigit(static_cast<unsigned char>(key[digits]))) ++digits;
    bool year = digits == 4 && (key[0] == '1' || key[0] == '2');
    bool date = digits >= 1 && digits <= 2 && digits < key.size() && (key[digits] == '.' || key[digits] == '/') &&
                digits + 1 < key.size() && std::isdigit(static_cast<unsigned char>(key[digits + 1]));
    bool schedule_start = year || date;
    for (WordKind kind : {WordKind::kMonth, WordKind::kFrequency, WordKind::kStartMarker, WordKind::kDeadlineMarker,
                          WordKind::kRangeMarker, WordKind::kQuarterPrefix, WordKind::kSemesterPrefix}) {
        schedule_start = schedule_start || glossary.MatchPrefix(kind, key).phrase != nullptr;
    }
    return schedule_start && ParseSchedule(text, glossary).understood;
}

// A chunk that starts lower-case or with a closing piece of punctuation cannot open a cell.
bool StartsMidSentence(std::string_view text) {
    if (text.empty()) return false;
    unsigned char lead = static_cast<unsigned char>(text[0]);
    if (text[0] == '(' || text[0] == '/' || text[0] == ',' || text[0] == ';' || text[0] == ')') return true;
    if (lead < 0x80) return text[0] >= 'a' && text[0] <= 'z';
    if (lead == 0xE2) return false;
    size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    std::string first(text.substr(0, length));
    return text::Lower(first) == first && text::SearchKey(first) != first;
}

bool IsUpperAcronym(std::string_view word) {
    if (word.size() < 2) return false;
    for (char c : word) {
        if (c >= 'a' && c <= 'z') return false;
    }
    return std::isupper(static_cast<unsigned char>(word[0])) != 0;
}

bool LooksLikeInstitution(std::string_view text, const Glossary& glossary) {
    std::string key = text::SearchKey(text);
    if (glossary.MatchPrefix(WordKind::kInstitutionHead, key).phrase != nullptr) return true;
    return IsUpperAcronym(text.substr(0, text.find_first_of(" ,\n")));
}

}  // namespace

FlattenedRowBuilder::FlattenedRowBuilder(const Layout& layout, const Glossary& glossary)
    : layout_(layout), glossary_(glossary) {}

int FlattenedRowBuilder::ColumnFor(std::string_view text) const {
    auto first_after = [&](ColumnKind kind, int after) {
        for (int i = after + 1; i < static_cast<int>(layout_.columns.size()); ++i) {
            if (KindOf(layout_.columns[i].field) == kind) return i;
        }
        return -1;
    };
    auto first = [&](ColumnKind kind) {
        // The next such column in this row, else the first one (a new row).
        int next = first_after(kind, column_ - 1);
        return next >= 0 ? next : first_after(kind, -1);
    };
    if (LooksLikeSchedule(text, glossary_)) return first(ColumnKind::kSchedule);
    if (std::string code = SplitLeadingCode(text).code; !code.empty()) {
        // "1." numbers a goal, "1.1." an activity under it.
        bool dotted = code.find('.') != std::string::npos;
        if (int column = first(dotted ? ColumnKind::kText : ColumnKind::kGoal); column >= 0) return column;
    }
    if (LooksLikeInstitution(text, glossary_)) return first(ColumnKind::kInstitution);
    if (ParseTarget(text, glossary_)) return first(ColumnKind::kNumber);
    return -1;
}

bool FlattenedRowBuilder::ContinuesCell(std::string_view text) const {
    // A date does not continue in words: after a schedule cell the row is complete.
    if (column_ >= 0 && KindOf(layout_.columns[column_].field) == ColumnKind::kSchedule) return false;
    return StartsMidSentence(text);
}

void FlattenedRowBuilder::StartRow(int line) {
    DataRow row;
    row.layout = &layout_;
    row.cells.resize(layout_.columns.size());
    row.line = line;
    rows_.push_back(std::move(row));
    column_ = -1;
}

void FlattenedRowBuilder::Add(const Paragraph& chunk) {
    const std::string& text = chunk.text;
    if (text.empty() || layout_.columns.empty()) return;
    int last = static_cast<int>(layout_.columns.size()) - 1;
    if (text.size() <= 4 && text.find_first_not_of("0123456789") == std::string::npos) {
        // A bare number between cells is what is left of a page number; no cell is just that.
        ignored_.push_back(chunk.where.line);
        return;
    }
    int column = -1;
    if (!rows_.empty() && column_ >= 0 && ContinuesCell(text)) {
        column = column_;  // the rest of a cell the page or a blank line cut
    } else {
        column = ColumnFor(text);
    }
    if (column >= 0 && column == column_) {
        // continues the current cell
    } else if (column >= 0) {
        if (rows_.empty() || column < column_) StartRow(chunk.where.line);
    } else if (rows_.empty() || column_ < 0 || column_ == last) {
        // A plain chunk opens a row at its first text column (goals appear numbered).
        StartRow(chunk.where.line);
        for (int i = 0; i <= last && column < 0; ++i) {
            ColumnKind kind = KindOf(layout_.columns[i].field);
            if (kind == ColumnKind::kText || kind == ColumnKind::kNumber) column = i;
        }
        if (column < 0) column = 0;
    } else {
        ColumnKind next = column_ + 1 <= last ? KindOf(layout_.columns[column_ + 1].field) : ColumnKind::kOther;
        column = next == ColumnKind::kText || next == ColumnKind::kNumber ? column_ + 1 : column_;
    }
    RowCell& cell = rows_.back().cells[column];
    if (!cell.text.empty()) cell.text += "\n";
    cell.text += text;
    if (cell.line == 0) cell.line = chunk.where.line;
    column_ = column;
}

std::vector<int> FlattenedRowBuilder::TakeIgnoredLines() {
    std::vector<int> lines = std::move(ignored_);
    ignored_.clear();
    return lines;
}

std::vector<DataRow> FlattenedRowBuilder::Finish() {
    std::vector<DataRow> rows = std::move(rows_);
    rows_.clear();
    column_ = -1;
    return rows;
}

}  // namespace planwatch::import::recognise::internal
