#pragma once
// Import as a use case: read a document, turn it into a plan (import/), and
// store it with its audit event in ONE transaction, so a failure at any step —
// or a kill of the process — writes nothing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "storage/store.h"

namespace planwatch::services {

inline constexpr size_t kDefaultMaxUploadBytes = 50u << 20;

struct ImportServiceOptions {
    size_t max_bytes = kDefaultMaxUploadBytes;  // larger documents are refused with kTooLarge
    std::string language = "auto";              // or ro, sl, en, it, es
};

// What an import does besides storing the plan.
struct ImportFlags {
    bool replace = false;  // store a document already imported as the next version of its plan
    bool publish = false;  // publish the new plan in the same transaction (else it is a draft)
};

struct ImportOutcome {
    int64_t plan_id = 0;
    int version = 1;
    std::string title;
    int activities = 0;
    int warnings = 0;
    bool replaced = false;  // a new version of an existing plan
    bool published = false;
};

class ImportService {
public:
    // Borrows store, which must outlive the service. Any thread may call.
    ImportService(storage::Store& store, ImportServiceOptions options = {});

    // Reads the file at path (the size is checked on disk first) and imports it.
    // Errors: those of ReadDocumentFile and ImportBytes; every one names the file.
    StatusOr<ImportOutcome> ImportFile(const std::string& path, const std::string& actor, ImportFlags flags = {});

    // Imports a document already in memory; file_name (no folders) picks the
    // reader and becomes the plan's source file. The same document (same sha256)
    // is refused with kConflict unless flags.replace, which stores it as the next
    // version of the plan with that sha256, or else of the latest plan with the
    // same source file name or title. The plan is a draft unless flags.publish,
    // which publishes it in the same transaction (audited as plan.publish too).
    // Errors of the importer (kInvalidArgument, kTooLarge) and of the Store
    // (kUnavailable, kConflict) pass through.
    StatusOr<ImportOutcome> ImportBytes(std::string_view bytes, const std::string& file_name, const std::string& actor,
                                        ImportFlags flags = {});

    const ImportServiceOptions& options() const { return options_; }

private:
    storage::Store& store_;
    ImportServiceOptions options_;
};

}  // namespace planwatch::services
