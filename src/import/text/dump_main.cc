// Debug tool: reads a UTF-8 text file and prints the Document the text readers make.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "import/text/dump.h"
#include "import/text/text_reader.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: pw_dump_text FILE [tab|flattened]\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string layout = argc > 2 ? argv[2] : "";
    namespace text = planwatch::import::text;
    planwatch::StatusOr<planwatch::import::Document> doc = layout == "tab"         ? text::ReadTabText(bytes.str())
                                                           : layout == "flattened" ? text::ReadFlattenedText(bytes.str())
                                                                                   : text::ReadText(bytes.str());
    if (!doc.ok()) {
        std::cerr << doc.status() << "\n";
        return 3;
    }
    std::cout << text::DumpDocument(*doc);
    return 0;
}
