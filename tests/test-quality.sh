#!/bin/sh
# The quality floors of tests/floors.txt on ../shared/corpus, as a test.
shared=${PITH_SHARED:-$top_srcdir/../shared}
if [ ! -d "$shared/corpus" ]; then
    echo "no corpus at $shared/corpus: skipped"
    exit 77
fi
exec "${PYTHON3:-python3}" "$top_srcdir/tests/eval.py" --runner ./corpus_run \
    --score "$shared/tools/score.py" --floors "$top_srcdir/tests/floors.txt" "$shared/corpus"
