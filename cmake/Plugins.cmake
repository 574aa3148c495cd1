# The plug-ins Enhance.ofx offers, in the order OfxGetPlugin lists them. Read by native/shim (it
# generates the compile-time plug-in table and one trampoline per entry) and by cmake/Bundle.cmake
# (one icon per plug-in). Adding a node: add its identifier here, an icon under
# native/resources/icons/<identifier>.svg, and its managed registration in src/Plugin.Host.
set(ENHANCE_PLUGINS "io.enhance.Upscale;io.enhance.Grain")
set(ENHANCE_PLUGIN_VERSION_MAJOR 1)
set(ENHANCE_PLUGIN_VERSION_MINOR 0)

# Where the bundle is assembled in the build tree (the shim is linked straight into it).
set(ENHANCE_BUNDLE_NAME "Enhance.ofx.bundle")
set(ENHANCE_BUNDLE_DIR "${CMAKE_BINARY_DIR}/${ENHANCE_BUNDLE_NAME}")
