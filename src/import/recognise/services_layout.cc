#include "import/recognise/services_layout.h"

#include "common/text.h"
#include "import/recognise/nomenclature.h"
#include "import/recognise/services_values.h"
#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise {
namespace {

bool IsNumberingRow(const Row& row) {
    int expected = 1;
    for (const Cell& cell : row.cells) {
        if (text::Normalize(cell.text) != std::to_string(expected)) return false;
        ++expected;
    }
    return row.cells.size() >= 3;
}

// A cell that can only be data: a service code, a percentage, an amount.
bool LooksLikeData(const std::string& text) {
    if (FindServiceCode(text)) return true;
    if (text.find('%') != std::string::npos) return true;
    size_t digits = 0;
    for (char c : text) digits += (c >= '0' && c <= '9');
    return digits >= 3;
}

// match: glossary.MatchHeader(text), computed once by the caller.
bool IsHeaderCell(const std::string& text, const std::optional<HeaderMatch>& match, const RegistryWords& words) {
    if (match) return true;
    std::string key = text::SearchKey(text);
    return FindLabel(key, words.funding_sources, /*prefix_only=*/true).has_value() ||
           ContainsAny(key, words.persons_headers);
}

// Grid columns of each cell of row (first column 0, span >= 1), given the width.
std::vector<std::pair<int, int>> Placement(const Row& row, const Row* below, size_t width) {
    std::vector<std::pair<int, int>> out;
    if (row.cells.size() == width) {
        for (size_t i = 0; i < width; ++i) out.emplace_back(static_cast<int>(i), 1);
        return out;
    }
    // The reader's own positions, when they tile the width.
    int next = 0;
    bool tiled = true;
    for (const Cell& cell : row.cells) {
        if (cell.where.column - 1 != next || cell.col_span < 1) tiled = false;
        out.emplace_back(cell.where.column - 1, cell.col_span);
        next = cell.where.column - 1 + cell.col_span;
    }
    if (tiled && next == static_cast<int>(width)) return out;
    out.clear();
    // Align with the full row below: an empty cell below sits under a cell that does
    // not span; a run of non-empty cells sits under one spanning cell.
    if (below != nullptr && below->cells.size() == width) {
        size_t col = 0;
        for (size_t i = 0; i < row.cells.size() && col < width; ++i) {
            size_t start = col;
            if (text::Normalize(below->cells[col].text).empty()) {
                ++col;
            } else {
                while (col < width && !text::Normalize(below->cells[col].text).empty()) ++col;
            }
            out.emplace_back(static_cast<int>(start), static_cast<int>(col - start));
        }
        if (out.size() == row.cells.size() && col == width) return out;
        out.clear();
    }
    for (size_t i = 0; i < row.cells.size(); ++i) out.emplace_back(static_cast<int>(i), 1);
    return out;
}

}  // namespace

int TableLayout::Find(Field field) const {
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].field == field) return static_cast<int>(i);
    }
    return -1;
}

std::optional<TableLayout> ReadServiceTableHeader(const Table& table, const Glossary& glossary,
                                                  const RegistryWords& words, bool relaxed) {
    std::vector<const Row*> header_rows;
    size_t row_idx = 0;
    int first_row_matches = 0;
    bool first_row_budget = false;
    for (; row_idx < table.rows.size() && row_idx < 4; ++row_idx) {
        const Row& row = table.rows[row_idx];
        if (IsNumberingRow(row)) continue;
        int non_empty = 0, header_like = 0;
        bool data = false;
        for (const Cell& cell : row.cells) {
            std::string cell_text = text::Normalize(cell.text);
            if (cell_text.empty()) continue;
            ++non_empty;
            std::optional<HeaderMatch> match = glossary.MatchHeader(cell_text);
            bool header = IsHeaderCell(cell_text, match, words);
            if (LooksLikeData(cell_text) && !header) data = true;
            if (header) {
                ++header_like;
                if (header_rows.empty() && match && match->field == Field::kBudget) first_row_budget = true;
            }
        }
        if (data || non_empty == 0 || header_like * 2 < non_empty) break;
        if (header_rows.empty()) {
            first_row_matches = header_like;
            // Decided by the first header row alone: no need to read the rows below it.
            if (first_row_matches < 2 && !(relaxed && first_row_budget)) return std::nullopt;
        }
        header_rows.push_back(&row);
    }
    if (header_rows.empty()) return std::nullopt;
    if (first_row_matches < 2 && !(relaxed && first_row_budget)) return std::nullopt;

    size_t width = 0;
    for (const Row* row : header_rows) width = std::max(width, row->cells.size());
    TableLayout layout;
    layout.first_data_row = row_idx;
    layout.header_line = table.where.line;
    layout.columns.resize(width);
    std::vector<std::vector<std::string>> levels(width);
    for (size_t h = 0; h < header_rows.size(); ++h) {
        const Row* below = nullptr;
        for (size_t k = h + 1; k < header_rows.size(); ++k) {
            if (header_rows[k]->cells.size() == width) {
                below = header_rows[k];
                break;
            }
        }
        std::vector<std::pair<int, int>> placement = Placement(*header_rows[h], below, width);
        for (size_t i = 0; i < placement.size(); ++i) {
            std::string cell_text = text::Normalize(header_rows[h]->cells[i].text);
            if (cell_text.empty()) continue;
            for (int col = placement[i].first; col < placement[i].first + placement[i].second; ++col) {
                if (col >= 0 && col < static_cast<int>(width)) levels[col].push_back(cell_text);
            }
        }
    }
    int64_t announced_multiplier = 1;
    for (size_t col = 0; col < width; ++col) {
        ServiceColumn& column = layout.columns[col];
        for (const std::string& level : levels[col]) column.header += (column.header.empty() ? "" : " / ") + level;
        if (levels[col].empty()) continue;
        column.lowest = levels[col].back();
        std::string key = text::SearchKey(column.lowest);
        std::optional<HeaderMatch> lowest = glossary.MatchHeader(column.lowest);
        std::optional<HeaderMatch> upper =
            levels[col].size() > 1 ? glossary.MatchHeader(levels[col].front()) : std::nullopt;
        std::optional<std::string> source = FindLabel(key, words.funding_sources);
        if (lowest) column.field = lowest->field;
        if (ContainsAny(key, words.area_units) && column.field == Field::kCapacity) column.field = Field::kArea_m2;
        if (upper && upper->field == Field::kBudget && source) column.field = Field::kBudget;
        if (!column.field && upper) column.field = upper->field;
        if (ContainsAny(key, words.persons_headers)) column.persons = true;
        if (column.field == Field::kBudget) {
            column.source = source.value_or("");
            column.multiplier = HeaderMoneyMultiplier(column.header);
            if (column.multiplier != 1) announced_multiplier = column.multiplier;
        }
    }
    // "(mii lei)" written under one budget column of a group is the unit of the whole
    // group: the other columns' totals only add up in thousands as well.
    for (ServiceColumn& column : layout.columns) {
        if (column.field == Field::kBudget && column.multiplier == 1 && announced_multiplier != 1) {
            column.multiplier = announced_multiplier;
            layout.multiplier_extended = true;
        }
    }
    return layout;
}

std::vector<RowAssembler::Output> RowAssembler::Add(const Row& row) {
    std::vector<Output> out;
    int non_empty = 0;
    for (const Cell& cell : row.cells) non_empty += !text::Normalize(cell.text).empty();
    if (pending_.empty()) {
        if (non_empty == 0) return out;
        if (non_empty == 1 && row.cells.size() < width_ / 2 + 1) {
            for (const Cell& cell : row.cells) {
                if (!text::Normalize(cell.text).empty()) {
                    // A lone row number starts a row that continues below; anything else is a heading.
                    std::string t = text::Normalize(cell.text);
                    bool row_number = !t.empty() && t.find_first_not_of("0123456789.") == std::string::npos;
                    if (row_number && row.cells.size() > 1) break;
                    if (!row_number) {
                        out.push_back({Output::Kind::kHeading, {cell}});
                        return out;
                    }
                }
            }
        }
    }
    for (const Cell& cell : row.cells) {
        pending_.push_back(cell);
        if (pending_.size() == width_) {
            out.push_back({Output::Kind::kRow, std::move(pending_)});
            pending_.clear();
        }
    }
    return out;
}

std::optional<RowAssembler::Output> RowAssembler::Flush() {
    if (pending_.empty()) return std::nullopt;
    bool any = false;
    for (const Cell& cell : pending_) any = any || !text::Normalize(cell.text).empty();
    Output out{Output::Kind::kRow, std::move(pending_)};
    pending_.clear();
    if (!any) return std::nullopt;
    out.cells.resize(width_);
    return out;
}

}  // namespace planwatch::import::recognise
