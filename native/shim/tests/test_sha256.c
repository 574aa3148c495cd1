/*
 * test_sha256 — the shim's SHA-256 (src/sha256.c) against the FIPS 180-2 / NIST example vectors,
 * on the portable path and, where the CPU has them, the SHA-extensions path; the two paths must
 * also agree on every length from 0 to 1100 bytes fed in uneven pieces (block boundaries, padding
 * that spills into a second block).
 *
 * Usage: test_sha256
 */
#include "sha256.h"
#include "shim_test_support.h"

#include <string.h>

static void digest_of(const void *data, size_t size, size_t piece, int use_extensions, char hex[65]) {
  EnhanceSha256 sha;
  enhance_sha256_init(&sha);
  sha.use_sha_extensions = use_extensions;
  const unsigned char *bytes = data;
  for (size_t done = 0; done < size;) {
    size_t n = size - done < piece ? size - done : piece;
    enhance_sha256_update(&sha, bytes + done, n);
    done += n;
  }
  uint8_t digest[ENHANCE_SHA256_DIGEST_SIZE];
  enhance_sha256_final(&sha, digest);
  enhance_sha256_hex(digest, hex);
}

int main(void) {
  static unsigned char million_a[1000000];
  memset(million_a, 'a', sizeof million_a);
  const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  struct {
    const void *data;
    size_t size;
    const char *expected;
  } vectors[] = {
      {"", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {two_blocks, strlen(two_blocks), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {million_a, sizeof million_a, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  int paths = enhance_sha256_cpu_has_extensions() ? 2 : 1;
  for (int use_extensions = 0; use_extensions < paths; ++use_extensions) {
    for (size_t v = 0; v < sizeof vectors / sizeof vectors[0]; ++v) {
      size_t pieces[] = {1, 63, 64, 1000, 1 << 20};
      for (size_t p = 0; p < sizeof pieces / sizeof pieces[0]; ++p) {
        char hex[65];
        digest_of(vectors[v].data, vectors[v].size, pieces[p], use_extensions, hex);
        CHECK(strcmp(hex, vectors[v].expected) == 0, "vector %zu in pieces of %zu (%s path): %s, expected %s", v,
              pieces[p], use_extensions ? "SHA extensions" : "portable", hex, vectors[v].expected);
      }
    }
  }

  static unsigned char varied[1100];
  for (size_t i = 0; i < sizeof varied; ++i) varied[i] = (unsigned char)(i * 131 + (i >> 3));
  if (paths == 2) {
    for (size_t length = 0; length <= sizeof varied; ++length) {
      char portable[65], extended[65];
      digest_of(varied, length, 1 + length % 97, 0, portable);
      digest_of(varied, length, length + 1, 1, extended);
      CHECK(strcmp(portable, extended) == 0, "length %zu: portable %s, SHA extensions %s", length, portable, extended);
    }
  }
  printf("SHA-256: FIPS vectors on %s; %s\n", paths == 2 ? "both paths" : "the portable path",
         paths == 2 ? "paths agree on 0..1100 bytes" : "this CPU has no SHA extensions");
  return shim_test_failures == 0 ? 0 : 1;
}
