/*
 * What the benchmarks share: see common.h.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common.h"

static const char *const first[] = {
	"Ada", "Alex", "Bea", "Blake", "Cam", "Dana", "Eli", "Fay", "Gus", "Hana", "Ian", "Jam",
	"Kai", "Lena", "Mo", "Nia", "Oren", "Pia", "Quin", "Rae", "Sam", "Tao", "Uma", "Vic",
};
static const char *const last[] = {
	"Reyes", "Kim", "Chen", "Okafor", "Shah", "Nguyen", "Klein", "Rossi", "Silva", "Novak",
	"Haddad", "Ito", "Moreau", "Jensen", "Kowalski", "Mensah",
};

/* --- Small tools -------------------------------------------------------- */

uint64_t bench_rng = 0x9e3779b97f4a7c15ull;

double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void uuid7(unsigned char u[16])
{
	struct timespec ts;
	uint64_t ms, r1 = next(), r2 = next();
	int i;

	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
	for (i = 5; i >= 0; i--, ms >>= 8)
		u[i] = (unsigned char)(ms & 0xFF);
	memcpy(u + 6, &r1, 2);
	memcpy(u + 8, &r2, 8);
	u[6] = (unsigned char)(0x70 | (u[6] & 0x0F));
	u[8] = (unsigned char)(0x80 | (u[8] & 0x3F));
}

void uuid_text(char out[IV_ID_LEN + 1], const unsigned char *u)
{
	static const char hex[] = "0123456789abcdef";
	int i, k = 0;

	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[k++] = '-';
		out[k++] = hex[u[i] >> 4];
		out[k++] = hex[u[i] & 15];
	}
	out[k] = '\0';
}

static int hexval(char c)
{
	return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

void uuid_blob(unsigned char u[16], const char *text)
{
	int i = 0;

	for (; *text && i < 16; text++) {
		if (*text == '-')
			continue;
		u[i++] = (unsigned char)(hexval(text[0]) << 4 | hexval(text[1]));
		text++;
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* --- The data ----------------------------------------------------------- */

long n_contacts;
long n_made;

void contact_data(struct contact_data *d, long i)
{
	snprintf(d->name, sizeof(d->name), "%s %s %ld", first[next() % 24], last[next() % 16], i);
	snprintf(d->company, sizeof(d->company), "Company %ld", (long)(next() % (uint64_t)(n_contacts / 50 + 1)));
	d->known = i < 100 || i % 3 == 0 ? IV_KNOWN_DIRECT : i % 3 == 1 ? IV_KNOWN_INTRODUCED : IV_KNOWN_COLD;
	d->last = (i % 5) ? NOW - (iv_time)(next() % 300) * DAY : 0;
	d->email[0] = '\0';
	if (i % 4 == 0)
		snprintf(d->email, sizeof(d->email), "person%ld@example.org", i);
	d->tag = i % 7 == 0 ? (i % 2 ? "pharma" : "alumni") : NULL;
}

void intro_data(struct intro_data *d, long k, long upto)
{
	long span = upto > 100 ? upto - 100 : 1;

	d->to = upto > 100 ? 100 + k % span : k % upto;
	d->by = d->to > 0 ? (long)(next() % (uint64_t)d->to) : 0;
	if (d->by == d->to)
		d->by = (d->to + 1) % upto;
	d->channel = (int)(next() % 5) + 1;
	d->status = next() % 20 == 0 ? IV_INTRO_DECLINED : next() % 10 < 7 ? IV_INTRO_MADE : IV_INTRO_REQUESTED;
}

/* The rest from two days on, so that neither the agenda nor "later today" lists them. */
void followup_data(struct followup_data *d, long k)
{
	d->contact = (k * 7) % n_made;
	if (k % 2 == 0) {
		d->status = IV_FOLLOWUP_PENDING;
		if (k / 2 < DUE_NOW) {
			d->earliest = NOW - (iv_time)(k / 2 + 2) * HOUR;
			d->due = NOW - (iv_time)(k / 2) * 60;
		} else {
			d->earliest = NOW + (iv_time)(2 + next() % 58) * DAY;
			d->due = d->earliest + 2 * DAY;
		}
		d->closed = 0;
	} else {
		d->status = IV_FOLLOWUP_DONE;
		d->earliest = NOW - (iv_time)(3 + next() % 60) * DAY;
		d->due = d->earliest + 2 * DAY;
		d->closed = d->due;
	}
}

const char fu_note[] = "Send the article we talked about";

/* --- The table ---------------------------------------------------------- */

/* A time in the unit that shows it best. */
static void seconds(char *out, size_t size, double t)
{
	if (t < 1e-6)
		snprintf(out, size, "%.0f ns", t * 1e9);
	else if (t < 1e-3)
		snprintf(out, size, "%.1f µs", t * 1e6);
	else if (t < 1)
		snprintf(out, size, "%.2f ms", t * 1e3);
	else
		snprintf(out, size, "%.2f s", t);
}

void row(const char *op, double raw, double lib, enum unit u, const char *note)
{
	char a[32], b[32], r[32];

	switch (u) {
	case RATE:
		snprintf(a, sizeof(a), "%.1fk/s", raw / 1000);
		snprintf(b, sizeof(b), "%.1fk/s", lib / 1000);
		snprintf(r, sizeof(r), "%.2fx", lib > 0 ? raw / lib : 0);
		break;
	case MICRO:
	case MILLI:
		seconds(a, sizeof(a), raw);
		seconds(b, sizeof(b), lib);
		snprintf(r, sizeof(r), "%.2fx", raw > 0 ? lib / raw : 0);
		break;
	case MIB:
		snprintf(a, sizeof(a), "%.1f MiB", raw);
		snprintf(b, sizeof(b), "%.1f MiB", lib);
		snprintf(r, sizeof(r), "%.2fx", raw > 0 ? lib / raw : 0);
		break;
	}
	printf("| %s%s%s | %s | %s | %s |\n", op, note ? " " : "", note ? note : "", a, b, r);
	fflush(stdout);
}

void compare(const char *op, measure_fn raw, measure_fn lib, int nrounds, enum unit u, const char *note)
{
	double r[16], l[16];
	int i;

	if (nrounds > 16)
		nrounds = 16;
	/*
	 * Each side goes first in half the rounds: the second of a pair starts
	 * on a page cache the other connection's commit made stale, which at
	 * 100k costs a write chunk a third of its speed.
	 */
	for (i = 0; i < nrounds; i++) {
		if (i % 2 == 0) {
			r[i] = raw();
			l[i] = lib();
		} else {
			l[i] = lib();
			r[i] = raw();
		}
	}
	row(op, median(r, nrounds), median(l, nrounds), u, note);
}
