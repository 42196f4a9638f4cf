#pragma once
// What every reader produces and the recogniser consumes: the document as a
// sequence of blocks in reading order — paragraphs (headings, text between
// tables) and tables of cells — with positions the user can find again.
// Readers know nothing about plans; the recogniser knows nothing about formats.
#include <string>
#include <vector>

namespace planwatch::import {

// 1-based positions as a person sees them; 0 means not applicable (a text file
// has no pages, a paragraph no column).
struct CellPosition {
    int page = 0;
    int line = 0;    // line in the source text where the cell or paragraph starts
    int row = 0;     // row within its table
    int column = 0;  // grid column within its table
    friend bool operator==(const CellPosition&, const CellPosition&) = default;
};

struct Cell {
    std::string text;         // UTF-8, NFC; line breaks inside the cell kept as '\n'
    CellPosition where;
    int row_span = 1;         // > 1 when the cell was vertically merged (DOCX vMerge)
    int col_span = 1;         // > 1 when horizontally merged (gridSpan)
    bool bold = false;        // the whole cell is bold
    std::vector<std::string> bold_runs;  // bold pieces of text inside the cell, in order
    // Set by readers that saw the cell as the continuation of a merge above it:
    // the text is a copy carried down; the recogniser may warn about it.
    bool merged_from_above = false;
    friend bool operator==(const Cell&, const Cell&) = default;
};

struct Row {
    std::vector<Cell> cells;
    friend bool operator==(const Row&, const Row&) = default;
};

struct Table {
    std::vector<Row> rows;
    CellPosition where;  // of its first row
    friend bool operator==(const Table&, const Table&) = default;
};

struct Paragraph {
    std::string text;
    CellPosition where;
    bool bold = false;
    int heading_level = 0;  // 1.. for DOCX heading styles; 0 when unknown
    friend bool operator==(const Paragraph&, const Paragraph&) = default;
};

// One block: exactly one of paragraph or table is used, as kind says.
struct Block {
    enum class Kind { kParagraph, kTable };
    Kind kind = Kind::kParagraph;
    Paragraph paragraph;
    Table table;
    friend bool operator==(const Block&, const Block&) = default;
};

// A reader's note on something it could not read cleanly (a repeated header
// dropped, a page number removed); the recogniser turns them into plan warnings.
struct ReaderNote {
    CellPosition where;
    std::string message;
    friend bool operator==(const ReaderNote&, const ReaderNote&) = default;
};

struct Document {
    std::vector<Block> blocks;
    std::vector<ReaderNote> notes;
    std::string format;  // text | docx | pdf | csv | xlsx
    // "tab" for TAB-led exports, "flattened" for text pulled out of a PDF, empty otherwise
    std::string layout;
};

}  // namespace planwatch::import
