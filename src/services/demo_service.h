#pragma once
// `serve --demo`: a newcomer's first database. When no plan is stored yet, it
// imports every sample document compiled into the binary and creates one
// account per role, so the web app has something to show.
#include <string>
#include <vector>

#include "common/status.h"
#include "services/account_service.h"
#include "services/import_service.h"
#include "services/round_service.h"

namespace planwatch::services {

inline constexpr char kDemoInstitution[] = "CPECA Cluj";

struct DemoReport {
    bool seeded = false;                 // false: the database already had plans, nothing was done
    std::vector<std::string> imported;   // "imported 1 \"…\": 47 activities, 3 warnings"
    std::vector<Status> skipped;         // samples the importer cannot read yet, with why
    std::vector<CreatedAccount> accounts;
    std::vector<std::string> rounds;     // "round 1 open: plan 1, 2020, due 2027-01-02"
    std::vector<std::string> notes;      // e.g. why the reporter account was not created
};

class DemoService {
public:
    // Borrows all four, which must outlive the service.
    DemoService(storage::Store& store, ImportService& imports, AccountService& accounts, RoundService& rounds)
        : store_(store), imports_(imports), accounts_(accounts), rounds_(rounds) {}

    // Seeds an empty database (see above) and opens one reporting round on the
    // anti-drug plan (seed 000) for the last year of its period, opening today
    // and due in 30 days, so the reporter has something to report. A sample that
    // fails to import and an account that already exists are reported, not
    // fatal; a database that cannot be reached is (kUnavailable).
    StatusOr<DemoReport> SeedIfEmpty(const std::string& actor, const domain::CivilDate& today);

private:
    storage::Store& store_;
    ImportService& imports_;
    AccountService& accounts_;
    RoundService& rounds_;
};

// The line `import` prints for one stored plan:
// imported <id> "<title>": <n> activities, <m> warnings
std::string DescribeImport(const ImportOutcome& outcome);

}  // namespace planwatch::services
