# The growth test (DESIGN.md, "Growth rules"): the library built with a
# simulated next version of every versioned struct (one member appended,
# version bumped; see patch-headers.cmake and IV_ABI_NEXT in lib/abi.c)
# must serve programs compiled against today's headers unchanged: the
# growth client and the API suites run on it through LD_LIBRARY_PATH,
# under ASan in CI's sanitizer pass and under valgrind in its valgrind pass.

set(IV_NEXT_INCLUDE "${CMAKE_CURRENT_BINARY_DIR}/abi-next/include")
set(IV_NEXT_LIBDIR "${CMAKE_CURRENT_BINARY_DIR}/abi-next/lib")
file(GLOB_RECURSE _iv_headers CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/include/infoview/*.h")
add_custom_command(
  OUTPUT "${IV_NEXT_INCLUDE}/.stamp"
  COMMAND "${CMAKE_COMMAND}" -DSRC=${PROJECT_SOURCE_DIR}/include -DDST=${IV_NEXT_INCLUDE}
          -P "${CMAKE_CURRENT_SOURCE_DIR}/abi-next/patch-headers.cmake"
  COMMAND "${CMAKE_COMMAND}" -E touch "${IV_NEXT_INCLUDE}/.stamp"
  DEPENDS ${_iv_headers} "${CMAKE_CURRENT_SOURCE_DIR}/abi-next/patch-headers.cmake"
  COMMENT "Simulating the next version of every versioned struct")
add_custom_target(infoview_next_headers DEPENDS "${IV_NEXT_INCLUDE}/.stamp")

add_library(infoview_next SHARED ${IV_SOURCES})
add_dependencies(infoview_next infoview_next_headers)
target_include_directories(infoview_next BEFORE PRIVATE "${IV_NEXT_INCLUDE}" "${PROJECT_SOURCE_DIR}/lib")
target_compile_definitions(infoview_next PRIVATE IV_ABI_NEXT _POSIX_C_SOURCE=200809L)
target_compile_options(infoview_next PRIVATE ${IV_WARNINGS})
target_link_libraries(infoview_next PRIVATE ${IV_DEPS} Threads::Threads)
target_link_options(infoview_next PRIVATE "LINKER:--version-script=${IV_MAP}" "LINKER:--no-undefined")
# Relinked when the map changes, as the library itself is.
set_property(TARGET infoview_next APPEND PROPERTY LINK_DEPENDS "${IV_MAP}")
set_target_properties(infoview_next PROPERTIES
  OUTPUT_NAME infoview
  LIBRARY_OUTPUT_DIRECTORY "${IV_NEXT_LIBDIR}"
  SOVERSION ${IV_SOVERSION}
  C_VISIBILITY_PRESET hidden)

# Today's programs on the next library.
iv_api_suite(growth)
set(_iv_next_env "LD_LIBRARY_PATH=${IV_NEXT_LIBDIR};IV_GROWTH_EXPECT_NEXT=1")
add_test(NAME growth COMMAND test_growth)
add_test(NAME growth_next COMMAND test_growth)
set_tests_properties(growth_next PROPERTIES ENVIRONMENT "${_iv_next_env}")
add_dependencies(test_growth infoview_next)
foreach(_t api "conformance memory" "conformance sqlite" "conformance thirdparty"
        "workflow sqlite" "agenda memory" "search memory" draft check "scenario sqlite")
  string(REPLACE " " ";" _cmd "${_t}")
  string(REPLACE " " "_" _name "${_t}")
  list(GET _cmd 0 _suite)
  list(REMOVE_AT _cmd 0)
  add_test(NAME growth_${_name} COMMAND test_${_suite} ${_cmd})
  set_tests_properties(growth_${_name} PROPERTIES ENVIRONMENT "${_iv_next_env}" LABELS growth)
  add_dependencies(test_${_suite} infoview_next)
endforeach()

# A program of the next version on it, with backends still at today's version:
# the core applies the filter member they do not know.
add_executable(test_growth_next abi-next/test_growth_next.c)
add_dependencies(test_growth_next infoview_next_headers)
target_include_directories(test_growth_next BEFORE PRIVATE "${IV_NEXT_INCLUDE}")
target_compile_definitions(test_growth_next PRIVATE _POSIX_C_SOURCE=200809L)
target_compile_options(test_growth_next PRIVATE ${IV_TEST_WARNINGS})
target_link_libraries(test_growth_next PRIVATE infoview_next PkgConfig::CMOCKA)
add_test(NAME growth_postfilter COMMAND test_growth_next)
