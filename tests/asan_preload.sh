# asan_preload.sh - sourced by the tests that load libpith into Python
# (test-python.sh, test-python-venv.sh, python_env.sh): a library built with
# --enable-sanitizers needs the ASan runtime loaded before Python itself, in
# every process that loads it (Dask's workers too, through the
# environment); Python's own allocations are not ours to report. Set
# asan_lib to the library to look at before sourcing.
if command -v ldd >/dev/null 2>&1 && ldd "$asan_lib" 2>/dev/null | grep -q libasan; then
    asan=$(${CC:-cc} -print-file-name=libasan.so)
    LD_PRELOAD="$asan${LD_PRELOAD:+ $LD_PRELOAD}"
    ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    export LD_PRELOAD ASAN_OPTIONS
fi
