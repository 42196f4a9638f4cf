#pragma once
// The column layout of a social-services table: its header rows (a spanning
// "Bugetele estimate pe surse de finanțare" over "Buget local | Buget județean (mii
// lei) | …", a row of column numbers "1 2 3 …") folded into one description per
// grid column, and the text-export rows joined back into whole rows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/social_service.h"
#include "import/cells.h"
#include "import/recognise/glossary.h"
#include "import/recognise/registry_words.h"

namespace planwatch::import::recognise {

struct ServiceColumn {
    std::string header;                 // every header level, top to bottom, " / " between them
    std::string lowest;                 // the most specific level ("Buget județean (mii lei)")
    std::optional<Field> field;
    std::string source;                 // budget columns: local | county | state | beneficiaries | other | ""
    int64_t multiplier = 1;             // "(mii lei)" -> 1000
    bool persons = false;               // "Nr. de persoane"
};

struct TableLayout {
    std::vector<ServiceColumn> columns;
    size_t first_data_row = 0;          // index into Table::rows
    int header_line = 0;
    bool multiplier_extended = false;   // one budget header's "(mii lei)" applied to its sibling columns

    int Find(Field field) const;        // first column with the field, -1 when none
    bool Has(Field field) const { return Find(field) >= 0; }
};

// The header of table, when its first rows name columns the glossary knows (at least
// two, or one budget column when relaxed is set, for the small tables of a training
// programme). nullopt otherwise.
std::optional<TableLayout> ReadServiceTableHeader(const Table& table, const Glossary& glossary,
                                                  const RegistryWords& words, bool relaxed = false);

// Joins reader rows into whole rows of a fixed width. A text export breaks a row
// where the document had a blank line ("1." "8790 CR-D-I" | "Centrul …" "50" …), so
// rows are appended until `width` cells are collected. A row that arrives with a
// single non-empty cell while nothing is pending is a heading between rows.
class RowAssembler {
public:
    explicit RowAssembler(size_t width) : width_(width) {}

    struct Output {
        enum class Kind { kRow, kHeading } kind = Kind::kRow;
        std::vector<Cell> cells;  // kRow: exactly width cells; kHeading: the one cell
    };
    // Feeds one reader row; returns what became complete.
    std::vector<Output> Add(const Row& row);
    // What is still pending (a truncated last row), padded with empty cells.
    std::optional<Output> Flush();
    size_t width() const { return width_; }

private:
    size_t width_;
    std::vector<Cell> pending_;
};

}  // namespace planwatch::import::recognise
