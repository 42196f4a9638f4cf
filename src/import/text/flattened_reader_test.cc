#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "import/text/text_reader.h"

namespace planwatch::import::text {
namespace {

std::string ReadSample(const std::string& name) {
    std::ifstream in(std::string(PLANWATCH_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::vector<const Paragraph*> Paragraphs(const Document& doc) {
    std::vector<const Paragraph*> paragraphs;
    for (const Block& block : doc.blocks) {
        if (block.kind == Block::Kind::kParagraph) paragraphs.push_back(&block.paragraph);
    }
    return paragraphs;
}

const Paragraph* Find(const Document& doc, std::string_view text) {
    for (const Paragraph* paragraph : Paragraphs(doc)) {
        if (paragraph->text == text) return paragraph;
    }
    return nullptr;
}

TEST(FlattenedReader, ReadsSeed003HeadersAsOneRowTables) {
    const std::string text = ReadSample("003_ecb680f06898adfc.txt");
    EXPECT_FALSE(LooksTabLed(text));
    StatusOr<Document> doc = ReadText(text);
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->layout, "flattened");
    int headers = 0, objectives = 0;
    for (const Block& block : doc->blocks) {
        if (block.kind == Block::Kind::kTable) {
            ++headers;
            ASSERT_EQ(block.table.rows.size(), 1u);
            const std::vector<Cell>& cells = block.table.rows[0].cells;
            EXPECT_EQ(cells[0].text, "Obiective specifice");
            EXPECT_EQ(cells[3].text, "Responsabili");
            if (cells.size() == 5) EXPECT_EQ(cells[4].text, "Termen de realizare");
            continue;
        }
        objectives += block.paragraph.text.starts_with("OBIECTIV GENERAL") ? 1 : 0;
        // No header text and no wrapped header tail is left in any paragraph.
        EXPECT_EQ(block.paragraph.text.find("Acțiuni prioritare"), std::string::npos) << block.paragraph.text;
        EXPECT_NE(block.paragraph.text, "realizare") << block.paragraph.where.line;
    }
    EXPECT_EQ(headers, 17);
    EXPECT_EQ(objectives, 17);
    ASSERT_EQ(doc->notes.size(), 15u);  // header repeated: 14 of one form, 1 of the other
    EXPECT_EQ(doc->notes[0].where.line, 209);
    EXPECT_EQ(doc->notes[0].message, "table header repeated: read as the header of the next part of the table");
}

TEST(FlattenedReader, SplitsChunksAtBlankLinesColumnGapsAndPageStarts) {
    StatusOr<Document> doc = ReadFlattenedText(ReadSample("003_ecb680f06898adfc.txt"));
    ASSERT_TRUE(doc.ok());
    const Paragraph* objective = Find(*doc, "1.Crearea unui sistem de\nînregistrare a datelor\nprivind nevoile și "
                                            "situațiile\ncare impun furnizarea de\nservicii sociale");
    ASSERT_NE(objective, nullptr);
    EXPECT_EQ(objective->where.line, 13);
    // "1 raport anual  Serviciul public de" shares a line across two columns.
    const Paragraph* indicator = Find(*doc, "1 raport anual");
    ASSERT_NE(indicator, nullptr);
    EXPECT_EQ(indicator->where.line, 114);
    // A page starts at " Desemnarea persoanelor" right under the deadline "Decembrie 2017".
    const Paragraph* activity = Find(*doc, "Desemnarea persoanelor\nresponsabile cu această\nactivitate, la nivelul "
                                           "fiecărui\nserviciu/la nivelul\nserviciului public de\nasistență socială");
    ASSERT_NE(activity, nullptr);
    EXPECT_EQ(activity->where.line, 89);
    EXPECT_NE(Find(*doc, "Anual"), nullptr);
    // The title keeps its typed double space: no table has started yet.
    EXPECT_NE(Find(*doc, "Plan operațional pentru implementarea Strategiei de Dezvoltare a Serviciilor Sociale\n"
                         "la nivelul municipiului Timișoara 2017 – 2022"),
              nullptr);
}

TEST(FlattenedReader, DropsPageNumbersAndRunningHeadersBetweenFormFeeds) {
    std::string text;
    for (int page = 1; page <= 4; ++page) {
        if (page > 1) text += "\f";
        text += "Plan de acțiune 2021 – Consiliul Județean\n\n";
        for (int line = 0; line < 6; ++line) text += "Activitatea " + std::to_string(page * 10 + line) + "\n\n";
        text += "Pagina " + std::to_string(page) + " din 4\n";
    }
    StatusOr<Document> doc = ReadFlattenedText(text);
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc->notes.size(), 8u);
    EXPECT_EQ(doc->notes[0].message, "running header or footer dropped: “Plan de acțiune 2021 – Consiliul Județean”");
    EXPECT_EQ(doc->notes[1].message, "page number dropped: “Pagina 1 din 4”");
    EXPECT_EQ(doc->notes[1].where.page, 1);
    EXPECT_EQ(doc->notes[1].where.line, 15);
    EXPECT_EQ(Paragraphs(*doc).size(), 24u);
    EXPECT_EQ(Paragraphs(*doc)[6]->where.page, 2);
}

TEST(FlattenedReader, DropsBarePageNumbersOnlyWhenTheyCountPages) {
    std::string text;
    for (int page = 1; page <= 3; ++page) {
        for (int line = 0; line < 20; ++line) text += "Rând " + std::to_string(page * 100 + line) + "\n";
        text += "\n" + std::to_string(page) + "\n\n";
    }
    text += "2018\n\n2018\n";  // deadlines, not page numbers
    StatusOr<Document> doc = ReadFlattenedText(text);
    ASSERT_TRUE(doc.ok());
    ASSERT_EQ(doc->notes.size(), 3u);
    EXPECT_EQ(doc->notes[2].message, "page number dropped: “3”");
    EXPECT_NE(Find(*doc, "2018"), nullptr);
}

}  // namespace
}  // namespace planwatch::import::text
