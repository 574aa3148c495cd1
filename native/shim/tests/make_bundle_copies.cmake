# Makes copies of the assembled bundle for the boot tests:
#   DEST/no-runtime/<bundle>:  the private runtime folder (dotnet/) is gone;
#   DEST/bad-config/<bundle>:  the runtime is there but the runtimeconfig.json is not JSON;
#   DEST/no-boot/<bundle>:     Enhance.Plugin.Host.dll is another assembly (no Boot entry point);
#   DEST/second-copy/<bundle>: intact, at a second path.
# These four get a manifest written for the copy as it is, so the shim's manifest check passes
# and the tests reach the runtime's own failure paths (as with a build that shipped the damage).
# Damaged copies that keep the build's manifest, for the shim's check (bundle_check.c):
#   DEST/truncated-hostfxr, truncated-coreclr, truncated-onnxruntime: that library cut to 4096 bytes;
#   DEST/corrupt-corelib, corrupt-onnxruntime: that file of the right size with 16 bytes overwritten;
#   DEST/missing-hostpolicy:   libhostpolicy.so deleted;
#   DEST/no-manifest:          intact but without runtime.manifest.
# The shim is copied (not linked: it finds its bundle through its own real path); the large
# runtime and managed files are symlinked to keep the fixture fast.
# cmake -DSOURCE=<build>/Enhance.ofx.bundle -DDEST=<dir> -DBUNDLE_NAME=Enhance.ofx.bundle
#       -DMANIFEST_SCRIPT=<source>/cmake/WriteRuntimeManifest.cmake -P make_bundle_copies.cmake
set(_arch Contents/Linux-x86-64)
set(_src ${SOURCE}/${_arch})
foreach(_required ${_src}/Enhance.ofx ${_src}/managed/Enhance.Plugin.Host.runtimeconfig.json ${_src}/dotnet
                  ${_src}/runtime.manifest)
  if(NOT EXISTS ${_required})
    message(FATAL_ERROR "${_required} is missing: build the bundle first (cmake --build <build>)")
  endif()
endforeach()
file(REMOVE_RECURSE ${DEST})

set(_no_runtime ${DEST}/no-runtime/${BUNDLE_NAME}/${_arch})
file(MAKE_DIRECTORY ${_no_runtime})
file(COPY ${_src}/Enhance.ofx DESTINATION ${_no_runtime})
file(CREATE_LINK ${_src}/managed ${_no_runtime}/managed SYMBOLIC)

set(_bad_config ${DEST}/bad-config/${BUNDLE_NAME}/${_arch})
file(MAKE_DIRECTORY ${_bad_config}/managed)
file(COPY ${_src}/Enhance.ofx DESTINATION ${_bad_config})
file(CREATE_LINK ${_src}/dotnet ${_bad_config}/dotnet SYMBOLIC)
file(GLOB _managed_files RELATIVE ${_src}/managed ${_src}/managed/*)
foreach(_f IN LISTS _managed_files)
  if(NOT _f STREQUAL "Enhance.Plugin.Host.runtimeconfig.json")
    file(CREATE_LINK ${_src}/managed/${_f} ${_bad_config}/managed/${_f} SYMBOLIC)
  endif()
endforeach()
# What a truncated download or a bad hand edit leaves behind.
file(WRITE ${_bad_config}/managed/Enhance.Plugin.Host.runtimeconfig.json "{\n  \"runtimeOptions\": {\n    \"tfm\": \"net10.0\",\n")

# A runtime that starts but a managed plug-in without the Boot entry point (another assembly in
# its place), as after a partial update. The managed files are real copies here: the runtime
# resolves symlinks, and would find the real Enhance.Plugin.Host.dll next to a linked deps.json.
set(_no_boot ${DEST}/no-boot/${BUNDLE_NAME}/${_arch})
file(MAKE_DIRECTORY ${_no_boot}/managed)
file(COPY ${_src}/Enhance.ofx DESTINATION ${_no_boot})
file(CREATE_LINK ${_src}/dotnet ${_no_boot}/dotnet SYMBOLIC)
foreach(_f IN LISTS _managed_files)
  if(_f STREQUAL "Enhance.Plugin.Host.dll")
    file(COPY_FILE ${_src}/managed/Enhance.Effects.dll ${_no_boot}/managed/${_f})
  elseif(NOT _f MATCHES "\\.so$")
    file(COPY ${_src}/managed/${_f} DESTINATION ${_no_boot}/managed)
  endif()
endforeach()

# Not broken: a second, intact copy at another path (runtime linked), for the
# test that loads two Enhance bundles into one process.
set(_second ${DEST}/second-copy/${BUNDLE_NAME}/${_arch})
file(MAKE_DIRECTORY ${_second})
file(COPY ${_src}/Enhance.ofx DESTINATION ${_second})
file(CREATE_LINK ${_src}/dotnet ${_second}/dotnet SYMBOLIC)
# Real copies of the managed files (native libraries linked): a separate plug-in path, so the
# runtime loads a second instance of the managed plug-in in its own load context.
file(MAKE_DIRECTORY ${_second}/managed)
foreach(_f IN LISTS _managed_files)
  if(_f MATCHES "\\.so$")
    file(CREATE_LINK ${_src}/managed/${_f} ${_second}/managed/${_f} SYMBOLIC)
  else()
    file(COPY ${_src}/managed/${_f} DESTINATION ${_second}/managed)
  endif()
endforeach()

# A manifest describing each of the four copies above as it is.
foreach(_copy ${_no_runtime} ${_bad_config} ${_no_boot} ${_second})
  set(ARCH_DIR ${_copy})
  include(${MANIFEST_SCRIPT})
endforeach()

# ---------------------------------------------------------------- damaged copies, build's manifest
# A copy of the bundle in which RELATIVE (a path under Contents/Linux-x86-64) is a real file that
# may be damaged: every folder on its way is real, everything beside them a symlink into SOURCE.
# Sets OUT to the copy's file.
function(copy_with_real_file name relative out)
  set(_to ${DEST}/${name}/${BUNDLE_NAME}/${_arch})
  file(MAKE_DIRECTORY ${_to})
  file(COPY ${_src}/Enhance.ofx ${_src}/runtime.manifest DESTINATION ${_to})
  set(_from ${_src})
  string(REPLACE "/" ";" _parts "${relative}")
  foreach(_part IN LISTS _parts)
    file(GLOB _siblings RELATIVE ${_from} ${_from}/*)
    foreach(_s IN LISTS _siblings)
      if(NOT _s STREQUAL _part AND NOT EXISTS ${_to}/${_s})
        file(CREATE_LINK ${_from}/${_s} ${_to}/${_s} SYMBOLIC)
      endif()
    endforeach()
    set(_from ${_from}/${_part})
    set(_to ${_to}/${_part})
    if(IS_DIRECTORY ${_from})
      file(MAKE_DIRECTORY ${_to})
    else()
      file(COPY_FILE ${_from} ${_to})
    endif()
  endforeach()
  set(${out} ${_to} PARENT_SCOPE)
endfunction()

function(truncate_to file size)
  execute_process(COMMAND truncate -s ${size} ${file} RESULT_VARIABLE _rc)
  file(SIZE ${file} _now)
  if(NOT _rc EQUAL 0 OR NOT _now EQUAL size)
    message(FATAL_ERROR "could not truncate ${file} to ${size} bytes")
  endif()
endfunction()

# The runtime version folders, as the build chose them.
file(GLOB _fxr RELATIVE ${_src} ${_src}/dotnet/host/fxr/*)
file(GLOB _netcore RELATIVE ${_src} ${_src}/dotnet/shared/Microsoft.NETCore.App/*)

copy_with_real_file(truncated-hostfxr ${_fxr}/libhostfxr.so _file)
truncate_to(${_file} 4096)
copy_with_real_file(truncated-coreclr ${_netcore}/libcoreclr.so _file)
truncate_to(${_file} 4096)
copy_with_real_file(truncated-onnxruntime managed/libonnxruntime.so _file)
truncate_to(${_file} 4096)

# Same size, different bytes: what a bad sector or a botched copy leaves; only the hash sees it.
function(corrupt_in_place file original)
  file(SIZE ${file} _size)
  math(EXPR _middle "${_size} / 2")
  execute_process(COMMAND sh -c "printf 'ENHANCE-DAMAGED!' | dd of='${file}' bs=1 seek=${_middle} conv=notrunc 2>/dev/null"
    RESULT_VARIABLE _rc)
  file(SIZE ${file} _after)
  file(SHA256 ${file} _damaged_hash)
  file(SHA256 ${original} _intact_hash)
  if(NOT _rc EQUAL 0 OR NOT _after EQUAL _size OR _damaged_hash STREQUAL _intact_hash)
    message(FATAL_ERROR "could not corrupt ${file} in place")
  endif()
endfunction()
copy_with_real_file(corrupt-corelib ${_netcore}/System.Private.CoreLib.dll _file)
corrupt_in_place(${_file} ${_src}/${_netcore}/System.Private.CoreLib.dll)
# Hashed only by ENHANCE_BUNDLE_CHECK=full (it is not mapped at boot).
copy_with_real_file(corrupt-onnxruntime managed/libonnxruntime.so _file)
corrupt_in_place(${_file} ${_src}/managed/libonnxruntime.so)

copy_with_real_file(missing-hostpolicy ${_netcore}/libhostpolicy.so _file)
file(REMOVE ${_file})

copy_with_real_file(no-manifest ${_fxr}/libhostfxr.so _file)
file(REMOVE ${DEST}/no-manifest/${BUNDLE_NAME}/${_arch}/runtime.manifest)
