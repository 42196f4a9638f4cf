#include "import/ooxml/xml_part.h"

#include <cstring>

#include <fmt/format.h>

namespace planwatch::import::ooxml {
namespace {

// Index just past `terminator` at or after pos, or npos.
size_t SkipPast(std::string_view xml, size_t pos, std::string_view terminator) {
    size_t found = xml.find(terminator, pos);
    return found == std::string_view::npos ? found : found + terminator.size();
}

// Index just past the '>' closing a tag that starts at pos, honouring quoted attribute values.
size_t SkipTag(std::string_view xml, size_t pos, bool* self_closing) {
    char quote = 0;
    for (size_t i = pos; i < xml.size(); ++i) {
        char c = xml[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            *self_closing = i > pos && xml[i - 1] == '/';
            return i + 1;
        }
    }
    return std::string_view::npos;
}

}  // namespace

int XmlDepth(std::string_view xml, int limit) {
    int depth = 0;
    int deepest = 0;
    size_t pos = 0;
    while (pos < xml.size()) {
        size_t lt = xml.find('<', pos);
        if (lt == std::string_view::npos || lt + 1 >= xml.size()) break;
        std::string_view rest = xml.substr(lt);
        if (rest.starts_with("<!--")) {
            pos = SkipPast(xml, lt + 4, "-->");
        } else if (rest.starts_with("<![CDATA[")) {
            pos = SkipPast(xml, lt + 9, "]]>");
        } else if (rest[1] == '?' || rest[1] == '!') {
            pos = SkipPast(xml, lt + 2, ">");
        } else if (rest[1] == '/') {
            if (depth > 0) --depth;
            pos = SkipPast(xml, lt + 2, ">");
        } else {
            bool self_closing = false;
            pos = SkipTag(xml, lt + 1, &self_closing);
            if (!self_closing && ++depth > deepest) {
                deepest = depth;
                if (deepest > limit) return deepest;
            }
        }
    }
    return deepest;
}

Status ParseXmlPart(std::string_view xml, const std::string& part, pugi::xml_document* doc) {
    int depth = XmlDepth(xml);
    if (depth > kMaxXmlDepth) {
        return InvalidArgument(
            fmt::format("{}: elements are nested more than {} deep; refused as hostile XML", part, kMaxXmlDepth));
    }
    // parse_default has no parse_doctype: a DTD is skipped, never expanded.
    pugi::xml_parse_result result = doc->load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result) {
        return InvalidArgument(
            fmt::format("{}: not well-formed XML at byte {}: {}", part, result.offset, result.description()));
    }
    return Status::Ok();
}

}  // namespace planwatch::import::ooxml
