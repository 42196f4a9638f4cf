#include "import/docx/docx_reader.h"

#include <fmt/format.h>

#include "import/docx/docx_body.h"
#include "import/ooxml/xml_part.h"
#include "import/ooxml/zip_archive.h"

namespace planwatch::import {
namespace {

constexpr char kDocumentPart[] = "word/document.xml";

// An optional part (styles, numbering): absent is fine, present must parse.
Status ReadOptionalPart(ooxml::ZipArchive& zip, const std::string& name, pugi::xml_document* doc) {
    if (!zip.Has(name)) return Status::Ok();
    PW_ASSIGN_OR_RETURN(std::string xml, zip.Read(name));
    return ooxml::ParseXmlPart(xml, name, doc);
}

}  // namespace

StatusOr<Document> ReadDocx(std::string_view bytes) {
    PW_ASSIGN_OR_RETURN(std::unique_ptr<ooxml::ZipArchive> zip, ooxml::ZipArchive::Open(bytes, "DOCX"));
    if (!zip->Has(kDocumentPart)) {
        return InvalidArgument(fmt::format("not a DOCX file: the ZIP package has no {} (is it another Office format?)",
                                           kDocumentPart));
    }
    PW_ASSIGN_OR_RETURN(std::string document_xml, zip->Read(kDocumentPart));
    pugi::xml_document document;
    PW_RETURN_IF_ERROR(ooxml::ParseXmlPart(document_xml, kDocumentPart, &document));
    pugi::xml_node body = document.child("w:document").child("w:body");
    if (!body) {
        return InvalidArgument(fmt::format("{}: no <w:document><w:body> element (not a WordprocessingML document)",
                                           kDocumentPart));
    }
    pugi::xml_document styles_xml;
    PW_RETURN_IF_ERROR(ReadOptionalPart(*zip, "word/styles.xml", &styles_xml));
    pugi::xml_document numbering_xml;
    PW_RETURN_IF_ERROR(ReadOptionalPart(*zip, "word/numbering.xml", &numbering_xml));

    docx::BodyReader reader(docx::Styles::Load(styles_xml.child("w:styles")),
                            docx::Numbering::Load(numbering_xml.child("w:numbering")));
    Document doc;
    doc.format = "docx";
    PW_RETURN_IF_ERROR(reader.ReadBlocks(body, &doc.blocks));
    return doc;
}

}  // namespace planwatch::import
