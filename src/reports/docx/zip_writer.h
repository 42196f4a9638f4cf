#pragma once
// An in-memory ZIP package (OOXML parts), written with libzip.
#include <deque>
#include <string>

#include "common/status.h"

namespace planwatch::reports::docx {

class ZipWriter {
public:
    // compress: deflate (XML); otherwise stored (PNG is compressed already).
    void Add(std::string name, std::string bytes, bool compress = true);
    // The archive bytes; kInternal when libzip refuses (a bug: names are ours).
    StatusOr<std::string> Finish();

private:
    struct Part {
        std::string name;
        std::string bytes;
        bool compress;
    };
    std::deque<Part> parts_;  // a deque: libzip reads the bytes in place until zip_close
};

}  // namespace planwatch::reports::docx
