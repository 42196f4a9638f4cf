#pragma once
// Test helpers: read a ZIP package (DOCX, XLSX) back, turn a PDF or a DOCX into
// text with the tools a reader would use (pdftotext, LibreOffice headless).
#include <map>
#include <string>
#include <vector>

#include "common/status.h"

namespace planwatch::reports::testing {

// Every entry of the archive by name.
StatusOr<std::map<std::string, std::string>> Unzip(const std::string& bytes);

// The cells of worksheet number `sheet` (1-based) of an unzipped XLSX, row by
// row, shared and inline strings resolved. kInvalidArgument when there is no such sheet.
StatusOr<std::vector<std::vector<std::string>>> XlsxSheetRows(const std::map<std::string, std::string>& parts,
                                                               int sheet);

// pdftotext of the PDF bytes, every run of whitespace made one space.
StatusOr<std::string> PdfText(const std::string& pdf);

// One entry of a PDF's outline (bookmarks) as poppler reads it; depth 0 is the top level.
struct PdfBookmark {
    int depth = 0;
    std::string title;
};

// The outline of the PDF in document order (depth first).
StatusOr<std::vector<PdfBookmark>> PdfOutline(const std::string& pdf);

// One page of a PDF as pdftoppm renders it in grey: how many pixels are not white
// (darker than 240 of 255), how many of those lie above the bottom margin of
// bottom_margin_pt (where the footer is), and how far down the page the lowest of
// those lies (0 top .. 1 bottom).
struct PageInk {
    int width = 0;
    int height = 0;
    long ink = 0;
    long body_ink = 0;
    double body_bottom = 0;
};

// Renders every page at dpi with `pdftoppm -gray` and measures its ink; when
// png_prefix is not empty it also writes the pages as PNG (`pdftoppm -png`,
// png_prefix-1.png, -2.png, … zero-padded as pdftoppm pads them). pages is what
// pdfinfo counts.
struct RenderedPages {
    int pages = 0;  // pdfinfo's "Pages:"
    std::vector<PageInk> images;
};
StatusOr<RenderedPages> RenderPages(const std::string& pdf, int dpi, double bottom_margin_pt,
                                    const std::string& png_prefix = "");

// LibreOffice headless converts the DOCX to PDF (a private profile per call);
// returns the PDF bytes.
StatusOr<std::string> DocxToPdf(const std::string& docx);

// Runs a shell command line in a scratch directory after writing `input` to
// file `input_name` there; returns the command's output.
StatusOr<std::string> RunTool(const std::string& command, const std::string& input_name, const std::string& input);

// Writes bytes to $PLANWATCH_REPORT_DUMP/name when that variable names a
// directory, so a person can open what the tests wrote; does nothing otherwise.
void MaybeDump(const std::string& name, const std::string& bytes);

// Whitespace runs -> one space.
std::string Squeeze(const std::string& text);

}  // namespace planwatch::reports::testing
