/*
 * sha256.h — SHA-256 (FIPS 180-4), our own small implementation, for checking the bundle's files
 * against runtime.manifest before anything of the runtime is loaded. Portable C, no library: the
 * shim must not pull in libcrypto (its glibc floor and the host's own copy of OpenSSL).
 */
#ifndef ENHANCE_SHIM_SHA256_H
#define ENHANCE_SHIM_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define ENHANCE_SHA256_DIGEST_SIZE 32

typedef struct EnhanceSha256 {
  uint32_t state[8];
  uint64_t total_bytes;
  uint8_t block[64];
  size_t block_used;
  /* 1: the x86 SHA extensions compress the blocks (about 8x faster than portable C on the machine
   * measured in the README); init sets it from CPUID, a test may clear it to check the portable
   * code. */
  int use_sha_extensions;
} EnhanceSha256;

/* 1 if this CPU has the x86 SHA extensions (and SSE4.1), which the fast path needs. */
int enhance_sha256_cpu_has_extensions(void);

void enhance_sha256_init(EnhanceSha256 *sha);
void enhance_sha256_update(EnhanceSha256 *sha, const void *data, size_t size);
void enhance_sha256_final(EnhanceSha256 *sha, uint8_t digest[ENHANCE_SHA256_DIGEST_SIZE]);

/* Lower-case hex of a digest into `hex` (65 bytes with the terminating NUL). */
void enhance_sha256_hex(const uint8_t digest[ENHANCE_SHA256_DIGEST_SIZE], char hex[65]);

#endif /* ENHANCE_SHIM_SHA256_H */
