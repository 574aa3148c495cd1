# Enhance.ofx.bundle: publishes the managed plug-in, adds a private .NET runtime, icons, licences
# and (when tools/models/build-models.sh exists) the models around the shim that native/shim links
# into ${ENHANCE_BUNDLE_DIR}/Contents/Linux-x86-64, and installs the whole bundle.
#
#   <build>/Enhance.ofx.bundle/Contents/
#     Linux-x86-64/Enhance.ofx                  native shim (native/shim)
#     Linux-x86-64/managed/                     dotnet publish of src/Plugin.Host (linux-x64)
#     Linux-x86-64/dotnet/                      private runtime: host/fxr/<v>, shared/Microsoft.NETCore.App/<v>
#     Linux-x86-64/runtime.manifest             size + SHA-256 of every file in dotnet/ and managed/
#     Resources/<pluginId>.png, .svg            one icon per node (128x128 PNG rasterised from the SVG)
#     Resources/licenses/                       our notices, the .NET runtime's and each bundled package's
#     Resources/models/                         from tools/models/build-models.sh, when present
include(${CMAKE_CURRENT_LIST_DIR}/Plugins.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/DotnetRoot.cmake)

set(ENHANCE_CONTENTS_DIR ${ENHANCE_BUNDLE_DIR}/Contents)
set(ENHANCE_ARCH_DIR ${ENHANCE_CONTENTS_DIR}/Linux-x86-64)
set(ENHANCE_RESOURCES_DIR ${ENHANCE_CONTENTS_DIR}/Resources)
set(ENHANCE_PUBLISH_DIR ${CMAKE_BINARY_DIR}/managed)
set(ENHANCE_STAMP_DIR ${CMAKE_BINARY_DIR}/bundle-stamps)
set(_rid linux-x64)

# ---------------------------------------------------------------- managed plug-in
# Every input of the publish; CONFIGURE_DEPENDS re-globs when files are added or removed. bin/ and
# obj/ are outputs of other builds, not inputs.
file(GLOB_RECURSE _managed_inputs CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/src/*.cs ${PROJECT_SOURCE_DIR}/src/*.csproj ${PROJECT_SOURCE_DIR}/src/*.json)
list(FILTER _managed_inputs EXCLUDE REGEX "/(bin|obj)/")
list(APPEND _managed_inputs ${PROJECT_SOURCE_DIR}/Directory.Build.props ${PROJECT_SOURCE_DIR}/Directory.Packages.props)

# ReadyToRun precompiles the managed plug-in so less is JIT-compiled when a host first loads it.
# Off by default: the gain measured was small (~15% of the boot's CPU time with one node) and it
# needs the crossgen2 package from NuGet on the first build.
option(ENHANCE_READY_TO_RUN "Publish the managed plug-in ReadyToRun (precompiled)" OFF)
set(_publish_options "")
if(ENHANCE_READY_TO_RUN)
  list(APPEND _publish_options -p:PublishReadyToRun=true)
endif()

# A fresh output folder each time, so a deleted dependency does not linger in the bundle. With a
# runtime identifier the publish carries only linux-x64 native files (all platforms: 239 MB).
add_custom_command(OUTPUT ${ENHANCE_STAMP_DIR}/managed-published
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${ENHANCE_PUBLISH_DIR}
  COMMAND ${ENHANCE_DOTNET_EXECUTABLE} publish ${PROJECT_SOURCE_DIR}/src/Plugin.Host/Plugin.Host.csproj
          -c Release -r ${_rid} --self-contained false -o ${ENHANCE_PUBLISH_DIR} --nologo -v:minimal ${_publish_options}
  COMMAND ${CMAKE_COMMAND} -E touch ${ENHANCE_STAMP_DIR}/managed-published
  DEPENDS ${_managed_inputs}
  COMMENT "dotnet publish Enhance.Plugin.Host (${_rid}, framework-dependent)"
  VERBATIM)

# ONNX Runtime's CUDA provider (libonnxruntime_providers_cuda.so, 290 MB of the bundle's ~430 MB): on by
# default, so one bundle runs the network on the GPU wherever CUDA 13 and cuDNN 9 are found and on the CPU
# elsewhere, saying why. OFF makes a CPU-only bundle (e.g. for machines that will never have NVIDIA).
# The TensorRT provider is never shipped: it needs TensorRT, which no host of ours provides.
option(ENHANCE_CUDA_PROVIDER "Ship ONNX Runtime's CUDA provider in the bundle" ON)
set(_drop_providers ${ENHANCE_ARCH_DIR}/managed/libonnxruntime_providers_tensorrt.so)
if(NOT ENHANCE_CUDA_PROVIDER)
  list(APPEND _drop_providers ${ENHANCE_ARCH_DIR}/managed/libonnxruntime_providers_cuda.so)
endif()

add_custom_command(OUTPUT ${ENHANCE_STAMP_DIR}/managed-copied
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${ENHANCE_ARCH_DIR}/managed
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${ENHANCE_PUBLISH_DIR} ${ENHANCE_ARCH_DIR}/managed
  COMMAND ${CMAKE_COMMAND} -E rm -f ${_drop_providers}
  COMMAND ${CMAKE_COMMAND} -E touch ${ENHANCE_STAMP_DIR}/managed-copied
  DEPENDS ${ENHANCE_STAMP_DIR}/managed-published
  COMMENT "Bundle: managed plug-in"
  VERBATIM)

# ---------------------------------------------------------------- private runtime
# The Microsoft.NETCore.App the publish asks for (its runtimeconfig), from the SDK's .NET root.
add_custom_command(OUTPUT ${ENHANCE_STAMP_DIR}/runtime-copied
  COMMAND ${CMAKE_COMMAND} -DDOTNET_ROOT=${ENHANCE_SDK_DOTNET_ROOT}
          -DRUNTIME_CONFIG=${ENHANCE_PUBLISH_DIR}/Enhance.Plugin.Host.runtimeconfig.json
          -DDEST=${ENHANCE_ARCH_DIR}/dotnet -DSTAMP=${ENHANCE_STAMP_DIR}/runtime-copied
          -P ${CMAKE_CURRENT_LIST_DIR}/CopyPrivateRuntime.cmake
  DEPENDS ${ENHANCE_STAMP_DIR}/managed-published ${CMAKE_CURRENT_LIST_DIR}/CopyPrivateRuntime.cmake
  COMMENT "Bundle: private .NET runtime"
  VERBATIM)

# ---------------------------------------------------------------- runtime manifest
# The shim checks every file of dotnet/ and managed/ against this list before it loads the runtime
# (a truncated library would kill the host). Written after both folders are staged, from what is
# in the bundle, so it describes exactly the files it sits beside.
add_custom_command(OUTPUT ${ENHANCE_ARCH_DIR}/runtime.manifest
  COMMAND ${CMAKE_COMMAND} -DARCH_DIR=${ENHANCE_ARCH_DIR} -P ${CMAKE_CURRENT_LIST_DIR}/WriteRuntimeManifest.cmake
  DEPENDS ${ENHANCE_STAMP_DIR}/managed-copied ${ENHANCE_STAMP_DIR}/runtime-copied
          ${CMAKE_CURRENT_LIST_DIR}/WriteRuntimeManifest.cmake
  COMMENT "Bundle: runtime manifest"
  VERBATIM)

# ---------------------------------------------------------------- icons
find_program(ENHANCE_RSVG_CONVERT rsvg-convert)
if(NOT ENHANCE_RSVG_CONVERT)
  message(FATAL_ERROR "Enhance: rsvg-convert is needed to rasterise the node icons. "
    "Install it (Debian/Ubuntu: apt-get install librsvg2-bin; Rocky/Alma: dnf install librsvg2-tools).")
endif()
set(_icon_outputs "")
foreach(_id IN LISTS ENHANCE_PLUGINS)
  set(_svg ${PROJECT_SOURCE_DIR}/native/resources/icons/${_id}.svg)
  if(NOT EXISTS ${_svg})
    message(FATAL_ERROR "Enhance: plug-in ${_id} has no icon ${_svg}")
  endif()
  add_custom_command(OUTPUT ${ENHANCE_RESOURCES_DIR}/${_id}.png ${ENHANCE_RESOURCES_DIR}/${_id}.svg
    COMMAND ${CMAKE_COMMAND} -E make_directory ${ENHANCE_RESOURCES_DIR}
    COMMAND ${ENHANCE_RSVG_CONVERT} --width 128 --height 128 --format png --output ${ENHANCE_RESOURCES_DIR}/${_id}.png ${_svg}
    COMMAND ${CMAKE_COMMAND} -E copy ${_svg} ${ENHANCE_RESOURCES_DIR}/${_id}.svg
    DEPENDS ${_svg}
    COMMENT "Bundle: icon ${_id}"
    VERBATIM)
  list(APPEND _icon_outputs ${ENHANCE_RESOURCES_DIR}/${_id}.png ${ENHANCE_RESOURCES_DIR}/${_id}.svg)
endforeach()

# ---------------------------------------------------------------- licences
file(GLOB _own_notices CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/native/resources/licenses/*)
add_custom_command(OUTPUT ${ENHANCE_STAMP_DIR}/licenses-copied
  COMMAND ${CMAKE_COMMAND} -DDOTNET_ROOT=${ENHANCE_SDK_DOTNET_ROOT} -DOWN_DIR=${PROJECT_SOURCE_DIR}/native/resources/licenses
          -DDEPS_DIR=${ENHANCE_PUBLISH_DIR} -DDEST=${ENHANCE_RESOURCES_DIR}/licenses
          -DSTAMP=${ENHANCE_STAMP_DIR}/licenses-copied -P ${CMAKE_CURRENT_LIST_DIR}/CopyLicenses.cmake
  DEPENDS ${ENHANCE_STAMP_DIR}/managed-published ${_own_notices} ${CMAKE_CURRENT_LIST_DIR}/CopyLicenses.cmake
  COMMENT "Bundle: licence texts"
  VERBATIM)

# ---------------------------------------------------------------- bundle target
add_custom_target(bundle ALL
  DEPENDS ${ENHANCE_STAMP_DIR}/managed-copied ${ENHANCE_STAMP_DIR}/runtime-copied
          ${ENHANCE_ARCH_DIR}/runtime.manifest ${ENHANCE_STAMP_DIR}/licenses-copied ${_icon_outputs}
  COMMENT "Enhance.ofx.bundle assembled in ${ENHANCE_BUNDLE_DIR}")
add_dependencies(bundle enhance_shim)

# ---------------------------------------------------------------- models (optional hook)
# tools/models/build-models.sh OUTDIR writes the ONNX models and models.json; it is idempotent, so
# it runs on every build and returns quickly when up to date. Re-configure when tools/ changes so
# the hook appears as soon as the script lands.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tools)
set(_models_script ${PROJECT_SOURCE_DIR}/tools/models/build-models.sh)
if(EXISTS ${_models_script})
  option(ENHANCE_BUILD_MODELS "Build the models with tools/models/build-models.sh into the bundle" ON)
  if(ENHANCE_BUILD_MODELS)
    add_custom_target(enhance_models
      COMMAND bash ${_models_script} ${CMAKE_BINARY_DIR}/models
      COMMAND ${CMAKE_COMMAND} -E rm -rf ${ENHANCE_RESOURCES_DIR}/models
      COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_BINARY_DIR}/models ${ENHANCE_RESOURCES_DIR}/models
      # The script's up-to-date marker is build bookkeeping, not a resource.
      COMMAND ${CMAKE_COMMAND} -E rm -f ${ENHANCE_RESOURCES_DIR}/models/.stamp
      COMMENT "Bundle: models (tools/models/build-models.sh)"
      USES_TERMINAL
      VERBATIM)
    add_dependencies(bundle enhance_models)
  endif()
endif()

# ---------------------------------------------------------------- install
# Hosts look in /usr/OFX/Plugins. An absolute ENHANCE_OFX_INSTALL_DIR ignores --prefix (DESTDIR
# still stages it); a relative one is taken under the prefix, e.g.
#   cmake -B build -DENHANCE_OFX_INSTALL_DIR=OFX/Plugins && cmake --install build --prefix ~/ofx
set(ENHANCE_OFX_INSTALL_DIR "/usr/OFX/Plugins" CACHE STRING "Folder the Enhance.ofx.bundle is installed into")
install(DIRECTORY ${ENHANCE_BUNDLE_DIR} DESTINATION ${ENHANCE_OFX_INSTALL_DIR} USE_SOURCE_PERMISSIONS)
