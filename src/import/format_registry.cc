#include "import/format_registry.h"

#include <cctype>

#include "import/text/text_reader.h"
#if PLANWATCH_HAVE_DOCX
#include "import/docx/docx_reader.h"
#endif
#if PLANWATCH_HAVE_PDF
#include "import/pdf/pdf_reader.h"
#endif
#if PLANWATCH_HAVE_CSV
#include "import/csv/csv_reader.h"
#endif
#if PLANWATCH_HAVE_XLSX
#include "import/xlsx/xlsx_reader.h"
#endif
#if PLANWATCH_HAVE_JSON
#include "import/json/json_reader.h"
#endif

namespace planwatch::import {
namespace {

constexpr std::string_view kZipMagic("PK\x03\x04", 4);

// The first bytes of the content, quoted, non-printable ones as \xNN.
std::string Opening(std::string_view bytes) {
    std::string shown = "\"";
    for (size_t i = 0; i < bytes.size() && i < 5; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            shown += static_cast<char>(c);
        } else {
            static constexpr char kHex[] = "0123456789ABCDEF";
            shown += std::string("\\x") + kHex[c >> 4] + kHex[c & 0x0f];
        }
    }
    return shown + "\"";
}

std::string_view SkipBomAndSpace(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    while (!bytes.empty() && std::isspace(static_cast<unsigned char>(bytes.front()))) bytes.remove_prefix(1);
    return bytes;
}

}  // namespace

const std::vector<FormatEntry>& Formats() {
    static const std::vector<FormatEntry> formats = {
        {"txt", "text", "a text file", "", true, text::ReadText, nullptr},
#if PLANWATCH_HAVE_DOCX
        {"docx", "docx", "a DOCX (a ZIP archive)", kZipMagic, false, ReadDocx, nullptr},
#endif
#if PLANWATCH_HAVE_PDF
        {"pdf", "pdf", "a PDF", "%PDF-", false, ReadPdf, nullptr},
#endif
#if PLANWATCH_HAVE_CSV
        {"csv", "csv", "a CSV text file", "", true, ReadCsv, nullptr},
#endif
#if PLANWATCH_HAVE_XLSX
        {"xlsx", "xlsx", "an XLSX (a ZIP archive)", kZipMagic, false, ReadXlsx, nullptr},
#endif
#if PLANWATCH_HAVE_JSON
        {"json", "json", "a planwatch.plan/1 JSON document", "{", false, nullptr, ReadPlanJson},
#endif
    };
    return formats;
}

const FormatEntry* FindFormat(std::string_view file_name) {
    const size_t dot = file_name.rfind('.');
    const size_t slash = file_name.find_last_of("/\\");
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return nullptr;
    std::string extension;
    for (char c : file_name.substr(dot + 1)) extension += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const FormatEntry& entry : Formats()) {
        if (entry.extension == extension) return &entry;
    }
    return nullptr;
}

Status CheckContent(const FormatEntry& entry, std::string_view bytes) {
    if (entry.magic.empty()) return Status::Ok();
    // JSON may start with a BOM or white space; binary formats start with their magic.
    std::string_view start = entry.format == "json" ? SkipBomAndSpace(bytes) : bytes;
    if (start.starts_with(entry.magic)) return Status::Ok();
    return InvalidArgument("expected " + std::string(entry.description) + " but the content starts with " +
                           Opening(bytes));
}

}  // namespace planwatch::import
