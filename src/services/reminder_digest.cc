#include "services/reminder_digest.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>

namespace planwatch::services {
namespace {

constexpr size_t kActivityTextLimit = 160;  // code points; a digest lists dozens of activities

// Every sentence of a digest in one language. Counts are written "label: n"
// so no language needs plural rules.
struct Wording {
    const char* subject_before;  // {institution}
    const char* subject_due;
    const char* subject_overdue;
    const char* greeting;
    const char* intro;           // {institution}, {count}
    const char* plan_line;       // {plan}, {period}, {due}
    const char* due_in;          // {days}
    const char* due_today;
    const char* overdue_by;      // {days}
    const char* accepted_until;  // {date}
    const char* footer;
};

constexpr Wording kRomanian{
    .subject_before = "Rapoarte de progres de transmis în curând – {institution}",
    .subject_due = "Rapoarte de progres scadente astăzi – {institution}",
    .subject_overdue = "Rapoarte de progres întârziate – {institution}",
    .greeting = "Bună ziua,",
    .intro = "Instituția „{institution}” are de transmis rapoarte de progres. Rapoarte așteptate: {count}.",
    .plan_line = "Planul „{plan}”, perioada {period}, termen {due}:",
    .due_in = "termen peste {days} zile",
    .due_today = "termenul este astăzi",
    .overdue_by = "întârziat cu {days} zile",
    .accepted_until = "Rapoartele mai sunt primite până la {date} inclusiv.",
    .footer = "Mesaj trimis automat de planwatch: un singur rezumat pe zi pentru toate activitățile instituției.",
};

constexpr Wording kSlovenian{
    .subject_before = "Poročila o napredku, ki jih je treba kmalu oddati – {institution}",
    .subject_due = "Poročila o napredku z rokom danes – {institution}",
    .subject_overdue = "Zamujena poročila o napredku – {institution}",
    .greeting = "Pozdravljeni,",
    .intro = "Ustanova »{institution}« mora oddati poročila o napredku. Pričakovana poročila: {count}.",
    .plan_line = "Načrt »{plan}«, obdobje {period}, rok {due}:",
    .due_in = "rok čez {days} dni",
    .due_today = "rok je danes",
    .overdue_by = "zamuda {days} dni",
    .accepted_until = "Poročila sprejemamo do vključno {date}.",
    .footer = "Samodejno sporočilo sistema planwatch: en povzetek na dan za vse dejavnosti ustanove.",
};

constexpr Wording kEnglish{
    .subject_before = "Progress reports due soon – {institution}",
    .subject_due = "Progress reports due today – {institution}",
    .subject_overdue = "Overdue progress reports – {institution}",
    .greeting = "Hello,",
    .intro = "“{institution}” has progress reports to submit. Reports expected: {count}.",
    .plan_line = "Plan “{plan}”, period {period}, due {due}:",
    .due_in = "due in {days} days",
    .due_today = "due today",
    .overdue_by = "{days} days overdue",
    .accepted_until = "Reports are accepted until {date} inclusive.",
    .footer = "Sent automatically by planwatch: one digest a day covering all of the institution's activities.",
};

const Wording& WordingFor(const std::string& language) {
    if (language == "sl") return kSlovenian;
    if (language == "en") return kEnglish;
    return kRomanian;
}

// The language most of the owed items' plans are written in; Romanian when none of ours.
std::string DigestLanguage(const std::vector<OwedActivity>& items) {
    int ro = 0, sl = 0, en = 0;
    for (const OwedActivity& item : items) {
        ro += item.plan_language != "sl" && item.plan_language != "en";
        sl += item.plan_language == "sl";
        en += item.plan_language == "en";
    }
    if (sl > ro && sl >= en) return "sl";
    if (en > ro && en > sl) return "en";
    return "ro";
}

// At most limit code points, cut at a space when there is one in the last
// fifth, with "…"; line breaks of the cell become spaces.
std::string OneLine(const std::string& text, size_t limit) {
    std::string flat;
    for (char c : text) flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    size_t points = 0, cut = std::string::npos;
    for (size_t i = 0; i < flat.size(); ++i) {
        if ((static_cast<unsigned char>(flat[i]) & 0xC0) == 0x80) continue;
        if (points == limit) {
            cut = i;
            break;
        }
        ++points;
    }
    if (cut == std::string::npos) return flat;
    size_t space = flat.rfind(' ', cut);
    if (space != std::string::npos && space > cut * 4 / 5) cut = space;
    return flat.substr(0, cut) + "…";
}

std::string ItemNote(const Wording& words, const OwedActivity& item) {
    switch (item.kind) {
        case ReminderKind::kBeforeDue: return fmt::format(fmt::runtime(words.due_in), fmt::arg("days", -item.days_from_due));
        case ReminderKind::kDue: return words.due_today;
        case ReminderKind::kOverdue:
            return fmt::format(fmt::runtime(words.overdue_by), fmt::arg("days", item.days_from_due));
    }
    return "";
}

}  // namespace

void ComposeDigest(Digest& digest) {
    assert(!digest.items.empty());  // the service builds a digest only for an institution that owes something
    digest.kind = ReminderKind::kBeforeDue;
    for (const OwedActivity& item : digest.items) digest.kind = std::max(digest.kind, item.kind);
    digest.language = DigestLanguage(digest.items);
    const Wording& words = WordingFor(digest.language);
    const char* subject = digest.kind == ReminderKind::kOverdue ? words.subject_overdue
                          : digest.kind == ReminderKind::kDue   ? words.subject_due
                                                                : words.subject_before;
    digest.subject = fmt::format(fmt::runtime(subject), fmt::arg("institution", digest.institution));

    std::string body = std::string(words.greeting) + "\n\n";
    body += fmt::format(fmt::runtime(words.intro), fmt::arg("institution", digest.institution),
                        fmt::arg("count", digest.items.size())) + "\n";
    int64_t round = -1;
    for (size_t i = 0; i < digest.items.size(); ++i) {
        const OwedActivity& item = digest.items[i];
        if (item.round_id != round) {
            round = item.round_id;
            body += "\n" + fmt::format(fmt::runtime(words.plan_line), fmt::arg("plan", item.plan_title),
                                       fmt::arg("period", item.period), fmt::arg("due", item.due_on)) + "\n";
        }
        const std::string name = item.activity_path.empty() ? item.activity_code
                                                              : item.activity_path + "/" + item.activity_code;
        body += fmt::format("  - {} {} ({})\n", name, OneLine(item.activity_text, kActivityTextLimit),
                            ItemNote(words, item));
        const bool round_ends = i + 1 == digest.items.size() || digest.items[i + 1].round_id != round;
        if (round_ends) body += "    " + fmt::format(fmt::runtime(words.accepted_until), fmt::arg("date", item.locks_after)) + "\n";
    }
    body += "\n" + std::string(words.footer) + "\n";
    digest.body = std::move(body);
}

}  // namespace planwatch::services
