#pragma once
// Written reports of stored plans (the reports issue): the evaluation report of a
// plan or of one institution in it, the plan's data as XLSX or IATI 2.03, and the
// annual social-services plan (Ordin MMJS 1086/2018) regenerated from the stored
// registry. The model comes from StatusService, so a written report shows the
// statuses and counts `planwatch status` prints for the same date. Named apart
// from ReportService, which is the progress-report workflow. Borrows the store;
// any thread may call.
#include <cstdint>
#include <optional>
#include <string>

#include "common/status.h"
#include "domain/civil_date.h"
#include "services/status_service.h"
#include "storage/store.h"

namespace planwatch::services {

struct WrittenReport {
    std::string bytes;
    std::string media_type;  // for Content-Type
    std::string extension;   // with the dot
};

class EvaluationService {
public:
    // Borrows store, which must outlive the service.
    // rules: the installation's status thresholds, as StatusService takes them.
    explicit EvaluationService(storage::Store& store, domain::StatusRules rules = {})
        : store_(store), statuses_(store, rules) {}

    // The evaluation report of the plan as of as_of in a reports::ReportFormats()
    // format; with institution (an id, name, alias or acronym, as RegistryService::Resolve
    // reads it) the report of that institution; with round_id the report for that
    // reporting round of the plan, as of its due date (as_of is not used) and
    // showing the round. kNotFound for an unknown plan, round or institution, a
    // round of another plan or an institution the plan does not name;
    // kInvalidArgument for an unknown format or a format that cannot write the
    // document (xlsx, csv, json and iati write the plan's data only); kUnavailable
    // when the PDF renderer cannot run.
    StatusOr<WrittenReport> Evaluation(int64_t plan_id, const domain::CivilDate& as_of, const std::string& format,
                                       const std::string& institution = "",
                                       std::optional<int64_t> round_id = std::nullopt);

    // The day a report for round round_id of the plan is as of: the round's due
    // date. kNotFound for an unknown round or a round of another plan.
    StatusOr<domain::CivilDate> RoundDay(int64_t plan_id, int64_t round_id);

    // The same document from a model already computed (StatusService), for callers
    // that keep written reports per data version (DownloadService).
    StatusOr<WrittenReport> Write(const reports::ReportModel& model, const std::string& format,
                                  const std::string& institution = "");

    // The annual social-services plan of a stored plan that holds social services.
    // Without plan_id: the newest plan version holding services whose period
    // starts in year (any year when year is empty). kNotFound when no such plan
    // exists or the named plan holds no services; kInvalidArgument as Evaluation.
    StatusOr<WrittenReport> ServicesPlan(std::optional<int64_t> plan_id, std::optional<int> year,
                                         const std::string& format, const domain::CivilDate& as_of);

private:
    StatusOr<int64_t> FindServicesPlan(std::optional<int> year);

    storage::Store& store_;
    StatusService statuses_;
};

}  // namespace planwatch::services
