#include <algorithm>

#include <fmt/format.h>

#include "reports/document.h"
#include "reports/format.h"
#include "reports/labels.h"

namespace planwatch::reports {
namespace {

using domain::ActivityStatus;

// Past this many activities a timeline per activity stops being readable; it
// shows one bar per pillar instead.
constexpr size_t kTimelineActivityRows = 80;

std::string Fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
    for (const auto& [key, value] : values) {
        std::string token = "{" + key + "}";
        for (size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size())) {
            text.replace(at, token.size(), value);
        }
    }
    return text;
}

Cell Num(double v, const std::string& lang) { return Cell{.text = FormatNumber(v, lang), .number = true}; }
Cell Pct(std::optional<double> v, const std::string& lang) { return Cell{.text = FormatPercent(v, lang), .number = true}; }
Cell Head(std::string text) { return Cell{.text = std::move(text), .row_header = true}; }
Cell StatusCell(ActivityStatus s, const std::string& lang) {
    return Cell{.text = StatusLabel(lang, s), .style = domain::Name(s)};
}

std::string ActivityLabel(const ActivityRow& a) { return a.code.empty() ? a.title : a.code + " " + a.title; }

std::string Join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : separator) + s;
    return out;
}

std::vector<Block> Front(const ReportModel& m, const std::string& kind_label) {
    const std::string& l = m.language;
    std::vector<Block> out;
    out.push_back(Paragraph(kind_label + " · " + Label(l, "as_of") + " " + domain::ToString(m.as_of), "kicker"));
    out.push_back(Heading(1, m.plan.title, "top"));
    std::vector<std::string> meta;
    if (!m.plan.jurisdiction.empty()) meta.push_back(Label(l, "jurisdiction") + ": " + m.plan.jurisdiction);
    if (m.plan.period_start) {
        meta.push_back(Label(l, "period") + ": " + std::to_string(*m.plan.period_start) +
                       (m.plan.period_end ? "–" + std::to_string(*m.plan.period_end) : ""));
    }
    if (!m.plan.adopted_by.empty()) meta.push_back(Label(l, "adopted_by") + ": " + m.plan.adopted_by);
    if (m.round) {
        meta.push_back(Label(l, "round") + ": " + m.round->period + " (" + Label(l, "round_due") + " " +
                       m.round->due_on + ")");
    }
    for (std::string& line : meta) out.push_back(Paragraph(std::move(line), "meta"));
    return out;
}

void Summary(const ReportModel& m, std::vector<Block>& out) {
    const std::string& l = m.language;
    out.push_back(Heading(2, Label(l, "summary"), "summary"));
    out.push_back(Paragraph(Fill(Label(l, "summary_text"),
                                 {{"total", std::to_string(m.totals.total)},
                                  {"date", domain::ToString(m.as_of)},
                                  {"overdue", std::to_string(m.totals.Of(ActivityStatus::kOverdue))},
                                  {"at_risk", std::to_string(m.totals.Of(ActivityStatus::kAtRisk))},
                                  {"completed", std::to_string(m.totals.Of(ActivityStatus::kCompleted))}})));

    Chart chart{.kind = Chart::Kind::kBars, .id = "chart-status", .title = Label(l, "status_counts"),
                .desc = Fill(Label(l, "chart.status_desc"), {{"date", domain::ToString(m.as_of)}})};
    Table table{.id = "table-status", .caption = Label(l, "status_counts"),
                .header = {Label(l, "col.status"), Label(l, "col.count"), Label(l, "col.share")},
                .total_last = true, .widths = {3, 1, 1}};
    for (ActivityStatus s : StatusOrder()) {
        int n = m.totals.Of(s);
        chart.rows.push_back({.label = StatusLabel(l, s), .values = {static_cast<double>(n)},
                              .color = StatusColor(domain::Name(s))});
        std::optional<double> share;
        if (m.totals.total > 0) share = static_cast<double>(n) / m.totals.total;
        table.rows.push_back({Cell{.text = StatusLabel(l, s), .row_header = true, .style = domain::Name(s)},
                              Num(n, l), Pct(share, l)});
    }
    table.rows.push_back({Head(Label(l, "col.total")), Num(m.totals.total, l), Pct(m.totals.total ? 1.0 : 0.0, l)});
    out.push_back(Block{.kind = Block::Kind::kChart, .chart = std::move(chart)});
    out.push_back(TableBlock(std::move(table)));
}

std::vector<std::string> CountHeader(const std::string& l, std::string first) {
    std::vector<std::string> h{std::move(first)};
    for (ActivityStatus s : StatusOrder()) h.push_back(StatusLabel(l, s));
    h.push_back(Label(l, "col.total"));
    return h;
}

std::vector<Cell> CountCells(const StatusCounts& c, const std::string& l) {
    std::vector<Cell> cells;
    for (ActivityStatus s : StatusOrder()) cells.push_back(Num(c.Of(s), l));
    cells.push_back(Num(c.total, l));
    return cells;
}

void Groups(const ReportModel& m, std::vector<Block>& out) {
    const std::string& l = m.language;
    if (!m.by_pillar.empty()) {
        out.push_back(Heading(3, Label(l, "by_pillar"), "by-pillar"));
        Table t{.id = "table-pillars", .caption = Label(l, "by_pillar"), .header = CountHeader(l, Label(l, "col.pillar")),
                .total_last = true, .widths = {4, 1, 1, 1, 1, 1, 1, 1, 1}, .vertical_header = true};
        for (const GroupSummary& g : m.by_pillar) {
            std::vector<Cell> row{Head(g.code.empty() ? g.title : g.code + ". " + g.title)};
            for (Cell& c : CountCells(g.counts, l)) row.push_back(std::move(c));
            t.rows.push_back(std::move(row));
        }
        std::vector<Cell> total{Head(Label(l, "col.total"))};
        for (Cell& c : CountCells(m.totals, l)) total.push_back(std::move(c));
        t.rows.push_back(std::move(total));
        out.push_back(TableBlock(std::move(t)));
    }
    out.push_back(Heading(3, Label(l, "by_institution"), "by-institution"));
    Table t{.id = "table-institutions", .caption = Label(l, "by_institution"),
            .header = {Label(l, "col.institution"), Label(l, "col.led"), Label(l, "col.partnered")},
            // Nine count columns, labelled vertically: the names keep a third of the width.
            .widths = {4, 1, 1, 1, 1, 1, 1, 1, 1, 1}, .vertical_header = true};
    for (ActivityStatus s : StatusOrder()) t.header.push_back(StatusLabel(l, s));
    for (const InstitutionSummary& i : m.institutions) {
        if (i.led.empty() && i.partnered.empty()) continue;
        std::vector<Cell> row{Head(i.name), Num(static_cast<double>(i.led.size()), l),
                              Num(static_cast<double>(i.partnered.size()), l)};
        for (ActivityStatus s : StatusOrder()) row.push_back(Num(i.lead_counts.Of(s), l));
        t.rows.push_back(std::move(row));
    }
    out.push_back(TableBlock(std::move(t)));
}

// The round the report is for: its dates, how many reports it expected and got,
// and the same per lead institution, with a total row.
void RoundSection(const ReportModel& m, std::vector<Block>& out) {
    if (!m.round) return;
    const std::string& l = m.language;
    const RoundSummary& r = *m.round;
    const RoundCounts counts = r.Counts();
    out.push_back(Heading(2, Label(l, "round") + " " + r.period, "round"));
    std::string grace = r.grace_days > 0 ? Fill(Label(l, "round_grace"), {{"days", std::to_string(r.grace_days)}}) : "";
    out.push_back(Paragraph(Fill(Label(l, "round_text"),
                                 {{"period", r.period},
                                  {"opens", r.opens_on},
                                  {"due", r.due_on},
                                  {"grace", grace},
                                  {"expected", std::to_string(r.expected)},
                                  {"received", std::to_string(r.received)},
                                  {"completeness", FormatPercent(counts.Completeness(), l)},
                                  {"on_time", std::to_string(r.on_time)},
                                  {"timeliness", FormatPercent(counts.Timeliness(), l)}})));
    if (r.institutions.empty()) return;
    Table t{.id = "table-round", .caption = Label(l, "round") + " " + r.period,
            .header = {Label(l, "col.institution"), Label(l, "col.expected"), Label(l, "col.received"),
                       Label(l, "col.on_time"), Label(l, "col.completeness"), Label(l, "col.timeliness")},
            .total_last = true, .widths = {3, 1, 1, 1, 1, 1}};
    for (const RoundInstitution& i : r.institutions) {
        t.rows.push_back({Head(i.name), Num(i.counts.expected, l), Num(i.counts.received, l), Num(i.counts.on_time, l),
                          Pct(i.counts.Completeness(), l), Pct(i.counts.Timeliness(), l)});
    }
    t.rows.push_back({Head(Label(l, "col.total")), Num(r.expected, l), Num(r.received, l), Num(r.on_time, l),
                      Pct(counts.Completeness(), l), Pct(counts.Timeliness(), l)});
    out.push_back(TableBlock(std::move(t)));
}

void Completeness(const ReportModel& m, std::vector<Block>& out) {
    const std::string& l = m.language;
    out.push_back(Heading(2, Label(l, "completeness"), "completeness"));
    bool any = false;
    for (const RoundSummary& r : m.rounds) any = any || r.due;
    if (!any) {
        out.push_back(Paragraph(Label(l, "no_rounds"), "note"));
        return;
    }
    Chart chart{.kind = Chart::Kind::kPercent, .id = "chart-completeness", .title = Label(l, "completeness"),
                .desc = Label(l, "chart.completeness_desc"),
                .series = {Label(l, "col.completeness"), Label(l, "col.timeliness")},
                .series_colors = {"#005ea2", "#00bde3"}};
    Table t{.id = "table-completeness", .caption = Label(l, "completeness"),
            .header = {Label(l, "col.institution"), Label(l, "col.expected"), Label(l, "col.received"),
                       Label(l, "col.on_time"), Label(l, "col.completeness"), Label(l, "col.timeliness")},
            .widths = {3, 1, 1, 1, 1, 1}};
    for (const InstitutionSummary& i : m.institutions) {
        if (i.expected == 0) continue;
        chart.rows.push_back({.label = i.name, .values = {*i.Completeness(), *i.Timeliness()}});
        t.rows.push_back({Head(i.name), Num(i.expected, l), Num(i.received, l), Num(i.on_time, l),
                          Pct(i.Completeness(), l), Pct(i.Timeliness(), l)});
    }
    out.push_back(Block{.kind = Block::Kind::kChart, .chart = std::move(chart)});
    out.push_back(TableBlock(std::move(t)));

    Table rounds{.id = "table-rounds", .caption = Label(l, "rounds"),
                 .header = {Label(l, "col.round"), Label(l, "col.due"), Label(l, "col.expected"),
                            Label(l, "col.received"), Label(l, "col.on_time")}};
    for (const RoundSummary& r : m.rounds) {
        rounds.rows.push_back({Head(r.period), Cell{.text = r.due_on}, Num(r.expected, l), Num(r.received, l),
                               Num(r.on_time, l)});
    }
    out.push_back(TableBlock(std::move(rounds)));
}

void Achievement(const ReportModel& m, std::vector<Block>& out) {
    const std::string& l = m.language;
    out.push_back(Heading(2, Label(l, "achievement"), "achievement"));
    const AchievementCounts& a = m.achievement;
    Chart chart{.kind = Chart::Kind::kBars, .id = "chart-achievement", .title = Label(l, "achievement"),
                .desc = Label(l, "chart.achievement_desc")};
    std::pair<domain::Achievement, int> counts[] = {{domain::Achievement::kMet, a.met},
                                                    {domain::Achievement::kNear, a.near},
                                                    {domain::Achievement::kBehind, a.behind},
                                                    {domain::Achievement::kNoValue, a.no_value}};
    const char* colors[] = {"#008817", "#c05600", "#b50909", "#71767a"};
    int k = 0;
    for (auto [kind, n] : counts) {
        chart.rows.push_back({.label = AchievementLabel(l, kind), .values = {static_cast<double>(n)}, .color = colors[k++]});
    }
    out.push_back(Block{.kind = Block::Kind::kChart, .chart = std::move(chart)});
    Table t{.id = "table-indicators", .caption = Label(l, "indicators"),
            .header = {Label(l, "col.code"), Label(l, "col.indicator"), Label(l, "col.target"), Label(l, "col.actual"),
                       Label(l, "col.achievement")},
            .widths = {1, 6, 3, 1, 2}};
    for (const ActivityRow& act : m.activities) {
        for (const IndicatorRow& i : act.indicators) {
            if (!i.target) continue;
            t.rows.push_back({Head(act.code), Cell{.text = i.name}, Cell{.text = i.target_text},
                              Cell{.text = i.actual ? FormatNumber(*i.actual, l) : "–", .number = true},
                              Cell{.text = AchievementLabel(l, i.achievement) +
                                           (i.ratio ? " (" + FormatPercent(i.ratio, l) + ")" : "")}});
        }
    }
    t.rows.push_back({Head(Label(l, "col.total")), Cell{.text = std::to_string(a.with_target)}, Cell{}, Cell{},
                      Cell{.text = AchievementLabel(l, domain::Achievement::kMet) + ": " + std::to_string(a.met)}});
    t.total_last = true;
    out.push_back(TableBlock(std::move(t)));
}

void Attention(const ReportModel& m, std::vector<Block>& out) {
    const std::string& l = m.language;
    out.push_back(Heading(2, Label(l, "attention"), "attention"));
    if (m.attention.empty()) {
        out.push_back(Paragraph(Label(l, "none"), "note"));
        return;
    }
    Table t{.id = "table-attention", .caption = Label(l, "attention"),
            .header = {Label(l, "col.code"), Label(l, "col.activity"), Label(l, "col.status"), Label(l, "col.reason"),
                       Label(l, "col.lead")},
            .widths = {1, 6, 2, 5, 3}};
    for (int index : m.attention) {
        const ActivityRow& a = m.activities[index];
        t.rows.push_back({Head(a.code), Cell{.text = a.title}, StatusCell(a.status, l),
                          Cell{.text = ReasonText(l, a.reason_parts, a.reason)},
                          Cell{.text = a.lead}});
    }
    out.push_back(TableBlock(std::move(t)));
}

void Timeline(const ReportModel& m, std::vector<Block>& out) {
    const std::string& l = m.language;
    Chart chart{.kind = Chart::Kind::kTimeline, .id = "chart-timeline", .title = Label(l, "timeline"),
                .desc = Label(l, "chart.timeline_desc"), .marker = domain::DaysFromEpoch(m.as_of)};
    std::vector<const ActivityRow*> rows;
    for (const ActivityRow& a : m.activities) {
        if (a.start && a.due) rows.push_back(&a);
    }
    if (rows.empty()) return;
    std::stable_sort(rows.begin(), rows.end(), [](const ActivityRow* a, const ActivityRow* b) { return *a->due < *b->due; });
    long lo = domain::DaysFromEpoch(*rows.front()->start), hi = domain::DaysFromEpoch(*rows.front()->due);
    if (rows.size() <= kTimelineActivityRows) {
        for (const ActivityRow* a : rows) {
            long s = domain::DaysFromEpoch(*a->start), e = domain::DaysFromEpoch(*a->due);
            chart.rows.push_back({.label = ActivityLabel(*a), .color = StatusColor(domain::Name(a->status)),
                                  .start = s, .end = e});
        }
    } else {
        // One bar per pillar: from its first start to its last deadline, in the colour of its worst status.
        for (size_t p = 0; p < m.by_pillar.size(); ++p) {
            Chart::Row row{.label = m.by_pillar[p].code + " " + m.by_pillar[p].title, .start = LONG_MAX, .end = LONG_MIN};
            const ActivityStatus* worst = nullptr;
            for (const ActivityRow* a : rows) {
                if (a->pillar != static_cast<int>(p)) continue;
                row.start = std::min(row.start, domain::DaysFromEpoch(*a->start));
                row.end = std::max(row.end, domain::DaysFromEpoch(*a->due));
                for (const ActivityStatus& s : StatusOrder()) {
                    if (s == a->status && (!worst || &s < worst)) worst = &s;
                }
            }
            if (!worst) continue;
            row.color = StatusColor(domain::Name(*worst));
            chart.rows.push_back(std::move(row));
        }
    }
    for (const Chart::Row& r : chart.rows) {
        lo = std::min(lo, r.start);
        hi = std::max(hi, r.end);
    }
    chart.axis_start = lo;
    chart.axis_end = std::max(hi, chart.marker);
    out.push_back(Heading(2, Label(l, "timeline"), "timeline"));
    out.push_back(Block{.kind = Block::Kind::kChart, .chart = std::move(chart)});
}

std::string IndicatorValues(const ReportRow& r, const std::string& l) {
    std::string out;
    for (const auto& [name, value] : r.values) out += (out.empty() ? "" : "\n") + name + ": " + FormatNumber(value, l);
    return out;
}

void ActivitySection(const ReportModel& m, int index, std::vector<Block>& out) {
    const std::string& l = m.language;
    const ActivityRow& a = m.activities[index];
    // Numbered by position: codes repeat across pillars, ids must not.
    out.push_back(Heading(4, ActivityLabel(a), "a-" + std::to_string(index + 1)));
    // Label and value: the row labels say what each row is, a header row would say nothing.
    Table facts{.caption = Label(l, "col.activity") + " " + a.code, .widths = {1, 4}};
    facts.rows.push_back({Head(Label(l, "col.status")),
                          Cell{.text = StatusLabel(l, a.status) + " — " + ReasonText(l, a.reason_parts, a.reason),
                               .style = domain::Name(a.status)}});
    if (!a.lead.empty()) facts.rows.push_back({Head(Label(l, "col.lead")), Cell{.text = a.lead}});
    if (!a.partners.empty()) facts.rows.push_back({Head(Label(l, "col.partners")), Cell{.text = Join(a.partners, ", ")}});
    if (!a.schedule.empty()) facts.rows.push_back({Head(Label(l, "col.deadline")), Cell{.text = a.schedule}});
    if (!a.frequency.empty()) {
        facts.rows.push_back({Head(Label(l, "col.frequency")), Cell{.text = Label(l, "frequency." + a.frequency)}});
    }
    if (!a.results.empty()) facts.rows.push_back({Head(Label(l, "col.results")), Cell{.text = Join(a.results, "\n")}});
    if (!a.budget.empty()) {
        std::vector<std::string> lines;
        for (const domain::BudgetLine& b : a.budget) {
            lines.push_back(FormatMoney(b.amount_minor, b.currency, l) + (b.source.empty() ? "" : " (" + b.source + ")"));
        }
        facts.rows.push_back({Head(Label(l, "col.budget")), Cell{.text = Join(lines, "\n")}});
    }
    out.push_back(TableBlock(std::move(facts)));
    if (!a.indicators.empty()) {
        Table t{.caption = Label(l, "indicators") + " " + a.code,
                .header = {Label(l, "col.indicator"), Label(l, "col.target"), Label(l, "col.actual"),
                           Label(l, "col.achievement")},
                .widths = {6, 3, 1, 2}};
        for (const IndicatorRow& i : a.indicators) {
            t.rows.push_back({Head(i.name), Cell{.text = i.target_text},
                              Cell{.text = i.actual ? FormatNumber(*i.actual, l) : "–", .number = true},
                              Cell{.text = AchievementLabel(l, i.achievement)}});
        }
        out.push_back(TableBlock(std::move(t)));
    }
    if (a.latest_reports.empty()) {
        out.push_back(Paragraph(Label(l, "latest_reports") + ": " + Label(l, "no_reports"), "note"));
        return;
    }
    Table t{.caption = Label(l, "latest_reports") + " " + a.code,
            .header = {Label(l, "col.institution"), Label(l, "col.period"), Label(l, "col.reported_status"),
                       Label(l, "col.submitted"), Label(l, "col.narrative"), Label(l, "col.values")},
            .widths = {3, 2, 2, 3, 4, 3}};
    for (const ReportRow& r : a.latest_reports) {
        std::string narrative = r.narrative;
        for (const std::string& e : r.evidence) narrative += "\n" + e;
        t.rows.push_back({Head(r.institution), Cell{.text = r.period}, Cell{.text = ClaimedLabel(l, r.claimed)},
                          Cell{.text = r.submitted_on}, Cell{.text = narrative}, Cell{.text = IndicatorValues(r, l)}});
    }
    out.push_back(TableBlock(std::move(t)));
}

void Activities(const ReportModel& m, std::vector<Block>& out) {
    out.push_back(Heading(2, Label(m.language, "activities"), "activities"));
    int pillar = 0;
    for (const OutlineEntry& e : m.outline) {
        if (e.activity >= 0) {
            ActivitySection(m, e.activity, out);
            continue;
        }
        std::string text = e.code.empty() ? e.title : e.code + ". " + e.title;
        if (e.depth == 0) {
            out.push_back(Heading(3, text, "p-" + std::to_string(++pillar)));
        } else {
            out.push_back(Paragraph(text, "node"));
        }
    }
}

}  // namespace

Block Heading(int level, std::string text, std::string anchor) {
    return Block{.kind = Block::Kind::kHeading, .level = level, .text = std::move(text), .anchor = std::move(anchor)};
}

Block Paragraph(std::string text, std::string style) {
    return Block{.kind = Block::Kind::kParagraph, .text = std::move(text), .style = std::move(style)};
}

Block TableBlock(Table table) { return Block{.kind = Block::Kind::kTable, .table = std::move(table)}; }

bool NumberColumn(const Table& table, size_t c) {
    bool any = false;
    for (const std::vector<Cell>& row : table.rows) {
        if (c >= row.size() || row[c].text.empty()) continue;
        if (!row[c].number) return false;
        any = true;
    }
    return any;
}

Document BuildEvaluationDocument(const ReportModel& m) {
    Document doc{.language = m.language, .title = Label(m.language, "evaluation_title") + " — " + m.plan.title};
    doc.blocks = Front(m, Label(m.language, "evaluation_title"));
    Summary(m, doc.blocks);
    Groups(m, doc.blocks);
    RoundSection(m, doc.blocks);
    Completeness(m, doc.blocks);
    Achievement(m, doc.blocks);
    Attention(m, doc.blocks);
    Timeline(m, doc.blocks);
    Activities(m, doc.blocks);
    return doc;
}

}  // namespace planwatch::reports

namespace planwatch::reports {

StatusOr<Document> BuildDocument(const ReportModel& model, const WriteOptions& options) {
    switch (options.document) {
        case DocumentKind::kEvaluation: return BuildEvaluationDocument(model);
        case DocumentKind::kInstitution: return BuildInstitutionDocument(model, options.institution);
        case DocumentKind::kSocialServicesPlan: return BuildServicesPlanDocument(model);
    }
    return Internal("unknown document kind");
}

}  // namespace planwatch::reports
