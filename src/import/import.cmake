# pw_import: the front door (import.h). Included by src/import/CMakeLists.txt after
# the reader folders, so each reader library that exists joins the registry
# (format_registry.cc tests PLANWATCH_HAVE_<FORMAT>).
set(PW_IMPORT_DEPS pw_import_text pw_recognise pw_common pw_domain)
set(PW_IMPORT_DEFINITIONS "")
foreach(format docx pdf csv xlsx json)
  if(TARGET pw_import_${format})
    string(TOUPPER ${format} upper)
    list(APPEND PW_IMPORT_DEPS pw_import_${format})
    list(APPEND PW_IMPORT_DEFINITIONS PLANWATCH_HAVE_${upper}=1)
  endif()
endforeach()

planwatch_library(pw_import
  SRCS ${CMAKE_CURRENT_LIST_DIR}/import.cc ${CMAKE_CURRENT_LIST_DIR}/format_registry.cc
  DEPS ${PW_IMPORT_DEPS})
target_compile_definitions(pw_import PRIVATE ${PW_IMPORT_DEFINITIONS})

planwatch_test(pw_import_test SRCS ${CMAKE_CURRENT_LIST_DIR}/import_test.cc DEPS pw_import)
target_compile_definitions(pw_import_test PRIVATE ${PW_IMPORT_DEFINITIONS})
