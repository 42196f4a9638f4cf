// Phase 3: vertically merged cells. A goal, its results and its institutions
// are often written once for several activity rows; TAB text and PDF text lose
// the merge and leave the cells below empty, DOCX marks them (the reader copies
// the text and sets merged_from_above). Either way the rows share the cell.
#include <fmt/format.h>

#include "import/recognise/action_plan_internal.h"

namespace planwatch::import::recognise::internal {
namespace {

bool IsGoal(const std::optional<Field>& field) {
    return field == Field::kGeneralObjective || field == Field::kSpecificObjective;
}

bool IsCarried(const std::optional<Field>& field) {
    return IsGoal(field) || field == Field::kResults || field == Field::kResponsible || field == Field::kLead ||
           field == Field::kPartners;
}

// The goal cells of a row as written (before carrying): a new goal ends every carried block.
bool StartsGoal(const DataRow& row, const Layout& layout) {
    for (size_t column = 0; column < layout.columns.size(); ++column) {
        if (IsGoal(layout.columns[column].field) && !row.cells[column].text.empty() && !row.cells[column].carried) {
            return true;
        }
    }
    return false;
}

struct Block {
    int source_line = 0;  // where the carried text is written
    int first_line = 0;   // first row that inherits it
    int rows = 0;
};

void Flush(Block& block, const Column& column, std::vector<domain::PlanWarning>& warnings) {
    if (block.rows == 0) return;
    warnings.push_back({block.first_line,
                        fmt::format("“{}” is empty on {} row(s) from line {}: read as the cell above (line {})",
                                    column.header, block.rows, block.first_line, block.source_line),
                        "cell_carried_down"});
    block = {};
}

}  // namespace

void CarryDown(std::vector<DataRow>& rows, bool fill_empty, std::vector<domain::PlanWarning>& warnings) {
    if (rows.empty() || rows.front().layout == nullptr) return;
    const Layout& layout = *rows.front().layout;
    for (size_t column = 0; column < layout.columns.size(); ++column) {
        const Column& info = layout.columns[column];
        if (!IsCarried(info.field)) continue;
        std::string above;
        int above_line = 0;
        Block block;
        for (DataRow& row : rows) {
            if (row.layout != &layout) continue;
            RowCell& cell = row.cells[column];
            bool new_goal = !IsGoal(info.field) && StartsGoal(row, layout);
            if (cell.carried) {  // the reader copied a merged cell
                if (block.rows == 0) block = {above_line > 0 ? above_line : cell.line, row.line, 0};
                ++block.rows;
                continue;
            }
            if (!cell.text.empty() || new_goal || !fill_empty || above.empty()) {
                Flush(block, info, warnings);
                above = new_goal && cell.text.empty() ? std::string() : cell.text;
                above_line = cell.line > 0 ? cell.line : row.line;
                continue;
            }
            cell.text = above;
            cell.carried = true;
            if (block.rows == 0) block = {above_line, row.line, 0};
            ++block.rows;
        }
        Flush(block, info, warnings);
    }
}

}  // namespace planwatch::import::recognise::internal
