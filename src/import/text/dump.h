#pragma once
// A Document as readable text, one block after another, for tests, debugging and
// `planwatch parse --cells`:
//   P 12 | I. REDUCEREA CERERII DE DROGURI
//   T 27 rows=9 cols=7
//     R1 C1 L27 | Obiective specifice
//     R1 C3+4 L29 | Časovno obdobje …        (col_span 4 shown as +4)
//   N 114 | page number dropped: “12”
// Line breaks inside cells are shown as " ⏎ ".
#include <string>

#include "import/cells.h"

namespace planwatch::import::text {

std::string DumpDocument(const Document& doc);

}  // namespace planwatch::import::text
