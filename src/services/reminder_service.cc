#include "services/reminder_service.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "services/round_service.h"

namespace planwatch::services {
namespace {

std::string SystemNow() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                       std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

Status NeedsCoordinator(const Actor& actor, const char* what) {
    if (actor.Coordinates()) return Status::Ok();
    return Status(StatusCode::kPermissionDenied, fmt::format("only a coordinator may {}", what));
}

// Whether any institution could get a reminder for round today; decided on the
// round alone, so that plans without one are never loaded.
bool MayRemind(const domain::ReportingRound& round, const domain::CivilDate& opens, const domain::CivilDate& due,
               const domain::CivilDate& today, const ReminderPolicy& policy) {
    if (domain::ClosedBy(round, domain::ToString(today))) return false;
    return ReminderOn({.opens_on = opens, .due_on = due}, today, policy).has_value();
}

// Whether anyone may still write in round today: before it locks, or under a reopening.
bool AcceptsReports(const domain::ReportingRound& round, const std::vector<storage::RoundReopening>& reopenings,
                    const domain::CivilDate& today) {
    if (!RoundLocked(round, std::nullopt, reopenings, today)) return true;
    return std::any_of(reopenings.begin(), reopenings.end(), [&](const storage::RoundReopening& reopening) {
        return !RoundLocked(round, reopening.institution_id, reopenings, today);
    });
}

// The last day institution_id may still write: the round's, or its reopening's when later.
std::string LastDayFor(const RoundView& view, int64_t institution_id) {
    std::string last = view.locks_after;
    for (const storage::RoundReopening& reopening : view.reopenings) {
        if (reopening.institution_id == institution_id) last = std::max(last, reopening.until_on);
    }
    return last;
}

// What Collect reads once per plan.
struct PlanData {
    domain::Plan plan;
    std::vector<domain::ProgressReport> reports;
    struct Activity {
        const domain::Node* node = nullptr;  // points into plan
        std::string path;                    // ancestor codes joined by '/': "I/A/A.1"
    };
    std::map<int64_t, Activity> activities;  // by node id
};

// Codes repeat under each pillar ("1.1" in I and in II), so a digest names an
// activity by the codes above it too, as `planwatch status` does.
void IndexActivities(const std::vector<domain::Node>& nodes, const std::string& path, PlanData& data) {
    for (const domain::Node& node : nodes) {
        if (node.kind == domain::NodeKind::kActivity) {
            if (node.id) data.activities[*node.id] = {.node = &node, .path = path};
            continue;
        }
        // A level without a code (seed 000's areas under pillars II-IV) adds nothing to the name.
        const std::string child = node.code.empty() ? path : path.empty() ? node.code : path + "/" + node.code;
        IndexActivities(node.children, child, data);
    }
}

std::vector<std::string> SplitRecipients(const std::string& list) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= list.size()) {
        size_t comma = list.find(',', start);
        std::string one = BareAddress(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (!one.empty()) out.push_back(one);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

std::string JoinRecipients(const std::vector<std::string>& recipients) {
    std::string out;
    for (const std::string& r : recipients) out += (out.empty() ? "" : ",") + r;
    return out;
}

std::string MessageId(const storage::OutboxMessage& message, const std::string& from) {
    const std::string address = BareAddress(from);
    const size_t at = address.find('@');
    const std::string domain = at == std::string::npos ? "planwatch.invalid" : address.substr(at + 1);
    return fmt::format("planwatch.reminder.{}.{}@{}", message.id.value_or(0), message.digest_on, domain);
}

}  // namespace

ReminderService::ReminderService(storage::Store& store, std::function<std::string()> now)
    : store_(store), now_(now ? std::move(now) : SystemNow) {}

StatusOr<ReminderRun> ReminderService::Collect(storage::Transaction& tx, const domain::CivilDate& today,
                                               const ReminderPolicy& policy) {
    ReminderRun run;
    run.digest_on = domain::ToString(today);
    PW_ASSIGN_OR_RETURN(std::vector<domain::ReportingRound> rounds, tx.ListRounds(std::nullopt));
    std::map<int64_t, PlanData> plans;
    std::map<int64_t, Digest> by_institution;
    for (const domain::ReportingRound& round : rounds) {
        StatusOr<domain::CivilDate> opens = domain::ParseCivilDate(round.opens_on);
        StatusOr<domain::CivilDate> due = domain::ParseCivilDate(round.due_on);
        if (!opens.ok() || !due.ok()) return Internal(fmt::format("round {} has a bad date", round.id.value_or(0)));
        if (!MayRemind(round, *opens, *due, today, policy)) continue;
        PW_ASSIGN_OR_RETURN(std::vector<storage::RoundReopening> reopenings, tx.ListRoundReopenings(*round.id));
        if (!AcceptsReports(round, reopenings, today)) continue;

        auto [entry, fresh] = plans.try_emplace(round.plan_id);
        PlanData& data = entry->second;
        if (fresh) {
            PW_ASSIGN_OR_RETURN(data.plan, tx.LoadPlan(round.plan_id));
            PW_ASSIGN_OR_RETURN(data.reports, tx.ListPlanReports(round.plan_id));
            IndexActivities(data.plan.nodes, "", data);
        }
        PW_ASSIGN_OR_RETURN(RoundView view, BuildRoundView(round, data.plan, data.reports, reopenings, today));
        for (const ExpectedReporter& expected : view.expected) {
            if (!expected.institution_id) continue;  // a lead the registry does not know: nobody to write to
            OwedReport owed{.opens_on = *opens,
                            .due_on = *due,
                            .received = expected.received,
                            .locked = RoundLocked(round, expected.institution_id, view.reopenings, today)};
            std::optional<ReminderKind> kind = ReminderOn(owed, today, policy);
            if (!kind) continue;
            auto node = data.activities.find(expected.activity_id);
            Digest& digest = by_institution[*expected.institution_id];
            digest.institution_id = *expected.institution_id;
            digest.institution = expected.institution;
            digest.items.push_back({.plan_id = round.plan_id,
                                    .plan_title = data.plan.title,
                                    .plan_language = data.plan.language,
                                    .round_id = *round.id,
                                    .period = round.period,
                                    .activity_id = expected.activity_id,
                                    .activity_code = expected.activity_code,
                                    .activity_path = node == data.activities.end() ? "" : node->second.path,
                                    .activity_text = node == data.activities.end() ? "" : node->second.node->title,
                                    .due_on = round.due_on,
                                    .locks_after = LastDayFor(view, *expected.institution_id),
                                    .kind = *kind,
                                    .days_from_due = domain::DaysFromEpoch(today) - domain::DaysFromEpoch(*due)});
        }
    }
    if (by_institution.empty()) return run;

    PW_ASSIGN_OR_RETURN(std::vector<domain::User> users, tx.ListUsers());
    for (auto& [institution_id, digest] : by_institution) {
        digest.digest_on = run.digest_on;
        // The registry name, which a merge may have changed since the plan was imported.
        PW_ASSIGN_OR_RETURN(std::optional<std::string> name, tx.InstitutionName(institution_id));
        if (name) digest.institution = *name;
        std::set<std::string> emails;
        for (const domain::User& user : users) {
            if (user.role == domain::Role::kReporter && user.institution_id == institution_id) emails.insert(user.email);
        }
        digest.recipients.assign(emails.begin(), emails.end());
        // Rounds of one plan by due date, activities in document order within a round.
        std::stable_sort(digest.items.begin(), digest.items.end(), [](const OwedActivity& a, const OwedActivity& b) {
            return std::tie(a.plan_id, a.due_on, a.round_id) < std::tie(b.plan_id, b.due_on, b.round_id);
        });
        ComposeDigest(digest);
        (digest.recipients.empty() ? run.unreachable : run.digests).push_back(std::move(digest));
    }
    return run;
}

StatusOr<ReminderRun> ReminderService::Preview(const domain::CivilDate& today, const ReminderPolicy& policy) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(ReminderRun run, Collect(*tx, today, policy));
    if (run.digests.empty()) return run;
    PW_ASSIGN_OR_RETURN(std::vector<storage::OutboxMessage> outbox, tx->ListOutbox(false));
    std::set<int64_t> digests;
    for (const Digest& digest : run.digests) digests.insert(digest.institution_id);
    for (const storage::OutboxMessage& message : outbox) {
        if (message.digest_on == run.digest_on && digests.count(message.institution_id)) ++run.already_queued;
    }
    return run;
}

StatusOr<ReminderRun> ReminderService::Queue(const domain::CivilDate& today, const ReminderPolicy& policy,
                                             const Actor& actor) {
    PW_RETURN_IF_ERROR(NeedsCoordinator(actor, "queue reminders"));
    PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
    PW_ASSIGN_OR_RETURN(ReminderRun run, Collect(*tx, today, policy));
    const std::string created_at = now_();
    nlohmann::ordered_json institutions = nlohmann::ordered_json::array();
    for (const Digest& digest : run.digests) {
        storage::OutboxMessage message{.institution_id = digest.institution_id,
                                       .digest_on = digest.digest_on,
                                       .kind = Name(digest.kind),
                                       .recipients = JoinRecipients(digest.recipients),
                                       .subject = digest.subject,
                                       .body = digest.body,
                                       .created_at = created_at};
        PW_ASSIGN_OR_RETURN(bool inserted, tx->InsertOutbox(message));
        if (!inserted) {
            ++run.already_queued;
            continue;
        }
        ++run.queued;
        institutions.push_back({{"institution_id", digest.institution_id},
                                {"kind", message.kind},
                                {"activities", digest.items.size()}});
    }
    // Nothing new: leave the transaction unwritten (it rolls back), so a re-run adds no audit event either.
    if (run.queued == 0) return run;
    PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name,
                                   .action = "reminders.queue",
                                   .entity = "reminder_outbox",
                                   .entity_id = run.digest_on,
                                   .before_json = "null",
                                   .after_json = nlohmann::ordered_json{{"digest_on", run.digest_on},
                                                                        {"queued", run.queued},
                                                                        {"digests", institutions}}
                                                     .dump()}));
    PW_RETURN_IF_ERROR(tx->Commit());
    return run;
}

StatusOr<DeliveryRun> ReminderService::Deliver(SmtpSender& sender, const Actor& actor) {
    PW_RETURN_IF_ERROR(NeedsCoordinator(actor, "send reminders"));
    std::vector<storage::OutboxMessage> unsent;
    {
        PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
        PW_ASSIGN_OR_RETURN(unsent, tx->ListOutbox(true));
    }  // no transaction stays open while the network is slow
    DeliveryRun run;
    for (const storage::OutboxMessage& message : unsent) {
        MailMessage mail{.to = SplitRecipients(message.recipients),
                         .subject = message.subject,
                         .body = message.body,
                         .message_id = MessageId(message, sender.config().from),
                         .date = Rfc5322Date(std::chrono::system_clock::now())};
        Status sent = sender.Send(std::move(mail));
        Delivery delivery{.message_id = *message.id,
                          .institution_id = message.institution_id,
                          .digest_on = message.digest_on,
                          .recipients = message.recipients,
                          .subject = message.subject,
                          .error = sent.ok() ? "" : sent.message()};
        const std::string sent_at = sent.ok() ? now_() : "";
        PW_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx, store_.Begin());
        PW_RETURN_IF_ERROR(tx->MarkOutbox(*message.id, sent_at, delivery.error));
        nlohmann::ordered_json after{{"recipients", message.recipients}};
        if (sent.ok()) {
            after["sent_at"] = sent_at;
        } else {
            after["error"] = delivery.error;
        }
        PW_RETURN_IF_ERROR(tx->Append({.actor = actor.name,
                                       .action = sent.ok() ? "reminder.sent" : "reminder.failed",
                                       .entity = "reminder_outbox",
                                       .entity_id = std::to_string(*message.id),
                                       .before_json = "null",
                                       .after_json = after.dump()}));
        PW_RETURN_IF_ERROR(tx->Commit());
        (sent.ok() ? run.sent : run.failed).push_back(std::move(delivery));
    }
    return run;
}

}  // namespace planwatch::services
