#include "reports/document.h"
#include "reports/format.h"
#include "reports/labels.h"

namespace planwatch::reports {
namespace {

Cell Num(double v, const std::string& lang) { return Cell{.text = FormatNumber(v, lang), .number = true}; }

Table ActivityTable(const ReportModel& m, const std::vector<int>& indexes, std::string id, std::string caption) {
    const std::string& l = m.language;
    Table t{.id = std::move(id), .caption = std::move(caption),
            .header = {Label(l, "col.code"), Label(l, "col.activity"), Label(l, "col.status"), Label(l, "col.reason"),
                       Label(l, "col.deadline")},
            .widths = {1, 6, 2, 5, 2}};
    for (int index : indexes) {
        const ActivityRow& a = m.activities[index];
        t.rows.push_back({Cell{.text = a.code, .row_header = true}, Cell{.text = a.title},
                          Cell{.text = StatusLabel(l, a.status), .style = domain::Name(a.status)},
                          Cell{.text = ReasonText(l, a.reason_parts, a.reason)}, Cell{.text = a.schedule}});
    }
    return t;
}

}  // namespace

StatusOr<Document> BuildInstitutionDocument(const ReportModel& m, const std::string& institution) {
    const InstitutionSummary* summary = m.FindInstitution(institution);
    if (!summary) return NotFound("the plan names no institution \"" + institution + "\"");
    const std::string& l = m.language;
    Document doc{.language = l, .title = Label(l, "institution_title") + " — " + institution};
    auto& out = doc.blocks;
    out.push_back(Paragraph(Label(l, "institution_title") + " · " + Label(l, "as_of") + " " +
                                domain::ToString(m.as_of), "kicker"));
    out.push_back(Heading(1, institution, "top"));
    out.push_back(Paragraph(m.plan.title, "meta"));
    if (m.round) {
        out.push_back(Paragraph(Label(l, "round") + ": " + m.round->period + " (" + Label(l, "round_due") + " " +
                                    m.round->due_on + ")",
                                "meta"));
    }

    out.push_back(Heading(2, Label(l, "its_record"), "record"));
    Table record{.id = "table-record", .caption = Label(l, "its_record"),
                 .header = {Label(l, "col.item"), Label(l, "col.count")}, .widths = {4, 1}};
    record.rows.push_back({Cell{.text = Label(l, "col.led"), .row_header = true},
                           Num(static_cast<double>(summary->led.size()), l)});
    record.rows.push_back({Cell{.text = Label(l, "col.partnered"), .row_header = true},
                           Num(static_cast<double>(summary->partnered.size()), l)});
    record.rows.push_back({Cell{.text = Label(l, "col.expected"), .row_header = true}, Num(summary->expected, l)});
    record.rows.push_back({Cell{.text = Label(l, "col.received"), .row_header = true}, Num(summary->received, l)});
    record.rows.push_back({Cell{.text = Label(l, "col.on_time"), .row_header = true}, Num(summary->on_time, l)});
    record.rows.push_back({Cell{.text = Label(l, "col.completeness"), .row_header = true},
                           Cell{.text = FormatPercent(summary->Completeness(), l), .number = true}});
    record.rows.push_back({Cell{.text = Label(l, "col.timeliness"), .row_header = true},
                           Cell{.text = FormatPercent(summary->Timeliness(), l), .number = true}});
    record.rows.push_back({Cell{.text = Label(l, "col.approved"), .row_header = true},
                           Num(summary->approved_reports, l)});
    out.push_back(TableBlock(std::move(record)));

    out.push_back(Heading(2, Label(l, "led_activities"), "led"));
    if (summary->led.empty()) out.push_back(Paragraph(Label(l, "none"), "note"));
    else out.push_back(TableBlock(ActivityTable(m, summary->led, "table-led", Label(l, "led_activities"))));

    out.push_back(Heading(2, Label(l, "partner_activities"), "partnered"));
    if (summary->partnered.empty()) out.push_back(Paragraph(Label(l, "none"), "note"));
    else out.push_back(TableBlock(ActivityTable(m, summary->partnered, "table-partnered", Label(l, "partner_activities"))));

    out.push_back(Heading(2, Label(l, "its_reports"), "reports"));
    Table reports{.id = "table-reports", .caption = Label(l, "its_reports"),
                  .header = {Label(l, "col.code"), Label(l, "col.period"), Label(l, "col.reported_status"),
                             Label(l, "col.submitted"), Label(l, "col.narrative")},
                  .widths = {1, 1, 2, 2, 8}};
    for (const ActivityRow& a : m.activities) {
        for (const ReportRow& r : a.reports) {
            if (r.institution != institution) continue;
            reports.rows.push_back({Cell{.text = a.code, .row_header = true}, Cell{.text = r.period},
                                    Cell{.text = ClaimedLabel(l, r.claimed)}, Cell{.text = r.submitted_on},
                                    Cell{.text = r.narrative}});
        }
    }
    if (reports.rows.empty()) out.push_back(Paragraph(Label(l, "no_reports"), "note"));
    else out.push_back(TableBlock(std::move(reports)));
    return doc;
}

}  // namespace planwatch::reports
