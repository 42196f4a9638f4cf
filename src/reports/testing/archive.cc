#include "reports/testing/archive.h"

#include <zip.h>

#include <pugixml.hpp>

#include <cctype>
#include <cstdlib>

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
