// libFuzzer target: the whole front door (format sniffing, decoding, reader,
// recogniser). The first byte picks the file name's extension, so one corpus
// reaches every reader.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "import/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const char* kNames[] = {"plan.txt", "plan.docx", "plan.pdf", "plan.csv", "plan.xlsx", "plan.json"};
    if (size == 0) return 0;
    std::string name = kNames[data[0] % (sizeof kNames / sizeof kNames[0])];
    std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    auto result = planwatch::import::ImportDocument(bytes, name);
    (void)result.ok();
    return 0;
}
