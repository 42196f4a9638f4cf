#include "reports/docx/docx_parts.h"

#include "reports/html/charts.h"

namespace planwatch::reports::docx {
namespace {

constexpr char kHeader[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr char kW[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string HeadingStyle(int level, int size_half_points, const char* color) {
    std::string n = std::to_string(level);
    return "<w:style w:type=\"paragraph\" w:styleId=\"Heading" + n + "\"><w:name w:val=\"heading " + n +
           "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
           "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"" + std::to_string(level == 1 ? 240 : 200) +
           "\" w:after=\"80\"/><w:outlineLvl w:val=\"" + std::to_string(level - 1) +
           "\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"" + color + "\"/><w:sz w:val=\"" +
           std::to_string(size_half_points) + "\"/><w:szCs w:val=\"" + std::to_string(size_half_points) +
           "\"/></w:rPr></w:style>";
}

}  // namespace

std::string ContentTypes() {
    return std::string(kHeader) +
           "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
           "<Default Extension=\"png\" ContentType=\"image/png\"/>"
           "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
           "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
           "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
           "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
           "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
           "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
           "</Types>";
}

std::string PackageRels() {
    return std::string(kHeader) +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
           "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
           "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
           "</Relationships>";
}

std::string Styles() {
    return std::string(kHeader) + "<w:styles xmlns:w=\"" + kW + "\">" +
           "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" "
           "w:cs=\"Arial\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/><w:lang w:val=\"ro-RO\"/></w:rPr></w:rPrDefault>"
           "<w:pPrDefault><w:pPr><w:spacing w:after=\"80\" w:line=\"259\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
           "</w:docDefaults>"
           "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
           "<w:qFormat/><w:rPr><w:b/><w:sz w:val=\"34\"/></w:rPr></w:style>" +
           HeadingStyle(1, 34, "1B1B1B") + HeadingStyle(2, 28, "1A4480") + HeadingStyle(3, 24, "1B1B1B") +
           HeadingStyle(4, 21, "1A4480") +
           "<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/>"
           "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"40\"/></w:pPr>"
           "<w:rPr><w:b/><w:sz w:val=\"17\"/></w:rPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Kicker\"><w:name w:val=\"Kicker\"/><w:basedOn w:val=\"Normal\"/>"
           "<w:rPr><w:caps/><w:color w:val=\"454545\"/><w:sz w:val=\"17\"/></w:rPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/>"
           "<w:rPr><w:i/><w:color w:val=\"454545\"/></w:rPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>"
           "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"16\"/>"
           "<w:szCs w:val=\"16\"/></w:rPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
           "<w:pPr><w:jc w:val=\"right\"/></w:pPr><w:rPr><w:sz w:val=\"16\"/></w:rPr></w:style>"
           "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
           "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
           "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
           "</w:tblCellMar></w:tblPr></w:style>"
           "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
           "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A9AEB1\"/>"
           "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A9AEB1\"/>"
           "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A9AEB1\"/>"
           "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A9AEB1\"/>"
           "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A9AEB1\"/>"
           "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A9AEB1\"/></w:tblBorders></w:tblPr></w:style>"
           "</w:styles>";
}

std::string Settings() {
    return std::string(kHeader) + "<w:settings xmlns:w=\"" + kW +
           "\"><w:updateFields w:val=\"false\"/><w:defaultTabStop w:val=\"708\"/>"
           "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
           "w:val=\"15\"/></w:compat></w:settings>";
}

std::string Footer(const std::string& before, const std::string& between) {
    auto run = [](const std::string& text) {
        return "<w:r><w:t xml:space=\"preserve\">" + html::EscapeXml(text) + "</w:t></w:r>";
    };
    auto field = [](const char* name) {
        return std::string("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> ") +
               name + " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
               "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    };
    return std::string(kHeader) + "<w:ftr xmlns:w=\"" + kW + "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>" +
           run(before) + field("PAGE") + run(between) + field("NUMPAGES") + "</w:p></w:ftr>";
}

std::string CoreProperties(const std::string& title, const std::string& language) {
    return std::string(kHeader) +
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
           "<dc:title>" + html::EscapeXml(title) + "</dc:title><dc:creator>planwatch</dc:creator>"
           "<dc:language>" + html::EscapeXml(language) + "</dc:language></cp:coreProperties>";
}

std::string AppProperties() {
    return std::string(kHeader) +
           "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
           "<Application>planwatch</Application></Properties>";
}

}  // namespace planwatch::reports::docx
