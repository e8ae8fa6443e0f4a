# Packaging checks: what users of the built and installed library see.
#   exports      the shared library exports exactly the IV_EXTERN functions,
#                each by name in its node of the version script
#   abi          the ABI is the committed baseline's, or adds to it in a new
#                node (when abidiff, from abigail-tools, is installed)
#   headers_c    every public header compiles alone as C11, warnings as errors
#   headers_cxx  the same as C++ (when a C++ compiler is available)
#   consumer     install to a prefix; build and run programs against it with
#                pkg-config (shared and static) and CMake find_package()
#   quickstart   the example runs twice on one store without duplicating it
#   docs         doxygen builds the reference manual without a warning
# The checks are shell scripts so that each ctest does its work when run,
# against what the build produced, rather than at configure time.

find_program(IV_BASH bash)
if(NOT IV_BASH)
  message(STATUS "bash not found: packaging tests disabled")
  return()
endif()

set(IV_PUBLIC_INCLUDE "${PROJECT_SOURCE_DIR}/include")
set(IV_SONAME "libinfoview.so.${IV_SOVERSION}")

if(BUILD_SHARED_LIBS)
  if(CMAKE_NM)
    set(_iv_nm "${CMAKE_NM}")
  else()
    set(_iv_nm nm)
  endif()
  add_test(NAME exports
    COMMAND "${IV_BASH}" "${CMAKE_CURRENT_SOURCE_DIR}/check-exports.sh"
            "$<TARGET_FILE:infoview>" "${IV_PUBLIC_INCLUDE}"
            "${PROJECT_SOURCE_DIR}/lib/infoview.map" "${_iv_nm}")
  set_tests_properties(exports PROPERTIES LABELS packaging)

  # abi/update.sh writes the baseline; CI installs abigail-tools, so there
  # the check always runs. A build without debug info compares symbols only
  # and reports the test as skipped.
  find_program(IV_ABIDIFF abidiff)
  if(CMAKE_READELF)
    set(_iv_readelf "${CMAKE_READELF}")
  else()
    set(_iv_readelf readelf)
  endif()
  if(IV_ABIDIFF)
    add_test(NAME abi
      COMMAND "${IV_BASH}" "${CMAKE_CURRENT_SOURCE_DIR}/check-abi.sh"
              "$<TARGET_FILE:infoview>"
              "${PROJECT_SOURCE_DIR}/abi/${IV_SONAME}.abi"
              "${IV_PUBLIC_INCLUDE}" "${PROJECT_SOURCE_DIR}/abi/suppressions"
              "${IV_ABIDIFF}" "${_iv_nm}" "${_iv_readelf}")
    set_tests_properties(abi PROPERTIES LABELS packaging SKIP_RETURN_CODE 77)
  else()
    message(STATUS "abidiff not found (abigail-tools): abi test disabled")
  endif()
endif()

add_test(NAME headers_c
  COMMAND "${IV_BASH}" "${CMAKE_CURRENT_SOURCE_DIR}/check-headers.sh"
          c "${CMAKE_C_COMPILER}" "${IV_PUBLIC_INCLUDE}")
set_tests_properties(headers_c PROPERTIES LABELS packaging)

# Only the compiler's path is needed, so the project does not enable C++.
include(CheckLanguage)
check_language(CXX)
if(CMAKE_CXX_COMPILER)
  add_test(NAME headers_cxx
    COMMAND "${IV_BASH}" "${CMAKE_CURRENT_SOURCE_DIR}/check-headers.sh"
            c++ "${CMAKE_CXX_COMPILER}" "${IV_PUBLIC_INCLUDE}")
  set_tests_properties(headers_cxx PROPERTIES LABELS packaging)
else()
  message(STATUS "no C++ compiler: headers_cxx disabled")
endif()

if(BUILD_SHARED_LIBS)
  set(_iv_shared 1)
else()
  set(_iv_shared 0)
endif()
if(TARGET infoview_static OR NOT BUILD_SHARED_LIBS)
  set(_iv_static 1)
else()
  set(_iv_static 0)
endif()
add_test(NAME consumer
  COMMAND "${IV_BASH}" "${CMAKE_CURRENT_SOURCE_DIR}/consumer/run.sh"
          --build "${PROJECT_BINARY_DIR}"
          --libdir "${CMAKE_INSTALL_LIBDIR}"
          --cmake "${CMAKE_COMMAND}"
          --cc "${CMAKE_C_COMPILER}"
          --pkg-config "${PKG_CONFIG_EXECUTABLE}"
          --version "${PROJECT_VERSION}"
          --soname "${IV_SONAME}"
          --shared ${_iv_shared}
          --static ${_iv_static})
# Configuring and building two small projects takes a few seconds.
set_tests_properties(consumer PROPERTIES LABELS packaging TIMEOUT 600)

if(TARGET iv-quickstart)
  add_test(NAME quickstart
    COMMAND "${IV_BASH}" "${CMAKE_CURRENT_SOURCE_DIR}/check-quickstart.sh"
            "$<TARGET_FILE:iv-quickstart>")
  set_tests_properties(quickstart PROPERTIES LABELS packaging)
endif()

# The C programs in README.md compile and run as printed.
if(BUILD_SHARED_LIBS)
  add_test(NAME readme
    COMMAND "${IV_BASH}" "${CMAKE_CURRENT_SOURCE_DIR}/check-readme.sh"
            "${PROJECT_SOURCE_DIR}/README.md" "${CMAKE_C_COMPILER}"
            "${IV_PUBLIC_INCLUDE}" "$<TARGET_FILE_DIR:infoview>")
  set_tests_properties(readme PROPERTIES LABELS packaging)
endif()

# The reference manual builds without a single doxygen warning: every public
# symbol, member and parameter is documented (FAIL_ON_WARNINGS in the
# Doxyfile makes doxygen exit non-zero after reporting them all).
if(DOXYGEN_FOUND)
  add_test(NAME docs
    COMMAND "${DOXYGEN_EXECUTABLE}" "${PROJECT_BINARY_DIR}/docs/Doxyfile"
    WORKING_DIRECTORY "${PROJECT_BINARY_DIR}/docs")
  set_tests_properties(docs PROPERTIES LABELS packaging)
endif()
