/* sha256.c — SHA-256 as specified in FIPS 180-4 (see sha256.h). Checked against the standard's
 * test vectors by tests/test_sha256.c. */
#include "sha256.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ENHANCE_SHA256_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

/* FIPS 180-4 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64
 * primes. */
static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t rotate_right(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static uint32_t load_big_endian(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* FIPS 180-4 6.2.2: one 64-byte block into the state. */
static void compress(uint32_t state[8], const uint8_t *block) {
  uint32_t w[64];
  for (int t = 0; t < 16; ++t) w[t] = load_big_endian(block + 4 * t);
  for (int t = 16; t < 64; ++t) {
    uint32_t s0 = rotate_right(w[t - 15], 7) ^ rotate_right(w[t - 15], 18) ^ (w[t - 15] >> 3);
    uint32_t s1 = rotate_right(w[t - 2], 17) ^ rotate_right(w[t - 2], 19) ^ (w[t - 2] >> 10);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
  uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
  for (int t = 0; t < 64; ++t) {
    uint32_t sum1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
    uint32_t choose = (e & f) ^ (~e & g);
    uint32_t t1 = h + sum1 + choose + round_constants[t] + w[t];
    uint32_t sum0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
    uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
    uint32_t t2 = sum0 + majority;
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
  state[4] += e;
  state[5] += f;
  state[6] += g;
  state[7] += h;
}

#ifdef ENHANCE_SHA256_X86
int enhance_sha256_cpu_has_extensions(void) {
  unsigned eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & bit_SSE4_1) || !(ecx & bit_SSSE3)) return 0;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
  return (ebx & (1u << 29)) != 0; /* CPUID.(EAX=7,ECX=0):EBX.SHA[bit 29] */
}

/* The same compression with the SHA extensions (SHA256RNDS2/MSG1/MSG2), `blocks` blocks at a
 * time. The instructions keep the state as ABEF and CDGH halves; rounds go four at a time, two
 * per SHA256RNDS2. Message schedule per group i of four words (FIPS 180-4 6.2.2 step 1):
 * W[i] = MSG2(MSG1(W[i-4], W[i-3]) + W[i-1..i-2 shifted one word], W[i-1]). */
__attribute__((target("sha,sse4.1,ssse3")))
static void compress_with_extensions(uint32_t state[8], const uint8_t *data, size_t blocks) {
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
  __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
  __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
  for (; blocks > 0; --blocks, data += 64) {
    __m128i abef_before = abef, cdgh_before = cdgh;
    __m128i w[4]; /* the last four groups of message words, w[i % 4] */
    for (int i = 0; i < 16; ++i) {
      __m128i group;
      if (i < 4) {
        group = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), byte_swap);
      } else {
        group = _mm_sha256msg1_epu32(w[i % 4], w[(i - 3) % 4]);
        group = _mm_add_epi32(group, _mm_alignr_epi8(w[(i - 1) % 4], w[(i - 2) % 4], 4));
        group = _mm_sha256msg2_epu32(group, w[(i - 1) % 4]);
      }
      w[i % 4] = group;
      __m128i sum = _mm_add_epi32(group, _mm_loadu_si128((const __m128i *)&round_constants[4 * i]));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, sum);
      sum = _mm_shuffle_epi32(sum, 0x0E);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, sum);
    }
    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }
  __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
  _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}
#else
int enhance_sha256_cpu_has_extensions(void) { return 0; }
#endif

/* `blocks` 64-byte blocks into the state, on the fastest path this CPU has. */
static void compress_blocks(EnhanceSha256 *sha, const uint8_t *data, size_t blocks) {
#ifdef ENHANCE_SHA256_X86
  if (sha->use_sha_extensions) {
    compress_with_extensions(sha->state, data, blocks);
    return;
  }
#endif
  for (; blocks > 0; --blocks, data += 64) compress(sha->state, data);
}

void enhance_sha256_init(EnhanceSha256 *sha) {
  /* FIPS 180-4 5.3.3: fractional parts of the square roots of the first 8 primes. */
  static const uint32_t initial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  memcpy(sha->state, initial, sizeof initial);
  sha->total_bytes = 0;
  sha->block_used = 0;
  sha->use_sha_extensions = enhance_sha256_cpu_has_extensions();
}

void enhance_sha256_update(EnhanceSha256 *sha, const void *data, size_t size) {
  const uint8_t *bytes = data;
  sha->total_bytes += size;
  if (sha->block_used > 0) {
    size_t take = 64 - sha->block_used;
    if (take > size) take = size;
    memcpy(sha->block + sha->block_used, bytes, take);
    sha->block_used += take;
    bytes += take;
    size -= take;
    if (sha->block_used < 64) return;
    compress_blocks(sha, sha->block, 1);
    sha->block_used = 0;
  }
  /* Whole blocks straight from the caller's buffer: no copy on the bulk path. */
  compress_blocks(sha, bytes, size / 64);
  bytes += size / 64 * 64;
  size %= 64;
  memcpy(sha->block, bytes, size);
  sha->block_used = size;
}

void enhance_sha256_final(EnhanceSha256 *sha, uint8_t digest[ENHANCE_SHA256_DIGEST_SIZE]) {
  /* FIPS 180-4 5.1.1: a 1 bit, zeros up to 56 bytes mod 64, then the length in bits, big-endian. */
  uint64_t total_bits = sha->total_bytes * 8;
  sha->block[sha->block_used++] = 0x80;
  if (sha->block_used > 56) {
    memset(sha->block + sha->block_used, 0, 64 - sha->block_used);
    compress_blocks(sha, sha->block, 1);
    sha->block_used = 0;
  }
  memset(sha->block + sha->block_used, 0, 56 - sha->block_used);
  for (int i = 0; i < 8; ++i) sha->block[56 + i] = (uint8_t)(total_bits >> (56 - 8 * i));
  compress_blocks(sha, sha->block, 1);
  for (int i = 0; i < 8; ++i) {
    digest[4 * i] = (uint8_t)(sha->state[i] >> 24);
    digest[4 * i + 1] = (uint8_t)(sha->state[i] >> 16);
    digest[4 * i + 2] = (uint8_t)(sha->state[i] >> 8);
    digest[4 * i + 3] = (uint8_t)sha->state[i];
  }
}

void enhance_sha256_hex(const uint8_t digest[ENHANCE_SHA256_DIGEST_SIZE], char hex[65]) {
  static const char digits[] = "0123456789abcdef";
  for (int i = 0; i < ENHANCE_SHA256_DIGEST_SIZE; ++i) {
    hex[2 * i] = digits[digest[i] >> 4];
    hex[2 * i + 1] = digits[digest[i] & 15];
  }
  hex[64] = '\0';
}
