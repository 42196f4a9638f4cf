#pragma once
// The front door of the importer: bytes and a file name in, a Plan and its
// warnings out. Picks the reader from the extension and checks the content
// agrees (format_registry.cc), converts legacy encodings to UTF-8, and runs the
// recogniser. Stores nothing. Thread-safe: no shared mutable state.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/plan.h"

namespace planwatch::import {

struct ImportOptions {
    size_t max_bytes = 50u << 20;  // larger files are refused with kTooLarge
    std::string language = "auto"; // or ro, sl, en, it, es
    // Institutions already known (the registry); names resolve to these first.
    std::vector<domain::Institution> known_institutions;
    // Extra glossary files (JSON, data/glossary format) read on top of the built-in ones.
    std::vector<std::string> glossary_files;
};

struct ImportResult {
    domain::Plan plan;  // plan.warnings holds every uncertain decision with its line
};

// Errors (nothing is produced): kTooLarge over max_bytes; kInvalidArgument for an
// empty file, an unknown extension, content that is not what the extension says,
// invalid UTF-8 that no known encoding explains, JSON that fails the schema, a
// document with no recognisable plan. The Status names file, position and what
// was expected.
StatusOr<ImportResult> ImportDocument(std::string_view bytes, const std::string& file_name,
                                      const ImportOptions& options = {});

}  // namespace planwatch::import
