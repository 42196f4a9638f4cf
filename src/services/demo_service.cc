#include "services/demo_service.h"

#include <fmt/format.h>

#include "common/resources.h"

namespace planwatch::services {

std::string DescribeImport(const ImportOutcome& outcome) {
    std::string line = fmt::format("imported {} \"{}\": {} activities, {} warnings", outcome.plan_id, outcome.title,
                                   outcome.activities, outcome.warnings);
    if (outcome.replaced) line += fmt::format(" (version {})", outcome.version);
    if (outcome.published) line += ", published";
    return line;
}

StatusOr<DemoReport> DemoService::SeedIfEmpty(const std::string& actor, const domain::CivilDate& today) {
    DemoReport report;
    {
        PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
        PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, tx->ListPlans());
        if (!plans.empty()) return report;
    }
    report.seeded = true;
    std::optional<int64_t> action_plan;  // seed 000, the plan with a reporting round
    for (const resources::Resource& sample : resources::List("samples/")) {
        std::string file_name(sample.path.substr(sample.path.rfind('/') + 1));
        StatusOr<ImportOutcome> outcome = imports_.ImportBytes(sample.bytes, file_name, actor, {.publish = true});
        if (outcome.ok()) {
            report.imported.push_back(DescribeImport(*outcome));
            if (file_name.rfind("000_", 0) == 0) action_plan = outcome->plan_id;
        } else if (outcome.status().code() == StatusCode::kUnavailable) {
            return outcome.status();
        } else {
            report.skipped.push_back(outcome.status().WithFile(file_name));
        }
    }
    struct DemoAccount {
        const char* email;
        const char* role;
        const char* institution;
    };
    constexpr DemoAccount kAccounts[] = {
        {"admin@demo.planwatch", "admin", ""},
        {"coordinator@demo.planwatch", "coordinator", ""},
        {"reporter@demo.planwatch", "reporter", kDemoInstitution},
    };
    for (const DemoAccount& demo : kAccounts) {
        NewAccount account{.email = demo.email, .role = demo.role, .institution = demo.institution};
        StatusOr<CreatedAccount> created = accounts_.Add(account, actor);
        if (created.ok()) {
            report.accounts.push_back(*created);
        } else if (created.status().code() == StatusCode::kNotFound) {
            report.notes.push_back(fmt::format("{} not created: no institution \"{}\" was imported", demo.email,
                                               demo.institution));
        } else if (created.status().code() == StatusCode::kUnavailable) {
            return created.status();
        } else {
            report.notes.push_back(fmt::format("{} not created: {}", demo.email, created.status().ToString()));
        }
    }
    if (action_plan) {
        std::optional<int> last_year;
        {
            PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
            PW_ASSIGN_OR_RETURN(std::vector<storage::PlanSummary> plans, tx->ListPlans());
            for (const storage::PlanSummary& plan : plans) {
                if (plan.id == *action_plan) last_year = plan.period_end;
            }
        }
        if (last_year) {
            OpenRoundRequest open{.plan_id = *action_plan,
                                  .period = std::to_string(*last_year),
                                  .opens_on = domain::ToString(today),
                                  .due_on = domain::ToString(domain::AddDays(today, 30))};
            StatusOr<RoundView> round = rounds_.Open(open, Actor::CommandLine(actor), today);
            if (round.ok()) {
                report.rounds.push_back(fmt::format("round {} open: plan {}, {}, due {}", round->round.id.value_or(0),
                                                    round->round.plan_id, round->round.period, round->round.due_on));
            } else {
                report.notes.push_back(fmt::format("no demo round: {}", round.status().ToString()));
            }
        }
    }
    return report;
}

}  // namespace planwatch::services
