/*
 * What the benchmarks share (bench.c against SQLite, pg_bench.c against
 * PostgreSQL): the data they store, the ids as the library makes them, the
 * clock, and the table of interleaved rounds they print.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef IV_BENCH_COMMON_H
#define IV_BENCH_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include <infoview/infoview.h>

#define NOW ((iv_time)1772442000) /* 2026-03-02 09:00 UTC */
#define HOUR ((iv_time)3600)
#define DAY ((iv_time)86400)
#define DUE_NOW 50 /* pending follow-ups whose time has come */
#define QUERY "jam"
#define HITS 20

/* --- Small tools -------------------------------------------------------- */

/* The data's random numbers: one fixed sequence (xorshift), so that every run stores the same. */
extern uint64_t bench_rng;

static inline uint64_t next(void)
{
	bench_rng ^= bench_rng << 13;
	bench_rng ^= bench_rng >> 7;
	bench_rng ^= bench_rng << 17;
	return bench_rng;
}

/* Seconds on the monotonic clock. */
double now_s(void);

/* A UUIDv7 as the library makes it (lib/util.c): Unix milliseconds, random bits. */
void uuid7(unsigned char u[16]);
void uuid_text(char out[IV_ID_LEN + 1], const unsigned char *u);
void uuid_blob(unsigned char u[16], const char *text);

/* The median of v[0..n) (sorts v). */
double median(double *v, int n);

/* --- The data ----------------------------------------------------------- */

extern long n_contacts; /* in the store when it is complete */
extern long n_made;     /* contacts stored so far */

/*
 * The i-th contact: a third known directly, the rest introduced or cold;
 * companies from a pool of N/50; names from 24 first names and 16 surnames.
 */
struct contact_data {
	char name[96], company[64], email[64];
	const char *tag;
	int known;
	iv_time last;
};

void contact_data(struct contact_data *d, long i);

/* The k-th introduction: to a contact past the first hundred, by an earlier one. */
struct intro_data {
	long by, to;
	int channel, status;
};

void intro_data(struct intro_data *d, long k, long upto);

/*
 * The k-th follow-up: even ones pending, the first DUE_NOW of those due
 * now, the rest from two days on; odd ones done in the past.
 */
struct followup_data {
	long contact;
	int status;
	iv_time earliest, due, closed;
};

void followup_data(struct followup_data *d, long k);

extern const char fu_note[];

/* --- The table ---------------------------------------------------------- */

enum unit { RATE, MICRO, MILLI, MIB };

/* Prints a row: the medians and the ratio (library / raw; raw / library for rates). */
void row(const char *op, double raw, double lib, enum unit u, const char *note);

/*
 * Runs raw, lib, raw, lib... `nrounds` times (at most 16), each side first
 * in half of them; each call returns seconds per operation (or a rate); the
 * medians go to the table.
 */
typedef double (*measure_fn)(void);

void compare(const char *op, measure_fn raw, measure_fn lib, int nrounds, enum unit u, const char *note);

#endif
