/*
 * The PostgreSQL backend's entry points in a library built without libpq
 * (IV_POSTGRES=OFF, or AUTO without libpq): the same symbols, refusing.
 */
#include "infoview/postgres.h"
#include "infoview/sys/backend.h"

#define WITHOUT "this libinfoview was built without PostgreSQL support (libpq)"

int iv__backend_postgres_new(iv_backend **out, const char *conninfo);

int iv__backend_postgres_new(iv_backend **out, const char *conninfo)
{
	(void)conninfo;
	*out = NULL;
	return iv_error_set(IV_ENOTFOUND, WITHOUT);
}

IV_EXTERN(int) iv_postgres_available(void)
{
	return 0;
}

IV_EXTERN(int) iv_postgres_init(const char *conninfo)
{
	(void)conninfo;
	return iv_error_set(IV_ENOTFOUND, WITHOUT);
}

IV_EXTERN(int) iv_postgres_add_user(const char *conninfo, const char *role)
{
	(void)conninfo;
	(void)role;
	return iv_error_set(IV_ENOTFOUND, WITHOUT);
}

IV_EXTERN(int) iv_postgres_remove_user(const char *conninfo, const char *role)
{
	(void)conninfo;
	(void)role;
	return iv_error_set(IV_ENOTFOUND, WITHOUT);
}
