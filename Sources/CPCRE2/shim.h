#ifndef PAPERSIFT_CPCRE2_SHIM_H
#define PAPERSIFT_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

/* Macros that are casts do not import into Swift: expose them as functions. */
static inline PCRE2_SIZE papersift_pcre2_unset(void) { return PCRE2_UNSET; }
static inline PCRE2_SIZE papersift_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }

/* Glibc's Swift module does not export memmem. */
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
#endif
