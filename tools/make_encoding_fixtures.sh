#!/bin/sh
# Rebuilds tests/testdata/encodings/ from the seed documents with iconv(1).
# Each fixture is a slice of a seed in one encoding; encoding_test.cc decodes it and
# compares with the same slice of the seed (after text::Normalize, which also maps
# cedilla ş ţ to comma-below ș ț). ISO-8859-2/16 have no en dash or curly quotes, so
# those slices get ASCII typography first (the test applies the same mapping).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/tests/testdata/encodings
s000=$root/samples/000_ffec081ef8fe4e47.txt
s002=$root/samples/002_8d53b20a0e2536f7.txt
mkdir -p "$out"
ascii_typography() { sed 's/–/-/g; s/„/"/g; s/”/"/g; s/“/"/g'; }

{ printf '\357\273\277'; sed -n 1,60p "$s000"; } > "$out/utf8_bom_000.txt"
{ printf '\377\376'; sed -n 19,140p "$s002" | iconv -f UTF-8 -t UTF-16LE; } > "$out/utf16le_002.txt"
{ printf '\376\377'; sed -n 1,60p "$s000" | iconv -f UTF-8 -t UTF-16BE; } > "$out/utf16be_000.txt"
sed -n 1,140p "$s002" | iconv -f UTF-8 -t WINDOWS-1250 > "$out/windows1250_002.txt"
sed -n 19,140p "$s002" | ascii_typography | iconv -f UTF-8 -t ISO-8859-2 > "$out/iso8859_2_002.txt"
sed -n 1,170p "$s000" | ascii_typography | sed 's/ş/ș/g; s/ţ/ț/g; s/Ş/Ș/g; s/Ţ/Ț/g' |
    iconv -f UTF-8 -t ISO-8859-16 > "$out/iso8859_16_000.txt"
sed -n 1,170p "$s000" | sed 's/ș/ş/g; s/ț/ţ/g; s/Ș/Ş/g; s/Ț/Ţ/g' |
    iconv -f UTF-8 -t WINDOWS-1250 > "$out/windows1250_000.txt"
iconv -f UTF-8 -t WINDOWS-1252 "$out/source/es_plan.utf8.txt" > "$out/windows1252_es.txt"
iconv -f UTF-8 -t WINDOWS-1252 "$out/source/it_plan.utf8.txt" > "$out/windows1252_it.txt"
