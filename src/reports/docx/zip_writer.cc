#include "reports/docx/zip_writer.h"

#include <zip.h>

namespace planwatch::reports::docx {

void ZipWriter::Add(std::string name, std::string bytes, bool compress) {
    parts_.push_back({std::move(name), std::move(bytes), compress});
}

StatusOr<std::string> ZipWriter::Finish() {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) return Internal(std::string("zip buffer: ") + zip_error_strerror(&error));
    zip_source_keep(buffer);  // still needed after zip_close, to read the archive back
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer);
        return Internal(std::string("zip open: ") + zip_error_strerror(&error));
    }
    for (const Part& part : parts_) {
        // Not copied by libzip: parts_ keeps the bytes alive until zip_close.
        zip_source_t* source = zip_source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
        zip_int64_t index = source ? zip_file_add(archive, part.name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (source) zip_source_free(source);
            std::string message = zip_strerror(archive);
            zip_discard(archive);
            zip_source_free(buffer);
            return Internal("zip add " + part.name + ": " + message);
        }
        // Level 1: reports are written on request, speed matters more than bytes.
        zip_set_file_compression(archive, index, part.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, part.compress ? 1 : 0);
    }
    if (zip_close(archive) != 0) {
        std::string message = zip_strerror(archive);
        zip_discard(archive);
        zip_source_free(buffer);
        return Internal("zip close: " + message);
    }
    std::string out;
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        zip_int64_t size = zip_source_tell(buffer);
        zip_source_seek(buffer, 0, SEEK_SET);
        out.resize(size > 0 ? static_cast<size_t>(size) : 0);
        zip_int64_t got = size > 0 ? zip_source_read(buffer, out.data(), out.size()) : 0;
        zip_source_close(buffer);
        if (got != size) out.clear();
    }
    zip_source_free(buffer);
    if (out.empty()) return Internal("zip: the archive could not be read back");
    return out;
}

}  // namespace planwatch::reports::docx
