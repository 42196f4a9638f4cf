#pragma once
// Test helper: builds ZIP packages in memory with libzip, so tests make their
// own DOCX/XLSX files (and zip bombs) instead of committing binaries.
#include <zip.h>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace planwatch::import::ooxml::testing {

struct ZipEntry {
    std::string name;
    std::string content;
    uint64_t zeros = 0;  // when > 0, the entry is this many zero bytes, streamed (content ignored)
};

namespace internal {

struct ZerosState {
    uint64_t total = 0;
    uint64_t done = 0;
};

inline zip_int64_t ZerosCallback(void* userdata, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* state = static_cast<ZerosState*>(userdata);
    switch (cmd) {
        case ZIP_SOURCE_OPEN: state->done = 0; return 0;
        case ZIP_SOURCE_READ: {
            zip_uint64_t n = std::min<zip_uint64_t>(len, state->total - state->done);
            std::memset(data, 0, n);
            state->done += n;
            return static_cast<zip_int64_t>(n);
        }
        case ZIP_SOURCE_CLOSE: return 0;
        case ZIP_SOURCE_STAT: {
            auto* st = static_cast<zip_stat_t*>(data);
            zip_stat_init(st);
            st->size = state->total;
            st->valid |= ZIP_STAT_SIZE;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR: return 2 * sizeof(int);
        case ZIP_SOURCE_FREE: delete state; return 0;
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                  ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default: return -1;
    }
}

}  // namespace internal

// n bytes of pseudo-random lower-case letters: text that compresses like prose,
// so that size limits, not the zip-bomb ratio check, are what a test meets.
inline std::string NoisyText(size_t n) {
    std::string out(n, 'a');
    uint32_t state = 12345;
    for (char& c : out) {
        state = state * 1103515245u + 12345u;
        c = static_cast<char>('a' + (state >> 16) % 26);
    }
    return out;
}

// The bytes of a ZIP holding the entries, deflated. Empty string on a libzip error.
inline std::string MakeZip(const std::vector<ZipEntry>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* zip = zip_open_from_source(out, ZIP_TRUNCATE, &error);
    if (zip == nullptr) return {};
    zip_source_keep(out);
    for (const ZipEntry& entry : entries) {
        zip_source_t* source = nullptr;
        if (entry.zeros > 0) {
            auto* state = new internal::ZerosState{entry.zeros, 0};
            source = zip_source_function(zip, internal::ZerosCallback, state);
        } else {
            // libzip frees the copy once the archive is written (freep = 1).
            void* copy = std::malloc(entry.content.size() + 1);
            std::memcpy(copy, entry.content.data(), entry.content.size());
            source = zip_source_buffer(zip, copy, entry.content.size(), 1);
        }
        zip_int64_t index = zip_file_add(zip, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
    }
    if (zip_close(zip) != 0) return {};
    std::string bytes;
    zip_stat_t st;
    if (zip_source_stat(out, &st) == 0 && zip_source_open(out) == 0) {
        bytes.resize(st.size);
        zip_source_read(out, bytes.data(), st.size);
        zip_source_close(out);
    }
    zip_source_free(out);
    return bytes;
}

}  // namespace planwatch::import::ooxml::testing
