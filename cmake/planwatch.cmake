# planwatch_library(NAME SRCS ... DEPS ...): one static library per folder of src/.
# Headers are included from src/ ("import/import.h"), so every library exports it.
function(planwatch_library name)
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SRCS})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(${name} PRIVATE -Wall -Wextra -Wno-missing-field-initializers)
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()

# planwatch_test(NAME SRCS ... DEPS ... [LABELS ...] [WHOLE]): a GoogleTest binary, each
# test a ctest case with the given labels (unit, pg, seeds, integration). WHOLE
# registers the binary as ONE ctest case instead, for binaries with a costly
# shared setup (a _pgtest starts PostgreSQL once per binary).
# PLANWATCH_SOURCE_DIR lets tests find samples/ and data/ from any build dir.
function(planwatch_test name)
  cmake_parse_arguments(ARG "WHOLE" "" "SRCS;DEPS;LABELS" ${ARGN})
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  add_executable(${name} ${ARG_SRCS})
  target_compile_options(${name} PRIVATE -Wall -Wextra -Wno-missing-field-initializers)
  target_compile_definitions(${name} PRIVATE PLANWATCH_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                             PLANWATCH_BINARY="$<TARGET_FILE:planwatch>")
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gmock GTest::gtest_main)
  if(ARG_WHOLE)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  else()
    gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
  endif()
endfunction()

# planwatch_embed(TARGET OUT_CC ROOT FILES...): compiles files into the binary as
# planwatch::resources, keyed by their path relative to ROOT.
function(planwatch_embed out_cc root)
  set(files ${ARGN})
  add_custom_command(
    OUTPUT ${out_cc}
    COMMAND pw_embed ${out_cc} ${root} ${files}
    DEPENDS pw_embed ${files}
    COMMENT "Embedding ${CMAKE_CURRENT_LIST_DIR} resources"
    VERBATIM)
endfunction()

include(GoogleTest)
