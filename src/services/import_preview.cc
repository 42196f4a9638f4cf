#include "services/import_preview.h"

#include "import/import.h"

namespace planwatch::services {

StatusOr<domain::Plan> PreviewImport(std::string_view bytes, const std::string& file_name,
                                     const ImportServiceOptions& options) {
    import::ImportOptions import_options;
    import_options.max_bytes = options.max_bytes;
    import_options.language = options.language;
    PW_ASSIGN_OR_RETURN(import::ImportResult result, import::ImportDocument(bytes, file_name, import_options));
    return std::move(result.plan);
}

}  // namespace planwatch::services
