// Paragraph text: runs in document order, bold pieces, numbering and headings.
#include <fmt/format.h>

#include <string_view>

#include "common/text.h"
#include "import/docx/docx_body.h"
#include "import/docx/docx_reader.h"

namespace planwatch::import::docx {
namespace {

struct RunCollector {
    std::string text;
    std::vector<std::string> bold_runs;
    std::string open_bold;  // the bold piece being built
    bool any_plain = false;  // some non-space text was not bold
    bool any_text = false;

    static bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\n") == std::string_view::npos; }

    void Append(std::string_view piece, bool bold) {
        text += piece;
        if (IsBlank(piece)) {
            if (!open_bold.empty()) open_bold += piece;
            return;
        }
        any_text = true;
        if (bold) {
            open_bold += piece;
        } else {
            any_plain = true;
            CloseBold();
        }
    }
    void CloseBold() {
        std::string piece = text::Normalize(open_bold);
        if (!piece.empty()) bold_runs.push_back(std::move(piece));
        open_bold.clear();
    }
};

bool IsSkipped(std::string_view name) {
    // Deleted text, the fallback copy of alternate content, drawings and text
    // boxes (their paragraphs are not part of this paragraph), field codes.
    return name == "w:pPr" || name == "w:rPr" || name == "w:del" || name == "w:moveFrom" || name == "mc:Fallback" ||
           name == "w:drawing" || name == "w:pict" || name == "w:object" || name == "w:instrText";
}

bool IsHidden(const pugi::xml_node& run_properties) {
    pugi::xml_node vanish = run_properties.child("w:vanish");
    if (!vanish) return false;
    std::string_view v = vanish.attribute("w:val").as_string("1");
    return !(v == "0" || v == "false" || v == "off");
}

}  // namespace

StatusOr<ParagraphContent> BodyReader::ReadParagraph(const pugi::xml_node& paragraph) {
    ParagraphContent content;
    content.line = ++paragraph_count_;
    pugi::xml_node properties = paragraph.child("w:pPr");
    StyleInfo style = styles_.Resolve(properties.child("w:pStyle").attribute("w:val").as_string());
    bool paragraph_bold = style.bold.value_or(styles_.DefaultBold());

    RunCollector collector;
    // Iterative walk: a paragraph's inline content nests (hyperlink > ins > r) but
    // never deeply; the XML depth pre-scan bounds it anyway.
    std::vector<pugi::xml_node> stack;
    for (pugi::xml_node child = paragraph.last_child(); child; child = child.previous_sibling()) stack.push_back(child);
    while (!stack.empty()) {
        pugi::xml_node node = stack.back();
        stack.pop_back();
        std::string_view name = node.name();
        if (IsSkipped(name)) continue;
        if (name != "w:r") {
            for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling()) {
                stack.push_back(child);
            }
            continue;
        }
        pugi::xml_node run_properties = node.child("w:rPr");
        if (IsHidden(run_properties)) continue;
        std::optional<bool> bold = BoldOf(run_properties);
        if (!bold) bold = styles_.Resolve(run_properties.child("w:rStyle").attribute("w:val").as_string()).bold;
        bool run_bold = bold.value_or(paragraph_bold);
        for (pugi::xml_node part : node.children()) {
            std::string_view part_name = part.name();
            if (part_name == "w:t") {
                collector.Append(part.text().get(), run_bold);
            } else if (part_name == "w:tab" || part_name == "w:ptab") {
                collector.Append("\t", run_bold);
            } else if (part_name == "w:br" || part_name == "w:cr") {
                collector.Append("\n", run_bold);
            } else if (part_name == "w:noBreakHyphen") {
                collector.Append("-", run_bold);
            }
        }
        if (collector.text.size() > kMaxDocxCellBytes) {
            return Status(StatusCode::kTooLarge,
                          fmt::format("paragraph {} holds more than {} bytes of text", content.line, kMaxDocxCellBytes),
                          SourcePosition{.line = content.line});
        }
    }
    collector.CloseBold();
    content.text = text::Normalize(collector.text, /*keep_newlines=*/true);
    content.bold_runs = std::move(collector.bold_runs);
    content.all_bold = collector.any_text && !collector.any_plain;

    std::optional<NumberingRef> numbering = NumberingOf(properties);
    if (!numbering) numbering = style.numbering;
    if (numbering && numbering->num_id != "0") {
        std::string label = numbering_.Next(*numbering);
        if (!label.empty() && !content.text.empty()) content.text = label + " " + content.text;
    }
    pugi::xml_node outline = properties.child("w:outlineLvl");
    int outline_level = outline ? outline.attribute("w:val").as_int(9) + 1 : 0;
    content.heading_level = outline_level >= 1 && outline_level <= 9 ? outline_level : style.heading_level;
    return content;
}

}  // namespace planwatch::import::docx
