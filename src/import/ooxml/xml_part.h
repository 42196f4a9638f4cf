#pragma once
// Parses one XML part of an OOXML package with pugixml, after checking the
// nesting depth: pugixml recurses per element, so a part nested a million deep
// would overflow the stack. DTDs are not processed (no entity expansion).
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "common/status.h"

namespace planwatch::import::ooxml {

constexpr int kMaxXmlDepth = 256;  // real documents stay under ~30

// The deepest element nesting in xml, counted without building a tree; stops
// counting at limit + 1. Tolerates malformed XML (the parser reports that).
int XmlDepth(std::string_view xml, int limit = kMaxXmlDepth);

// Parses xml into *doc (which must outlive every node used). kInvalidArgument
// naming the part when it nests deeper than kMaxXmlDepth or is not well-formed
// ("word/document.xml: not well-formed XML at byte 120: …").
Status ParseXmlPart(std::string_view xml, const std::string& part, pugi::xml_document* doc);

}  // namespace planwatch::import::ooxml
