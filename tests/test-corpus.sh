#!/bin/sh
# Every page of every dataset extracts without a failure status, and at
# least 98% of them give text (of those whose gold has text). (Crashes fail the run; leaks are checked by
# running this under valgrind: see README, "Checking for leaks".)
corpus=${PITH_CORPUS:-$top_builddir/corpus}
if [ ! -d "$corpus" ]; then
    echo "no corpus at $corpus (unpacked from ../shared/corpus by make check)"
    exit 1
fi
status=0
for ds in "$corpus"/*/; do
    line=$(${RUNNER:-} ./corpus_run -u "$ds") || { echo "corpus_run failed on $ds: $line"; status=1; continue; }
    echo "$(basename "$ds"): $line"
    set -- $(echo "$line" | sed 's/[a-z_]*=//g')
    pages=$1 failed=$2 missed=$4
    if [ "$failed" -ne 0 ]; then echo "  $failed pages failed"; status=1; fi
    if [ $((missed * 50)) -gt "$pages" ]; then
        echo "  $missed of $pages pages empty although their gold has text (over 2%)"; status=1
    fi
done
exit $status
