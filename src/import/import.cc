#include "import/import.h"

#include "common/encoding.h"
#include "common/sha256.h"
#include "import/format_registry.h"
#include "import/recognise/glossary.h"
#include "import/recognise/recogniser.h"

namespace planwatch::import {
namespace {

constexpr size_t kMegabyte = 1u << 20;

// "62 MB" (rounded up, so a file just over a 50 MB limit never reads "50 MB"), "12 KB", "300 bytes".
std::string Size(size_t bytes, bool round_up) {
    const auto in_units = [&](size_t unit) { return round_up ? (bytes + unit - 1) / unit : bytes / unit; };
    if (bytes >= kMegabyte) return std::to_string(in_units(kMegabyte)) + " MB";
    if (bytes >= 1024) return std::to_string(in_units(1024)) + " KB";
    return std::to_string(bytes) + " bytes";
}

std::string BaseName(const std::string& file_name) {
    const size_t slash = file_name.find_last_of("/\\");
    return slash == std::string::npos ? file_name : file_name.substr(slash + 1);
}

std::string KnownExtensions() {
    std::string list;
    const std::vector<FormatEntry>& formats = Formats();
    for (size_t i = 0; i < formats.size(); ++i) {
        if (i > 0) list += i + 1 == formats.size() ? " or " : ", ";
        list += "." + std::string(formats[i].extension);
    }
    return list;
}

// Reader notes (a page number dropped, a ragged row) become plan warnings: the user
// should be able to check each one against the document. Recognisers that already
// copied them (code "reader_note") are left as they are.
void AddReaderNotes(const Document& doc, domain::Plan& plan) {
    for (const domain::PlanWarning& warning : plan.warnings) {
        if (warning.code == "reader_note") return;
    }
    for (const ReaderNote& note : doc.notes) {
        plan.warnings.push_back(domain::PlanWarning{note.where.line, note.message, "reader_note"});
    }
}

StatusOr<ImportResult> Import(std::string_view bytes, const std::string& base_name, const ImportOptions& options) {
    if (bytes.size() > options.max_bytes) {
        return Status(StatusCode::kTooLarge, "file is " + Size(bytes.size(), true) + "; the limit is " +
                                                 Size(options.max_bytes, false));
    }
    if (bytes.empty()) return InvalidArgument("empty file");
    const FormatEntry* entry = FindFormat(base_name);
    if (entry == nullptr) {
        const size_t dot = base_name.rfind('.');
        const std::string extension = dot == std::string::npos ? "" : base_name.substr(dot);
        return InvalidArgument((extension.empty() ? std::string("no file extension")
                                                  : "unknown file type \"" + extension + "\"") +
                               ": expected " + KnownExtensions());
    }
    PW_RETURN_IF_ERROR(CheckContent(*entry, bytes));

    ImportResult result;
    if (entry->read_plan != nullptr) {
        PW_ASSIGN_OR_RETURN(result.plan, entry->read_plan(bytes));
    } else {
        std::string decoded;
        std::string_view content = bytes;
        if (entry->text) {
            PW_ASSIGN_OR_RETURN(decoded, encoding::DecodeToUtf8(bytes));
            content = decoded;
        }
        PW_ASSIGN_OR_RETURN(Document doc, entry->read_cells(content));
        recognise::RecogniseOptions recognise_options;
        recognise_options.language = options.language;
        recognise_options.file_name = base_name;
        recognise_options.known_institutions = options.known_institutions;
        std::optional<recognise::Glossary> glossary;
        if (!options.glossary_files.empty()) {
            PW_ASSIGN_OR_RETURN(glossary, recognise::Glossary::LoadBuiltIn(options.glossary_files));
            recognise_options.glossary = &*glossary;
        }
        PW_ASSIGN_OR_RETURN(result.plan, recognise::Recognise(doc, recognise_options));
        AddReaderNotes(doc, result.plan);
    }
    // A JSON plan keeps the source it names (the document it was first imported
    // from); everything else is described by the bytes just read.
    if (entry->read_plan == nullptr || result.plan.source.file.empty()) {
        result.plan.source.file = base_name;
        result.plan.source.format = std::string(entry->format);
    }
    if (entry->read_plan == nullptr || result.plan.source.sha256.empty()) result.plan.source.sha256 = Sha256Hex(bytes);
    return result;
}

}  // namespace

StatusOr<ImportResult> ImportDocument(std::string_view bytes, const std::string& file_name,
                                      const ImportOptions& options) {
    const std::string base_name = BaseName(file_name);
    StatusOr<ImportResult> result = Import(bytes, base_name, options);
    if (!result.ok()) return result.status().WithFile(base_name);
    return result;
}

}  // namespace planwatch::import
