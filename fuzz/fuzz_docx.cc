// libFuzzer target: any bytes -> ReadDocx must return a Status or a Document, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/docx/docx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto doc = planwatch::import::ReadDocx(std::string_view(reinterpret_cast<const char*>(data), size));
    (void)doc.ok();
    return 0;
}
