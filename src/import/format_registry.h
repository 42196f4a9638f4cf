#pragma once
// Which reader reads which file: one row per format, chosen by the file name's
// extension, with a check that the content is what the extension says (a renamed
// PDF must not reach the DOCX reader). Adding a format = one row in
// format_registry.cc plus its library in import.cmake.
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/plan.h"
#include "import/cells.h"

namespace planwatch::import {

struct FormatEntry {
    std::string_view extension;    // lower case, without the dot: "docx"
    std::string_view format;       // plan.source.format: text | docx | pdf | csv | xlsx | json
    std::string_view description;  // for messages: "a DOCX (a ZIP archive)"
    std::string_view magic;        // the content must start with these bytes; empty: no check
    bool text = false;             // decode to UTF-8 first (common/encoding.h)
    // Exactly one of the two is set: bytes (UTF-8 when text) -> cells, or -> a Plan (JSON).
    StatusOr<Document> (*read_cells)(std::string_view bytes) = nullptr;
    StatusOr<domain::Plan> (*read_plan)(std::string_view bytes) = nullptr;
};

// Every format this build can read, in a fixed order.
const std::vector<FormatEntry>& Formats();

// The entry for a file name's extension (case-insensitive), or nullptr.
const FormatEntry* FindFormat(std::string_view file_name);

// kInvalidArgument when the content does not match the entry: "expected a DOCX (a ZIP
// archive) but the content starts with \"%PDF-\"". Text formats are checked by decoding.
Status CheckContent(const FormatEntry& entry, std::string_view bytes);

}  // namespace planwatch::import
