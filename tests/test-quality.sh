#!/bin/sh
# The quality floors of tests/floors.txt on ../shared/corpus, as a test.
# Every dataset is read from the build tree's unpacked copy (make check
# lays it out); a dataset that a floor names and that is missing fails.
shared=${PITH_SHARED:-$top_srcdir/../shared}
corpus=${PITH_CORPUS:-$top_builddir/corpus}
if [ ! -d "$corpus" ]; then
    echo "no corpus at $corpus (unpacked from $shared/corpus by make check)"
    exit 1
fi
exec "${PYTHON3:-python3}" "$top_srcdir/tests/eval.py" --runner ./corpus_run \
    --score "$shared/tools/score.py" --floors "$top_srcdir/tests/floors.txt" "$corpus"
