// planwatch reminders [--as-of YYYY-MM-DD] [--dry-run] [--send] [--days-before N] [--json]
//                     [--smtp-host H] [--smtp-port P] [--smtp-tls none|starttls|tls] [--smtp-user U] [--smtp-from A]
// Queues today's reminder digests in the outbox and, when SMTP is configured
// (or --send), delivers every unsent one. The password comes only from
// PLANWATCH_SMTP_PASSWORD: a command-line argument would show in `ps`.
#include <fmt/format.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli/as_of.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "services/reminder_service.h"

namespace planwatch::cli {
namespace {

struct RemindersArgs {
    std::string as_of;
    bool dry_run = false;
    bool send = false;
    int days_before = 7;
    std::string smtp_host;
    int smtp_port = 0;
    std::string smtp_tls = "starttls";
    std::string smtp_user;
    std::string smtp_from;
};

StatusOr<services::SmtpConfig> SmtpFromArgs(const RemindersArgs& args) {
    std::optional<services::SmtpTls> tls = services::ParseSmtpTls(args.smtp_tls);
    if (!tls) return Status(StatusCode::kMalformed, "--smtp-tls " + args.smtp_tls + ": expected none, starttls or tls");
    const char* password = std::getenv("PLANWATCH_SMTP_PASSWORD");
    return services::SmtpConfig{.host = args.smtp_host,
                                .port = args.smtp_port,
                                .tls = *tls,
                                .user = args.smtp_user,
                                .password = password ? password : "",
                                .from = args.smtp_from};
}

nlohmann::ordered_json DigestJson(const services::Digest& digest) {
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const services::OwedActivity& item : digest.items) {
        items.push_back({{"plan", item.plan_id},
                         {"plan_title", item.plan_title},
                         {"round", item.round_id},
                         {"period", item.period},
                         {"activity", item.activity_id},
                         {"code", item.activity_code},
                         {"path", item.activity_path},
                         {"text", item.activity_text},
                         {"due_on", item.due_on},
                         {"accepted_until", item.locks_after},
                         {"kind", services::Name(item.kind)}});
    }
    return {{"institution_id", digest.institution_id},
            {"institution", digest.institution},
            {"kind", services::Name(digest.kind)},
            {"language", digest.language},
            {"recipients", digest.recipients},
            {"subject", digest.subject},
            {"body", digest.body},
            {"activities", items}};
}

nlohmann::ordered_json DeliveryJson(const std::vector<services::Delivery>& deliveries) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const services::Delivery& d : deliveries) {
        out.push_back({{"id", d.message_id},
                       {"institution_id", d.institution_id},
                       {"digest_on", d.digest_on},
                       {"recipients", d.recipients},
                       {"error", d.error.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.error)}});
    }
    return out;
}

std::string DigestText(const services::Digest& digest) {
    std::string recipients;
    for (const std::string& r : digest.recipients) recipients += (recipients.empty() ? "" : ", ") + r;
    return fmt::format("To: {}\nSubject: {}\n\n{}", recipients.empty() ? "(no reporter account)" : recipients,
                       digest.subject, digest.body);
}

std::string RunText(const services::ReminderRun& run, bool dry_run) {
    std::string out;
    if (dry_run) {
        for (const services::Digest& digest : run.digests) out += DigestText(digest) + "\n";
        out += fmt::format("{}: {} digest(s) would be queued ({} already in the outbox)\n", run.digest_on,
                           run.digests.size() - run.already_queued, run.already_queued);
    } else {
        out += fmt::format("{}: queued {} digest(s), {} already in the outbox\n", run.digest_on, run.queued,
                           run.already_queued);
    }
    for (const services::Digest& digest : run.unreachable) {
        out += fmt::format("not queued: {} (id {}) owes {} report(s) but has no reporter account\n",
                           digest.institution, digest.institution_id, digest.items.size());
    }
    return out;
}

void RunReminders(const RemindersArgs& args, CommandContext& ctx) {
    if (args.dry_run && args.send) return ctx.Fail(Status(StatusCode::kMalformed, "--dry-run and --send exclude each other"));
    StatusOr<domain::CivilDate> today = ParseAsOf(args.as_of);
    if (!today.ok()) return ctx.Fail(today.status());
    StatusOr<services::SmtpConfig> smtp = SmtpFromArgs(args);
    if (!smtp.ok()) return ctx.Fail(smtp.status());
    const bool deliver = !args.dry_run && (args.send || smtp->configured());
    if (deliver) {
        Status checked = services::CheckSmtpConfig(*smtp);
        if (!checked.ok()) return ctx.Fail(checked);  // before anything is queued: a typo should change nothing
    }
    StatusOr<std::unique_ptr<storage::Store>> store = ctx.OpenStore();
    if (!store.ok()) return ctx.Fail(store.status());
    services::ReminderService reminders(**store);
    const services::ReminderPolicy policy{.days_before = args.days_before};
    const services::Actor actor = services::Actor::CommandLine(CliActor());

    StatusOr<services::ReminderRun> run =
        args.dry_run ? reminders.Preview(*today, policy) : reminders.Queue(*today, policy, actor);
    if (!run.ok()) return ctx.Fail(run.status());
    services::DeliveryRun delivery;
    if (deliver) {
        services::SmtpSender sender(*smtp);
        StatusOr<services::DeliveryRun> sent = reminders.Deliver(sender, actor);
        if (!sent.ok()) return ctx.Fail(sent.status());
        delivery = std::move(*sent);
    }

    std::string out;
    if (ctx.json) {
        nlohmann::ordered_json digests = nlohmann::ordered_json::array(), unreachable = nlohmann::ordered_json::array();
        for (const services::Digest& digest : run->digests) digests.push_back(DigestJson(digest));
        for (const services::Digest& digest : run->unreachable) unreachable.push_back(DigestJson(digest));
        nlohmann::ordered_json result{{"as_of", run->digest_on},   {"dry_run", args.dry_run},
                                      {"queued", run->queued},     {"already_queued", run->already_queued},
                                      {"digests", digests},        {"unreachable", unreachable}};
        if (deliver) {
            result["sent"] = DeliveryJson(delivery.sent);
            result["failed"] = DeliveryJson(delivery.failed);
        }
        out = result.dump(2) + "\n";
    } else {
        out = RunText(*run, args.dry_run);
        if (deliver) {
            out += fmt::format("sent {} message(s) through {}:{}", delivery.sent.size(), smtp->host,
                               smtp->EffectivePort());
            out += delivery.failed.empty() ? "\n" : fmt::format(", {} failed\n", delivery.failed.size());
        } else if (!args.dry_run) {
            out += "nothing sent: no SMTP host (PLANWATCH_SMTP_HOST or --smtp-host); the outbox keeps the messages\n";
        }
    }
    Status written = WriteOutput("", out);
    if (!written.ok()) return ctx.Fail(written);
    if (!delivery.failed.empty()) {
        // Exit non-zero so cron notices; the messages stay in the outbox for the next run.
        ctx.Fail(Unavailable(fmt::format("{} reminder(s) not sent, kept in the outbox for the next run; first error: {}",
                                         delivery.failed.size(), delivery.failed.front().error)));
    }
}

}  // namespace

void AddRemindersCommand(CLI::App& app, CommandContext& ctx) {
    auto args = std::make_shared<RemindersArgs>();
    CLI::App* cmd = app.add_subcommand(
        "reminders", "Queue today's reminder digests (one per institution) and send the outbox by SMTP.");
    cmd->add_option("--as-of", args->as_of, "The day to remind for, YYYY-MM-DD (default: today, UTC)");
    cmd->add_flag("--dry-run", args->dry_run, "Print the digests that would be queued; change nothing");
    cmd->add_flag("--send", args->send, "Send unsent outbox messages (implied when an SMTP host is configured)");
    cmd->add_option("--days-before", args->days_before, "Remind this many days before the due date (0: never)")
        ->check(CLI::Range(0, 365))
        ->envname("PLANWATCH_REMINDER_DAYS_BEFORE");
    cmd->add_option("--smtp-host", args->smtp_host, "SMTP server")->envname("PLANWATCH_SMTP_HOST");
    cmd->add_option("--smtp-port", args->smtp_port, "SMTP port (default 25, 587 or 465 after --smtp-tls)")
        ->check(CLI::Range(1, 65535))
        ->envname("PLANWATCH_SMTP_PORT");
    cmd->add_option("--smtp-tls", args->smtp_tls, "none | starttls | tls (default starttls)")
        ->envname("PLANWATCH_SMTP_TLS");
    cmd->add_option("--smtp-user", args->smtp_user, "SMTP user; the password is read from PLANWATCH_SMTP_PASSWORD")
        ->envname("PLANWATCH_SMTP_USER");
    cmd->add_option("--smtp-from", args->smtp_from, "Sender address, e.g. \"planwatch <monitorizare@cj.ro>\"")
        ->envname("PLANWATCH_SMTP_FROM");
    cmd->callback([args, &ctx] { RunGuarded(ctx, [&] { RunReminders(*args, ctx); }); });
}

}  // namespace planwatch::cli
