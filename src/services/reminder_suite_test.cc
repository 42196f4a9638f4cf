#include "services/reminder_test_suite.h"

#include <algorithm>
#include <map>
#include <set>

#include "harness/smtp_sink.h"

namespace planwatch::services::testing {
namespace {

using planwatch::testing::DecodeHeader;
using planwatch::testing::DecodeQuotedPrintableBody;
using planwatch::testing::HeaderValue;
using planwatch::testing::ReceivedMail;
using planwatch::testing::SmtpSink;
using planwatch::testing::SmtpSinkOptions;

domain::CivilDate Day(const char* text) { return *domain::ParseCivilDate(text); }

Actor Coordinator() { return Actor{.name = "coord@example.ro", .role = domain::Role::kCoordinator}; }
Actor Reporter(int64_t institution) {
    return Actor{.name = "rep" + std::to_string(institution) + "@example.ro", .role = domain::Role::kReporter,
                 .institution_id = institution};
}

const Digest* DigestOf(const std::vector<Digest>& digests, int64_t institution_id) {
    for (const Digest& digest : digests) {
        if (digest.institution_id == institution_id) return &digest;
    }
    return nullptr;
}

std::set<int64_t> ActivityIds(const Digest& digest) {
    std::set<int64_t> ids;
    for (const OwedActivity& item : digest.items) ids.insert(item.activity_id);
    return ids;
}

// "I/A/A.1/1.1": how a digest names an activity, codes of the nodes above it first.
std::string ListedName(const OwedActivity& item) {
    return item.activity_path.empty() ? item.activity_code : item.activity_path + "/" + item.activity_code;
}

// The names of the activity lines ("  - NAME text (note)") of a digest body.
std::multiset<std::string> ListedNames(const std::string& body) {
    std::multiset<std::string> names;
    for (size_t pos = body.find("\n  - "); pos != std::string::npos; pos = body.find("\n  - ", pos + 1)) {
        size_t start = pos + 5;
        names.insert(body.substr(start, body.find(' ', start) - start));
    }
    return names;
}

std::map<std::string, int64_t> Rows(storage::Store& store) {
    auto tx = store.Begin();
    return *(*tx)->CountRows();
}

std::vector<storage::OutboxMessage> Outbox(storage::Store& store, bool unsent_only) {
    auto tx = store.Begin();
    return *(*tx)->ListOutbox(unsent_only);
}

int AuditCount(storage::Store& store, const std::string& action) {
    auto tx = store.Begin();
    std::vector<domain::AuditEvent> events = *(*tx)->ListAudit(1000);
    return int(std::count_if(events.begin(), events.end(),
                             [&](const domain::AuditEvent& e) { return e.action == action; }));
}

SmtpConfig SinkConfig(const SmtpSink& sink) {
    return SmtpConfig{.host = "127.0.0.1", .port = sink.port(), .tls = SmtpTls::kNone,
                      .from = "planwatch <monitorizare@cja.example.ro>", .timeout_seconds = 10};
}

}  // namespace

void ReminderSuite::SetUp() {
    StatusOr<std::unique_ptr<storage::Store>> store = storage::OpenStore(GetParam().new_url());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
    services_ = std::make_unique<Services>(*store_);
    reports_ = std::make_unique<ReportService>(*store_, [this] { return now_; });
    reminders_ = std::make_unique<ReminderService>(*store_, [this] { return now_; });
}

int64_t ReminderSuite::ImportSeed(const std::string& file) {
    StatusOr<ImportOutcome> outcome =
        services_->imports().ImportFile(std::string(PLANWATCH_SOURCE_DIR) + "/samples/" + file, "test");
    EXPECT_TRUE(outcome.ok()) << outcome.status();
    return outcome.ok() ? outcome->plan_id : 0;
}

std::string ReminderSuite::AddReporter(int64_t institution_id, const std::string& email) {
    auto tx = store_->Begin();
    std::optional<std::string> name = *(*tx)->InstitutionName(institution_id);
    tx->reset();
    EXPECT_TRUE(name.has_value());
    StatusOr<CreatedAccount> account = services_->accounts().Add(
        {.email = email, .role = "reporter", .institution = name.value_or(""), .password = "a long test password"},
        "test");
    EXPECT_TRUE(account.ok()) << account.status();
    return email;
}

int64_t ReminderSuite::OpenSeed000Round2017(const std::string& email) {
    int64_t plan_id = ImportSeed("000_ffec081ef8fe4e47.txt");
    StatusOr<RoundView> round =
        services_->rounds().Open({.plan_id = plan_id, .period = "2017"}, Coordinator(), Day("2018-01-02"));
    EXPECT_TRUE(round.ok()) << round.status();
    if (!round.ok() || round->expected.empty() || !round->expected.front().institution_id) return 0;
    const int64_t lead = *round->expected.front().institution_id;
    AddReporter(lead, email);
    return lead;
}

// Seed 000, round 2017 (opens 2018-01-01, due 2018-01-30, locks after 2018-02-09): the
// digest of one lead lists exactly what it leads in the round and has not submitted.
TEST_P(ReminderSuite, Seed000DigestListsExactlyTheUnreportedActivitiesTheInstitutionLeads) {
    int64_t plan_id = ImportSeed("000_ffec081ef8fe4e47.txt");
    StatusOr<RoundView> round = services_->rounds().Open({.plan_id = plan_id, .period = "2017", .grace_days = 10},
                                                         Coordinator(), Day("2018-01-02"));
    ASSERT_TRUE(round.ok()) << round.status();
    // The lead with the most expected reports, so one can be submitted and others still owed.
    std::map<int64_t, std::vector<ExpectedReporter>> by_lead;
    for (const ExpectedReporter& e : round->expected) {
        if (e.institution_id) by_lead[*e.institution_id].push_back(e);
    }
    auto busiest = std::max_element(by_lead.begin(), by_lead.end(),
                                    [](const auto& a, const auto& b) { return a.second.size() < b.second.size(); });
    ASSERT_NE(busiest, by_lead.end());
    const int64_t lead = busiest->first;
    const std::vector<ExpectedReporter>& owed = busiest->second;
    ASSERT_GE(owed.size(), 2u) << "seed 000 has a lead of several activities in 2017";
    AddReporter(lead, "Raportor@Institutie.example.ro");
    AddReporter(lead, "alt.raportor@institutie.example.ro");
    ASSERT_TRUE(services_->accounts().Add({.email = "coord@cja.example.ro", .role = "coordinator",
                                           .password = "a long test password"}, "test").ok());

    // One report submitted before the due date.
    now_ = "2018-01-20T10:00:00Z";
    StatusOr<domain::ProgressReport> report =
        reports_->Create({.activity_id = owed.front().activity_id, .period = "2017"}, Reporter(lead));
    ASSERT_TRUE(report.ok()) << report.status();
    ASSERT_TRUE(reports_->Submit(*report->id, Reporter(lead)).ok());

    StatusOr<ReminderRun> run = reminders_->Preview(Day("2018-01-30"));
    ASSERT_TRUE(run.ok()) << run.status();
    EXPECT_EQ(run->digest_on, "2018-01-30");
    ASSERT_EQ(run->digests.size(), 1u) << "only the institution with reporter accounts can be written to";
    const Digest& digest = run->digests.front();
    EXPECT_EQ(digest.institution_id, lead);
    EXPECT_EQ(digest.kind, ReminderKind::kDue);
    EXPECT_EQ(digest.language, "ro");
    EXPECT_EQ(digest.recipients,
              (std::vector<std::string>{"alt.raportor@institutie.example.ro", "raportor@institutie.example.ro"}));
    std::set<int64_t> want;
    for (const ExpectedReporter& e : owed) want.insert(e.activity_id);
    want.erase(owed.front().activity_id);
    EXPECT_EQ(ActivityIds(digest), want);
    EXPECT_EQ(digest.items.size(), want.size()) << "each owed activity once";
    for (const OwedActivity& item : digest.items) {
        EXPECT_EQ(item.period, "2017");
        EXPECT_EQ(item.due_on, "2018-01-30");
        EXPECT_EQ(item.locks_after, "2018-02-09");
        EXPECT_FALSE(item.activity_text.empty()) << item.activity_code;
        EXPECT_FALSE(item.activity_path.empty()) << "seed 000 nests activities under pillars";
    }
    // The body lists each owed activity once, by a name that tells repeated codes apart.
    std::multiset<std::string> names;
    for (const OwedActivity& item : digest.items) names.insert(ListedName(item));
    EXPECT_EQ(ListedNames(digest.body), names);
    EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size());
    EXPECT_NE(digest.body.find("termenul este astăzi"), std::string::npos) << digest.body;
    EXPECT_NE(digest.body.find("perioada 2017, termen 2018-01-30"), std::string::npos) << digest.body;
    EXPECT_NE(digest.subject.find("scadente astăzi"), std::string::npos) << digest.subject;
    EXPECT_NE(digest.subject.find(digest.institution), std::string::npos) << digest.subject;
    // Every other lead of the round owes too, but has no reporter account.
    EXPECT_EQ(run->unreachable.size(), by_lead.size() - 1);
    EXPECT_EQ(DigestOf(run->unreachable, lead), nullptr);
}

TEST_P(ReminderSuite, RemindsBeforeOnAndWeeklyAfterTheDueDateUntilSubmittedOrLocked) {
    int64_t plan_id = ImportSeed("000_ffec081ef8fe4e47.txt");
    StatusOr<RoundView> round = services_->rounds().Open({.plan_id = plan_id, .period = "2017", .grace_days = 10},
                                                         Coordinator(), Day("2018-01-02"));
    ASSERT_TRUE(round.ok()) << round.status();
    const int64_t lead = *round->expected.front().institution_id;
    AddReporter(lead, "raportor@institutie.example.ro");
    std::vector<int64_t> owed;
    for (const ExpectedReporter& e : round->expected) {
        if (e.institution_id == lead) owed.push_back(e.activity_id);
    }
    struct DayCase {
        const char* day;
        std::optional<ReminderKind> kind;
    };
    for (const DayCase& c : {DayCase{"2018-01-22", std::nullopt}, DayCase{"2018-01-23", ReminderKind::kBeforeDue},
                             DayCase{"2018-01-29", std::nullopt}, DayCase{"2018-01-30", ReminderKind::kDue},
                             DayCase{"2018-02-05", std::nullopt}, DayCase{"2018-02-06", ReminderKind::kOverdue},
                             DayCase{"2018-02-13", std::nullopt}}) {  // locked after 2018-02-09
        StatusOr<ReminderRun> run = reminders_->Preview(Day(c.day));
        ASSERT_TRUE(run.ok()) << run.status();
        const Digest* digest = DigestOf(run->digests, lead);
        EXPECT_EQ(digest != nullptr, c.kind.has_value()) << c.day;
        if (digest && c.kind) {
            EXPECT_EQ(digest->kind, *c.kind) << c.day;
            EXPECT_EQ(digest->items.size(), owed.size()) << c.day;
        }
    }
    // Overdue text names the days late.
    StatusOr<ReminderRun> late = reminders_->Preview(Day("2018-02-06"));
    ASSERT_TRUE(late.ok());
    EXPECT_NE(DigestOf(late->digests, lead)->body.find("întârziat cu 7 zile"), std::string::npos);

    // Reopened for this institution until 2018-02-20: weekly reminders resume (day 14), say the new last day.
    ASSERT_TRUE(services_->rounds()
                    .Reopen(*round->round.id, DigestOf(late->digests, lead)->institution, "2018-02-20", Coordinator(),
                            Day("2018-02-10"))
                    .ok());
    StatusOr<ReminderRun> reopened = reminders_->Preview(Day("2018-02-13"));
    ASSERT_TRUE(reopened.ok());
    const Digest* again = DigestOf(reopened->digests, lead);
    ASSERT_NE(again, nullptr);
    EXPECT_EQ(again->kind, ReminderKind::kOverdue);
    EXPECT_EQ(again->items.front().locks_after, "2018-02-20");
    EXPECT_EQ(reopened->unreachable.size(), 0u) << "the round is locked for everyone else";

    // Once every owed report is submitted, the reminders stop.
    now_ = "2018-02-13T08:00:00Z";
    for (int64_t activity : owed) {
        StatusOr<domain::ProgressReport> report =
            reports_->Create({.activity_id = activity, .period = "2017"}, Reporter(lead));
        ASSERT_TRUE(report.ok()) << report.status();
        ASSERT_TRUE(reports_->Submit(*report->id, Reporter(lead)).ok());
    }
    StatusOr<ReminderRun> done = reminders_->Preview(Day("2018-02-13"));
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(DigestOf(done->digests, lead), nullptr);
}

// Two rounds due the same day: still one message for the institution, listing both.
TEST_P(ReminderSuite, OneDigestPerInstitutionCoversEveryRoundDueThatDay) {
    int64_t plan_id = ImportSeed("000_ffec081ef8fe4e47.txt");
    std::map<int64_t, int> per_lead;
    for (const char* period : {"2017", "2018"}) {
        StatusOr<RoundView> round = services_->rounds().Open(
            {.plan_id = plan_id, .period = period, .opens_on = "2019-01-01", .due_on = "2019-01-31"}, Coordinator(),
            Day("2019-01-01"));
        ASSERT_TRUE(round.ok()) << round.status();
        for (const ExpectedReporter& e : round->expected) {
            if (e.institution_id) ++per_lead[*e.institution_id];
        }
    }
    for (const auto& [institution, count] : per_lead) {
        AddReporter(institution, "r" + std::to_string(institution) + "@example.ro");
    }
    StatusOr<ReminderRun> run = reminders_->Preview(Day("2019-01-31"));
    ASSERT_TRUE(run.ok()) << run.status();
    EXPECT_EQ(run->digests.size(), per_lead.size());
    std::set<int64_t> institutions;
    for (const Digest& digest : run->digests) {
        EXPECT_TRUE(institutions.insert(digest.institution_id).second) << "one digest per institution";
        EXPECT_EQ(int(digest.items.size()), per_lead[digest.institution_id]) << digest.institution;
    }
    auto both = std::find_if(run->digests.begin(), run->digests.end(), [](const Digest& d) {
        return std::any_of(d.items.begin(), d.items.end(), [](const OwedActivity& i) { return i.period == "2017"; }) &&
               std::any_of(d.items.begin(), d.items.end(), [](const OwedActivity& i) { return i.period == "2018"; });
    });
    ASSERT_NE(both, run->digests.end());
    EXPECT_NE(both->body.find("perioada 2017"), std::string::npos);
    EXPECT_NE(both->body.find("perioada 2018"), std::string::npos);
}

TEST_P(ReminderSuite, QueueingTwiceOnOneDayAddsNothingAndPreviewWritesNothing) {
    const int64_t lead = OpenSeed000Round2017("raportor@institutie.example.ro");
    ASSERT_NE(lead, 0);

    const std::map<std::string, int64_t> before = Rows(*store_);
    StatusOr<ReminderRun> preview = reminders_->Preview(Day("2018-01-30"));
    ASSERT_TRUE(preview.ok()) << preview.status();
    ASSERT_EQ(preview->digests.size(), 1u);
    EXPECT_EQ(preview->queued, 0);
    EXPECT_EQ(Rows(*store_), before) << "a dry run changes no row";

    EXPECT_EQ(reminders_->Queue(Day("2018-01-30"), {}, Reporter(lead)).status().code(),
              StatusCode::kPermissionDenied);
    now_ = "2018-01-30T06:00:00Z";
    StatusOr<ReminderRun> first = reminders_->Queue(Day("2018-01-30"), {}, Coordinator());
    ASSERT_TRUE(first.ok()) << first.status();
    EXPECT_EQ(first->queued, 1);
    EXPECT_EQ(first->already_queued, 0);
    std::vector<storage::OutboxMessage> outbox = Outbox(*store_, false);
    ASSERT_EQ(outbox.size(), 1u);
    EXPECT_EQ(outbox[0].institution_id, lead);
    EXPECT_EQ(outbox[0].digest_on, "2018-01-30");
    EXPECT_EQ(outbox[0].kind, "due");
    EXPECT_EQ(outbox[0].recipients, "raportor@institutie.example.ro");
    EXPECT_EQ(outbox[0].subject, preview->digests[0].subject);
    EXPECT_EQ(outbox[0].body, preview->digests[0].body);
    EXPECT_EQ(outbox[0].created_at, "2018-01-30T06:00:00Z");
    EXPECT_EQ(outbox[0].sent_at, "");
    EXPECT_EQ(AuditCount(*store_, "reminders.queue"), 1);

    const std::map<std::string, int64_t> after_first = Rows(*store_);
    StatusOr<ReminderRun> second = reminders_->Queue(Day("2018-01-30"), {}, Coordinator());
    ASSERT_TRUE(second.ok()) << second.status();
    EXPECT_EQ(second->queued, 0);
    EXPECT_EQ(second->already_queued, 1);
    EXPECT_EQ(Rows(*store_), after_first) << "the re-run wrote nothing, not even an audit event";
    StatusOr<ReminderRun> preview_again = reminders_->Preview(Day("2018-01-30"));
    ASSERT_TRUE(preview_again.ok());
    EXPECT_EQ(preview_again->already_queued, 1);

    // Not a reminder day: nothing queued.
    StatusOr<ReminderRun> quiet = reminders_->Queue(Day("2018-01-31"), {}, Coordinator());
    ASSERT_TRUE(quiet.ok());
    EXPECT_TRUE(quiet->digests.empty());
    EXPECT_EQ(Rows(*store_), after_first);
}

TEST_P(ReminderSuite, Seed002DigestIsInSlovenian) {
    int64_t plan_id = ImportSeed("002_8d53b20a0e2536f7.txt");
    StatusOr<RoundView> round =
        services_->rounds().Open({.plan_id = plan_id, .period = "2019-S1"}, Coordinator(), Day("2019-07-01"));
    ASSERT_TRUE(round.ok()) << round.status();
    ASSERT_FALSE(round->expected.empty());
    const int64_t lead = *round->expected.front().institution_id;
    AddReporter(lead, "porocevalec@ministrstvo.example.si");
    StatusOr<ReminderRun> run = reminders_->Preview(Day(round->round.due_on.c_str()));
    ASSERT_TRUE(run.ok()) << run.status();
    ASSERT_EQ(run->digests.size(), 1u);
    EXPECT_EQ(run->digests[0].language, "sl");
    EXPECT_NE(run->digests[0].subject.find("Poročila o napredku z rokom danes"), std::string::npos);
    EXPECT_NE(run->digests[0].body.find("Pozdravljeni,"), std::string::npos);
}

// Delivery through a real SMTP server (the sink), with AUTH, and the outbox marked sent.
TEST_P(ReminderSuite, SendsTheDigestThroughSmtpAndMarksItSent) {
    const int64_t lead = OpenSeed000Round2017("raportor@institutie.example.ro");
    ASSERT_NE(lead, 0);
    AddReporter(lead, "sef@institutie.example.ro");
    StatusOr<ReminderRun> queued = reminders_->Queue(Day("2018-01-30"), {}, Coordinator());
    ASSERT_TRUE(queued.ok()) << queued.status();
    ASSERT_EQ(queued->queued, 1);
    const Digest& digest = queued->digests[0];

    std::string error;
    std::unique_ptr<SmtpSink> sink = SmtpSink::Start({.offer_auth = true}, &error);
    ASSERT_NE(sink, nullptr) << error;
    SmtpConfig config = SinkConfig(*sink);
    config.user = "planwatch";
    config.password = "parolă secretă";
    SmtpSender sender(config);
    now_ = "2018-01-30T07:00:00Z";
    StatusOr<DeliveryRun> delivered = reminders_->Deliver(sender, Coordinator());
    ASSERT_TRUE(delivered.ok()) << delivered.status();
    ASSERT_EQ(delivered->sent.size(), 1u);
    EXPECT_TRUE(delivered->failed.empty()) << delivered->failed[0].error;

    std::vector<ReceivedMail> mail = sink->Received();
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_EQ(mail[0].mail_from, "monitorizare@cja.example.ro");
    EXPECT_EQ(mail[0].rcpt_to, (std::vector<std::string>{"raportor@institutie.example.ro", "sef@institutie.example.ro"}));
    EXPECT_EQ(mail[0].auth_user, "planwatch");
    EXPECT_EQ(mail[0].auth_password, "parolă secretă");
    const std::string& data = mail[0].data;
    EXPECT_EQ(DecodeHeader(HeaderValue(data, "Subject")), digest.subject);
    EXPECT_NE(HeaderValue(data, "Subject").find("=?UTF-8?B?"), std::string::npos) << "encoded, not raw UTF-8";
    EXPECT_EQ(HeaderValue(data, "Content-Type"), "text/plain; charset=UTF-8");
    EXPECT_EQ(HeaderValue(data, "Content-Transfer-Encoding"), "quoted-printable");
    EXPECT_EQ(HeaderValue(data, "MIME-Version"), "1.0");
    EXPECT_FALSE(HeaderValue(data, "Date").empty());
    EXPECT_NE(HeaderValue(data, "Message-ID").find("@cja.example.ro>"), std::string::npos);
    EXPECT_EQ(HeaderValue(data, "To"), "raportor@institutie.example.ro, sef@institutie.example.ro");
    for (char c : data) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << "the message is 7-bit";
    const std::string body = DecodeQuotedPrintableBody(data);
    EXPECT_EQ(body, digest.body);
    std::multiset<std::string> names;
    for (const OwedActivity& item : digest.items) names.insert(ListedName(item));
    EXPECT_EQ(ListedNames(body), names) << "the message lists every owed activity code";

    std::vector<storage::OutboxMessage> outbox = Outbox(*store_, false);
    ASSERT_EQ(outbox.size(), 1u);
    EXPECT_EQ(outbox[0].sent_at, "2018-01-30T07:00:00Z");
    EXPECT_EQ(outbox[0].error, "");
    EXPECT_TRUE(Outbox(*store_, true).empty());
    EXPECT_EQ(AuditCount(*store_, "reminder.sent"), 1);

    // Nothing left to send.
    StatusOr<DeliveryRun> again = reminders_->Deliver(sender, Coordinator());
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->sent.empty());
    EXPECT_EQ(sink->Received().size(), 1u);
}

// A refusing server, a server without STARTTLS when TLS is required, and no
// server at all: each failure is recorded and the message stays unsent until a run that succeeds.
TEST_P(ReminderSuite, AFailedSendIsRecordedKeptUnsentAndRetried) {
    ASSERT_NE(OpenSeed000Round2017("raportor@institutie.example.ro"), 0);
    ASSERT_TRUE(reminders_->Queue(Day("2018-01-30"), {}, Coordinator()).ok());

    std::string error;
    std::unique_ptr<SmtpSink> refusing =
        SmtpSink::Start({.refuse_rcpt = "550 5.1.1 <raportor@institutie.example.ro>: mailbox unavailable"}, &error);
    ASSERT_NE(refusing, nullptr) << error;
    {
        SmtpSender sender(SinkConfig(*refusing));
        StatusOr<DeliveryRun> run = reminders_->Deliver(sender, Coordinator());
        ASSERT_TRUE(run.ok()) << run.status();
        EXPECT_TRUE(run->sent.empty());
        ASSERT_EQ(run->failed.size(), 1u);
        EXPECT_NE(run->failed[0].error.find("550"), std::string::npos) << run->failed[0].error;
    }
    EXPECT_TRUE(refusing->Received().empty());
    std::vector<storage::OutboxMessage> unsent = Outbox(*store_, true);
    ASSERT_EQ(unsent.size(), 1u);
    EXPECT_EQ(unsent[0].sent_at, "");
    EXPECT_NE(unsent[0].error.find("550"), std::string::npos) << unsent[0].error;
    EXPECT_EQ(AuditCount(*store_, "reminder.failed"), 1);

    // TLS required, the server offers no STARTTLS: refused before anything is sent.
    std::unique_ptr<SmtpSink> plain = SmtpSink::Start({}, &error);
    ASSERT_NE(plain, nullptr) << error;
    {
        SmtpConfig config = SinkConfig(*plain);
        config.tls = SmtpTls::kStartTls;
        SmtpSender sender(config);
        StatusOr<DeliveryRun> run = reminders_->Deliver(sender, Coordinator());
        ASSERT_TRUE(run.ok()) << run.status();
        EXPECT_EQ(run->failed.size(), 1u);
    }
    EXPECT_TRUE(plain->Received().empty());

    // Nobody listening.
    const int closed_port = refusing->port();
    refusing.reset();
    {
        SmtpConfig config{.host = "127.0.0.1", .port = closed_port, .tls = SmtpTls::kNone,
                          .from = "monitorizare@cja.example.ro", .timeout_seconds = 5};
        SmtpSender sender(config);
        StatusOr<DeliveryRun> run = reminders_->Deliver(sender, Coordinator());
        ASSERT_TRUE(run.ok()) << run.status();
        ASSERT_EQ(run->failed.size(), 1u);
        EXPECT_NE(run->failed[0].error.find("smtp 127.0.0.1:"), std::string::npos) << run->failed[0].error;
    }
    EXPECT_EQ(Outbox(*store_, true).size(), 1u);

    // The next run that reaches a working server delivers it and clears the error.
    {
        SmtpSender sender(SinkConfig(*plain));
        StatusOr<DeliveryRun> run = reminders_->Deliver(sender, Coordinator());
        ASSERT_TRUE(run.ok()) << run.status();
        EXPECT_EQ(run->sent.size(), 1u);
    }
    EXPECT_EQ(plain->Received().size(), 1u);
    std::vector<storage::OutboxMessage> all = Outbox(*store_, false);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_NE(all[0].sent_at, "");
    EXPECT_EQ(all[0].error, "");
}

}  // namespace planwatch::services::testing
