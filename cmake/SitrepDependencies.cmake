# Every dependency comes from a Debian package (scripts/setup installs them);
# the build downloads nothing.
find_package(Threads REQUIRED)
find_package(tl-expected REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(SQLite3 REQUIRED)
find_package(CURL REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(HS REQUIRED IMPORTED_TARGET libhs)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(ARCHIVE REQUIRED IMPORTED_TARGET libarchive)
# Debian's libcpp-httplib-dev ships a compiled library, not only <httplib.h>.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(simdjson QUIET)
find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
find_path(CLD2_INCLUDE_DIR NAMES cld2/public/compact_lang_det.h REQUIRED)

# One interface target the library and tools link privately.
add_library(sitrep_deps INTERFACE)
target_include_directories(sitrep_deps INTERFACE ${CLD2_INCLUDE_DIR})
target_link_libraries(sitrep_deps INTERFACE
  fmt::fmt nlohmann_json::nlohmann_json ICU::uc ICU::i18n ICU::data SQLite::SQLite3
  CURL::libcurl PkgConfig::HS PkgConfig::GUMBO PkgConfig::ARCHIVE PkgConfig::HTTPLIB
  ${CLD2_LIBRARY})
if(simdjson_FOUND)
  target_link_libraries(sitrep_deps INTERFACE simdjson::simdjson)
  target_compile_definitions(sitrep_deps INTERFACE SITREP_HAVE_SIMDJSON=1)
endif()
