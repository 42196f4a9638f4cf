#pragma once
// Bytes of a text file in whatever encoding public administrations export -> UTF-8.
// Word's "plain text" exports are UTF-8 (often with a BOM) or UTF-16; older tools
// write Windows-1250 (Slovene), Windows-1252 (Italian, Spanish, English) or
// ISO-8859-2/16 (Romanian). Detection needs no hint from the caller.
#include <string>
#include <string_view>

#include "common/status.h"

namespace planwatch::encoding {

// Decodes, in this order: a UTF-8 BOM (stripped), a UTF-16 LE/BE BOM, valid UTF-8 as is;
// otherwise the one of Windows-1250, Windows-1252, ISO-8859-2, ISO-8859-16 whose result
// reads most like ro/sl/en/it/es text. *detected (when given) receives "UTF-8",
// "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "windows-1250", "windows-1252", "ISO-8859-2" or
// "ISO-8859-16". Line endings are left as they are.
// Errors: kInvalidArgument "not a text file: binary byte 0x00 at offset N" for NUL or
// other control bytes that no text has; "not a text file: invalid UTF-16 at offset N".
StatusOr<std::string> DecodeToUtf8(std::string_view bytes, std::string* detected = nullptr);

// Converts bytes in the named ICU converter's encoding to UTF-8; kInvalidArgument when
// the name is unknown or a byte has no mapping in that encoding.
StatusOr<std::string> ConvertToUtf8(std::string_view bytes, const char* encoding_name);

}  // namespace planwatch::encoding
