// ParseSchedule: deadlines, starts, periods and frequencies. See value_parsing.h.
#include <algorithm>
#include <set>

#include "common/text.h"
#include "import/recognise/value_parsing.h"
#include "import/recognise/value_tokens.h"

namespace planwatch::import::recognise {
namespace {

using domain::DatePoint;
using internal::Token;
using internal::TokenKind;

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;
// How many tokens a marker ("până în", "entro il") may stand before its date:
// "până la sfârșitul anului 2020".
constexpr size_t kMarkerReach = 5;

// One date the text names, as the first and last calendar point it covers:
// "2020" covers 2020..2020, "T3 2024" 2024-07..2024-09, "31.12.2020" one day.
struct DateItem {
    DatePoint first, last;
    size_t begin = 0, end = 0;  // token range [begin, end)
    std::string period;         // "2024-Q3", "2019-1" for quarters and semesters
};

enum class Role { kNone, kStart, kDeadline };

int DaysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ValidDay(int year, int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

std::optional<int> Integer(const Token& token) {
    long long v = 0;
    if (token.kind != TokenKind::kNumber || !internal::ParseDigits(token.text, &v) || v > 1000000) return std::nullopt;
    return static_cast<int>(v);
}

std::optional<int> Year(const Token& token) {
    if (token.kind != TokenKind::kNumber || token.text.size() != 4) return std::nullopt;
    auto v = Integer(token);
    if (!v || *v < kMinYear || *v > kMaxYear) return std::nullopt;
    return v;
}

// "I".."IV" as 1..4.
std::optional<int> Roman(const Token& token) {
    if (token.kind != TokenKind::kWord) return std::nullopt;
    if (token.key == "i") return 1;
    if (token.key == "ii") return 2;
    if (token.key == "iii") return 3;
    if (token.key == "iv") return 4;
    return std::nullopt;
}

class ScheduleParser {
public:
    ScheduleParser(const std::vector<Token>& tokens, const Glossary& glossary, std::string_view lang)
        : tokens_(tokens), glossary_(glossary), lang_(lang) {}

    const Token* At(size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }

    bool IsKey(size_t i, std::string_view key) const { return i < tokens_.size() && tokens_[i].key == key; }

    internal::TokenMatch Match(WordKind kind, size_t i) const {
        return internal::MatchPhrase(glossary_, kind, tokens_, i, lang_);
    }

    // Skips words that may stand between a month and its year: "junio de 2020",
    // "luna iulie a anului 2017", "June, 2020".
    size_t SkipJoin(size_t i) const {
        for (int steps = 0; steps < 2 && i < tokens_.size(); ++steps) {
            const Token& t = tokens_[i];
            if (t.kind == TokenKind::kPunct && (t.key == "," || t.key == ".")) {
                ++i;
            } else if (t.kind == TokenKind::kWord && Match(WordKind::kFiller, i).phrase) {
                ++i;
            } else {
                break;
            }
        }
        return i;
    }

    // A year at i, or after "de"/"," at i.
    std::optional<std::pair<int, size_t>> YearNear(size_t i) const {
        if (auto y = At(i) ? Year(*At(i)) : std::nullopt) return std::make_pair(*y, i + 1);
        size_t j = SkipJoin(i);
        if (j != i && At(j)) {
            if (auto y = Year(*At(j))) return std::make_pair(*y, j + 1);
        }
        return std::nullopt;
    }

    std::optional<DateItem> QuarterOrSemester(int year, int number, bool quarter, size_t begin, size_t end) const {
        DateItem item;
        item.begin = begin;
        item.end = end;
        if (quarter) {
            if (number < 1 || number > 4) return std::nullopt;
            item.first = {year, number * 3 - 2, 0};
            item.last = {year, number * 3, 0};
            item.period = std::to_string(year) + "-Q" + std::to_string(number);
        } else {
            if (number < 1 || number > 2) return std::nullopt;
            item.first = {year, number * 6 - 5, 0};
            item.last = {year, number * 6, 0};
            item.period = std::to_string(year) + "-" + std::to_string(number);
        }
        return item;
    }

    // "T3 2024", "Q3/2024", "trimestrul III 2024", "S1 2019", "semestrul I 2019".
    std::optional<DateItem> PrefixedPeriod(size_t i) const {
        for (bool quarter : {true, false}) {
            auto prefix = Match(quarter ? WordKind::kQuarterPrefix : WordKind::kSemesterPrefix, i);
            if (!prefix.phrase) continue;
            size_t n = i + prefix.count;
            const Token* number_token = At(n);
            if (!number_token) continue;
            // A one-letter prefix must touch its number ("T3"), or it is just a letter.
            if (prefix.phrase->key.size() == 1 && number_token->space_before) continue;
            std::optional<int> number = Integer(*number_token);
            if (!number) number = Roman(*number_token);
            if (!number) continue;
            size_t after = n + 1;
            if (IsKey(after, "/") || IsKey(after, "-")) ++after;
            if (auto year = YearNear(after)) {
                if (auto item = QuarterOrSemester(year->first, *number, quarter, i, year->second)) return item;
            }
        }
        return std::nullopt;
    }

    // "3. četrtletje 2024", "III trimestre 2020", "1st half 2020", "primo semestre 2021".
    std::optional<DateItem> NumberedPeriod(size_t i) const {
        std::optional<int> number = At(i) ? Integer(*At(i)) : std::nullopt;
        if (!number && At(i)) number = Roman(*At(i));
        size_t n = i + 1;
        if (!number) {
            auto ordinal = Match(WordKind::kOrdinal, i);
            if (!ordinal.phrase) return std::nullopt;
            number = static_cast<int>(ordinal.phrase->value);
            n = i + ordinal.count;
        }
        if (At(i)->kind == TokenKind::kNumber && At(i)->text.size() > 1) return std::nullopt;
        if (IsKey(n, ".")) ++n;
        if (IsKey(n, "st") || IsKey(n, "nd") || IsKey(n, "rd") || IsKey(n, "th")) ++n;
        for (bool quarter : {true, false}) {
            auto word = Match(quarter ? WordKind::kQuarterPrefix : WordKind::kSemesterPrefix, n);
            if (!word.phrase || word.phrase->key.size() < 3) continue;
            size_t after = n + word.count;
            if (auto year = YearNear(after)) {
                if (auto item = QuarterOrSemester(year->first, *number, quarter, i, year->second)) return item;
            }
        }
        return std::nullopt;
    }

    // "Iulie 2017", "junio de 2020", "June 30, 2020"; a day before it: "30 iunie 2019".
    std::optional<DateItem> MonthDate(size_t i) const {
        std::optional<int> day;
        size_t m = i;
        if (auto d = At(i) ? Integer(*At(i)) : std::nullopt; d && At(i)->text.size() <= 2) {
            day = d;
            m = i + 1;
            if (IsKey(m, ".")) ++m;
            if (At(m) && Match(WordKind::kFiller, m).phrase && !Match(WordKind::kMonth, m).phrase) ++m;
        }
        auto month = Match(WordKind::kMonth, m);
        if (!month.phrase) return std::nullopt;
        size_t after = m + month.count;
        if (IsKey(after, ".")) ++after;
        // "June 30, 2020"
        if (!day && At(after)) {
            if (auto d = Integer(*At(after)); d && At(after)->text.size() <= 2) {
                if (auto year = YearNear(after + 1)) {
                    int mo = static_cast<int>(month.phrase->value);
                    if (!ValidDay(year->first, mo, *d)) return std::nullopt;
                    DateItem item{{year->first, mo, *d}, {year->first, mo, *d}, i, year->second, ""};
                    return item;
                }
            }
        }
        auto year = YearNear(after);
        if (!year) {
            // "luna iulie a anului 2017": allow one more word between.
            size_t j = after;
            if (At(j) && At(j)->kind == TokenKind::kWord) year = YearNear(SkipJoin(j + 1));
            if (!year) return std::nullopt;
        }
        int mo = static_cast<int>(month.phrase->value);
        if (day && !ValidDay(year->first, mo, *day)) return std::nullopt;
        DatePoint point{year->first, mo, day.value_or(0)};
        return DateItem{point, point, i, year->second, ""};
    }

    // "31.12.2020", "12.2020", "31/12/2020", "2020-12-31", "07/2017", "2019-1", "2024-Q3", "2020".
    std::optional<DateItem> NumericDate(size_t i) const {
        const Token& token = tokens_[i];
        if (token.kind != TokenKind::kNumber) return std::nullopt;
        // Dotted forms live in one token.
        if (token.text.find('.') != std::string_view::npos && token.text.find(',') == std::string_view::npos) {
            std::vector<int> parts;
            size_t start = 0;
            std::string_view text = token.text;
            while (start <= text.size()) {
                size_t dot = text.find('.', start);
                if (dot == std::string_view::npos) dot = text.size();
                long long v = 0;
                if (!internal::ParseDigits(text.substr(start, dot - start), &v)) return std::nullopt;
                parts.push_back(static_cast<int>(v));
                start = dot + 1;
            }
            bool year_last = text.size() >= 4 && text.substr(text.size() - 4).find('.') == std::string_view::npos &&
                             parts.back() >= kMinYear && parts.back() <= kMaxYear;
            if (parts.size() == 3 && year_last && ValidDay(parts[2], parts[1], parts[0])) {
                DatePoint p{parts[2], parts[1], parts[0]};
                return DateItem{p, p, i, i + 1, ""};
            }
            if (parts.size() == 2 && year_last && parts[0] >= 1 && parts[0] <= 12) {
                DatePoint p{parts[1], parts[0], 0};
                return DateItem{p, p, i, i + 1, ""};
            }
            return std::nullopt;
        }
        std::optional<int> first = Integer(token);
        if (!first) return std::nullopt;
        auto glued = [&](size_t k, std::string_view sep) {
            return IsKey(k, sep) && !tokens_[k].space_before && At(k + 1) && !tokens_[k + 1].space_before;
        };
        std::optional<int> year = Year(token);
        // "13/2020": the end of a date that did not parse is not a year on its own.
        if (year && i >= 2 && !token.space_before && IsKey(i - 1, "/") && tokens_[i - 2].kind == TokenKind::kNumber &&
            !tokens_[i - 1].space_before) {
            return std::nullopt;
        }
        if (year) {
            // "2020-12-31"
            if (glued(i + 1, "-") && glued(i + 3, "-")) {
                auto month = Integer(tokens_[i + 2]);
                auto day = Integer(tokens_[i + 4]);
                if (month && day && ValidDay(*year, *month, *day)) {
                    DatePoint p{*year, *month, *day};
                    return DateItem{p, p, i, i + 5, ""};
                }
            }
            // "2019-1" semester, "2024-Q3" / "2024-T3" quarter, "2019-S2" semester.
            if (glued(i + 1, "-") || glued(i + 1, "/")) {
                const Token& next = tokens_[i + 2];
                if (next.kind == TokenKind::kNumber && next.text.size() == 1 && !glued(i + 3, "-")) {
                    if (auto item = QuarterOrSemester(*year, next.text[0] - '0', false, i, i + 3)) return item;
                }
                if (next.kind == TokenKind::kWord && At(i + 3) && !tokens_[i + 3].space_before) {
                    auto number = Integer(tokens_[i + 3]);
                    bool quarter = Match(WordKind::kQuarterPrefix, i + 2).phrase != nullptr;
                    bool semester = Match(WordKind::kSemesterPrefix, i + 2).phrase != nullptr;
                    if (number && (quarter || semester)) {
                        if (auto item = QuarterOrSemester(*year, *number, quarter, i, i + 4)) return item;
                    }
                }
            }
            DatePoint p{*year, 0, 0};
            return DateItem{p, p, i, i + 1, ""};
        }
        // "31/12/2020", "31-12-2020", "07/2017"
        for (std::string_view sep : {"/", "-"}) {
            if (!glued(i + 1, sep)) continue;
            auto second = Integer(tokens_[i + 2]);
            if (!second) continue;
            if (glued(i + 3, sep) && At(i + 4)) {
                auto y = Year(tokens_[i + 4]);
                if (y && ValidDay(*y, *second, *first)) {
                    DatePoint p{*y, *second, *first};
                    return DateItem{p, p, i, i + 5, ""};
                }
            }
            if (auto y = Year(tokens_[i + 2]); y && *first >= 1 && *first <= 12 && token.text.size() <= 2) {
                DatePoint p{*y, *first, 0};
                return DateItem{p, p, i, i + 3, ""};
            }
        }
        return std::nullopt;
    }

    std::optional<DateItem> DateAt(size_t i) const {
        if (auto item = PrefixedPeriod(i)) return item;
        if (auto item = NumberedPeriod(i)) return item;
        if (auto item = MonthDate(i)) return item;
        if (auto item = NumericDate(i)) return item;
        return std::nullopt;
    }

    // A joiner between the two ends of a range at i: "-", "–", "/", "to", "până în", "al", "do".
    size_t JoinerLength(size_t i) const {
        if (IsKey(i, "-") || IsKey(i, "/")) return 1;
        auto joiner = Match(WordKind::kRangeJoiner, i);
        return joiner.phrase ? joiner.count : 0;
    }

    Schedule Parse() {
        Schedule schedule;
        std::vector<DateItem> unmarked;
        std::set<int> years;
        std::set<std::string> periods;
        Role pending = Role::kNone;
        size_t pending_from = 0;
        auto note = [&](const DateItem& item) {
            for (int y = item.first.year; y <= item.last.year && y - item.first.year < 100; ++y) years.insert(y);
            if (!item.period.empty()) periods.insert(item.period);
        };
        for (size_t i = 0; i < tokens_.size();) {
            if (auto frequency = Match(WordKind::kFrequency, i); frequency.phrase) {
                if (!schedule.frequency) schedule.frequency = static_cast<domain::Frequency>(frequency.phrase->value);
                i += frequency.count;
                continue;
            }
            std::optional<DateItem> item = DateAt(i);
            if (!item) {
                // Markers: the longest of start / deadline / range marker at this token.
                auto start = Match(WordKind::kStartMarker, i);
                auto deadline = Match(WordKind::kDeadlineMarker, i);
                auto range = Match(WordKind::kRangeMarker, i);
                size_t longest = std::max({start.count, deadline.count, range.count});
                if (longest > 0) {
                    pending = deadline.count == longest ? Role::kDeadline
                              : start.count == longest  ? Role::kStart
                                                        : Role::kNone;
                    pending_from = i + longest;
                    i += longest;
                    continue;
                }
                ++i;
                continue;
            }
            Role role = pending != Role::kNone && item->begin <= pending_from + kMarkerReach ? pending : Role::kNone;
            pending = Role::kNone;
            // A range "2017-2020", "Iulie 2017 - Decembrie 2017", "dal 2019 al 2021".
            size_t joiner = JoinerLength(item->end);
            if (joiner > 0) {
                if (std::optional<DateItem> second = DateAt(item->end + joiner);
                    second && second->last >= item->first && (second->first.year - item->first.year) < 100) {
                    schedule.start = item->first;
                    schedule.deadline = second->last;
                    note(*item);
                    note(*second);
                    for (int y = item->first.year; y <= second->last.year; ++y) years.insert(y);
                    i = second->end;
                    continue;
                }
            }
            note(*item);
            if (role == Role::kStart) {
                if (!schedule.start) schedule.start = item->first;
            } else if (role == Role::kDeadline) {
                schedule.deadline = item->last;
            } else {
                unmarked.push_back(*item);
            }
            i = item->end;
        }
        // Unmarked dates: the plan is done by the latest of them.
        if (!unmarked.empty() && !schedule.deadline) {
            DatePoint latest = unmarked.front().last;
            for (const DateItem& item : unmarked) latest = std::max(latest, item.last);
            if (!schedule.start || latest >= *schedule.start) schedule.deadline = latest;
        }
        schedule.years.assign(years.begin(), years.end());
        schedule.periods.assign(periods.begin(), periods.end());
        schedule.understood = schedule.frequency || schedule.start || schedule.deadline || !schedule.years.empty();
        return schedule;
    }

private:
    const std::vector<Token>& tokens_;
    const Glossary& glossary_;
    std::string_view lang_;
};

}  // namespace

Schedule ParseSchedule(std::string_view text, const Glossary& glossary, std::string_view lang) {
    std::string normalized = text::Normalize(text);
    std::vector<Token> tokens = internal::Tokenize(normalized);
    return ScheduleParser(tokens, glossary, lang).Parse();
}

}  // namespace planwatch::import::recognise
