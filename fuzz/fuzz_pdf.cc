// libFuzzer target: any bytes -> ReadPdf must return a Status or a Document, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/pdf/pdf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto doc = planwatch::import::ReadPdf(std::string_view(reinterpret_cast<const char*>(data), size));
    (void)doc.ok();
    return 0;
}
