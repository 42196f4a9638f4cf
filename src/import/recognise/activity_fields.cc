// One row -> the fields of one activity. Values are parsed by value_parsing.h;
// here only which column feeds which field, and the warnings for what could
// not be read.
#include <fmt/format.h>

#include <algorithm>

#include "common/text.h"
#include "import/recognise/action_plan_internal.h"
#include "import/recognise/value_parsing.h"

namespace planwatch::import::recognise::internal {
namespace {

using domain::Node;

std::string OneLine(std::string_view text) { return Squash(text); }

void Warn(ActivityContext& context, int line, std::string message, const char* code) {
    context.warnings.push_back({line, std::move(message), code});
}

void AddResultsAndIndicators(const DataRow& row, ActivityContext& context, Node& activity) {
    const Layout& layout = *row.layout;
    for (size_t column = 0; column < layout.columns.size(); ++column) {
        const std::optional<Field>& field = layout.columns[column].field;
        const std::string& text = row.cells[column].text;
        if (text.empty()) continue;
        if (field == Field::kResults) {
            for (std::string& result : SplitLines(text)) activity.results.push_back(std::move(result));
        } else if (field == Field::kIndicators) {
            for (const std::string& item : SplitListItems(text)) {
                activity.indicators.push_back({item, ParseTarget(item, context.glossary, context.language), {}});
            }
        }
    }
    // A number promised in the results ("Minimum 2 proiecte locale") or a target
    // column is the target of the only indicator, or an indicator of its own.
    auto give_target = [&](const std::string& name, const domain::Target& target) {
        if (activity.indicators.size() == 1 && !activity.indicators[0].target) {
            activity.indicators[0].target = target;
            return;
        }
        // "Minimum 2 proiecte locale" belongs to "Număr de proiecte" when that is the only one counting proiecte.
        std::string unit = text::SearchKey(target.unit.substr(0, target.unit.find(' ')));
        domain::Indicator* counted = nullptr;
        int matches = 0;
        for (domain::Indicator& indicator : activity.indicators) {
            if (unit.size() < 3 || indicator.target) continue;
            std::string key = " " + text::SearchKey(indicator.name) + " ";
            if (key.find(" " + unit + " ") != std::string::npos) counted = &indicator, ++matches;
        }
        if (matches == 1) {
            counted->target = target;
        } else {
            activity.indicators.push_back({name, target, {}});
        }
    };
    for (const std::string& result : activity.results) {
        if (auto target = ParseTarget(result, context.glossary, context.language)) give_target(result, *target);
    }
    for (size_t column = 0; column < layout.columns.size(); ++column) {
        const std::optional<Field>& field = layout.columns[column].field;
        const std::string text = OneLine(row.cells[column].text);
        if (text.empty()) continue;
        if (field == Field::kTarget) {
            if (auto target = ParseTarget(text, context.glossary, context.language)) {
                give_target(text, *target);
            } else {
                Warn(context, row.cells[column].line, fmt::format("target “{}” states no number", text),
                     "target_unparsed");
            }
        } else if (field == Field::kBaseline && activity.indicators.size() == 1) {
            if (auto baseline = ParseTarget(text, context.glossary, context.language)) {
                activity.indicators[0].baseline = baseline->value;
            }
        }
    }
}

void MergePeriods(std::vector<std::string>& into, const std::vector<std::string>& periods) {
    for (const std::string& period : periods) {
        if (std::find(into.begin(), into.end(), period) == into.end()) into.push_back(period);
    }
}

void AddSchedule(const DataRow& row, ActivityContext& context, Node& activity) {
    const Layout& layout = *row.layout;
    for (size_t column = 0; column < layout.columns.size(); ++column) {
        const Column& info = layout.columns[column];
        const RowCell& cell = row.cells[column];
        if (info.field == Field::kPeriodGrid) {
            if (!OneLine(cell.text).empty()) MergePeriods(activity.periods, {info.period});
            continue;
        }
        if (info.field != Field::kDeadline && info.field != Field::kStart && info.field != Field::kFrequency) continue;
        std::string text = OneLine(cell.text);
        if (text.empty()) continue;
        Schedule schedule = ParseSchedule(text, context.glossary, context.language);
        if (!schedule.understood) {
            Warn(context, cell.line, fmt::format("{} “{}” not understood", info.header, text), "schedule_unparsed");
            if (info.field == Field::kDeadline) activity.deadline_text = text;
            continue;
        }
        if (schedule.frequency && !activity.frequency) activity.frequency = schedule.frequency;
        if (info.field == Field::kFrequency) continue;  // an evaluation term says how often, not until when
        if (info.field == Field::kStart) {
            if (!activity.start) activity.start = schedule.start ? schedule.start : schedule.deadline;
            continue;
        }
        if (schedule.start && !activity.start) activity.start = schedule.start;
        if (schedule.deadline && !activity.deadline) activity.deadline = schedule.deadline;
        MergePeriods(activity.periods, schedule.periods);
        bool more_than_a_date = schedule.frequency || schedule.start || schedule.years.size() > 1;
        if (more_than_a_date && activity.deadline_text.empty()) activity.deadline_text = text;
    }
}

bool IsBold(const RowCell& cell, const std::string& name) {
    if (cell.bold) return true;
    std::string key = CompactKey(name);
    for (const std::string& run : cell.bold_runs) {
        std::string run_key = CompactKey(run);
        if (!run_key.empty() && (run_key == key || key.find(run_key) == 0 || run_key.find(key) != std::string::npos)) {
            return true;
        }
    }
    return false;
}

void AddResponsible(const DataRow& row, ActivityContext& context, Node& activity) {
    const Layout& layout = *row.layout;
    struct Named {
        std::string name;
        bool marked = false;  // bold or "coordonator"
        bool lead_column = false;
    };
    std::vector<Named> names;
    for (size_t column = 0; column < layout.columns.size(); ++column) {
        const std::optional<Field>& field = layout.columns[column].field;
        if (field != Field::kResponsible && field != Field::kLead && field != Field::kPartners) continue;
        const RowCell& cell = row.cells[column];
        for (const NamedInstitution& named : SplitInstitutions(cell.text, context.glossary)) {
            // Only the bold names of a partly bold cell are marked; a wholly bold cell marks its first.
            bool marked = named.lead_marker || (!cell.bold && IsBold(cell, named.name));
            names.push_back({named.name, marked, field == Field::kLead});
        }
    }
    if (names.empty()) return;
    size_t lead = 0;
    auto marked = std::find_if(names.begin(), names.end(), [](const Named& n) { return n.marked; });
    auto lead_column = std::find_if(names.begin(), names.end(), [](const Named& n) { return n.lead_column; });
    if (marked != names.end()) {
        lead = marked - names.begin();
    } else if (lead_column != names.end()) {
        lead = lead_column - names.begin();
    }
    for (size_t i = 0; i < names.size(); ++i) {
        activity.responsible.push_back(
            {names[i].name, i == lead ? domain::ResponsibilityRole::kLead : domain::ResponsibilityRole::kPartner});
    }
}

void AddBudget(const DataRow& row, ActivityContext& context, Node& activity) {
    const Layout& layout = *row.layout;
    int budget_columns = 0;
    for (const Column& column : layout.columns) budget_columns += column.field == Field::kBudget ? 1 : 0;
    int source_column = layout.Find(Field::kFundingSource);
    for (size_t column = 0; column < layout.columns.size(); ++column) {
        const Column& info = layout.columns[column];
        if (info.field != Field::kBudget) continue;
        std::string text = OneLine(row.cells[column].text);
        if (text.empty()) continue;
        int line = row.cells[column].line;
        std::optional<Money> money = ParseMoney(text, context.glossary, info.money_multiplier);
        if (!money) {
            Warn(context, line, fmt::format("budget “{}” is not an amount", text), "budget_unparsed");
            continue;
        }
        std::string currency = !money->currency.empty() ? money->currency : info.currency;
        if (currency.empty()) {
            currency = context.default_currency;
            if (currency.empty()) {
                Warn(context, line, fmt::format("budget “{}” names no currency; left out", text), "budget_currency");
                continue;
            }
            Warn(context, line, fmt::format("budget “{}” names no currency: read as {}", text, currency),
                 "budget_currency");
        }
        domain::BudgetLine budget{money->amount_minor, currency, "", std::nullopt};
        if (budget_columns > 1) {
            budget.source = info.header;
        } else if (source_column >= 0) {
            budget.source = OneLine(row.cells[source_column].text);
        }
        activity.budget.push_back(std::move(budget));
    }
}

}  // namespace

void FillActivity(const DataRow& row, ActivityContext& context, domain::Node& activity) {
    AddResultsAndIndicators(row, context, activity);
    AddSchedule(row, context, activity);
    AddResponsible(row, context, activity);
    AddBudget(row, context, activity);
}

}  // namespace planwatch::import::recognise::internal
