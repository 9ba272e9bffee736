# GMime and ICU as imported targets, found the way each platform ships them:
#   Linux, macOS (Homebrew): pkg-config files gmime-3.0, icu-uc, icu-i18n
#   Windows (vcpkg):          vcpkg's gmime port installs no pkg-config file, so
#                             headers and import libraries are found directly; ICU
#                             through CMake's own FindICU.
# Creates yubisashi::gmime and yubisashi::icu.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(GMIME QUIET IMPORTED_TARGET gmime-3.0)
  pkg_check_modules(ICU QUIET IMPORTED_TARGET icu-uc icu-i18n)
endif()

if(TARGET PkgConfig::GMIME)
  add_library(yubisashi::gmime ALIAS PkgConfig::GMIME)
else()
  find_path(GMIME_INCLUDE_DIR gmime/gmime.h PATH_SUFFIXES gmime-3.0)
  find_library(GMIME_LIBRARY NAMES gmime-3.0 gmime)
  find_path(GLIB_INCLUDE_DIR glib.h PATH_SUFFIXES glib-2.0)
  find_path(GLIB_CONFIG_INCLUDE_DIR glibconfig.h PATH_SUFFIXES glib-2.0/include lib/glib-2.0/include)
  find_library(GLIB_LIBRARY NAMES glib-2.0)
  find_library(GOBJECT_LIBRARY NAMES gobject-2.0)
  if(NOT (GMIME_INCLUDE_DIR AND GMIME_LIBRARY AND GLIB_INCLUDE_DIR AND GLIB_CONFIG_INCLUDE_DIR
          AND GLIB_LIBRARY AND GOBJECT_LIBRARY))
    message(FATAL_ERROR "GMime 3 was not found: install libgmime-3.0-dev (Debian), gmime "
      "(Homebrew) or the gmime port (vcpkg, see vcpkg.json).")
  endif()
  add_library(yubisashi_gmime INTERFACE)
  target_include_directories(yubisashi_gmime INTERFACE
    ${GMIME_INCLUDE_DIR} ${GLIB_INCLUDE_DIR} ${GLIB_CONFIG_INCLUDE_DIR})
  target_link_libraries(yubisashi_gmime INTERFACE ${GMIME_LIBRARY} ${GOBJECT_LIBRARY} ${GLIB_LIBRARY})
  add_library(yubisashi::gmime ALIAS yubisashi_gmime)
endif()

if(TARGET PkgConfig::ICU)
  add_library(yubisashi::icu ALIAS PkgConfig::ICU)
else()
  find_package(ICU 70 REQUIRED COMPONENTS uc i18n data)
  add_library(yubisashi_icu INTERFACE)
  target_link_libraries(yubisashi_icu INTERFACE ICU::uc ICU::i18n ICU::data)
  add_library(yubisashi::icu ALIAS yubisashi_icu)
endif()
