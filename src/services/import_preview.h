#pragma once
// The coordinator's look before an import: the document read into a plan with
// the importer's warnings, nothing stored. Same reader and limits as ImportService.
#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/plan.h"
#include "services/import_service.h"

namespace planwatch::services {

// Errors as import::ImportDocument (kTooLarge, kInvalidArgument naming the file
// and position).
StatusOr<domain::Plan> PreviewImport(std::string_view bytes, const std::string& file_name,
                                     const ImportServiceOptions& options);

}  // namespace planwatch::services
