// libFuzzer target: any bytes -> the text readers (TAB-led and flattened) never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/text/text_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)planwatch::import::text::ReadTabText(bytes).ok();
    (void)planwatch::import::text::ReadFlattenedText(bytes).ok();
    return 0;
}
