// Tables: the grid of w:tr/w:tc with w:gridSpan and w:vMerge resolved.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "import/docx/docx_body.h"
#include "import/docx/docx_reader.h"

namespace planwatch::import::docx {
namespace {

constexpr int kMaxGridColumns = 1000;  // Word allows 63; anything wider is hostile
constexpr int kMaxNestedTables = 8;

// The w:tc children of a row, looking through content controls (w:sdt).
std::vector<pugi::xml_node> RowCells(const pugi::xml_node& row) {
    std::vector<pugi::xml_node> cells;
    for (pugi::xml_node child : row.children()) {
        std::string_view name = child.name();
        if (name == "w:tc") {
            cells.push_back(child);
        } else if (name == "w:sdt") {
            for (pugi::xml_node inner : child.child("w:sdtContent").children("w:tc")) cells.push_back(inner);
        }
    }
    return cells;
}

std::vector<pugi::xml_node> TableRows(const pugi::xml_node& table) {
    std::vector<pugi::xml_node> rows;
    for (pugi::xml_node child : table.children()) {
        std::string_view name = child.name();
        if (name == "w:tr") {
            rows.push_back(child);
        } else if (name == "w:sdt") {
            for (pugi::xml_node inner : child.child("w:sdtContent").children("w:tr")) rows.push_back(inner);
        }
    }
    return rows;
}

enum class VMerge { kNone, kRestart, kContinue };

VMerge VMergeOf(const pugi::xml_node& cell_properties) {
    pugi::xml_node merge = cell_properties.child("w:vMerge");
    if (!merge) return VMerge::kNone;
    return std::string_view(merge.attribute("w:val").as_string()) == "restart" ? VMerge::kRestart : VMerge::kContinue;
}

}  // namespace

Status BodyReader::ReadCellParagraphs(const pugi::xml_node& container, std::vector<ParagraphContent>* out, int depth) {
    for (pugi::xml_node child : container.children()) {
        std::string_view name = child.name();
        if (name == "w:p") {
            PW_ASSIGN_OR_RETURN(ParagraphContent paragraph, ReadParagraph(child));
            out->push_back(std::move(paragraph));
        } else if (name == "w:tbl" && depth < kMaxNestedTables) {
            // A table inside a cell: its text belongs to the cell, row by row.
            for (pugi::xml_node row : TableRows(child)) {
                for (pugi::xml_node cell : RowCells(row)) PW_RETURN_IF_ERROR(ReadCellParagraphs(cell, out, depth + 1));
            }
        } else if (name == "w:sdt" || name == "w:customXml") {
            PW_RETURN_IF_ERROR(ReadCellParagraphs(name == "w:sdt" ? child.child("w:sdtContent") : child, out, depth));
        }
    }
    return Status::Ok();
}

StatusOr<Cell> BodyReader::ReadCell(const pugi::xml_node& tc) {
    std::vector<ParagraphContent> paragraphs;
    int first_line = paragraph_count_ + 1;
    PW_RETURN_IF_ERROR(ReadCellParagraphs(tc, &paragraphs, 0));
    Cell cell;
    cell.where.line = first_line;
    bool any_text = false;
    bool all_bold = true;
    for (ParagraphContent& paragraph : paragraphs) {
        if (paragraph.text.empty()) continue;
        if (!cell.text.empty()) cell.text += '\n';
        cell.text += paragraph.text;
        any_text = true;
        all_bold = all_bold && paragraph.all_bold;
        for (std::string& run : paragraph.bold_runs) cell.bold_runs.push_back(std::move(run));
        if (cell.text.size() > kMaxDocxCellBytes) {
            return Status(StatusCode::kTooLarge,
                          fmt::format("a table cell holds more than {} bytes of text", kMaxDocxCellBytes),
                          SourcePosition{.line = first_line});
        }
    }
    cell.bold = any_text && all_bold;
    return cell;
}

StatusOr<Table> BodyReader::ReadTable(const pugi::xml_node& tbl) {
    Table table;
    // For each grid column, the (row, cell) index of the cell a vertical merge started in.
    std::vector<std::optional<std::pair<size_t, size_t>>> merge_origin;
    for (pugi::xml_node tr : TableRows(tbl)) {
        Row row;
        int row_number = static_cast<int>(table.rows.size()) + 1;
        int column = tr.child("w:trPr").child("w:gridBefore").attribute("w:val").as_int(0);
        column = std::clamp(column, 0, kMaxGridColumns);
        for (pugi::xml_node tc : RowCells(tr)) {
            pugi::xml_node properties = tc.child("w:tcPr");
            int span = std::clamp(properties.child("w:gridSpan").attribute("w:val").as_int(1), 1, kMaxGridColumns);
            if (column + span > kMaxGridColumns) {
                return InvalidArgument(fmt::format("table row {} is wider than {} columns", row_number, kMaxGridColumns),
                                       SourcePosition{.line = paragraph_count_, .row = row_number});
            }
            PW_ASSIGN_OR_RETURN(Cell cell, ReadCell(tc));
            cell.where.row = row_number;
            cell.where.column = column + 1;
            cell.col_span = span;
            if (merge_origin.size() < static_cast<size_t>(column + span)) merge_origin.resize(column + span);
            VMerge merge = VMergeOf(properties);
            std::optional<std::pair<size_t, size_t>>& origin = merge_origin[static_cast<size_t>(column)];
            if (merge == VMerge::kContinue && origin) {
                // Word shows only the first cell's content across the merge; carry it
                // down so every row is complete, and say it was carried.
                Cell& first = table.rows[origin->first].cells[origin->second];
                ++first.row_span;
                cell.text = first.text;
                cell.bold = first.bold;
                cell.bold_runs = first.bold_runs;
                cell.merged_from_above = true;
            } else {
                std::optional<std::pair<size_t, size_t>> started;
                if (merge != VMerge::kNone) started = std::make_pair(table.rows.size(), row.cells.size());
                for (int covered = column; covered < column + span; ++covered) {
                    merge_origin[static_cast<size_t>(covered)] = started;
                }
            }
            row.cells.push_back(std::move(cell));
            column += span;
        }
        table.rows.push_back(std::move(row));
    }
    if (!table.rows.empty() && !table.rows.front().cells.empty()) table.where = table.rows.front().cells.front().where;
    return table;
}

Status BodyReader::ReadBlocks(const pugi::xml_node& container, std::vector<Block>* blocks) {
    for (pugi::xml_node child : container.children()) {
        std::string_view name = child.name();
        if (name == "w:p") {
            PW_ASSIGN_OR_RETURN(ParagraphContent content, ReadParagraph(child));
            if (content.text.empty()) continue;
            Block block;
            block.kind = Block::Kind::kParagraph;
            block.paragraph.text = std::move(content.text);
            block.paragraph.where.line = content.line;
            block.paragraph.bold = content.all_bold;
            block.paragraph.heading_level = content.heading_level;
            blocks->push_back(std::move(block));
        } else if (name == "w:tbl") {
            PW_ASSIGN_OR_RETURN(Table table, ReadTable(child));
            if (table.rows.empty()) continue;
            Block block;
            block.kind = Block::Kind::kTable;
            block.table = std::move(table);
            blocks->push_back(std::move(block));
        } else if (name == "w:sdt") {
            PW_RETURN_IF_ERROR(ReadBlocks(child.child("w:sdtContent"), blocks));
        } else if (name == "w:customXml") {
            PW_RETURN_IF_ERROR(ReadBlocks(child, blocks));
        }
    }
    return Status::Ok();
}

}  // namespace planwatch::import::docx
