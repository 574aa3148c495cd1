/*
 * glibc_compat.h — keeps Enhance.ofx loadable on glibc 2.17+ (Rocky/Alma 8 ship 2.28) when it is
 * built on a newer system.
 *
 * glibc 2.34 moved dlopen/dlsym/dladdr/dlerror/pthread_once from libdl/libpthread into libc and
 * gave them a new symbol version (GLIBC_2.34); linking on such a system would require 2.34 at load
 * time. The old versions are still exported (as compat symbols), so we bind to them explicitly.
 * On an older glibc those old versions live in libdl.so.2/libpthread.so.0, which is why
 * CMakeLists.txt also records both libraries as DT_NEEDED (they are empty stubs on 2.34+).
 * Include this first in every source file that calls one of these functions.
 */
#ifndef ENHANCE_GLIBC_COMPAT_H
#define ENHANCE_GLIBC_COMPAT_H

#include <features.h>

#if defined(__GLIBC__)
#if defined(__x86_64__)
__asm__(".symver dlopen,dlopen@GLIBC_2.2.5");
__asm__(".symver dlsym,dlsym@GLIBC_2.2.5");
__asm__(".symver dladdr,dladdr@GLIBC_2.2.5");
__asm__(".symver dlerror,dlerror@GLIBC_2.2.5");
__asm__(".symver pthread_once,pthread_once@GLIBC_2.2.5");
#elif defined(__aarch64__)
__asm__(".symver dlopen,dlopen@GLIBC_2.17");
__asm__(".symver dlsym,dlsym@GLIBC_2.17");
__asm__(".symver dladdr,dladdr@GLIBC_2.17");
__asm__(".symver dlerror,dlerror@GLIBC_2.17");
__asm__(".symver pthread_once,pthread_once@GLIBC_2.17");
#endif
#endif

#endif /* ENHANCE_GLIBC_COMPAT_H */
