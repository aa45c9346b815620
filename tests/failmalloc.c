/* failmalloc.c - the allocator replacement behind failmalloc.h: count each
 * allocation while armed, fail the chosen one(s), forward the rest to
 * glibc's own allocator. */
#define _GNU_SOURCE /* dladdr */
#include "failmalloc.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define FAILMALLOC_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FAILMALLOC_OFF 1
#endif
#endif

static atomic_int armed;
static atomic_int fail_from; /* FAILMALLOC_FROM */
static atomic_ulong target;  /* the allocation that fails; 0 none */
static atomic_ulong count;
static atomic_ulong failures;
static atomic_int held; /* failmalloc_hold() */
static atomic_ulong held_count;
static atomic_uintptr_t failed_caller; /* the first failed allocation's caller */

/* Objects whose own calls are spared: set between tests, read by every
 * allocation. */
#define MAX_SPARED 8
static const char *spared[MAX_SPARED];
static atomic_int n_spared;

void failmalloc_arm(unsigned long n, enum failmalloc_mode mode)
{
    atomic_store(&armed, 0);
    atomic_store(&count, 0);
    atomic_store(&failures, 0);
    atomic_store(&failed_caller, 0);
    atomic_store(&held_count, 0);
    atomic_store(&target, n);
    atomic_store(&fail_from, mode == FAILMALLOC_FROM);
    atomic_store(&armed, 1);
}

unsigned long failmalloc_disarm(void)
{
    atomic_store(&armed, 0);
    return atomic_load(&count);
}

unsigned long failmalloc_failures(void)
{
    return atomic_load(&failures);
}

void failmalloc_hold(int on)
{
    atomic_fetch_add(&held, on ? 1 : -1);
}

unsigned long failmalloc_held(void)
{
    return atomic_load(&held_count);
}

const void *failmalloc_failed_caller(void)
{
    return (const void *)atomic_load(&failed_caller);
}

int failmalloc_spare(const char *object)
{
    int n = atomic_load(&n_spared);
    if (!object) {
        atomic_store(&n_spared, 0);
        return 0;
    }
    if (n == MAX_SPARED)
        return -1;
    spared[n] = object;
    atomic_store(&n_spared, n + 1);
    return 0;
}

#ifdef FAILMALLOC_OFF

int failmalloc_active(void)
{
    return 0;
}

#else

int failmalloc_active(void)
{
    return 1;
}

/* glibc's allocator under its other names, so that forwarding needs no
 * dlsym (which itself allocates). */
void *__libc_malloc(size_t n);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t n);
void __libc_free(void *p);

/* Was the allocator called from a spared object? dladdr() takes the
 * loader's lock but allocates nothing, so it is safe in here. */
static int is_spared(const void *caller)
{
    int n = atomic_load(&n_spared);
    Dl_info info;
    if (n == 0 || !dladdr(caller, &info) || !info.dli_fname)
        return 0;
    for (int i = 0; i < n; i++)
        if (strstr(info.dli_fname, spared[i]))
            return 1;
    return 0;
}

/* Is this allocation, made from `caller`, the one (or one of those) to
 * fail? */
static int should_fail(const void *caller)
{
    if (!atomic_load(&armed) || is_spared(caller))
        return 0;
    if (atomic_load(&held)) {
        atomic_fetch_add(&held_count, 1);
        return 0;
    }
    unsigned long k = atomic_fetch_add(&count, 1) + 1;
    unsigned long t = atomic_load(&target);
    if (t == 0 || k < t || (k > t && !atomic_load(&fail_from)))
        return 0;
    if (atomic_fetch_add(&failures, 1) == 0)
        atomic_store(&failed_caller, (uintptr_t)caller);
    errno = ENOMEM;
    return 1;
}

/* The caller's address is taken here, in the replaced function itself:
 * in a helper it would be the helper's caller only if inlined. */
void *malloc(size_t n)
{
    return should_fail(__builtin_return_address(0)) ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    return should_fail(__builtin_return_address(0)) ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    /* realloc(p, 0) frees: not an allocation. */
    if (n == 0 && p)
        return __libc_realloc(p, n);
    return should_fail(__builtin_return_address(0)) ? NULL : __libc_realloc(p, n);
}

void free(void *p)
{
    __libc_free(p);
}

#endif
