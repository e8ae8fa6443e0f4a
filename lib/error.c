/*
 * The thread-local last error.
 */
#include <stdio.h>
#include <string.h>

#include "util.h"

#define IV_ERROR_MAX 512

/*
 * One error per thread, formatted into a fixed buffer so that reporting an
 * error never allocates (and so never fails for lack of memory).
 */
static _Thread_local struct {
	iv_error err;
	char buf[IV_ERROR_MAX];
} last;

static const char no_error[] = "no error";

const iv_error *iv_error_last(void)
{
	if (!last.err.message)
		last.err.message = no_error;
	return &last.err;
}

int iv_error_code(void)
{
	return last.err.code;
}

const char *iv_error_message(void)
{
	return iv_error_last()->message;
}

void iv_error_clear(void)
{
	last.err.code = IV_OK;
	last.err.message = no_error;
}

IV_PRINTF(2, 0) static int set_message(int code, const char *fmt, va_list ap)
{
	vsnprintf(last.buf, sizeof(last.buf), fmt, ap);
	last.err.code = code;
	last.err.message = last.buf;
	return code;
}

int iv__error(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(code, fmt, ap);
	va_end(ap);
	return code;
}

int iv_error_set(int code, const char *message)
{
	if (code == IV_OK) {
		iv_error_clear();
		return IV_OK;
	}
	/* A backend relaying the current message passes our own buffer back. */
	if (message == last.buf) {
		last.err.code = code;
		last.err.message = last.buf;
		return code;
	}
	return iv__error(code, "%s", message ? message : iv__error_words(code));
}

int iv__oom(void)
{
	return iv__error(IV_ENOMEM, "out of memory");
}

int iv__error_ensure(int code, const char *what)
{
	if (code < 0 && last.err.code != code)
		iv__error(code, "%s failed: %s", what, iv__error_words(code));
	return code;
}

/* What a code means, for messages people read (iv_error_name() is for programs). */
const char *iv__error_words(int code)
{
	switch (code) {
	case IV_OK: return "no error";
	case IV_ENOTFOUND: return "not found";
	case IV_EEXISTS: return "already exists";
	case IV_EINVALID: return "invalid argument";
	case IV_ECONSTRAINT: return "other records depend on it";
	case IV_EBUSY: return "the store is busy";
	case IV_ENOMEM: return "out of memory";
	case IV_EVERSION: return "unsupported version";
	case IV_ESTORAGE: return "storage error";
	case IV_EMISUSE: return "misuse of the library";
	case IV_ERETRY: return "a transient failure; try again";
	case IV_ITEROVER: return "no more items";
	default: return "unknown error";
	}
}

const char *iv_error_name(int code)
{
	switch (code) {
	case IV_OK: return "IV_OK";
	case IV_ERROR: return "IV_ERROR";
	case IV_ENOTFOUND: return "IV_ENOTFOUND";
	case IV_EEXISTS: return "IV_EEXISTS";
	case IV_EINVALID: return "IV_EINVALID";
	case IV_ECONSTRAINT: return "IV_ECONSTRAINT";
	case IV_EBUSY: return "IV_EBUSY";
	case IV_ENOMEM: return "IV_ENOMEM";
	case IV_EVERSION: return "IV_EVERSION";
	case IV_ESTORAGE: return "IV_ESTORAGE";
	case IV_EMISUSE: return "IV_EMISUSE";
	case IV_ERETRY: return "IV_ERETRY";
	case IV_ITEROVER: return "IV_ITEROVER";
	default: return "IV_EUNKNOWN";
	}
}
