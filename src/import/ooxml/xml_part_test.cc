#include "import/ooxml/xml_part.h"

#include <gtest/gtest.h>

namespace planwatch::import::ooxml {
namespace {

TEST(XmlDepth, CountsNestedElementsNotSelfClosingOnes) {
    EXPECT_EQ(XmlDepth("<a><b><c/></b><b x='>'>t</b></a>"), 2);
    EXPECT_EQ(XmlDepth("<?xml version='1.0'?><!-- <x><y> --><a><![CDATA[<q><r>]]></a>"), 1);
    EXPECT_EQ(XmlDepth(""), 0);
}

TEST(ParseXmlPart, RefusesDeeplyNestedXmlWithoutRecursing) {
    std::string xml;
    for (int i = 0; i < 100000; ++i) xml += "<w:p>";
    pugi::xml_document doc;
    Status status = ParseXmlPart(xml, "word/document.xml", &doc);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(status.message(), "word/document.xml: elements are nested more than 256 deep; refused as hostile XML");
}

TEST(ParseXmlPart, NamesThePartAndOffsetOfMalformedXml) {
    pugi::xml_document doc;
    Status status = ParseXmlPart("<a><b></a>", "xl/workbook.xml", &doc);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(status.message().starts_with("xl/workbook.xml: not well-formed XML at byte ")) << status;
}

TEST(ParseXmlPart, DoesNotExpandEntitiesFromADtd) {
    pugi::xml_document doc;
    std::string xml = "<!DOCTYPE a [<!ENTITY e \"boom\">]><a>&e;</a>";
    Status status = ParseXmlPart(xml, "x.xml", &doc);
    ASSERT_TRUE(status.ok()) << status;
    EXPECT_EQ(std::string(doc.child("a").text().get()).find("boom"), std::string::npos);
}

}  // namespace
}  // namespace planwatch::import::ooxml
