#pragma once
// Internal to the DOCX reader: walks word/document.xml's body into blocks.
// One instance per document; it carries the paragraph counter and the
// numbering counters, which depend on document order.
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "common/status.h"
#include "import/cells.h"
#include "import/docx/docx_numbering.h"
#include "import/docx/docx_styles.h"

namespace planwatch::import::docx {

struct ParagraphContent {
    std::string text;                    // normalised, '\n' for line breaks, numbering label prefixed
    std::vector<std::string> bold_runs;  // normalised bold pieces, in order
    bool all_bold = false;               // every non-space character is bold
    int heading_level = 0;
    int line = 0;                        // paragraph ordinal
};

class BodyReader {
public:
    BodyReader(Styles styles, Numbering numbering) : styles_(std::move(styles)), numbering_(std::move(numbering)) {}

    // Appends the blocks of a container of paragraphs and tables (w:body, w:sdtContent).
    Status ReadBlocks(const pugi::xml_node& container, std::vector<Block>* blocks);

private:
    StatusOr<ParagraphContent> ReadParagraph(const pugi::xml_node& paragraph);
    StatusOr<Table> ReadTable(const pugi::xml_node& table);
    StatusOr<Cell> ReadCell(const pugi::xml_node& cell);
    // Paragraphs of a cell, nested tables flattened into them in reading order.
    Status ReadCellParagraphs(const pugi::xml_node& container, std::vector<ParagraphContent>* out, int depth);

    Styles styles_;
    Numbering numbering_;
    int paragraph_count_ = 0;
};

}  // namespace planwatch::import::docx
