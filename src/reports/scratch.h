#pragma once
// Private temporary directories and whole-file reads and writes, for writers
// whose library or helper program only works with files (libxlsxwriter 1.1.4,
// WeasyPrint).
#include <string>

#include "common/status.h"

namespace planwatch::reports {

// A directory under $TMPDIR (or /tmp) made with mkdtemp, removed with everything
// in it when the object goes. path() is empty when creation failed.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Whole files; kUnavailable on I/O errors.
Status WriteFile(const std::string& path, const std::string& bytes);
StatusOr<std::string> ReadFile(const std::string& path);

}  // namespace planwatch::reports
