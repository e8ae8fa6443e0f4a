/*
 * infoview: parsing a command's arguments, and usage errors.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "out.h"
#include "when.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void args_init(struct args *a, struct cli *ctx, const char *cmd, const char *help,
	       int argc, char **argv)
{
	memset(a, 0, sizeof(*a));
	a->ctx = ctx;
	a->cmd = cmd;
	a->help = help;
	a->argc = argc;
	a->argv = argv;
	a->i = 1;
	ctx->cmd = cmd;
}

static void vreport(const char *cmd, const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 0)))
#endif
	;

static void vreport(const char *cmd, const char *fmt, va_list ap)
{
	fputs("infoview: ", stderr);
	out_veprintf(fmt, ap);
	fprintf(stderr, "\nTry 'infoview %s%s--help'.\n", cmd ? cmd : "", cmd && *cmd ? " " : "");
}

int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(cmd, fmt, ap);
	va_end(ap);
	return CLI_USAGE;
}

int args_error(struct args *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(a->cmd, fmt, ap);
	va_end(ap);
	a->status = CLI_USAGE;
	return CLI_USAGE;
}

static int is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

static const struct opt *find_opt(const struct opt *opts, const char *name, size_t len)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == len && strncmp(opts->name, name, len) == 0)
			return opts;
	return NULL;
}

int args_next(struct args *a, const struct opt *opts, const char **val)
{
	const struct opt *o;
	const char *arg, *name, *eq;
	size_t len;

	*val = NULL;
	if (a->i >= a->argc)
		return ARG_END;
	arg = a->argv[a->i++];
	if (a->only_pos || arg[0] != '-' || arg[1] == '\0') {
		*val = arg;
		return ARG_POS;
	}
	if (strcmp(arg, "--") == 0) {
		a->only_pos = 1;
		return args_next(a, opts, val);
	}
	if (is_help(arg)) {
		fputs(a->help, stdout);
		a->status = CLI_OK;
		return ARG_STOP;
	}
	/* The one short option: -q, for the commands that offer --quiet. */
	if (strcmp(arg, "-q") == 0 && find_opt(opts, "quiet", 5)) {
		a->ctx->quiet = 1;
		return args_next(a, opts, val);
	}
	/* And -o, for the commands that write a file with --output. */
	if (strcmp(arg, "-o") == 0 && find_opt(opts, "output", 6))
		arg = "--output";
	if (arg[1] != '-') {
		args_error(a, "unknown option '%s'", arg);
		return ARG_STOP;
	}
	name = arg + 2;
	eq = strchr(name, '=');
	len = eq ? (size_t)(eq - name) : strlen(name);
	o = find_opt(opts, name, len);
	if (!o && len == 4 && strncmp(name, "json", 4) == 0 && !eq) {
		a->ctx->json = 1;
		return args_next(a, opts, val);
	}
	/* Like --json, --quiet is the run's mode, not one of the command's settings. */
	if (o && strcmp(o->name, "quiet") == 0 && !eq) {
		a->ctx->quiet = 1;
		return args_next(a, opts, val);
	}
	if (!o) {
		args_error(a, "unknown option '--%.*s'", (int)len, name);
		return ARG_STOP;
	}
	if (!o->value) {
		if (eq) {
			args_error(a, "option '--%s' takes no value", o->name);
			return ARG_STOP;
		}
		a->opt = o->name;
		return o->id;
	}
	if (eq) {
		*val = eq + 1;
	} else if (a->i < a->argc) {
		*val = a->argv[a->i++];
	} else {
		args_error(a, "option '--%s' needs a value", o->name);
		return ARG_STOP;
	}
	a->opt = o->name;
	return o->id;
}

int args_read(struct args *a, const struct opt *opts, struct parsed *p)
{
	const char *v;
	int o;

	p->pos = xmalloc((size_t)a->argc * sizeof(*p->pos));
	p->set = xmalloc((size_t)a->argc * sizeof(*p->set));
	p->npos = 0;
	p->nset = 0;
	while ((o = args_next(a, opts, &v)) != ARG_END) {
		if (o == ARG_STOP) {
			parsed_free(p);
			return 1;
		}
		if (o == ARG_POS)
			p->pos[p->npos++] = a->argv[a->i - 1];
		else
			p->set[p->nset++] = (struct setting){ o, a->opt, v };
	}
	return 0;
}

int args_parse(struct args *a, const struct opt *opts, struct parsed *p, int min, int max,
	       const char *what)
{
	if (args_read(a, opts, p))
		return 1;
	if (args_count(a, p->pos, p->npos, min, max, what)) {
		parsed_free(p);
		return 1;
	}
	return 0;
}

const char *parsed_option(const struct parsed *p, int id)
{
	const char *v = NULL;
	size_t i;

	for (i = 0; i < p->nset; i++)
		if (p->set[i].id == id)
			v = p->set[i].val;
	return v;
}

int parsed_flag(const struct parsed *p, int id)
{
	size_t i;

	for (i = 0; i < p->nset; i++)
		if (p->set[i].id == id)
			return 1;
	return 0;
}

void parsed_free(struct parsed *p)
{
	free(p->pos);
	free(p->set);
	p->pos = NULL;
	p->set = NULL;
	p->npos = 0;
	p->nset = 0;
}

char *parsed_words(const struct parsed *p, int from)
{
	return join_words(p->pos + from, p->npos > from ? p->npos - from : 0, " ");
}

int args_int(struct args *a, const char *opt, const char *val, long min, long max, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(val, &end, 10);
	if (errno || end == val || *end || v < min || v > max)
		return args_error(a, "--%s: '%s' is not a whole number from %ld to %ld", opt, val, min, max);
	*out = (int)v;
	return 0;
}

int args_time(struct args *a, const char *opt, const char *val, iv_time *out)
{
	const char *why = NULL;

	if (when_parse(out, val, a->ctx->now, &why) < 0)
		return args_error(a, "--%s: cannot read '%s' as a time (%s); %s", opt, val, why, WHEN_FORMS);
	return 0;
}

int args_enum(struct args *a, const char *opt, const char *type, const char *val, int *out)
{
	char names[256];
	size_t used = 0;
	const char *n;
	int v;

	if (iv_enum_value(out, type, val) == 0)
		return 0;
	names[0] = '\0';
	for (v = 0; v < 32; v++) {
		if (!(n = iv_enum_name(type, v)) || strcmp(n, "unset") == 0)
			continue;
		used += (size_t)snprintf(names + used, sizeof(names) - used, "%s%s",
					 used ? ", " : "", n);
		if (used >= sizeof(names))
			break;
	}
	return args_error(a, "--%s: unknown value '%s' (one of: %s)", opt, val, names);
}

int args_check(struct args *a, const char *opt, int rc)
{
	if (rc >= 0)
		return 0;
	return args_error(a, "--%s: %s", opt, iv_error_message());
}

int args_count(struct args *a, char **pos, int n, int min, int max, const char *what)
{
	if (n < min)
		return args_error(a, "missing %s", what);
	if (max >= 0 && n > max)
		return args_error(a, "unexpected argument '%s'", pos[max]);
	return 0;
}

int run_group(struct cli *ctx, const char *group, const char *help,
	      const struct subcommand *subs, const char *dflt, int argc, char **argv)
{
	const struct subcommand *s;
	int implicit = argc < 2 || argv[1][0] == '-';
	const char *want = implicit ? dflt : argv[1];

	if (argc >= 2 && is_help(argv[1])) {
		fputs(help, stdout);
		return CLI_OK;
	}
	if (!want)
		return usage_error(group, "missing %s command", group);
	for (s = subs; s->name; s++) {
		if (strcmp(s->name, want) != 0)
			continue;
		/* An implicit default reads the options that follow the group. */
		if (implicit)
			return s->run(ctx, argc, argv);
		return s->run(ctx, argc - 1, argv + 1);
	}
	return usage_error(group, "unknown %s command '%s'", group, want);
}
