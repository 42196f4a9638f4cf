// PlanFromJson: planwatch.plan/1 -> Plan. Checks the structure member by member
// so that every error names its JSON path and what was expected, then runs
// Validate() for the invariants that span members (leads, listed institutions).
// The accepted keys and types are those of data/schema/planwatch.plan-1.schema.json;
// change both together.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "domain/json_parse.h"
#include "domain/plan_json.h"

namespace planwatch::domain {
namespace {

using Json = nlohmann::json;
using internal::JoinPath;

Status PathError(const std::string& path, std::string message) {
    return InvalidArgument(std::move(message), SourcePosition{.field = path});
}

// How a value is quoted after "got": strings as JSON (shortened), containers by kind.
std::string Describe(const Json& value) {
    switch (value.type()) {
        case Json::value_t::object:
            return "an object";
        case Json::value_t::array:
            return "an array";
        case Json::value_t::null:
            return "null";
        case Json::value_t::string: {
            const std::string& s = value.get_ref<const std::string&>();
            constexpr size_t kMaxShown = 40;
            if (s.size() <= kMaxShown) return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
            size_t cut = kMaxShown;
            while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole characters
            return Json(s.substr(0, cut) + "…").dump(-1, ' ', false, Json::error_handler_t::replace);
        }
        default:
            return value.dump();
    }
}

Status Expected(const std::string& path, std::string_view what, const Json& got) {
    return PathError(path, fmt::format("expected {}, got {}", what, Describe(got)));
}

// The members of one JSON object: refuses keys outside `known`, then hands out
// members by name; Read/Require store a member through a reader function
// (const Json&, path) -> StatusOr<T> into `out` when it is present.
class Members {
public:
    static StatusOr<Members> Of(const Json& value, std::string path, std::initializer_list<std::string_view> known) {
        if (!value.is_object()) return Expected(path, "an object", value);
        for (const auto& [key, member] : value.items()) {
            bool is_known = false;
            for (std::string_view k : known) is_known = is_known || k == key;
            if (!is_known) return PathError(JoinPath(path, key), "unknown key");
        }
        return Members(value, std::move(path));
    }

    const Json* Get(std::string_view key) const {
        auto it = object_->find(key);
        return it == object_->end() ? nullptr : &*it;
    }
    std::string Path(std::string_view key) const { return JoinPath(path_, key); }

    template <typename T, typename Fn>
    Status Read(std::string_view key, T& out, Fn&& read) const {
        const Json* value = Get(key);
        if (value == nullptr) return Status::Ok();
        auto result = read(*value, Path(key));
        if (!result.ok()) return result.status();
        out = std::move(result).value();
        return Status::Ok();
    }

    template <typename T, typename Fn>
    Status Require(std::string_view key, T& out, Fn&& read) const {
        if (Get(key) == nullptr) return PathError(Path(key), "required key missing");
        return Read(key, out, std::forward<Fn>(read));
    }

private:
    Members(const Json& object, std::string path) : object_(&object), path_(std::move(path)) {}
    const Json* object_;
    std::string path_;
};

// ---- scalars -------------------------------------------------------------

StatusOr<std::string> ReadString(const Json& value, const std::string& path) {
    if (!value.is_string()) return Expected(path, "a string", value);
    return value.get<std::string>();
}

StatusOr<bool> ReadBool(const Json& value, const std::string& path) {
    if (!value.is_boolean()) return Expected(path, "true or false", value);
    return value.get<bool>();
}

StatusOr<double> ReadNumber(const Json& value, const std::string& path) {
    if (!value.is_number()) return Expected(path, "a number", value);
    return value.get<double>();
}

StatusOr<int64_t> ReadInteger(const Json& value, const std::string& path, int64_t min, int64_t max) {
    std::string what = max == std::numeric_limits<int>::max() ? fmt::format("an integer >= {}", min)
                                                              : fmt::format("an integer {}..{}", min, max);
    if (!value.is_number_integer()) return Expected(path, what, value);
    if (value.is_number_unsigned() && value.get<uint64_t>() > static_cast<uint64_t>(max)) {
        return Expected(path, what, value);
    }
    int64_t number = value.get<int64_t>();
    if (number < min || number > max) return Expected(path, what, value);
    return number;
}

auto IntegerIn(int min, int max) {
    return [min, max](const Json& value, const std::string& path) -> StatusOr<int> {
        PW_ASSIGN_OR_RETURN(int64_t number, ReadInteger(value, path, min, max));
        return static_cast<int>(number);
    };
}
constexpr int kIntMax = std::numeric_limits<int>::max();
constexpr int kMinYear = 1900;  // as Validate() bounds DatePoint years
constexpr int kMaxYear = 2200;

StatusOr<int64_t> ReadId(const Json& value, const std::string& path) {
    constexpr std::string_view kWhat = "an id as a string of digits";
    if (!value.is_string()) return Expected(path, kWhat, value);
    const std::string& text = value.get_ref<const std::string&>();
    int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || text[0] == '-' || text[0] == '+' || ec != std::errc() || end != text.data() + text.size()) {
        return Expected(path, kWhat, value);
    }
    return id;
}

// Enumerators are numbered 0.. in their declaration and Name() returns "" past the
// last one (names.h), so the list of names follows names.cc without a copy here.
template <typename E>
std::vector<std::string> NamesOf() {
    std::vector<std::string> names;
    for (int i = 0;; ++i) {
        std::string name = Name(static_cast<E>(i));
        if (name.empty()) return names;
        names.push_back(std::move(name));
    }
}

StatusOr<std::string> ReadOneOf(const Json& value, const std::string& path, const std::vector<std::string>& names) {
    if (value.is_string()) {
        for (const std::string& name : names) {
            if (value.get_ref<const std::string&>() == name) return name;
        }
    }
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "\"" : ", \"") + name + "\"";
    return Expected(path, "one of " + list, value);
}

template <typename E>
StatusOr<E> ReadEnum(const Json& value, const std::string& path) {
    static const std::vector<std::string> kNames = NamesOf<E>();
    PW_ASSIGN_OR_RETURN(std::string name, ReadOneOf(value, path, kNames));
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name) return static_cast<E>(i);
    }
    return Internal("unreachable: ReadOneOf returned an unknown name");
}

StatusOr<std::string> ReadCurrency(const Json& value, const std::string& path) {
    constexpr std::string_view kWhat = "an ISO 4217 code of 3 capital letters";
    if (!value.is_string()) return Expected(path, kWhat, value);
    const std::string& code = value.get_ref<const std::string&>();
    bool ok = code.size() == 3;
    for (char c : code) ok = ok && c >= 'A' && c <= 'Z';
    if (!ok) return Expected(path, kWhat, value);
    return code;
}

StatusOr<std::string> ReadSha256(const Json& value, const std::string& path) {
    constexpr std::string_view kWhat = "64 lower-case hex digits";
    if (!value.is_string()) return Expected(path, kWhat, value);
    const std::string& hex = value.get_ref<const std::string&>();
    bool ok = hex.size() == 64;
    for (char c : hex) ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    if (!ok) return Expected(path, kWhat, value);
    return hex;
}

// Currency units -> minor units, exactly. A fractional amount is a double; it is
// accepted when it is the double nearest to some decimal with at most 2 places,
// i.e. when minor / 100.0 gives it back. Below 2^53 minor units every such
// decimal has its own double, so nothing is rounded silently.
StatusOr<int64_t> ReadAmount(const Json& value, const std::string& path) {
    constexpr int64_t kMaxWhole = std::numeric_limits<int64_t>::max() / 100;
    constexpr double kMaxFractional = 9007199254740992.0 / 100;  // 2^53 minor units
    if (value.is_number_integer()) {
        bool too_big = value.is_number_unsigned() ? value.get<uint64_t>() > static_cast<uint64_t>(kMaxWhole)
                                                  : value.get<int64_t>() < -kMaxWhole;
        if (too_big) return Expected(path, fmt::format("an amount of at most {} in absolute value", kMaxWhole), value);
        return value.get<int64_t>() * 100;
    }
    if (!value.is_number_float()) return Expected(path, "an amount (a number)", value);
    double units = value.get<double>();
    if (!std::isfinite(units) || std::fabs(units) >= kMaxFractional) {
        return Expected(path, "an amount below 90071992547409.92 when it has decimals", value);
    }
    int64_t minor = std::llround(units * 100);
    if (static_cast<double>(minor) / 100.0 != units) return Expected(path, "an amount with at most 2 decimals", value);
    return minor;
}

template <typename Fn>
auto ArrayOf(Fn read) {
    using T = std::decay_t<decltype(read(std::declval<const Json&>(), std::string()).value())>;
    return [read](const Json& value, const std::string& path) -> StatusOr<std::vector<T>> {
        if (!value.is_array()) return Expected(path, "an array", value);
        std::vector<T> out;
        out.reserve(value.size());
        for (size_t i = 0; i < value.size(); ++i) {
            auto element = read(value[i], fmt::format("{}[{}]", path, i));
            if (!element.ok()) return element.status();
            out.push_back(std::move(element).value());
        }
        return out;
    };
}

// ---- objects ---------------------------------------------------------------

StatusOr<DatePoint> ReadDate(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path, {"year", "month", "day"}));
    DatePoint date;
    PW_RETURN_IF_ERROR(m.Require("year", date.year, IntegerIn(kMinYear, kMaxYear)));
    PW_RETURN_IF_ERROR(m.Read("month", date.month, IntegerIn(1, 12)));
    PW_RETURN_IF_ERROR(m.Read("day", date.day, IntegerIn(1, 31)));
    return date;
}

StatusOr<Target> ReadTarget(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path, {"value", "comparator", "unit", "per", "percent"}));
    Target target;
    PW_RETURN_IF_ERROR(m.Require("value", target.value, ReadNumber));
    PW_RETURN_IF_ERROR(m.Require("comparator", target.comparator, ReadEnum<Comparator>));
    PW_RETURN_IF_ERROR(m.Read("unit", target.unit, ReadString));
    PW_RETURN_IF_ERROR(m.Read("per", target.per, ReadEnum<TargetPer>));
    PW_RETURN_IF_ERROR(m.Read("percent", target.percent, ReadBool));
    return target;
}

StatusOr<Indicator> ReadIndicator(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path, {"name", "target", "baseline"}));
    Indicator indicator;
    PW_RETURN_IF_ERROR(m.Require("name", indicator.name, ReadString));
    PW_RETURN_IF_ERROR(m.Read("target", indicator.target, ReadTarget));
    PW_RETURN_IF_ERROR(m.Read("baseline", indicator.baseline, ReadNumber));
    return indicator;
}

StatusOr<Responsibility> ReadResponsibility(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path, {"institution", "role"}));
    Responsibility responsibility;
    PW_RETURN_IF_ERROR(m.Require("institution", responsibility.institution, ReadString));
    PW_RETURN_IF_ERROR(m.Require("role", responsibility.role, ReadEnum<ResponsibilityRole>));
    return responsibility;
}

StatusOr<BudgetLine> ReadBudgetLine(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path, {"amount", "currency", "source", "year"}));
    BudgetLine line;
    PW_RETURN_IF_ERROR(m.Require("amount", line.amount_minor, ReadAmount));
    PW_RETURN_IF_ERROR(m.Require("currency", line.currency, ReadCurrency));
    PW_RETURN_IF_ERROR(m.Read("source", line.source, ReadString));
    PW_RETURN_IF_ERROR(m.Read("year", line.year, IntegerIn(kMinYear, kMaxYear)));
    return line;
}

// Recursion depth is bounded by kMaxJsonDepth, which ParseJson enforced.
StatusOr<Node> ReadNode(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path,
                                               {"id", "kind", "code", "title", "source_line", "children", "results",
                                                "indicators", "frequency", "start", "deadline", "deadline_text",
                                                "periods", "responsible", "budget"}));
    Node node;
    PW_RETURN_IF_ERROR(m.Read("id", node.id, ReadId));
    PW_RETURN_IF_ERROR(m.Require("kind", node.kind, ReadEnum<NodeKind>));
    PW_RETURN_IF_ERROR(m.Read("code", node.code, ReadString));
    PW_RETURN_IF_ERROR(m.Read("title", node.title, ReadString));
    PW_RETURN_IF_ERROR(m.Read("source_line", node.source_line, IntegerIn(1, kIntMax)));
    PW_RETURN_IF_ERROR(m.Read("children", node.children, ArrayOf(ReadNode)));
    PW_RETURN_IF_ERROR(m.Read("results", node.results, ArrayOf(ReadString)));
    PW_RETURN_IF_ERROR(m.Read("indicators", node.indicators, ArrayOf(ReadIndicator)));
    PW_RETURN_IF_ERROR(m.Read("frequency", node.frequency, ReadEnum<Frequency>));
    PW_RETURN_IF_ERROR(m.Read("start", node.start, ReadDate));
    PW_RETURN_IF_ERROR(m.Read("deadline", node.deadline, ReadDate));
    PW_RETURN_IF_ERROR(m.Read("deadline_text", node.deadline_text, ReadString));
    PW_RETURN_IF_ERROR(m.Read("periods", node.periods, ArrayOf(ReadString)));
    PW_RETURN_IF_ERROR(m.Read("responsible", node.responsible, ArrayOf(ReadResponsibility)));
    PW_RETURN_IF_ERROR(m.Read("budget", node.budget, ArrayOf(ReadBudgetLine)));
    return node;
}

StatusOr<UnitFigure> ReadFigure(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path, {"year", "value", "unit", "counted"}));
    UnitFigure figure;
    PW_RETURN_IF_ERROR(m.Require("year", figure.year, IntegerIn(kMinYear, kMaxYear)));
    PW_RETURN_IF_ERROR(m.Require("value", figure.value, ReadNumber));
    PW_RETURN_IF_ERROR(m.Read("unit", figure.unit, ReadString));
    PW_RETURN_IF_ERROR(m.Read("counted", figure.counted, ReadString));
    return figure;
}

StatusOr<Institution> ReadInstitution(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(
        Members m,
        Members::Of(value, path, {"id", "name", "acronym", "aliases", "kind", "parent", "contact", "figures"}));
    Institution institution;
    PW_RETURN_IF_ERROR(m.Read("id", institution.id, ReadId));
    PW_RETURN_IF_ERROR(m.Require("name", institution.name, ReadString));
    PW_RETURN_IF_ERROR(m.Read("acronym", institution.acronym, ReadString));
    PW_RETURN_IF_ERROR(m.Read("aliases", institution.aliases, ArrayOf(ReadString)));
    PW_RETURN_IF_ERROR(m.Read("kind", institution.kind, ReadString));
    PW_RETURN_IF_ERROR(m.Read("parent", institution.parent, ReadString));
    PW_RETURN_IF_ERROR(m.Read("contact", institution.contact, ReadString));
    PW_RETURN_IF_ERROR(m.Read("figures", institution.figures, ArrayOf(ReadFigure)));
    return institution;
}

StatusOr<Capacity> ReadCapacity(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path, {"value", "unit"}));
    Capacity capacity;
    PW_RETURN_IF_ERROR(m.Require("value", capacity.value, ReadNumber));
    PW_RETURN_IF_ERROR(m.Require("unit", capacity.unit, ReadEnum<CapacityUnit>));
    return capacity;
}

StatusOr<ServiceBudget> ReadServiceBudget(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path, {"year", "source", "amount", "currency"}));
    ServiceBudget line;
    PW_RETURN_IF_ERROR(m.Require("year", line.year, IntegerIn(kMinYear, kMaxYear)));
    PW_RETURN_IF_ERROR(m.Read("source", line.source, ReadString));
    PW_RETURN_IF_ERROR(m.Require("amount", line.amount_minor, ReadAmount));
    PW_RETURN_IF_ERROR(m.Require("currency", line.currency, ReadCurrency));
    return line;
}

StatusOr<ServiceLicence> ReadLicence(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path, {"number", "date", "expiry"}));
    ServiceLicence licence;
    PW_RETURN_IF_ERROR(m.Read("number", licence.number, ReadString));
    PW_RETURN_IF_ERROR(m.Read("date", licence.date, ReadDate));
    PW_RETURN_IF_ERROR(m.Read("expiry", licence.expiry, ReadDate));
    return licence;
}

StatusOr<SocialService> ReadService(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path,
                                               {"id", "line", "code", "name", "beneficiaries", "provider", "locality",
                                                "capacity", "occupancy", "state", "budget", "staff", "area_m2",
                                                "schedule", "licence", "source_line"}));
    SocialService service;
    PW_RETURN_IF_ERROR(m.Read("id", service.id, ReadId));
    PW_RETURN_IF_ERROR(m.Read("line", service.line, ReadEnum<ServiceLineKind>));
    PW_RETURN_IF_ERROR(m.Read("code", service.code, ReadString));
    PW_RETURN_IF_ERROR(m.Read("name", service.name, ReadString));
    PW_RETURN_IF_ERROR(m.Read("beneficiaries", service.beneficiaries, ReadString));
    PW_RETURN_IF_ERROR(m.Read("provider", service.provider, ReadString));
    PW_RETURN_IF_ERROR(m.Read("locality", service.locality, ReadString));
    PW_RETURN_IF_ERROR(m.Read("capacity", service.capacity, ReadCapacity));
    PW_RETURN_IF_ERROR(m.Read("occupancy", service.occupancy, ReadNumber));
    PW_RETURN_IF_ERROR(m.Read("state", service.state, ReadEnum<ServiceState>));
    PW_RETURN_IF_ERROR(m.Read("budget", service.budget, ArrayOf(ReadServiceBudget)));
    PW_RETURN_IF_ERROR(m.Read("staff", service.staff, IntegerIn(0, kIntMax)));
    PW_RETURN_IF_ERROR(m.Read("area_m2", service.area_m2, ReadNumber));
    PW_RETURN_IF_ERROR(m.Read("schedule", service.schedule, ReadString));
    PW_RETURN_IF_ERROR(m.Read("licence", service.licence, ReadLicence));
    PW_RETURN_IF_ERROR(m.Read("source_line", service.source_line, IntegerIn(1, kIntMax)));
    return service;
}

StatusOr<PlanWarning> ReadWarning(const Json& value, const std::string& path) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path, {"line", "message", "code"}));
    PlanWarning warning;
    PW_RETURN_IF_ERROR(m.Read("line", warning.line, IntegerIn(1, kIntMax)));
    PW_RETURN_IF_ERROR(m.Require("message", warning.message, ReadString));
    PW_RETURN_IF_ERROR(m.Read("code", warning.code, ReadString));
    return warning;
}

StatusOr<SourceDocument> ReadSource(const Json& value, const std::string& path) {
    static const std::vector<std::string> kFormats = {"text", "docx", "pdf", "csv", "xlsx", "json"};
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path, {"file", "sha256", "format"}));
    SourceDocument source;
    PW_RETURN_IF_ERROR(m.Read("file", source.file, ReadString));
    PW_RETURN_IF_ERROR(m.Read("sha256", source.sha256, ReadSha256));
    PW_RETURN_IF_ERROR(
        m.Read("format", source.format, [](const Json& v, const std::string& p) { return ReadOneOf(v, p, kFormats); }));
    return source;
}

Status ReadPeriod(const Json& value, const std::string& path, Plan& plan) {
    PW_ASSIGN_OR_RETURN(Members m, Members::Of(value, path, {"start", "end"}));
    PW_RETURN_IF_ERROR(m.Read("start", plan.period_start, IntegerIn(kMinYear, kMaxYear)));
    PW_RETURN_IF_ERROR(m.Read("end", plan.period_end, IntegerIn(kMinYear, kMaxYear)));
    return Status::Ok();
}

Status CheckSchemaName(const Json& root) {
    std::string expected = fmt::format("\"{}\"", kPlanSchema);
    auto schema = root.find("schema");
    if (schema == root.end()) return PathError("schema", "expected " + expected);
    if (!schema->is_string() || schema->get_ref<const std::string&>() != kPlanSchema) {
        return Expected("schema", expected, *schema);
    }
    return Status::Ok();
}

StatusOr<Plan> ReadPlan(const Json& root) {
    if (!root.is_object()) return Expected("", "a planwatch.plan/1 object at the top level", root);
    // The schema name first: another kind of document deserves that answer, not "unknown key".
    PW_RETURN_IF_ERROR(CheckSchemaName(root));
    PW_ASSIGN_OR_RETURN(
        Members m, Members::Of(root, "",
                               {"schema", "id", "version", "title", "kind", "language", "jurisdiction", "period",
                                "cadence", "adopted_by", "source", "nodes", "institutions", "services", "budget",
                                "warnings"}));
    Plan plan;
    PW_RETURN_IF_ERROR(m.Read("id", plan.id, ReadId));
    PW_RETURN_IF_ERROR(m.Read("version", plan.version, IntegerIn(1, kIntMax)));
    PW_RETURN_IF_ERROR(m.Read("title", plan.title, ReadString));
    PW_RETURN_IF_ERROR(m.Require("kind", plan.kind, ReadEnum<PlanKind>));
    PW_RETURN_IF_ERROR(m.Read("language", plan.language, ReadString));
    PW_RETURN_IF_ERROR(m.Read("jurisdiction", plan.jurisdiction, ReadString));
    if (const Json* period = m.Get("period")) PW_RETURN_IF_ERROR(ReadPeriod(*period, m.Path("period"), plan));
    PW_RETURN_IF_ERROR(m.Read("cadence", plan.cadence, ReadEnum<Cadence>));
    PW_RETURN_IF_ERROR(m.Read("adopted_by", plan.adopted_by, ReadString));
    PW_RETURN_IF_ERROR(m.Read("source", plan.source, ReadSource));
    PW_RETURN_IF_ERROR(m.Require("nodes", plan.nodes, ArrayOf(ReadNode)));
    PW_RETURN_IF_ERROR(m.Read("institutions", plan.institutions, ArrayOf(ReadInstitution)));
    PW_RETURN_IF_ERROR(m.Read("services", plan.services, ArrayOf(ReadService)));
    PW_RETURN_IF_ERROR(m.Read("budget", plan.budget, ArrayOf(ReadBudgetLine)));
    PW_RETURN_IF_ERROR(m.Read("warnings", plan.warnings, ArrayOf(ReadWarning)));
    return plan;
}

}  // namespace

StatusOr<Plan> PlanFromJson(std::string_view json) {
    try {
        PW_ASSIGN_OR_RETURN(Json root, internal::ParseJson(json, kMaxJsonDepth));
        PW_ASSIGN_OR_RETURN(Plan plan, ReadPlan(root));
        PW_RETURN_IF_ERROR(Validate(plan));
        return plan;
    } catch (const std::exception& e) {  // the checks above make nlohmann's get<>() safe; this is bad_alloc & co.
        return Internal(fmt::format("reading the plan JSON: {}", e.what()));
    }
}

}  // namespace planwatch::domain
