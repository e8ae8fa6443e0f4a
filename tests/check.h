/*
 * Assertions shared by the cmocka suites: each shows the library's own
 * message when a call does not return what the test expected.
 * Include after <cmocka.h>.
 */
#ifndef IV_TEST_CHECK_H
#define IV_TEST_CHECK_H

#include <string.h>
#include <infoview/infoview.h>

#define FAIL(...) do { print_error(__VA_ARGS__); fail(); } while (0)

/* Asserts that `expr` returns `code`, showing the library's message if not. */
#define check(expr, code) do { \
	int rc_ = (expr); \
	if (rc_ != (code)) \
		FAIL("%s\n  returned %s (%d): %s\n  expected %s\n", #expr, \
		     iv_error_name(rc_), rc_, iv_error_last()->message, \
		     iv_error_name(code)); \
} while (0)

#define ok(expr) check(expr, IV_OK)

/* Asserts that a string is set and equal to `expected`. */
#define assert_str(actual, expected) do { \
	const char *s_ = (actual); \
	if (s_ == NULL) \
		FAIL("%s is NULL, expected \"%s\"\n", #actual, (expected)); \
	assert_string_equal(s_, (expected)); \
} while (0)

/* Asserts that the last error's message contains `needle`. */
#define assert_message_has(needle) do { \
	const char *m_ = iv_error_last()->message; \
	if (strstr(m_, (needle)) == NULL) \
		FAIL("message \"%s\" does not contain \"%s\"\n", m_, (needle)); \
} while (0)

#define HOUR ((iv_time)3600)
#define DAY (24 * HOUR)

#endif
