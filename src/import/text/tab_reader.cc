// TAB-led exports (Word's "plain text" of a document with tables), as in seeds 000,
// 001, 002 and 004:
//   - a line starting with TAB starts a cell; lines without TAB continue it;
//   - each row ends with a blank line, but so does a cell ending with an empty
//     paragraph, so a blank line only says "a row MAY start here"; the grid width
//     (row_grouping.h) decides which of those places do;
//   - a header row with horizontally merged cells has fewer cells than the grid;
//     the row below it says which cell spans which columns;
//   - a table ends at two blank lines followed by a line without TAB;
//   - a TAB-led line with more TABs inside is a whole row (tab-separated values).
// A run of TAB-led lines that does not give two rows of two cells is indented
// prose (004's text boxes), and becomes paragraphs.
#include <string>
#include <vector>

#include "common/text.h"
#include "import/text/lines.h"
#include "import/text/row_grouping.h"
#include "import/text/text_reader.h"

namespace planwatch::import::text {
namespace {

struct RawCell {
    std::vector<const Line*> lines;  // the TAB line first, then continuation lines (blank ones too)
    std::string first_text;          // text of the TAB line after the TAB (a TSV piece for TSV rows)
    bool can_start_row = false;
    int tsv_row = -1;  // index of the TSV line this cell came from, -1 for one-cell lines
};

std::string CellText(const RawCell& cell) {
    std::string raw = cell.first_text;
    for (size_t i = 1; i < cell.lines.size(); ++i) {
        raw += '\n';
        if (!cell.lines[i]->blank) raw += cell.lines[i]->text;
    }
    return planwatch::text::Normalize(raw, /*keep_newlines=*/true);
}

Paragraph MakeParagraph(std::string_view text, int line) {
    Paragraph paragraph;
    paragraph.text = planwatch::text::Normalize(text);
    paragraph.where.line = line;
    return paragraph;
}

void AddParagraph(Document& doc, std::string_view text, int line) {
    Paragraph paragraph = MakeParagraph(text, line);
    if (paragraph.text.empty()) return;
    Block block;
    block.kind = Block::Kind::kParagraph;
    block.paragraph = std::move(paragraph);
    doc.blocks.push_back(std::move(block));
}

// Spans of a header row with fewer cells than the grid, read from the full row
// below it ("Časovno obdobje" over "2019-1 … 2020-2"). False when the counts disagree.
bool SpansFromRowBelow(const std::vector<Cell>& below, size_t header_cells, std::vector<int>& spans) {
    std::vector<bool> empty_below;
    for (const Cell& cell : below) empty_below.push_back(cell.text.empty());
    return HeaderSpans(empty_below, &spans) == static_cast<int>(header_cells);
}

class TabReader {
public:
    explicit TabReader(std::string_view utf8) : lines_(SplitLines(utf8)) {}

    Document Read() {
        doc_.format = "text";
        doc_.layout = "tab";
        int pending_blanks = 0;
        bool in_region = false;
        for (const Line& line : lines_) {
            const bool tab_led = !line.text.empty() && line.text.front() == '\t';
            if (line.blank && !tab_led) {
                ++pending_blanks;
                if (in_region && !cells_.empty()) cells_.back().lines.push_back(&line);
                continue;
            }
            if (tab_led) {
                if (!in_region) {
                    in_region = true;
                    pending_blanks = 1;  // the first cell of a table starts a row
                }
                AddCells(line, pending_blanks > 0);
            } else if (in_region && pending_blanks < 2) {
                cells_.back().lines.push_back(&line);
            } else {
                if (in_region) FlushRegion();
                in_region = false;
                AddParagraph(doc_, line.text, line.number);
            }
            pending_blanks = 0;
        }
        if (in_region) FlushRegion();
        return std::move(doc_);
    }

private:
    void AddCells(const Line& line, bool after_blank) {
        std::string_view rest = line.text.substr(1);
        if (rest.find('\t') == std::string_view::npos) {
            RawCell cell;
            cell.lines.push_back(&line);
            cell.first_text = std::string(rest);
            cell.can_start_row = after_blank || (!cells_.empty() && cells_.back().tsv_row >= 0);
            cells_.push_back(std::move(cell));
            return;
        }
        // One line holding a whole row: its cells stay together, and the next cell
        // may start a row.
        const int tsv_row = next_tsv_row_++;
        bool first = true;
        while (true) {
            const size_t tab = rest.find('\t');
            RawCell cell;
            cell.lines.push_back(&line);
            cell.first_text = std::string(rest.substr(0, tab));
            cell.can_start_row = first;
            cell.tsv_row = tsv_row;
            cells_.push_back(std::move(cell));
            first = false;
            if (tab == std::string_view::npos) break;
            rest.remove_prefix(tab + 1);
        }
    }

    void FlushRegion() {
        std::vector<GroupingCell> grouping_cells;
        for (const RawCell& cell : cells_) {
            grouping_cells.push_back(GroupingCell{cell.can_start_row, CellText(cell).empty()});
        }
        const RowGrouping grouping = GroupRows(grouping_cells);
        int grid_rows = 0;
        for (int size : grouping.row_sizes) grid_rows += size >= 2 ? 1 : 0;
        if (grouping.width < 2 || grid_rows < 2) {
            EmitAsParagraphs();
        } else {
            EmitTable(grouping);
        }
        cells_.clear();
    }

    void EmitAsParagraphs() {
        for (const RawCell& cell : cells_) {
            if (cell.tsv_row >= 0) {
                AddParagraph(doc_, cell.first_text, cell.lines.front()->number);
                continue;
            }
            AddParagraph(doc_, cell.first_text, cell.lines.front()->number);
            for (size_t i = 1; i < cell.lines.size(); ++i) {
                if (!cell.lines[i]->blank) AddParagraph(doc_, cell.lines[i]->text, cell.lines[i]->number);
            }
        }
    }

    void EmitTable(const RowGrouping& grouping) {
        Table table;
        size_t next_cell = 0;
        for (int size : grouping.row_sizes) {
            Row row;
            for (int i = 0; i < size; ++i, ++next_cell) {
                Cell cell;
                cell.text = CellText(cells_[next_cell]);
                cell.where.line = cells_[next_cell].lines.front()->number;
                row.cells.push_back(std::move(cell));
            }
            table.rows.push_back(std::move(row));
        }
        AssignColumns(table, grouping.width);
        table.where = table.rows.front().cells.front().where;
        Block block;
        block.kind = Block::Kind::kTable;
        block.table = std::move(table);
        doc_.blocks.push_back(std::move(block));
    }

    void AssignColumns(Table& table, int width) {
        for (size_t row_idx = 0; row_idx < table.rows.size(); ++row_idx) {
            std::vector<Cell>& cells = table.rows[row_idx].cells;
            const int count = static_cast<int>(cells.size());
            std::vector<int> spans(count, 1);
            if (count == 1) {
                spans[0] = width;  // a title row across the table
            } else if (count < width) {
                const bool below_is_full =
                    row_idx + 1 < table.rows.size() && static_cast<int>(table.rows[row_idx + 1].cells.size()) == width;
                if (!below_is_full || !SpansFromRowBelow(table.rows[row_idx + 1].cells, cells.size(), spans)) {
                    spans.assign(count, 1);
                    spans.back() = width - count + 1;
                    doc_.notes.push_back(ReaderNote{
                        cells.front().where, "row has " + std::to_string(count) + " cells where the table has " +
                                                 std::to_string(width) + "; the last cell is read as spanning the rest"});
                }
            }
            int column = 1;
            for (int i = 0; i < count; ++i) {
                cells[i].where.row = static_cast<int>(row_idx) + 1;
                cells[i].where.column = column;
                cells[i].col_span = spans[i];
                column += spans[i];
            }
        }
    }

    std::vector<Line> lines_;
    std::vector<RawCell> cells_;
    int next_tsv_row_ = 0;
    Document doc_;
};

}  // namespace

bool LooksTabLed(std::string_view utf8) {
    return utf8.starts_with('\t') || utf8.find("\n\t") != std::string_view::npos;
}

StatusOr<Document> ReadTabText(std::string_view utf8) {
    size_t bad_offset = 0;
    if (!planwatch::text::IsValidUtf8(utf8, &bad_offset)) {
        return InvalidArgument("invalid UTF-8 at offset " + std::to_string(bad_offset));
    }
    return TabReader(utf8).Read();
}

StatusOr<Document> ReadText(std::string_view utf8) {
    return LooksTabLed(utf8) ? ReadTabText(utf8) : ReadFlattenedText(utf8);
}

}  // namespace planwatch::import::text
