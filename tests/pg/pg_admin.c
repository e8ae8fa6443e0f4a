/*
 * `pg_admin --db CONNINFO admin init|add-user ROLE|remove-user ROLE`: what
 * the infoview program's admin commands do, for tests/pg/pg-server where
 * the program is not built (-DIV_BUILD_EXAMPLES=OFF, as in CI's sanitizer
 * build).
 */
#include <infoview/infoview.h>
#include <infoview/postgres.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int rc;

	if (argc < 5 || strcmp(argv[1], "--db") != 0 || strcmp(argv[3], "admin") != 0) {
		fprintf(stderr, "usage: %s --db CONNINFO admin init|add-user ROLE|remove-user ROLE\n", argv[0]);
		return 2;
	}
	if (strcmp(argv[4], "init") == 0 && argc == 5)
		rc = iv_postgres_init(argv[2]);
	else if (strcmp(argv[4], "add-user") == 0 && argc == 6)
		rc = iv_postgres_add_user(argv[2], argv[5]);
	else if (strcmp(argv[4], "remove-user") == 0 && argc == 6)
		rc = iv_postgres_remove_user(argv[2], argv[5]);
	else {
		fprintf(stderr, "usage: %s --db CONNINFO admin init|add-user ROLE|remove-user ROLE\n", argv[0]);
		return 2;
	}
	if (rc != 0) {
		fprintf(stderr, "pg_admin: %s\n", iv_error_message());
		return 1;
	}
	return 0;
}
