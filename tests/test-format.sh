#!/bin/sh
# Every hand-written C file is formatted by .clang-format (make format
# fixes what this finds). Fails when clang-format is missing.
exec sh "$top_srcdir/scripts/format.sh" --check "$top_srcdir"
