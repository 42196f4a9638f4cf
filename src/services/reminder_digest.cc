#include "services/reminder_digest.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <map>
#include <string_view>

#include "reports/labels.h"

namespace planwatch::services {
namespace {

constexpr size_t kActivityTextLimit = 160;  // code points; a digest lists dozens of activities

// The digest's sentences are the "reminder_*" entries of data/i18n/reports/<language>.json,
// so a new language is a new file. Counts are written "label: n" so no language
// needs plural rules.
std::string Words(const std::string& language, std::string_view key) {
    return reports::Label(language, "reminder_" + std::string(key));
}

// The language most of the owed items' plans are written in (of those with
// report words, else English); Romanian on a tie, as the installations are.
std::string DigestLanguage(const std::vector<OwedActivity>& items) {
    std::map<std::string, int> count;
    for (const OwedActivity& item : items) {
        ++count[reports::PickLanguage(item.plan_language.empty() ? "ro" : item.plan_language)];
    }
    std::string best = "ro";
    int most = count.count(best) ? count.at(best) : 0;
    for (const auto& [language, n] : count) {
        if (n > most) best = language, most = n;
    }
    return best;
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

std::string ItemNote(const std::string& language, const OwedActivity& item) {
    switch (item.kind) {
        case ReminderKind::kBeforeDue:
            return fmt::format(fmt::runtime(Words(language, "due_in")), fmt::arg("days", -item.days_from_due));
        case ReminderKind::kDue: return Words(language, "due_today");
        case ReminderKind::kOverdue:
            return fmt::format(fmt::runtime(Words(language, "overdue_by")), fmt::arg("days", item.days_from_due));
    }
    return "";
}

}  // namespace

void ComposeDigest(Digest& digest) {
    assert(!digest.items.empty());  // the service builds a digest only for an institution that owes something
    digest.kind = ReminderKind::kBeforeDue;
    for (const OwedActivity& item : digest.items) digest.kind = std::max(digest.kind, item.kind);
    digest.language = DigestLanguage(digest.items);
    const std::string& language = digest.language;
    const char* subject = digest.kind == ReminderKind::kOverdue ? "subject_overdue"
                          : digest.kind == ReminderKind::kDue   ? "subject_due"
                                                                : "subject_before";
    digest.subject = fmt::format(fmt::runtime(Words(language, subject)), fmt::arg("institution", digest.institution));

    std::string body = Words(language, "greeting") + "\n\n";
    body += fmt::format(fmt::runtime(Words(language, "intro")), fmt::arg("institution", digest.institution),
                        fmt::arg("count", digest.items.size())) + "\n";
    int64_t round = -1;
    for (size_t i = 0; i < digest.items.size(); ++i) {
        const OwedActivity& item = digest.items[i];
        if (item.round_id != round) {
            round = item.round_id;
            body += "\n" + fmt::format(fmt::runtime(Words(language, "plan_line")), fmt::arg("plan", item.plan_title),
                                       fmt::arg("period", item.period), fmt::arg("due", item.due_on)) + "\n";
        }
        const std::string name = item.activity_path.empty() ? item.activity_code
                                                              : item.activity_path + "/" + item.activity_code;
        body += fmt::format("  - {} {} ({})\n", name, OneLine(item.activity_text, kActivityTextLimit),
                            ItemNote(language, item));
        const bool round_ends = i + 1 == digest.items.size() || digest.items[i + 1].round_id != round;
        if (round_ends) body += "    " + fmt::format(fmt::runtime(Words(language, "accepted_until")), fmt::arg("date", item.locks_after)) + "\n";
    }
    body += "\n" + Words(language, "footer") + "\n";
    digest.body = std::move(body);
}

}  // namespace planwatch::services
