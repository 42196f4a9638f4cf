#include <map>

#include "reports/document.h"
#include "reports/format.h"
#include "reports/labels.h"

namespace planwatch::reports {
namespace {

using domain::ServiceLineKind;
using domain::ServiceState;
using domain::SocialService;

// The funding sources of the 1086/2018 model, in its column order.
constexpr const char* kSources[] = {"local", "county", "state", "beneficiaries", "other"};

Cell Nr(size_t n) { return Cell{.text = std::to_string(n) + ".", .row_header = true}; }

// Amount per source for the plan's year (all years when the plan states none).
std::map<std::string, int64_t> BySource(const SocialService& s, std::optional<int> year) {
    std::map<std::string, int64_t> out;
    for (const domain::ServiceBudget& b : s.budget) {
        if (year && b.year != *year) continue;
        bool known = false;
        for (const char* k : kSources) known = known || b.source == k;
        out[known ? b.source : "other"] += b.amount_minor;
    }
    return out;
}

std::string Capacity(const SocialService& s, const std::string& l) {
    if (!s.capacity) return "";
    return FormatNumber(s.capacity->value, l) + " " + Label(l, std::string("unit.") + domain::Name(s.capacity->unit));
}

Cell Money(int64_t minor, const std::string& l) { return Cell{.text = FormatMoney(minor, "", l), .number = true}; }

std::vector<std::string> SourceHeaders(const std::string& l) {
    std::vector<std::string> out;
    for (const char* k : kSources) out.push_back(Label(l, std::string("sp.source.") + k));
    return out;
}

Table Existing(const ReportModel& m, const std::vector<const SocialService*>& lines, std::optional<int> year) {
    const std::string& l = m.language;
    Table t{.id = "table-existing", .caption = Label(l, "sp.existing"),
            .header = {Label(l, "sp.nr"), Label(l, "sp.code"), Label(l, "sp.name"), Label(l, "sp.beneficiaries"),
                       Label(l, "sp.capacity"), Label(l, "sp.occupancy")},
            .total_last = true, .widths = {1, 3, 4, 2, 2, 2, 2, 2, 2, 2, 2}};
    for (std::string& h : SourceHeaders(l)) t.header.push_back(std::move(h));
    std::map<std::string, int64_t> totals;
    size_t n = 0;
    for (const SocialService* s : lines) {
        // As the 1086/2018 plans write it, under the capacity; the importer reads the state back from there.
        std::string capacity = Capacity(*s, l);
        if (s->state == ServiceState::kRestructuring) capacity += "\n" + Label(l, "sp.restructuring");
        // The model groups the rows under headings per beneficiary group; a column says the same per row.
        std::vector<Cell> row{Nr(++n), Cell{.text = s->code}, Cell{.text = s->name}, Cell{.text = s->beneficiaries},
                              Cell{.text = capacity},
                              Cell{.text = s->occupancy ? FormatPercent(s->occupancy, l) : "", .number = true}};
        std::map<std::string, int64_t> amounts = BySource(*s, year);
        for (const char* k : kSources) {
            row.push_back(amounts.count(k) ? Money(amounts[k], l) : Cell{});
            totals[k] += amounts.count(k) ? amounts[k] : 0;
        }
        t.rows.push_back(std::move(row));
    }
    std::vector<Cell> total{Cell{}, Cell{}, Cell{.text = Label(l, "sp.total"), .row_header = true}, Cell{}, Cell{},
                            Cell{}};
    for (const char* k : kSources) total.push_back(Money(totals[k], l));
    t.rows.push_back(std::move(total));
    return t;
}

Table Proposed(const ReportModel& m, const std::vector<const SocialService*>& lines, std::optional<int> year) {
    const std::string& l = m.language;
    Table t{.id = "table-proposed", .caption = Label(l, "sp.proposed"),
            .header = {Label(l, "sp.nr"), Label(l, "sp.proposed_name"), Label(l, "sp.code"),
                       Label(l, "sp.beneficiaries"), Label(l, "sp.capacity"), Label(l, "sp.staff"), Label(l, "sp.area")},
            .widths = {1, 4, 3, 4, 2, 2, 2, 2, 2, 2, 2, 2}};
    for (std::string& h : SourceHeaders(l)) t.header.push_back(std::move(h));
    size_t n = 0;
    for (const SocialService* s : lines) {
        std::vector<Cell> row{Nr(++n), Cell{.text = s->name}, Cell{.text = s->code}, Cell{.text = s->beneficiaries},
                              Cell{.text = Capacity(*s, l)},
                              Cell{.text = s->staff ? std::to_string(*s->staff) : "", .number = true},
                              Cell{.text = s->area_m2 ? FormatNumber(*s->area_m2, l) : "", .number = true}};
        std::map<std::string, int64_t> amounts = BySource(*s, year);
        for (const char* k : kSources) row.push_back(amounts.count(k) ? Money(amounts[k], l) : Cell{});
        t.rows.push_back(std::move(row));
    }
    return t;
}

// The sources a line's budget comes from, as the funding column names them.
std::string Funding(const SocialService& s, std::optional<int> year, const std::string& l) {
    std::string out;
    for (const auto& [source, amount] : BySource(s, year)) {
        out += (out.empty() ? "" : "; ") + Label(l, "sp.funding." + source);
    }
    return out;
}

Table Contracting(const ReportModel& m, const std::vector<const SocialService*>& lines, std::optional<int> year) {
    const std::string& l = m.language;
    Table t{.id = "table-contracting", .caption = Label(l, "sp.contracting"),
            .header = {Label(l, "sp.nr"), Label(l, "sp.name"), Label(l, "sp.beneficiaries"), Label(l, "sp.cpv"),
                       Label(l, "sp.budget"), Label(l, "sp.funding")},
            .widths = {1, 6, 4, 2, 2, 2}};
    size_t n = 0;
    for (const SocialService* s : lines) {
        int64_t sum = 0;
        for (const auto& [source, amount] : BySource(*s, year)) sum += amount;
        t.rows.push_back({Nr(++n), Cell{.text = s->name}, Cell{.text = s->beneficiaries}, Cell{.text = s->code},
                          s->budget.empty() ? Cell{} : Money(sum, l), Cell{.text = Funding(*s, year, l)}});
    }
    return t;
}

// One table for the whole programme: the course, the staff it is for, how many
// people and the budget, which the model's small per-course tables also give.
Table Training(const ReportModel& m, const std::vector<const SocialService*>& lines, std::optional<int> year) {
    const std::string& l = m.language;
    Table t{.id = "table-training", .caption = Label(l, "sp.training"),
            .header = {Label(l, "sp.nr"), Label(l, "sp.activity"), Label(l, "sp.category"), Label(l, "sp.persons"),
                       Label(l, "sp.budget"), Label(l, "sp.schedule")},
            .widths = {1, 6, 5, 2, 2, 2}};
    size_t n = 0;
    for (const SocialService* s : lines) {
        int64_t sum = 0;
        for (const auto& [source, amount] : BySource(*s, year)) sum += amount;
        t.rows.push_back({Nr(++n), Cell{.text = s->name}, Cell{.text = s->beneficiaries},
                          Cell{.text = s->capacity ? FormatNumber(s->capacity->value, l) : "", .number = true},
                          s->budget.empty() ? Cell{} : Money(sum, l), Cell{.text = s->schedule}});
    }
    return t;
}

Table Calendar(const ReportModel& m, const std::vector<const SocialService*>& lines, std::string id,
               std::string caption) {
    const std::string& l = m.language;
    Table t{.id = std::move(id), .caption = std::move(caption),
            .header = {Label(l, "sp.nr"), Label(l, "sp.activity"), Label(l, "sp.beneficiaries"), Label(l, "sp.schedule")},
            .widths = {1, 8, 3, 3}};
    size_t n = 0;
    for (const SocialService* s : lines) {
        t.rows.push_back({Nr(++n), Cell{.text = s->name}, Cell{.text = s->beneficiaries}, Cell{.text = s->schedule}});
    }
    return t;
}

void Section(std::vector<Block>& out, int level, const std::string& title, const std::string& anchor, Table table,
             const std::string& l) {
    out.push_back(Heading(level, title, anchor));
    if (table.rows.empty() || (table.total_last && table.rows.size() == 1)) {
        out.push_back(Paragraph(Label(l, "sp.empty"), "note"));
        return;
    }
    out.push_back(TableBlock(std::move(table)));
}

}  // namespace

Document BuildServicesPlanDocument(const ReportModel& m) {
    const std::string& l = m.language;
    Document doc{.language = l, .title = m.plan.title, .landscape = true};
    std::optional<int> year = m.plan.period_start;
    std::vector<const SocialService*> existing, proposed, contracting, information, training;
    for (const SocialService& s : m.plan.services) {
        switch (s.line) {
            case ServiceLineKind::kService:
                (s.state == ServiceState::kProposed ? proposed : existing).push_back(&s);
                break;
            case ServiceLineKind::kContracting: contracting.push_back(&s); break;
            case ServiceLineKind::kInformation: information.push_back(&s); break;
            case ServiceLineKind::kTraining: training.push_back(&s); break;
        }
    }
    auto& out = doc.blocks;
    out.push_back(Paragraph(Label(l, "sp.title") + (year ? " · " + std::to_string(*year) : ""), "kicker"));
    out.push_back(Heading(1, m.plan.title, "top"));
    if (!m.plan.adopted_by.empty()) out.push_back(Paragraph(Label(l, "adopted_by") + ": " + m.plan.adopted_by, "meta"));
    out.push_back(Heading(2, Label(l, "sp.chapter1"), "chapter-1"));
    Section(out, 3, Label(l, "sp.existing"), "existing", Existing(m, existing, year), l);
    Section(out, 3, Label(l, "sp.proposed"), "proposed", Proposed(m, proposed, year), l);
    Section(out, 3, Label(l, "sp.contracting"), "contracting", Contracting(m, contracting, year), l);
    Section(out, 2, Label(l, "sp.information"), "information",
            Calendar(m, information, "table-information", Label(l, "sp.information")), l);
    Section(out, 2, Label(l, "sp.training"), "training", Training(m, training, year), l);
    return doc;
}

}  // namespace planwatch::reports
