#include "import/json/json_reader.h"

#include "domain/plan_json.h"

namespace planwatch::import {

StatusOr<domain::Plan> ReadPlanJson(std::string_view bytes) { return domain::PlanFromJson(bytes); }

}  // namespace planwatch::import
