#include "services/evaluation_service.h"

#include <fmt/format.h>

#include "reports/report_registry.h"
#include "services/plan_catalog.h"
#include "services/registry_service.h"

namespace planwatch::services {
namespace {

StatusOr<WrittenReport> WriteAs(const std::string& format, const reports::ReportModel& model,
                                const reports::WriteOptions& options) {
    PW_ASSIGN_OR_RETURN(std::string bytes, reports::WriteReport(format, model, options));
    // WriteReport has checked the name, so the lookup cannot fail.
    const reports::ReportFormat* found = reports::FindReportFormat(format);
    return WrittenReport{.bytes = std::move(bytes), .media_type = found->media_type, .extension = found->extension};
}

}  // namespace

StatusOr<WrittenReport> EvaluationService::Evaluation(int64_t plan_id, const domain::CivilDate& as_of,
                                                      const std::string& format, const std::string& institution,
                                                      std::optional<int64_t> round_id) {
    // Checked before the model is built, so a typo costs no status computation.
    if (!reports::FindReportFormat(format)) return reports::WriteReport(format, {}).status();
    domain::CivilDate day = as_of;
    reports::ModelOptions options;
    if (round_id) {
        PW_ASSIGN_OR_RETURN(day, RoundDay(plan_id, *round_id));
        options.round_id = round_id;
    }
    PW_ASSIGN_OR_RETURN(reports::ReportModel model, statuses_.Compute(plan_id, day, options));
    return Write(model, format, institution);
}

StatusOr<domain::CivilDate> EvaluationService::RoundDay(int64_t plan_id, int64_t round_id) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(std::optional<domain::ReportingRound> round, tx->FindRound(round_id));
    if (!round || round->plan_id != plan_id) {
        return NotFound(fmt::format("plan {} has no reporting round {}", plan_id, round_id));
    }
    StatusOr<domain::CivilDate> due = domain::ParseCivilDate(round->due_on);
    if (!due.ok()) return Internal(fmt::format("round {} has a bad due date \"{}\"", round_id, round->due_on));
    return *due;
}

StatusOr<WrittenReport> EvaluationService::Write(const reports::ReportModel& model, const std::string& format,
                                                 const std::string& institution) {
    reports::WriteOptions options;
    if (!institution.empty()) {
        // People type acronyms and spelling variants; the writer wants the canonical name.
        RegistryService registry(store_);
        PW_ASSIGN_OR_RETURN(int64_t institution_id, registry.Resolve(institution));
        PW_ASSIGN_OR_RETURN(InstitutionProfile profile, registry.GetInstitution(institution_id));
        const std::string& name = profile.record.institution.name;
        if (!model.FindInstitution(name)) {
            return NotFound(fmt::format("plan {} does not name the institution \"{}\"", model.plan.id.value_or(0), name));
        }
        options.document = reports::DocumentKind::kInstitution;
        options.institution = name;
    }
    return WriteAs(format, model, options);
}

StatusOr<int64_t> EvaluationService::FindServicesPlan(std::optional<int> year) {
    PlanCatalog catalog(store_);
    PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, catalog.List(/*all_versions=*/false));
    std::optional<int64_t> newest;
    for (const storage::PlanSummary& summary : plans) {
        if (year && summary.period_start != year) continue;
        if (newest && summary.id < *newest) continue;
        PW_ASSIGN_OR_RETURN(domain::Plan plan, catalog.Load(summary.id));
        if (!plan.services.empty()) newest = summary.id;
    }
    if (!newest) {
        return NotFound(year ? fmt::format("no stored plan holds social services for {}", *year)
                             : std::string("no stored plan holds social services"));
    }
    return *newest;
}

StatusOr<WrittenReport> EvaluationService::ServicesPlan(std::optional<int64_t> plan_id, std::optional<int> year,
                                                        const std::string& format, const domain::CivilDate& as_of) {
    if (!reports::FindReportFormat(format)) return reports::WriteReport(format, {}).status();
    if (!plan_id) {
        PW_ASSIGN_OR_RETURN(plan_id, FindServicesPlan(year));
    }
    PW_ASSIGN_OR_RETURN(reports::ReportModel model, statuses_.Compute(*plan_id, as_of));
    if (model.plan.services.empty()) {
        return NotFound(fmt::format("plan {} holds no social services", *plan_id));
    }
    if (year && model.plan.period_start != year) {
        return NotFound(fmt::format("plan {} is not the plan for {}", *plan_id, *year));
    }
    return WriteAs(format, model, {.document = reports::DocumentKind::kSocialServicesPlan});
}

}  // namespace planwatch::services
