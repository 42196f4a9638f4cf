#pragma once
// How numbers, money, dates and targets are written in reports, per label
// language: Romanian and Slovenian write 1.478.027,51; English 1,478,027.51.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/civil_date.h"
#include "domain/plan.h"

namespace planwatch::reports {

// 2 -> "2", 2.5 -> "2,5" (ro, sl) / "2.5" (en), 12500 -> "12.500" / "12,500"; at most 2 decimals.
std::string FormatNumber(double value, const std::string& language);
// 147802751 minor units, "RON" -> "1.478.027,51 RON"; whole amounts without decimals.
std::string FormatMoney(int64_t amount_minor, const std::string& currency, const std::string& language);
// 0.857 -> "86 %"; nullopt -> "–".
std::string FormatPercent(std::optional<double> ratio, const std::string& language);
// {2020} -> "2020", {2017, 7} -> "2017-07", {2017, 7, 3} -> "2017-07-03".
std::string FormatDatePoint(const domain::DatePoint& point);
// {2, kAtLeast, "proiecte locale"} -> "≥ 2 proiecte locale"; per year adds "/ an" in the language.
std::string FormatTarget(const domain::Target& target, const std::string& language);
// 147802751 -> "1478027.51": machine-readable, for CSV and XML.
std::string PlainAmount(int64_t amount_minor);

}  // namespace planwatch::reports
