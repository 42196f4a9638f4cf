#pragma once
// Reminders (monitoring issue): an outbox of digests, one per institution and
// day, listing every report the institution still owes across all open rounds
// of all plans, on the reminder days of reminder_schedule.h; then delivery of
// the unsent ones by SMTP. Recipients are the institution's reporter accounts.
//
// Queueing is idempotent: (institution, day) is the outbox key, so running it
// twice on one day adds nothing. Delivery is at least once: a message is marked
// sent after the server accepted it, and a failed one keeps its error and stays
// unsent until a later run delivers it; it is never dropped.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/civil_date.h"
#include "services/actor.h"
#include "services/reminder_digest.h"
#include "services/reminder_schedule.h"
#include "services/smtp_sender.h"
#include "storage/store.h"

namespace planwatch::services {

struct ReminderRun {
    std::string digest_on;            // YYYY-MM-DD
    std::vector<Digest> digests;      // institutions that owe something and have reporter accounts
    std::vector<Digest> unreachable;  // owe something but nobody to write to: not queued
    int queued = 0;                   // written to the outbox by this run (0 for a preview)
    int already_queued = 0;           // digests of today already in the outbox
};

struct Delivery {
    int64_t message_id = 0;
    int64_t institution_id = 0;
    std::string digest_on;
    std::string recipients;
    std::string subject;
    std::string error;  // empty when sent
};

struct DeliveryRun {
    std::vector<Delivery> sent;
    std::vector<Delivery> failed;  // kept unsent in the outbox with their error
};

class ReminderService {
public:
    // Borrows store, which must outlive the service. now gives the current UTC
    // time as ISO 8601 ("2019-07-31T10:00:00Z") for sent_at; tests pass a fixed clock.
    explicit ReminderService(storage::Store& store, std::function<std::string()> now = {});

    // The digests today calls for, each with subject and body; writes nothing.
    StatusOr<ReminderRun> Preview(const domain::CivilDate& today, const ReminderPolicy& policy = {});
    // Computes the same and writes the digests not yet in the outbox, with one
    // reminders.queue audit event, in one transaction; a run that finds all of
    // them queued writes nothing. kPermissionDenied unless the actor coordinates.
    StatusOr<ReminderRun> Queue(const domain::CivilDate& today, const ReminderPolicy& policy, const Actor& actor);
    // Sends every unsent outbox message through sender, oldest first, and
    // records each outcome (sent_at, or the error) with an audit event as it
    // goes, so a crash re-sends at most the message in flight. Delivery
    // failures are results, not errors; the Status fails only for the Store
    // (kUnavailable) or a non-coordinator (kPermissionDenied).
    StatusOr<DeliveryRun> Deliver(SmtpSender& sender, const Actor& actor);

private:
    StatusOr<ReminderRun> Collect(storage::Transaction& tx, const domain::CivilDate& today,
                                  const ReminderPolicy& policy);

    storage::Store& store_;
    std::function<std::string()> now_;
};

}  // namespace planwatch::services
