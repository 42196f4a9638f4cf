#include "reports/testing/archive.h"

#include <zip.h>

#include <pugixml.hpp>

#include <poppler-document.h>
#include <poppler-toc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <regex>

#include "reports/pdf/subprocess.h"
#include "reports/scratch.h"

namespace planwatch::reports::testing {

StatusOr<std::map<std::string, std::string>> Unzip(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    if (!archive) {
        if (source) zip_source_free(source);
        return InvalidArgument(std::string("not a zip: ") + zip_error_strerror(&error));
    }
    std::map<std::string, std::string> out;
    zip_int64_t n = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_index(archive, i, 0, &st);
        zip_file_t* file = zip_fopen_index(archive, i, 0);
        std::string data(st.size, '\0');
        zip_int64_t got = file ? zip_fread(file, data.data(), st.size) : -1;
        if (file) zip_fclose(file);
        if (got != static_cast<zip_int64_t>(st.size)) {
            zip_close(archive);
            return InvalidArgument(std::string("cannot read ") + st.name);
        }
        out[st.name] = std::move(data);
    }
    zip_close(archive);
    return out;
}

void MaybeDump(const std::string& name, const std::string& bytes) {
    const char* dir = std::getenv("PLANWATCH_REPORT_DUMP");
    if (dir && *dir) (void)WriteFile(std::string(dir) + "/" + name, bytes);
}

std::string Squeeze(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

StatusOr<std::string> RunTool(const std::string& command, const std::string& input_name, const std::string& input) {
    TempDir dir;
    if (dir.path().empty()) return Unavailable("no temp dir");
    PW_RETURN_IF_ERROR(WriteFile(dir.path() + "/" + input_name, input));
    PW_ASSIGN_OR_RETURN(pdf::ProcessResult run,
                        pdf::RunProcess({"/bin/sh", "-c", "cd '" + dir.path() + "' && " + command}, dir.path(), 300));
    if (run.exit_code != 0) return Unavailable(command + " failed: " + run.output);
    return run.output;
}

StatusOr<std::vector<std::vector<std::string>>> XlsxSheetRows(const std::map<std::string, std::string>& parts,
                                                               int sheet) {
    std::vector<std::string> shared;
    pugi::xml_document strings;
    auto found = parts.find("xl/sharedStrings.xml");
    if (found != parts.end() && strings.load_string(found->second.c_str())) {
        for (pugi::xml_node si : strings.child("sst").children("si")) {
            std::string text;
            for (pugi::xpath_node t : si.select_nodes(".//t")) text += t.node().text().get();
            shared.push_back(text);
        }
    }
    pugi::xml_document xml;
    found = parts.find("xl/worksheets/sheet" + std::to_string(sheet) + ".xml");
    if (found == parts.end() || !xml.load_string(found->second.c_str())) {
        return InvalidArgument("the workbook has no sheet " + std::to_string(sheet));
    }
    std::vector<std::vector<std::string>> rows;
    for (pugi::xml_node row : xml.child("worksheet").child("sheetData").children("row")) {
        std::vector<std::string> cells;
        for (pugi::xml_node c : row.children("c")) {
            const std::string type = c.attribute("t").value();
            std::string value = c.child("v").text().get();
            if (type == "s") {
                size_t index = std::stoul(value);
                value = index < shared.size() ? shared[index] : "";
            }
            if (type == "inlineStr") value = c.child("is").child("t").text().get();
            cells.push_back(value);
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

StatusOr<std::string> PdfText(const std::string& pdf) {
    PW_ASSIGN_OR_RETURN(std::string text, RunTool("pdftotext -raw -enc UTF-8 in.pdf - 2>/dev/null", "in.pdf", pdf));
    return Squeeze(text);
}

namespace {

void CollectBookmarks(const poppler::toc_item* item, int depth, std::vector<PdfBookmark>& out) {
    for (const poppler::toc_item* child : item->children()) {
        poppler::byte_array utf8 = child->title().to_utf8();
        out.push_back({depth, std::string(utf8.begin(), utf8.end())});
        CollectBookmarks(child, depth + 1, out);
    }
}

// A binary PGM (P5, maxval 255) as pdftoppm -gray writes it.
StatusOr<PageInk> MeasurePgm(const std::string& bytes, int dpi, double bottom_margin_pt) {
    std::smatch header;
    if (!std::regex_search(bytes.begin(), bytes.begin() + std::min<size_t>(bytes.size(), 64), header,
                           std::regex("^P5\\s+(\\d+)\\s+(\\d+)\\s+255\\s"))) {
        return InvalidArgument("not a binary PGM with maxval 255");
    }
    PageInk page{.width = std::stoi(header[1]), .height = std::stoi(header[2])};
    const size_t start = header.length(0);
    if (bytes.size() < start + static_cast<size_t>(page.width) * page.height) return InvalidArgument("short PGM");
    const int body_end = page.height - static_cast<int>(bottom_margin_pt * dpi / 72.0);
    int lowest = -1;
    for (int y = 0; y < page.height; ++y) {
        const unsigned char* row = reinterpret_cast<const unsigned char*>(bytes.data() + start) +
                                   static_cast<size_t>(y) * page.width;
        long dark = std::count_if(row, row + page.width, [](unsigned char v) { return v < 240; });
        page.ink += dark;
        if (y < body_end && dark > 0) {
            page.body_ink += dark;
            lowest = y;
        }
    }
    page.body_bottom = lowest < 0 ? 0 : static_cast<double>(lowest + 1) / page.height;
    return page;
}

}  // namespace

StatusOr<std::vector<PdfBookmark>> PdfOutline(const std::string& pdf) {
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    if (!doc) return InvalidArgument("poppler cannot read the PDF");
    std::unique_ptr<poppler::toc> toc(doc->create_toc());
    std::vector<PdfBookmark> out;
    if (toc) CollectBookmarks(toc->root(), 0, out);
    return out;
}

StatusOr<RenderedPages> RenderPages(const std::string& pdf, int dpi, double bottom_margin_pt,
                                    const std::string& png_prefix) {
    TempDir dir;
    if (dir.path().empty()) return Unavailable("no temp dir");
    PW_RETURN_IF_ERROR(WriteFile(dir.path() + "/in.pdf", pdf));
    RenderedPages out;
    PW_ASSIGN_OR_RETURN(std::string info, RunTool("pdfinfo in.pdf", "in.pdf", pdf));
    std::smatch pages;
    if (!std::regex_search(info, pages, std::regex("Pages:\\s+(\\d+)"))) return Unavailable("pdfinfo: no page count");
    out.pages = std::stoi(pages[1]);
    const std::string r = std::to_string(dpi);
    PW_ASSIGN_OR_RETURN(pdf::ProcessResult gray,
                        pdf::RunProcess({"pdftoppm", "-r", r, "-gray", dir.path() + "/in.pdf", dir.path() + "/page"},
                                        dir.path(), 300));
    if (gray.exit_code != 0) return Unavailable("pdftoppm -gray failed: " + gray.output);
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        if (entry.path().extension() == ".pgm") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());  // page-01.pgm, page-02.pgm, …: pdftoppm pads to one width
    for (const std::string& file : files) {
        PW_ASSIGN_OR_RETURN(std::string bytes, ReadFile(file));
        StatusOr<PageInk> page = MeasurePgm(bytes, dpi, bottom_margin_pt);
        if (!page.ok()) return InvalidArgument(file + ": " + page.status().message());
        out.images.push_back(*page);
    }
    if (!png_prefix.empty()) {
        PW_ASSIGN_OR_RETURN(pdf::ProcessResult png,
                            pdf::RunProcess({"pdftoppm", "-r", r, "-png", dir.path() + "/in.pdf", png_prefix},
                                            dir.path(), 300));
        if (png.exit_code != 0) return Unavailable("pdftoppm -png failed: " + png.output);
    }
    return out;
}

StatusOr<std::string> DocxToPdf(const std::string& docx) {
    TempDir dir;
    if (dir.path().empty()) return Unavailable("no temp dir");
    PW_RETURN_IF_ERROR(WriteFile(dir.path() + "/report.docx", docx));
    PW_ASSIGN_OR_RETURN(pdf::ProcessResult run,
                        pdf::RunProcess({"soffice", "-env:UserInstallation=file://" + dir.path() + "/profile",
                                         "--headless", "--convert-to", "pdf", "--outdir", dir.path(),
                                         dir.path() + "/report.docx"},
                                        dir.path(), 300));
    if (run.exit_code != 0) return Unavailable("soffice failed: " + run.output);
    return ReadFile(dir.path() + "/report.pdf");
}

}  // namespace planwatch::reports::testing
