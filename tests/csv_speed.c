/*
 * How fast the CSV importer parses, alone (no store): rows per second and
 * the peak resident memory, over a LinkedIn file.
 *
 *   csv_speed gen N FILE   writes a Connections.csv of N invented people
 *   csv_speed FILE         parses it as LinkedIn's format
 *
 * Built on request only: cmake --build BUILD --target csv_speed
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "io.h"

static int generate(long n, const char *path)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	FILE *f = fopen(path, "wb");
	char email[64];
	long i;

	if (!f)
		return 1;
	fputs("\xEF\xBB\xBFNotes:\r\n\"Invented people for a speed test, one of them per row.\"\r\n\r\n"
	      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n", f);
	for (i = 0; i < n; i++) {
		/* as in real exports, most connections do not share their address */
		email[0] = '\0';
		if (i % 3 == 0)
			snprintf(email, sizeof(email), "person%ld@example.com", i);
		fprintf(f, "Person%ld,\"Example, %ld\",https://www.linkedin.com/in/person-%ld-example,%s,"
			"\"Company %ld, Inc.\",\"Senior \"\"Data\"\" Analyst\",%02ld %s %ld\r\n",
			i, i, i, email, i % 997, i % 28 + 1, months[i % 12], 2000 + i % 25);
	}
	return fclose(f) != 0;
}

static int read_file(char *buf, size_t size, size_t *got, void *payload)
{
	*got = fread(buf, 1, size, payload);
	return ferror((FILE *)payload) ? -1 : 0;
}

int main(int argc, char **argv)
{
	static struct iv__reader r;
	struct iv__importer *imp;
	struct iv__row row;
	struct timespec t0, t1;
	struct rusage ru;
	long rows = 0, skipped = 0;
	double s;
	FILE *f;
	int error;

	if (argc == 4 && strcmp(argv[1], "gen") == 0)
		return generate(atol(argv[2]), argv[3]);
	if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: csv_speed gen N FILE | csv_speed FILE\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	iv__reader_init(&r, read_file, f, 0);
	if ((error = iv__csv_importer(&imp, &r, IV_FORMAT_LINKEDIN, NULL)) < 0) {
		fprintf(stderr, "%s\n", iv_error_last()->message);
		return 1;
	}
	for (;;) {
		memset(&row, 0, sizeof(row));
		if ((error = imp->next(&row, imp)) != 0)
			break;
		rows++;
		skipped += row.skip != NULL;
		iv__row_clear(&row);
	}
	imp->free(imp);
	fclose(f);
	if (error != IV_ITEROVER) {
		fprintf(stderr, "%s\n", iv_error_last()->message);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	getrusage(RUSAGE_SELF, &ru);
	printf("%ld rows (%ld skipped) in %.3f s: %.0f rows/s, %.1f MB/s; peak RSS %ld KiB\n", rows, skipped, s,
	       (double)rows / s, (double)r.offset / s / 1e6, ru.ru_maxrss);
	return 0;
}
