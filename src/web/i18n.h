#pragma once
// Interface languages: message catalogues (data/i18n/<lang>.json, embedded),
// which language a request gets, and numbers and dates written the way that
// language writes them (ICU). Romanian is the default. Any thread may call these.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/civil_date.h"

namespace planwatch::web {

inline constexpr char kDefaultLanguage[] = "ro";

// The interface languages, default first: ro, sl, en.
const std::vector<std::string>& Languages();

// One language's messages. A key missing from the file shows as the key itself,
// so a forgotten message is visible on the page instead of blank.
class Messages {
public:
    Messages(std::string language, std::map<std::string, std::string> entries)
        : language_(std::move(language)), entries_(std::move(entries)) {}

    const std::string& language() const { return language_; }
    const std::map<std::string, std::string>& entries() const { return entries_; }
    std::string Get(std::string_view key) const;
    // Get(key) with each "{name}" replaced by its value.
    std::string Format(std::string_view key, const std::map<std::string, std::string>& values) const;

private:
    std::string language_;
    std::map<std::string, std::string> entries_;
};

// The catalogue of a language, or of the default one for a language we do not
// have. Loaded once from the embedded files; a file that does not parse is a
// build mistake and leaves that catalogue empty (keys show through).
const Messages& MessagesFor(std::string_view language);

bool IsLanguage(std::string_view language);

// Which language to answer in: ?lang= when it names one of ours, else the
// "lang" cookie, else the best of Accept-Language (quality values honoured,
// "sl-SI" matches sl), else Romanian.
std::string NegotiateLanguage(std::string_view query_lang, std::string_view cookie_lang,
                              std::string_view accept_language);

// 12500.5 -> "12.500,5" (ro, sl) / "12,500.5" (en); at most 2 decimals.
std::string FormatNumber(double value, std::string_view language);
// 0.857 -> "86 %" (ro, sl) / "86%" (en).
std::string FormatPercent(double ratio, std::string_view language);
// 2020-12-31 -> "31 decembrie 2020" / "31. december 2020" / "31 December 2020".
std::string FormatDate(const domain::CivilDate& date, std::string_view language);
// A year-month: 2017-07 -> "iulie 2017" / "julij 2017" / "July 2017".
std::string FormatMonth(int year, int month, std::string_view language);

}  // namespace planwatch::web
