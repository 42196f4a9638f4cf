#include "import/text/dump.h"

#include <algorithm>

namespace planwatch::import::text {
namespace {

std::string OneLine(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') {
            out += " ⏎ ";
        } else {
            out += c;
        }
    }
    return out;
}

std::string PageAndLine(const CellPosition& where) {
    return (where.page > 0 ? "p" + std::to_string(where.page) + " " : "") + std::to_string(where.line);
}

}  // namespace

std::string DumpDocument(const Document& doc) {
    std::string out = "format=" + doc.format + " layout=" + doc.layout + "\n";
    for (const Block& block : doc.blocks) {
        if (block.kind == Block::Kind::kParagraph) {
            out += "P " + PageAndLine(block.paragraph.where) + (block.paragraph.bold ? " bold" : "") + " | " +
                   OneLine(block.paragraph.text) + "\n";
            continue;
        }
        const Table& table = block.table;
        size_t columns = 0;
        for (const Row& row : table.rows) {
            size_t width = 0;
            for (const Cell& cell : row.cells) width += cell.col_span;
            columns = std::max(columns, width);
        }
        out += "T " + PageAndLine(table.where) + " rows=" + std::to_string(table.rows.size()) +
               " cols=" + std::to_string(columns) + "\n";
        for (const Row& row : table.rows) {
            for (const Cell& cell : row.cells) {
                out += "  R" + std::to_string(cell.where.row) + " C" + std::to_string(cell.where.column);
                if (cell.col_span > 1) out += "+" + std::to_string(cell.col_span);
                if (cell.row_span > 1) out += " v" + std::to_string(cell.row_span);
                out += " L" + std::to_string(cell.where.line);
                if (cell.bold) out += " bold";
                if (cell.merged_from_above) out += " merged";
                out += " | " + OneLine(cell.text) + "\n";
            }
        }
    }
    for (const ReaderNote& note : doc.notes) out += "N " + PageAndLine(note.where) + " | " + note.message + "\n";
    return out;
}

}  // namespace planwatch::import::text
