/**
 * @file infoview/ffi.h
 * @brief What a binding needs to know without reading the headers: the
 *        versioned structs' sizes and members, and the numeric constants.
 *
 * A binding (ctypes, cffi, JNA, a Rust -sys crate generated at run time)
 * can build every transparent struct from these descriptions instead of
 * copying layouts and numbers from the headers, and so keeps working when
 * a later library appends members. Enumerations are described by
 * iv_enum_name() and iv_enum_value() in types.h.
 *
 * Every function here is thread-safe and reads only static tables.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_ffi_h__
#define INCLUDE_infoview_ffi_h__

#include "common.h"

IV_BEGIN_DECL

/**
 * The name of the index-th versioned struct this library knows, as spelled
 * in C ("iv_contact_filter", "iv_rules", "iv_backend", ...).
 *
 * @param index 0, 1, 2, ... for each struct
 * @return a static string, never freed; NULL when `index` is past the last
 */
IV_EXTERN(const char *) iv_struct_name(size_t index);

/**
 * The newest version of a versioned struct that this library knows (what
 * its IV_*_VERSION macro was when the library was built).
 *
 * @param name the struct's C name, e.g. "iv_contact_filter"
 * @return the version, or 0 when the library knows no struct of that name
 */
IV_EXTERN(unsigned int) iv_struct_version(const char *name);

/**
 * The number of bytes of a versioned struct that the library reads and
 * writes for a given version: the end of that version's last member. A
 * caller may allocate more (sizeof rounds up to alignment), never less.
 *
 * @param name the struct's C name
 * @param version 1 up to iv_struct_version(name)
 * @return the size, or 0 for an unknown name or version
 */
IV_EXTERN(size_t) iv_struct_size(const char *name, unsigned int version);

/**
 * Describes the index-th member of a versioned struct, in declaration
 * order (members only ever get appended).
 *
 * @param member where to store the member's name (static string); may be NULL
 * @param offset where to store its offset in bytes; may be NULL
 * @param type where to store its C type, one of "unsigned int", "int",
 *        "int64_t", "size_t", "const char *", "pointer" (a handle such as
 *        iv_db *) and "function" (a function pointer); static; may be NULL
 * @param since where to store the first struct version that has it; may be NULL
 * @param name the struct's C name
 * @param index 0 for the first member (always "version")
 * @return 0; IV_ITEROVER when `index` is past the last member;
 *         IV_ENOTFOUND for an unknown struct (the message names it);
 *         IV_EINVALID when `name` is NULL
 */
IV_EXTERN(int) iv_struct_member(const char **member, size_t *offset, const char **type,
				unsigned int *since, const char *name, size_t index);

/**
 * The value of a numeric macro of the public headers, by its name:
 * "IV_ID_LEN", "IV_TIME_MAX", "IV_LIMIT_SHORT" (and the other limits),
 * "IV_VERSION_MAJOR", "IV_VERSION_MINOR", "IV_VERSION_PATCH",
 * "IV_VERSION_NUMBER", and every struct's "IV_..._VERSION".
 *
 * @param out where to store the value
 * @param name the macro's name
 * @return 0; IV_ENOTFOUND for a name this library does not define;
 *         IV_EINVALID when `out` or `name` is NULL
 */
IV_EXTERN(int) iv_constant(int64_t *out, const char *name);

IV_END_DECL

#endif
