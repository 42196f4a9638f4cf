#include "web/i18n.h"

#include <unicode/datefmt.h>
#include <unicode/numfmt.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/resources.h"

namespace planwatch::web {
namespace {

const char* IcuLocale(std::string_view language) {
    if (language == "sl") return "sl_SI";
    if (language == "en") return "en_GB";
    return "ro_RO";
}

std::map<std::string, Messages> LoadCatalogues() {
    std::map<std::string, Messages> catalogues;
    for (const std::string& language : Languages()) {
        std::map<std::string, std::string> entries;
        std::optional<std::string_view> bytes = resources::Find("data/i18n/" + language + ".json");
        if (bytes) {
            nlohmann::json json = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
            if (json.is_object()) {
                for (auto& [key, value] : json.items()) {
                    if (value.is_string()) entries.emplace(key, value.get<std::string>());
                }
            }
        }
        catalogues.emplace(language, Messages(language, std::move(entries)));
    }
    return catalogues;
}

std::string ToUtf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

// ICU formatters are not safe to share between threads; each thread keeps its own.
icu::NumberFormat& NumberFormatter(std::string_view language) {
    thread_local std::map<std::string, std::unique_ptr<icu::NumberFormat>> formatters;
    std::string key(language);
    auto it = formatters.find(key);
    if (it == formatters.end()) {
        UErrorCode error = U_ZERO_ERROR;
        std::unique_ptr<icu::NumberFormat> format(
            icu::NumberFormat::createInstance(icu::Locale(IcuLocale(language)), error));
        if (U_FAILURE(error) || !format) {
            error = U_ZERO_ERROR;
            format.reset(icu::NumberFormat::createInstance(icu::Locale::getRoot(), error));
        }
        format->setMaximumFractionDigits(2);
        it = formatters.emplace(key, std::move(format)).first;
    }
    return *it->second;
}

std::string FormatPattern(const domain::CivilDate& date, std::string_view language, const char* skeleton) {
    thread_local std::map<std::string, std::unique_ptr<icu::DateFormat>> formatters;
    std::string key = std::string(language) + "|" + skeleton;
    auto it = formatters.find(key);
    if (it == formatters.end()) {
        UErrorCode error = U_ZERO_ERROR;
        std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createInstanceForSkeleton(
            icu::UnicodeString::fromUTF8(skeleton), icu::Locale(IcuLocale(language)), error));
        if (U_FAILURE(error) || !format) return domain::ToString(date);
        format->setTimeZone(*icu::TimeZone::getGMT());
        it = formatters.emplace(key, std::move(format)).first;
    }
    const double millis = static_cast<double>(domain::DaysFromEpoch(date)) * 86400000.0;
    icu::UnicodeString out;
    it->second->format(millis, out);
    return ToUtf8(out);
}

}  // namespace

const std::vector<std::string>& Languages() {
    static const std::vector<std::string> languages = {"ro", "sl", "en"};
    return languages;
}

bool IsLanguage(std::string_view language) {
    const std::vector<std::string>& all = Languages();
    return std::find(all.begin(), all.end(), language) != all.end();
}

std::string Messages::Get(std::string_view key) const {
    auto it = entries_.find(std::string(key));
    return it == entries_.end() ? std::string(key) : it->second;
}

std::string Messages::Format(std::string_view key, const std::map<std::string, std::string>& values) const {
    std::string text = Get(key);
    for (const auto& [name, value] : values) {
        const std::string marker = "{" + name + "}";
        for (size_t pos = text.find(marker); pos != std::string::npos; pos = text.find(marker, pos + value.size())) {
            text.replace(pos, marker.size(), value);
        }
    }
    return text;
}

const Messages& MessagesFor(std::string_view language) {
    static const std::map<std::string, Messages> catalogues = LoadCatalogues();
    auto it = catalogues.find(std::string(language));
    if (it == catalogues.end()) it = catalogues.find(kDefaultLanguage);
    return it->second;
}

std::string NegotiateLanguage(std::string_view query_lang, std::string_view cookie_lang,
                              std::string_view accept_language) {
    if (IsLanguage(query_lang)) return std::string(query_lang);
    if (IsLanguage(cookie_lang)) return std::string(cookie_lang);
    // "sl-SI,sl;q=0.9,en;q=0.8": take the highest quality we have.
    std::string best;
    double best_quality = 0;
    size_t pos = 0;
    while (pos < accept_language.size()) {
        size_t comma = accept_language.find(',', pos);
        std::string_view item = accept_language.substr(pos, comma == std::string_view::npos ? comma : comma - pos);
        pos = comma == std::string_view::npos ? accept_language.size() : comma + 1;
        double quality = 1.0;
        size_t semi = item.find(';');
        std::string_view tag = item.substr(0, semi);
        if (semi != std::string_view::npos) {
            size_t q = item.find("q=", semi);
            if (q != std::string_view::npos) quality = std::atof(std::string(item.substr(q + 2)).c_str());
        }
        while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
        while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
        std::string primary(tag.substr(0, tag.find('-')));
        std::transform(primary.begin(), primary.end(), primary.begin(), [](unsigned char c) { return std::tolower(c); });
        if (IsLanguage(primary) && quality > best_quality) {
            best = primary;
            best_quality = quality;
        }
    }
    return best.empty() ? kDefaultLanguage : best;
}

std::string FormatNumber(double value, std::string_view language) {
    icu::UnicodeString out;
    NumberFormatter(language).format(value, out);
    return ToUtf8(out);
}

std::string FormatPercent(double ratio, std::string_view language) {
    std::string number = FormatNumber(std::round(ratio * 100), language);
    return language == "en" ? number + "%" : number + "\u00a0%";
}

std::string FormatDate(const domain::CivilDate& date, std::string_view language) {
    return FormatPattern(date, language, "dMMMMy");
}

std::string FormatMonth(int year, int month, std::string_view language) {
    return FormatPattern(domain::CivilDate{year, month, 1}, language, "MMMMy");
}

}  // namespace planwatch::web
