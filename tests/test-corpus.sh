#!/bin/sh
# Every page of every dataset extracts without a failure status, and at
# least 98% of them give text. (Crashes fail the run; leaks are checked by
# running this under valgrind: see README, "Checking for leaks".)
shared=${PITH_SHARED:-$top_srcdir/../shared}
if [ ! -d "$shared/corpus" ]; then
    echo "no corpus at $shared/corpus: skipped"
    exit 77
fi
status=0
for ds in "$shared"/corpus/*/; do
    line=$(${RUNNER:-} ./corpus_run "$ds") || { echo "corpus_run failed on $ds: $line"; status=1; continue; }
    echo "$(basename "$ds"): $line"
    set -- $(echo "$line" | sed 's/[a-z_]*=//g')
    pages=$1 failed=$2 empty=$3
    if [ "$failed" -ne 0 ]; then echo "  $failed pages failed"; status=1; fi
    if [ $((empty * 50)) -gt "$pages" ]; then echo "  $empty of $pages pages empty (over 2%)"; status=1; fi
done
exit $status
