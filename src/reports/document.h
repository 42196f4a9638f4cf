#pragma once
// A report as a sequence of blocks (headings, paragraphs, tables, charts),
// independent of the output format. The builders decide what a report says;
// html/ and docx/ only decide how it looks, so every format carries the same
// text and numbers. Pure.
#include <string>
#include <vector>

#include "common/status.h"
#include "reports/chart.h"
#include "reports/report_model.h"

namespace planwatch::reports {

struct Cell {
    std::string text;        // may hold '\n' between lines
    bool row_header = false; // the cell names its row (<th scope="row">)
    bool number = false;     // right-aligned
    std::string style;       // a status name ("overdue") colours the cell; empty for none
};

struct Table {
    std::string id;
    std::string caption;
    std::vector<std::string> header;
    std::vector<std::vector<Cell>> rows;
    bool total_last = false;  // the last row is a TOTAL row, set in bold
    std::vector<int> widths;  // relative column widths; empty: equal
    // A count table with many narrow columns: PDF and DOCX set the labels of its
    // number columns (NumberColumn) vertically, so the names column keeps its width.
    bool vertical_header = false;
};

// Whether every non-empty cell of column c is a number (and one is).
bool NumberColumn(const Table& table, size_t c);

struct Block {
    enum class Kind { kHeading, kParagraph, kTable, kChart };
    Kind kind = Kind::kParagraph;
    int level = 0;        // headings: 1..4
    std::string text;     // heading or paragraph text
    std::string anchor;   // headings: id for links
    std::string style;    // paragraphs: "meta", "node", "note"
    Table table;
    Chart chart;
};

struct Document {
    std::string language;
    std::string title;      // the document's own title (HTML <title>, DOCX core properties)
    bool landscape = false; // wide tables (the social-services plan)
    std::vector<Block> blocks;
};

// The evaluation report of the plan: summary, counts, completeness, indicator
// achievement, overdue and at-risk activities, timeline, then every activity.
Document BuildEvaluationDocument(const ReportModel& model);

// What one institution (canonical name) leads and partners on and what it reported.
// kNotFound when the plan does not name it.
StatusOr<Document> BuildInstitutionDocument(const ReportModel& model, const std::string& institution);

// The annual social-services plan (model of Ordin MMJS 1086/2018) from plan.services:
// existing services with a TOTAL row, proposed services, contracting programme,
// information activities, training programme.
Document BuildServicesPlanDocument(const ReportModel& model);

// Helpers the builders share.
Block Heading(int level, std::string text, std::string anchor = "");
Block Paragraph(std::string text, std::string style = "");
Block TableBlock(Table table);

}  // namespace planwatch::reports

#include "reports/write_options.h"

namespace planwatch::reports {

// The document options.document asks for: kNotFound for an unknown institution.
StatusOr<Document> BuildDocument(const ReportModel& model, const WriteOptions& options);

}  // namespace planwatch::reports
