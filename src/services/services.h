#pragma once
// Every use case over one Store, built once by an entry point (cli/ or the web
// server) and passed down. Owns the services; borrows the store.
#include "services/account_service.h"
#include "services/db_service.h"
#include "services/demo_service.h"
#include "services/download_service.h"
#include "services/export_service.h"
#include "services/import_service.h"
#include "services/needs_service.h"
#include "services/plan_catalog.h"
#include "services/publish_service.h"
#include "services/registry_service.h"
#include "services/reminder_service.h"
#include "services/report_service.h"
#include "services/round_service.h"
#include "services/search_service.h"
#include "services/session_service.h"
#include "services/status_service.h"

namespace planwatch::services {

class Services {
public:
    // rules: the status thresholds of the installation (StatusService).
    Services(storage::Store& store, ImportServiceOptions import_options = {}, domain::StatusRules rules = {})
        : catalog_(store),
          publishing_(store),
          imports_(store, std::move(import_options)),
          exports_(store),
          accounts_(store),
          db_(store),
          demo_(store, imports_, accounts_, rounds_),
          sessions_(store),
          search_(store),
          rounds_(store),
          reports_(store),
          statuses_(store, rules),
          registry_(store),
          needs_(store),
          reminders_(store),
          downloads_(store, rules) {}

    PlanCatalog& catalog() { return catalog_; }
    PublishService& publishing() { return publishing_; }
    ImportService& imports() { return imports_; }
    ExportService& exports() { return exports_; }
    AccountService& accounts() { return accounts_; }
    DbService& db() { return db_; }
    DemoService& demo() { return demo_; }
    SessionService& sessions() { return sessions_; }
    SearchService& search() { return search_; }
    RoundService& rounds() { return rounds_; }
    ReportService& progress_reports() { return reports_; }
    StatusService& statuses() { return statuses_; }
    RegistryService& registry() { return registry_; }
    NeedsService& needs() { return needs_; }
    ReminderService& reminders() { return reminders_; }
    DownloadService& downloads() { return downloads_; }

private:
    PlanCatalog catalog_;
    PublishService publishing_;
    ImportService imports_;
    ExportService exports_;
    AccountService accounts_;
    DbService db_;
    DemoService demo_;
    SessionService sessions_;
    SearchService search_;
    RoundService rounds_;
    ReportService reports_;
    StatusService statuses_;
    RegistryService registry_;
    NeedsService needs_;
    ReminderService reminders_;
    DownloadService downloads_;
};

}  // namespace planwatch::services
