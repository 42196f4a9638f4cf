#include "reports/xlsx/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>

#include "reports/labels.h"
#include "reports/scratch.h"

namespace planwatch::reports::xlsx {
namespace {

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* wrap = nullptr;
    lxw_format* date = nullptr;
    lxw_format* percent = nullptr;
    lxw_format* number = nullptr;
};

// Writes one table: a bold header row frozen at the top, an autofilter over it.
class Sheet {
public:
    Sheet(lxw_workbook* book, const char* name, const Formats& formats, const std::vector<std::string>& header,
          const std::vector<double>& widths)
        : sheet_(workbook_add_worksheet(book, name)), formats_(formats), columns_(header.size()) {
        for (size_t c = 0; c < header.size(); ++c) {
            worksheet_write_string(sheet_, 0, c, header[c].c_str(), formats_.header);
            worksheet_set_column(sheet_, c, c, c < widths.size() ? widths[c] : 14, nullptr);
        }
        worksheet_freeze_panes(sheet_, 1, 0);
    }
    ~Sheet() {
        if (columns_ > 0) worksheet_autofilter(sheet_, 0, 0, std::max<lxw_row_t>(row_, 1), columns_ - 1);
    }
    Sheet& Row() {
        ++row_;
        col_ = 0;
        return *this;
    }
    Sheet& Text(const std::string& s) {
        if (!s.empty()) worksheet_write_string(sheet_, row_, col_, s.c_str(), s.find('\n') != std::string::npos ? formats_.wrap : nullptr);
        ++col_;
        return *this;
    }
    Sheet& Number(std::optional<double> v, lxw_format* format = nullptr) {
        if (v) worksheet_write_number(sheet_, row_, col_, *v, format);
        ++col_;
        return *this;
    }
    Sheet& Percent(std::optional<double> v) { return Number(v, formats_.percent); }
    Sheet& Date(const std::optional<domain::CivilDate>& d) {
        if (d) {
            lxw_datetime dt{.year = d->year, .month = d->month, .day = d->day};
            worksheet_write_datetime(sheet_, row_, col_, &dt, formats_.date);
        }
        ++col_;
        return *this;
    }
    Sheet& DateText(const std::string& iso) {
        StatusOr<domain::CivilDate> d = domain::ParseCivilDate(iso);
        if (d.ok()) return Date(*d);
        return Text(iso);
    }

private:
    lxw_worksheet* sheet_;
    const Formats& formats_;
    size_t columns_;
    lxw_row_t row_ = 0;
    lxw_col_t col_ = 0;
};

std::string Joined(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

void Summary(lxw_workbook* book, const Formats& f, const ReportModel& m) {
    const std::string& l = m.language;
    Sheet s(book, "Summary", f, {Label(l, "col.status"), Label(l, "col.count"), Label(l, "col.share")}, {28, 10, 10});
    for (domain::ActivityStatus st : StatusOrder()) {
        std::optional<double> share;
        if (m.totals.total) share = static_cast<double>(m.totals.Of(st)) / m.totals.total;
        s.Row().Text(StatusLabel(l, st)).Number(m.totals.Of(st)).Percent(share);
    }
    s.Row().Text(Label(l, "col.total")).Number(m.totals.total).Percent(m.totals.total ? 1.0 : 0.0);
}

void Activities(lxw_workbook* book, const Formats& f, const ReportModel& m) {
    const std::string& l = m.language;
    Sheet s(book, "Activities", f,
            {Label(l, "col.code"), Label(l, "col.path"), Label(l, "col.activity"), Label(l, "col.status"),
             Label(l, "col.reason"), Label(l, "col.lead"), Label(l, "col.partners"), Label(l, "col.deadline"),
             Label(l, "col.due"), Label(l, "col.frequency"), Label(l, "col.results"), Label(l, "col.approved")},
            {8, 10, 60, 14, 40, 30, 40, 14, 12, 10, 50, 10});
    for (const ActivityRow& a : m.activities) {
        s.Row().Text(a.code).Text(a.path).Text(a.title).Text(StatusLabel(l, a.status)).Text(a.reason).Text(a.lead)
            .Text(Joined(a.partners, "; ")).Text(a.schedule).Date(a.due).Text(a.frequency)
            .Text(Joined(a.results, "\n")).Number(static_cast<double>(a.reports.size()));
    }
}

void Indicators(lxw_workbook* book, const Formats& f, const ReportModel& m) {
    const std::string& l = m.language;
    Sheet s(book, "Indicators", f,
            {Label(l, "col.code"), Label(l, "col.indicator"), Label(l, "col.target"), "comparator", "target_value",
             "unit", Label(l, "col.actual"), Label(l, "col.achievement"), "ratio"},
            {8, 60, 24, 10, 12, 20, 10, 20, 10});
    for (const ActivityRow& a : m.activities) {
        for (const IndicatorRow& i : a.indicators) {
            s.Row().Text(a.code).Text(i.name).Text(i.target_text);
            if (i.target) {
                s.Text(domain::Name(i.target->comparator)).Number(i.target->value).Text(i.target->percent ? "%" : i.target->unit);
            } else {
                s.Text("").Number(std::nullopt).Text("");
            }
            s.Number(i.actual).Text(AchievementLabel(l, i.achievement)).Percent(i.ratio);
        }
    }
}

// One row per reported indicator value, the value a number a spreadsheet can add
// up; a report without values takes one row with those two cells empty.
void Reports(lxw_workbook* book, const Formats& f, const ReportModel& m) {
    const std::string& l = m.language;
    Sheet s(book, "Reports", f,
            {Label(l, "col.code"), Label(l, "col.institution"), Label(l, "col.period"), Label(l, "col.reported_status"),
             Label(l, "col.submitted"), Label(l, "col.narrative"), Label(l, "col.indicator"), Label(l, "col.value"),
             Label(l, "col.evidence")},
            {8, 30, 10, 16, 12, 60, 40, 12, 30});
    for (const ActivityRow& a : m.activities) {
        for (const ReportRow& r : a.reports) {
            const size_t rows = std::max<size_t>(r.values.size(), 1);
            for (size_t v = 0; v < rows; ++v) {
                s.Row().Text(a.code).Text(r.institution).Text(r.period).Text(ClaimedLabel(l, r.claimed))
                    .DateText(r.submitted_on).Text(r.narrative);
                if (v < r.values.size()) {
                    s.Text(r.values[v].first).Number(r.values[v].second);
                } else {
                    s.Text("").Number(std::nullopt);
                }
                s.Text(Joined(r.evidence, "\n"));
            }
        }
    }
}

// The round the report is for, per lead institution, with a total row.
void Round(lxw_workbook* book, const Formats& f, const ReportModel& m) {
    if (!m.round) return;
    const std::string& l = m.language;
    const RoundSummary& r = *m.round;
    Sheet s(book, "Round", f,
            {Label(l, "col.round"), Label(l, "col.due"), Label(l, "col.institution"), Label(l, "col.expected"),
             Label(l, "col.received"), Label(l, "col.on_time"), Label(l, "col.completeness"),
             Label(l, "col.timeliness")},
            {10, 12, 40, 10, 10, 10, 12, 12});
    for (const RoundInstitution& i : r.institutions) {
        s.Row().Text(r.period).DateText(r.due_on).Text(i.name).Number(i.counts.expected).Number(i.counts.received)
            .Number(i.counts.on_time).Percent(i.counts.Completeness()).Percent(i.counts.Timeliness());
    }
    const RoundCounts total = r.Counts();
    s.Row().Text(r.period).DateText(r.due_on).Text(Label(l, "col.total")).Number(total.expected)
        .Number(total.received).Number(total.on_time).Percent(total.Completeness()).Percent(total.Timeliness());
}

void Institutions(lxw_workbook* book, const Formats& f, const ReportModel& m) {
    const std::string& l = m.language;
    std::vector<std::string> header{Label(l, "col.institution"), Label(l, "col.acronym"), Label(l, "col.led"),
                                    Label(l, "col.partnered"), Label(l, "col.expected"), Label(l, "col.received"),
                                    Label(l, "col.on_time"), Label(l, "col.completeness"), Label(l, "col.timeliness"),
                                    Label(l, "col.approved")};
    for (domain::ActivityStatus st : StatusOrder()) header.push_back(StatusLabel(l, st));
    Sheet s(book, "Institutions", f, header, {40, 10, 10, 10, 10, 10, 10, 12, 12, 10});
    for (const InstitutionSummary& i : m.institutions) {
        s.Row().Text(i.name).Text(i.acronym).Number(static_cast<double>(i.led.size()))
            .Number(static_cast<double>(i.partnered.size())).Number(i.expected).Number(i.received).Number(i.on_time)
            .Percent(i.Completeness()).Percent(i.Timeliness()).Number(i.approved_reports);
        for (domain::ActivityStatus st : StatusOrder()) s.Number(i.lead_counts.Of(st));
    }
}

}  // namespace

StatusOr<std::string> WriteXlsx(const ReportModel& model, const WriteOptions& options) {
    if (options.document != DocumentKind::kEvaluation) {
        return InvalidArgument("xlsx writes the evaluation data of a plan; use html, pdf or docx for this document");
    }
    TempDir dir;
    if (dir.path().empty()) return Unavailable("cannot create a temporary directory for the XLSX writer");
    std::string path = dir.path() + "/report.xlsx";
    lxw_workbook_options book_options{.constant_memory = LXW_FALSE, .tmpdir = const_cast<char*>(dir.path().c_str())};
    lxw_workbook* book = workbook_new_opt(path.c_str(), &book_options);
    if (!book) return Unavailable("cannot create " + path);
    Formats f;
    f.header = workbook_add_format(book);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xDFE1E2);
    format_set_text_wrap(f.header);
    f.wrap = workbook_add_format(book);
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.date = workbook_add_format(book);
    format_set_num_format(f.date, "yyyy-mm-dd");
    f.percent = workbook_add_format(book);
    format_set_num_format(f.percent, "0%");
    lxw_doc_properties properties{};
    std::string title = model.plan.title;
    properties.title = const_cast<char*>(title.c_str());
    properties.author = const_cast<char*>("planwatch");
    workbook_set_properties(book, &properties);

    Summary(book, f, model);
    Activities(book, f, model);
    Indicators(book, f, model);
    Reports(book, f, model);
    Institutions(book, f, model);
    Round(book, f, model);
    lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR) return Unavailable(std::string("xlsx: ") + lxw_strerror(error));
    return ReadFile(path);
}

}  // namespace planwatch::reports::xlsx
