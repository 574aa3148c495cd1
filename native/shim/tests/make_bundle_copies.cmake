# Makes copies of the assembled bundle for the boot tests:
#   DEST/no-runtime/<bundle>:  the private runtime folder (dotnet/) is gone;
#   DEST/bad-config/<bundle>:  the runtime is there but the runtimeconfig.json is not JSON;
#   DEST/no-boot/<bundle>:     Enhance.Plugin.Host.dll is another assembly (no Boot entry point);
#   DEST/second-copy/<bundle>: intact, at a second path.
# The shim is copied (not linked: it finds its bundle through its own real path); the large
# runtime and managed files are symlinked to keep the fixture fast.
# cmake -DSOURCE=<build>/Enhance.ofx.bundle -DDEST=<dir> -DBUNDLE_NAME=Enhance.ofx.bundle -P make_bundle_copies.cmake
set(_arch Contents/Linux-x86-64)
set(_src ${SOURCE}/${_arch})
foreach(_required ${_src}/Enhance.ofx ${_src}/managed/Enhance.Plugin.Host.runtimeconfig.json ${_src}/dotnet)
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
