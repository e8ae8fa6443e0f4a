/*
 * infoview: opening the store for a command, reporting failures, memory.
 * SPDX-License-Identifier: MIT
 */
#include "cli.h"
#include "out.h"
#include "ref.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --now pins the store's clock, so that what the library stamps agrees. */
static int pinned_clock(iv_time *now, void *payload)
{
	*now = ((const struct cli *)payload)->now;
	return 0;
}

int cli_open(struct cli *ctx, int write)
{
	if (!ctx->db) {
		if (iv_db_open(&ctx->db, ctx->db_path) < 0)
			return cli_fail();
		if (ctx->now_fixed && iv_db_set_clock(ctx->db, pinned_clock, ctx) < 0)
			return cli_fail();
	}
	if (write && iv_db_begin(ctx->db) < 0)
		return cli_fail();
	return CLI_OK;
}

int cli_commit(struct cli *ctx)
{
	if (iv_db_commit(ctx->db) < 0)
		return cli_fail();
	return CLI_OK;
}

void cli_ids_changed(struct cli *ctx)
{
	ref_forget(ctx);
	iv_network_free(ctx->net);
	ctx->net = NULL;
}

const iv_network *cli_network(struct cli *ctx)
{
	if (!ctx->net && iv_network_load(&ctx->net, ctx->db) < 0) {
		cli_fail();
		ctx->net = NULL;
	}
	return ctx->net;
}

/* Messages quote what users typed and what the store holds: both go through out_veprintf(). */
int cli_fail(void)
{
	out_eprintf("infoview: %s", iv_error_message());
	fputc('\n', stderr);
	return CLI_FAIL;
}

int cli_failf(const char *fmt, ...)
{
	va_list ap;

	fputs("infoview: ", stderr);
	va_start(ap, fmt);
	out_veprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_FAIL;
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	fputs("infoview: warning: ", stderr);
	va_start(ap, fmt);
	out_veprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void out_of_memory(void)
{
	fputs("infoview: out of memory\n", stderr);
	exit(CLI_FAIL);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		out_of_memory();
	return q;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

char *join_words(char **words, int n, const char *sep)
{
	size_t len = 1;
	char *out;
	int i;

	for (i = 0; i < n; i++)
		len += strlen(words[i]) + strlen(sep);
	out = xmalloc(len);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strcat(out, sep);
		strcat(out, words[i]);
	}
	return out;
}
