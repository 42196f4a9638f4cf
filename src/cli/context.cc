#include "cli/context.h"

#include "cli/exit_codes.h"
#include "cli/output.h"
#include "services/document_file.h"

namespace planwatch::cli {

StatusOr<size_t> CommandContext::MaxBytes() const {
    if (max_size.empty()) return services::kDefaultMaxUploadBytes;
    return services::ParseByteSize(max_size);
}

StatusOr<std::unique_ptr<storage::Store>> CommandContext::OpenStore() const { return storage::OpenStore(db_url); }

void CommandContext::Fail(const Status& status) { exit_code = WorseExit(exit_code, ReportError(status, json)); }

}  // namespace planwatch::cli
