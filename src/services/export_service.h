#pragma once
// Plans out of the store: planwatch.plan/1 JSON (lossless: export -> import ->
// export is byte-identical) or CSV of the activities.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "services/plan_catalog.h"
#include "services/plan_csv.h"

namespace planwatch::services {

enum class ExportFormat { kJson, kCsv };

// "json" / "csv"; nullopt for anything else (xlsx and iati carry computed statuses
// and go through EvaluationService and the report writers).
std::optional<ExportFormat> ParseExportFormat(std::string_view name);

class ExportService {
public:
    // Borrows store, which must outlive the service.
    explicit ExportService(storage::Store& store) : catalog_(store) {}

    // The ids of the newest version of every stored plan, oldest first.
    StatusOr<std::vector<int64_t>> LatestPlanIds();

    // One plan as planwatch.plan/1 with ids; kNotFound for an unknown id.
    StatusOr<std::string> Json(int64_t plan_id);

    // The activities of the plans, in the order given, as one CSV with a header.
    // kNotFound names the first unknown id.
    StatusOr<std::string> Csv(const std::vector<int64_t>& plan_ids, const PlanCsvOptions& options = {});

private:
    PlanCatalog catalog_;
};

}  // namespace planwatch::services
