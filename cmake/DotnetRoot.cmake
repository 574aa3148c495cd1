# Finds the .NET installation the build uses: the `dotnet` driver, its root folder (the private
# runtime in the bundle is copied from there) and the hostfxr headers the shim compiles against.
# Order: the DOTNET_ROOT environment variable, else the base path that `dotnet --list-sdks` prints.
#
# Sets (cache): ENHANCE_DOTNET_EXECUTABLE, ENHANCE_SDK_DOTNET_ROOT, ENHANCE_HOSTFXR_INCLUDE_DIR.

find_program(ENHANCE_DOTNET_EXECUTABLE dotnet
  HINTS "$ENV{DOTNET_ROOT}" /usr/share/dotnet /usr/lib/dotnet "$ENV{HOME}/.dotnet"
  DOC "The dotnet driver used to publish the managed plug-in")
if(NOT ENHANCE_DOTNET_EXECUTABLE)
  message(FATAL_ERROR "Enhance: the .NET SDK (`dotnet`) was not found. Install the .NET 10 SDK or set DOTNET_ROOT.")
endif()

if(NOT ENHANCE_SDK_DOTNET_ROOT)
  if(DEFINED ENV{DOTNET_ROOT} AND EXISTS "$ENV{DOTNET_ROOT}/host/fxr")
    set(_root "$ENV{DOTNET_ROOT}")
  else()
    # A line looks like "10.0.401 [/usr/share/dotnet/sdk]": the root is the folder above "sdk".
    execute_process(COMMAND "${ENHANCE_DOTNET_EXECUTABLE}" --list-sdks
      OUTPUT_VARIABLE _sdks RESULT_VARIABLE _rc OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT _rc EQUAL 0 OR NOT _sdks MATCHES "\\[([^]\n]+)\\]")
      message(FATAL_ERROR "Enhance: `dotnet --list-sdks` listed no SDK (exit ${_rc}). Install the .NET 10 SDK.")
    endif()
    get_filename_component(_root "${CMAKE_MATCH_1}" DIRECTORY)
  endif()
  get_filename_component(_root "${_root}" REALPATH)
  set(ENHANCE_SDK_DOTNET_ROOT "${_root}" CACHE PATH ".NET root the private runtime is copied from")
endif()

if(NOT ENHANCE_HOSTFXR_INCLUDE_DIR)
  file(GLOB _hostfxr_headers
    "${ENHANCE_SDK_DOTNET_ROOT}/packs/Microsoft.NETCore.App.Host.linux-x64/*/runtimes/linux-x64/native/hostfxr.h")
  if(NOT _hostfxr_headers)
    message(FATAL_ERROR "Enhance: hostfxr.h not found under ${ENHANCE_SDK_DOTNET_ROOT}/packs/"
      "Microsoft.NETCore.App.Host.linux-x64; the .NET SDK install is incomplete.")
  endif()
  # Newest pack last: NATURAL ordering sorts 10.0.12 after 10.0.9.
  list(SORT _hostfxr_headers COMPARE NATURAL)
  list(GET _hostfxr_headers -1 _newest)
  get_filename_component(_dir "${_newest}" DIRECTORY)
  set(ENHANCE_HOSTFXR_INCLUDE_DIR "${_dir}" CACHE PATH "Folder holding hostfxr.h and coreclr_delegates.h")
endif()
message(STATUS "Enhance: .NET root ${ENHANCE_SDK_DOTNET_ROOT}, hostfxr headers ${ENHANCE_HOSTFXR_INCLUDE_DIR}")
