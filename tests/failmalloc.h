/* failmalloc.h - make the Nth allocation of the process fail, for tests of
 * what pith does when memory runs out.
 *
 * Linking failmalloc.c into a test program defines malloc, calloc, realloc
 * and free in the executable. The dynamic linker binds every caller to the
 * executable's definition first, so the allocations of libpith, libjson-c,
 * libxml2, ICU (its C++ operator new calls malloc) and glibc itself
 * (strdup, fopen ...) all come here. Each forwards to glibc's allocator
 * (__libc_malloc ...), so memory from any path may be freed by any other.
 * Not seen: memalign, posix_memalign, aligned_alloc and valloc (not
 * counted, never failed, but their blocks may be passed to free).
 *
 * Use:
 *     failmalloc_arm(0, FAILMALLOC_ONE);       // count only
 *     run();
 *     unsigned long total = failmalloc_disarm();
 *     for (unsigned long n = 1; n <= total; n++) {
 *         failmalloc_arm(n, FAILMALLOC_ONE);   // or FAILMALLOC_FROM
 *         status = run();
 *         failmalloc_disarm();
 *         ... check status and output, free ...
 *     }
 * Disarm before anything that must not fail (assertions, the test
 * framework's own bookkeeping). The counters are atomic, so allocations in
 * other threads count too (in whatever order they happen).
 *
 * Under AddressSanitizer the replacement is compiled out (ASan must own
 * malloc); failmalloc_active() then says 0 and arming does nothing: skip
 * the test. Valgrind replaces the executable's malloc too unless run with
 * --soname-synonyms=somalloc=nouserintercepts; with it, memcheck still
 * sees every block (through __libc_malloc) and so checks the failure
 * paths for leaks. A test can tell that failmalloc is bypassed: counting
 * sees no allocation. */
#ifndef PI_FAILMALLOC_H
#define PI_FAILMALLOC_H

enum failmalloc_mode {
    FAILMALLOC_ONE, /* only the nth allocation fails */
    FAILMALLOC_FROM /* the nth and every later one fail, until disarmed */
};

/* Start counting allocations (malloc, calloc, realloc to a non-zero size)
 * from zero; the nth of them (1-based) fails, as `mode` says. n == 0 only
 * counts. A failed call returns NULL with errno ENOMEM; a failed realloc
 * leaves its block as it was. Arming again restarts the count. */
void failmalloc_arm(unsigned long n, enum failmalloc_mode mode);

/* Stop failing and counting. Returns the allocations counted since the
 * last arming, failed ones included. */
unsigned long failmalloc_disarm(void);

/* Allocations made to fail since the last arming. */
unsigned long failmalloc_failures(void);

/* Hold (on != 0) or release (0) failing: while held, allocations are
 * neither counted nor failed, but counted apart (failmalloc_held()). Holds
 * nest. For a call into a library that crashes on its own allocation
 * failures, wrapped by the test program. */
void failmalloc_hold(int on);

/* Allocations made while held since the last arming. */
unsigned long failmalloc_held(void);

/* The return address in the caller of the first allocation made to fail
 * since the last arming (for dladdr: which object and function), or NULL. */
const void *failmalloc_failed_caller(void);

/* Spare the allocations that code in a loaded object whose file name
 * contains `object` makes itself ("libicuuc" for ICU, whose allocations all
 * go through its uprv_malloc): they are neither counted nor failed, while
 * those of every other object still are. For libraries whose own failure
 * paths crash or hang, which a test of pith cannot test around. Only the
 * direct caller of malloc is looked at. The string must stay valid; up to
 * 8; NULL clears the list. Returns 0, or -1 when the list is full. Set it
 * while disarmed. */
int failmalloc_spare(const char *object);

/* 1 when the replacement is in effect, 0 when it is compiled out. */
int failmalloc_active(void);

#endif
