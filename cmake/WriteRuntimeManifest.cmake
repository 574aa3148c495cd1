# Writes <ARCH_DIR>/runtime.manifest: size and SHA-256 of every file under ARCH_DIR/dotnet and
# ARCH_DIR/managed, the files the shim checks before it loads the runtime (native/shim/src/
# bundle_check.h documents the format and what is checked).
#   cmake -DARCH_DIR=<bundle>/Contents/Linux-x86-64 -P WriteRuntimeManifest.cmake
# Runs after the runtime and the managed plug-in are staged into the bundle, so the manifest always
# describes the files next to it (cmake --install copies the folder as it is). Symlinked folders
# are followed: the shim's test copies link the runtime from the build's bundle.
if(NOT IS_DIRECTORY "${ARCH_DIR}/dotnet" AND NOT IS_DIRECTORY "${ARCH_DIR}/managed")
  message(FATAL_ERROR "WriteRuntimeManifest: ${ARCH_DIR} holds neither dotnet/ nor managed/")
endif()
file(GLOB_RECURSE _files LIST_DIRECTORIES false FOLLOW_SYMLINKS RELATIVE "${ARCH_DIR}"
  "${ARCH_DIR}/dotnet/*" "${ARCH_DIR}/managed/*")
list(SORT _files)
# The shim reads one line per file: "<sha256> <size> <path>"; the path is the rest of the line.
set(_text "# Enhance runtime manifest 1: <sha256> <size in bytes> <path relative to this folder>\n")
foreach(_f IN LISTS _files)
  if(_f MATCHES "[\n\r]")
    message(FATAL_ERROR "WriteRuntimeManifest: file name with a line break: ${_f}")
  endif()
  file(SIZE "${ARCH_DIR}/${_f}" _size)
  file(SHA256 "${ARCH_DIR}/${_f}" _hash)
  string(APPEND _text "${_hash} ${_size} ${_f}\n")
endforeach()
# Written beside and renamed into place: an interrupted build leaves no half manifest.
file(WRITE "${ARCH_DIR}/runtime.manifest.tmp" "${_text}")
file(RENAME "${ARCH_DIR}/runtime.manifest.tmp" "${ARCH_DIR}/runtime.manifest")
list(LENGTH _files _count)
message(STATUS "Runtime manifest: ${_count} files")
