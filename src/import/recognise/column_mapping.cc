// Phase 2: header cells -> the Field of every grid column. A header may span
// several rows ("Časovno obdobje" over "2019-1 | 2019-2 | ..."): each grid
// column reads the cells above it from top to bottom and takes the best
// glossary match among the joined text and each single cell.
#include <fmt/format.h>

#include <algorithm>

#include "common/text.h"
#include "import/recognise/action_plan_internal.h"
#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise::internal {
namespace {

// The currency a header names ("Buget (mii lei)" -> RON), "" when none.
std::string HeaderCurrency(std::string_view header, const Glossary& glossary) {
    std::string key = text::SearchKey(header);
    for (size_t pos = 0; pos < key.size(); ++pos) {
        bool word_start = pos == 0 || !std::isalnum(static_cast<unsigned char>(key[pos - 1]));
        if (!word_start) continue;
        PhraseMatch match = glossary.MatchPrefix(WordKind::kCurrency, std::string_view(key).substr(pos));
        if (match.phrase != nullptr) return match.phrase->code;
    }
    return "";
}

struct Candidate {
    std::optional<HeaderMatch> match;
    int rank = 0;  // lower rows win ties: a sub-header is more specific
};

}  // namespace

bool Layout::Has(Field field) const { return Find(field) >= 0; }

int Layout::Find(Field field) const {
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].field == field) return static_cast<int>(i);
    }
    return -1;
}

std::vector<int> GridColumns(const Row& row) {
    std::vector<int> grid;
    int next = 0;
    for (const Cell& cell : row.cells) {
        // Readers number grid columns from 1; trust that when it does not go backwards.
        int column = cell.where.column > 0 && cell.where.column - 1 >= next ? cell.where.column - 1 : next;
        grid.push_back(column);
        next = column + std::max(1, cell.col_span);
    }
    return grid;
}

bool IsMark(std::string_view text) {
    if (text.size() > 8) return false;
    std::string t = text::Normalize(text);
    return t == "X" || t == "x" || t == "\u2713" || t == "\u2714" || t == "\u2022" || t == "+" || t == "*";
}

int GridShift(const Row& row, const Layout& layout) {
    if (!layout.Has(Field::kPeriodGrid)) return 0;
    std::vector<int> grid = GridColumns(row);
    auto score = [&](int shift) {
        int value = 0;
        for (size_t i = 0; i < row.cells.size(); ++i) {
            int column = grid[i] + shift;
            bool in_grid = column >= 0 && column < static_cast<int>(layout.columns.size()) &&
                           layout.columns[column].field == Field::kPeriodGrid;
            bool mark = IsMark(row.cells[i].text);
            bool text = !mark && !IsBlank(row.cells[i].text);
            if (in_grid) value += mark ? 1 : (text ? -1 : 0);
            if (!in_grid && mark) value -= 1;
        }
        return value;
    };
    int best = 0;
    int best_score = score(0);
    for (int shift : {1, -1}) {
        if (int value = score(shift); value > best_score) best = shift, best_score = value;
    }
    return best;
}

Layout MapColumns(const std::vector<const Row*>& header_rows, const Glossary& glossary,
                  std::vector<domain::PlanWarning>& warnings) {
    Layout layout;
    if (header_rows.empty()) return layout;
    layout.line = header_rows.front()->cells.empty() ? 0 : header_rows.front()->cells.front().where.line;

    // texts[column] = the header cells above that grid column, top to bottom.
    std::vector<std::vector<std::string>> texts;
    for (const Row* row : header_rows) {
        std::vector<int> grid = GridColumns(*row);
        for (size_t i = 0; i < row->cells.size(); ++i) {
            const Cell& cell = row->cells[i];
            int end = grid[i] + std::max(1, cell.col_span);
            if (static_cast<int>(texts.size()) < end) texts.resize(end);
            for (int column = grid[i]; column < end; ++column) {
                if (!cell.text.empty()) texts[column].push_back(cell.text);
            }
        }
    }

    layout.columns.resize(texts.size());
    for (size_t column = 0; column < texts.size(); ++column) {
        Column& out = layout.columns[column];
        std::vector<std::string>& cells = texts[column];
        // A cell spanning several grid columns appears once per column; say it once.
        cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
        for (std::string& cell : cells) cell = text::Normalize(cell);
        cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
        out.header = fmt::format("{}", fmt::join(cells, " "));
        if (cells.empty()) continue;
        if (std::string period = CanonicalPeriodLabel(cells.back()); !period.empty()) {
            out.field = Field::kPeriodGrid;
            out.period = period;
            continue;
        }
        Candidate best{glossary.MatchHeader(out.header), 0};
        for (size_t i = 0; i < cells.size(); ++i) {
            std::optional<HeaderMatch> match = glossary.MatchHeader(cells[i]);
            if (!match) continue;
            if (!best.match || match->score >= best.match->score) best = {match, static_cast<int>(i) + 1};
        }
        if (best.match) {
            out.field = best.match->field;
            out.language = best.match->language;
        } else {
            int line = header_rows.front()->cells.empty() ? 0 : header_rows.front()->cells.front().where.line;
            warnings.push_back({line, fmt::format("column {} “{}” not recognised; its cells are ignored",
                                                  column + 1, out.header),
                                "column_unmapped"});
        }
        out.money_multiplier = HeaderMoneyMultiplier(out.header);
        out.currency = HeaderCurrency(out.header, glossary);
    }
    // No activity column ("Obiettivi | Risultati | Linee d'azione | Scadenza"): the
    // rightmost level column is the most specific one, so its rows are the activities.
    if (!layout.Has(Field::kActivity) && (layout.Has(Field::kDeadline) || layout.Has(Field::kResponsible) ||
                                          layout.Has(Field::kResults) || layout.Has(Field::kIndicators))) {
        for (size_t column = layout.columns.size(); column-- > 0;) {
            std::optional<Field>& field = layout.columns[column].field;
            if (field != Field::kPillar && field != Field::kArea && field != Field::kSection &&
                field != Field::kGeneralObjective && field != Field::kSpecificObjective) {
                continue;
            }
            warnings.push_back({layout.line,
                                fmt::format("no activity column: “{}” read as the activities", layout.columns[column].header),
                                "activity_column_guessed"});
            field = Field::kActivity;
            break;
        }
    }
    return layout;
}

}  // namespace planwatch::import::recognise::internal
