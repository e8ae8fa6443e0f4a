# Makes the headers of a simulated next version: every versioned struct
# gets one member appended (abi_next) and its IV_*_VERSION one higher, as a
# real growth would do. The growth test builds the library against these and
# runs programs compiled against today's headers on it.
#
# usage: cmake -DSRC=include -DDST=dir -P patch-headers.cmake
if(NOT SRC OR NOT DST)
  message(FATAL_ERROR "patch-headers: set SRC and DST")
endif()

file(GLOB_RECURSE _headers RELATIVE "${SRC}" "${SRC}/infoview/*.h")
foreach(_h IN LISTS _headers)
  file(READ "${SRC}/${_h}" _text)
  set(_IV_TEXT_${_h} "${_text}")
  list(APPEND _IV_FILES ${_h})
endforeach()

# Replaces `old` by `new` in header `file`; fails when `old` is not there
# exactly once, so that a header edit cannot silently shrink the test.
function(iv_patch file old new)
  set(_t "${_IV_TEXT_${file}}")
  string(FIND "${_t}" "${old}" _at)
  string(FIND "${_t}" "${old}" _last REVERSE)
  if(_at EQUAL -1 OR NOT _at EQUAL _last)
    message(FATAL_ERROR "patch-headers: '${old}' is not in ${file} exactly once")
  endif()
  string(REPLACE "${old}" "${new}" _t "${_t}")
  set(_IV_TEXT_${file} "${_t}" PARENT_SCOPE)
endfunction()

# Bumps `#define macro N` in header `file` to N + 1, whatever N is today.
function(iv_bump file macro)
  set(_t "${_IV_TEXT_${file}}")
  string(REGEX MATCH "#define ${macro} ([0-9]+)\n" _line "${_t}")
  if(NOT _line)
    message(FATAL_ERROR "patch-headers: no '#define ${macro} N' in ${file}")
  endif()
  math(EXPR _next "${CMAKE_MATCH_1} + 1")
  iv_patch(${file} "${_line}" "#define ${macro} ${_next}\n")
  set(_IV_TEXT_${file} "${_IV_TEXT_${file}}" PARENT_SCOPE)
endfunction()

# Appends `member_decl` to struct `type`, bumps `macro`_VERSION and gives
# the member a zero in `macro`_INIT, as a real growth would.
# Bumps `#define <macro> N` to N + 1 in header `file`.
function(iv_bump file macro)
  string(REGEX MATCH "#define ${macro} ([0-9]+)\n" _m "${_IV_TEXT_${file}}")
  if(NOT _m)
    message(FATAL_ERROR "patch-headers: no '#define ${macro} N' in ${file}")
  endif()
  math(EXPR _next "${CMAKE_MATCH_1} + 1")
  iv_patch(${file} "${_m}" "#define ${macro} ${_next}\n")
  set(_IV_TEXT_${file} "${_IV_TEXT_${file}}" PARENT_SCOPE)
endfunction()

function(iv_grow file type member_decl macro)
  iv_patch(${file} "\n} ${type};" "\n\t${member_decl}\n} ${type};")
  iv_bump(${file} ${macro}_VERSION)
  set(_t "${_IV_TEXT_${file}}")
  string(REGEX MATCH "#define ${macro}_INIT {[^}\n]*}" _init "${_t}")
  if(NOT _init)
    message(FATAL_ERROR "patch-headers: no one-line ${macro}_INIT in ${file}")
  endif()
  string(REGEX REPLACE " }$" ", 0 }" _grown "${_init}")
  iv_patch(${file} "${_init}" "${_grown}")
  set(_IV_TEXT_${file} "${_IV_TEXT_${file}}" PARENT_SCOPE)
endfunction()

iv_grow(infoview/contact.h iv_contact_filter "const char *abi_next;" IV_CONTACT_FILTER)
iv_grow(infoview/intro.h iv_intro_filter "const char *abi_next;" IV_INTRO_FILTER)
iv_grow(infoview/interview.h iv_interview_filter "const char *abi_next;" IV_INTERVIEW_FILTER)
iv_grow(infoview/followup.h iv_followup_filter "const char *abi_next;" IV_FOLLOWUP_FILTER)
iv_grow(infoview/agenda.h iv_agenda_options "int abi_next;" IV_AGENDA_OPTIONS)
iv_grow(infoview/search.h iv_search_options "int abi_next;" IV_SEARCH_OPTIONS)
iv_grow(infoview/draft.h iv_draft_options "int abi_next;" IV_DRAFT_OPTIONS)
iv_grow(infoview/draft.h iv_draft_report "int abi_next;" IV_DRAFT_REPORT)
iv_grow(infoview/workflow.h iv_rules "int abi_next;" IV_RULES)
iv_grow(infoview/note.h iv_note_filter "const char *abi_next;" IV_NOTE_FILTER)
iv_grow(infoview/interop.h iv_import_options "int abi_next;" IV_IMPORT_OPTIONS)
iv_grow(infoview/interop.h iv_export_options "int abi_next;" IV_EXPORT_OPTIONS)
iv_grow(infoview/target.h iv_target_filter "const char *abi_next;" IV_TARGET_FILTER)

# The backend structs are declared as `struct x { ... };`: append before the
# closing brace that follows their last member.
iv_patch(infoview/sys/backend.h "int (*target_list)(iv_backend_iter **out, iv_backend *be, const iv_target_filter *filter);\n};"
  "int (*target_list)(iv_backend_iter **out, iv_backend *be, const iv_target_filter *filter);\n\tvoid (*abi_next)(void);\n};")
iv_bump(infoview/sys/backend.h IV_BACKEND_VERSION)
iv_patch(infoview/sys/backend.h "void (*free)(iv_backend_iter *it);\n};"
  "void (*free)(iv_backend_iter *it);\n\tvoid (*abi_next)(void);\n};")
iv_bump(infoview/sys/backend.h IV_BACKEND_ITER_VERSION)

foreach(_h IN LISTS _IV_FILES)
  # Written only when changed, so that the library is not rebuilt each time.
  set(_out "${DST}/${_h}")
  set(_old "")
  if(EXISTS "${_out}")
    file(READ "${_out}" _old)
  endif()
  if(NOT _old STREQUAL _IV_TEXT_${_h})
    file(WRITE "${_out}" "${_IV_TEXT_${_h}}")
  endif()
endforeach()
