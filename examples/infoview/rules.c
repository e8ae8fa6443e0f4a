/*
 * infoview rules: the timing of the follow-ups the library's rules make.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HOUR 3600

static const char help_group[] =
	"Usage: infoview rules [show | set OPTIONS | apply]\n"
	"\n"
	"The timing of the follow-ups made by rules, per store.\n"
	"\n"
	"Commands:\n"
	"  show       print them (the default)\n"
	"  set ...    change them (see 'infoview rules set --help')\n"
	"  apply      apply every rule to the whole store again, making the\n"
	"             follow-ups that are missing (after an import)\n";

static const char help_show[] =
	"Usage: infoview rules show\n"
	"\n"
	"Prints the timing of the follow-ups made by rules.\n";

static const char help_set[] =
	"Usage: infoview rules set [OPTIONS]\n"
	"\n"
	"Changes the timing of follow-ups made from now on; those already made\n"
	"keep their times.\n"
	"\n"
	"Options:\n"
	"  --thank-earliest HOURS  thank-yous not before HOURS after the interview (3)\n"
	"  --thank-due HOURS       thank-yous due HOURS after it (24; at most 720)\n"
	"  --nudge-other DAYS      business days after a request to reach out to\n"
	"                          someone else (3; 0 turns it off)\n"
	"  --nudge-followup DAYS   business days after a request to follow up once\n"
	"                          (7; 0 turns it off)\n"
	"  --report-back DAYS      days after advice to report back (30; 0: off)\n"
	"  --plan-day DAY          the weekday the agenda shows the target plan's\n"
	"                          next steps: mon ... sun (mon), or never\n";

static const char help_apply[] =
	"Usage: infoview rules apply\n"
	"\n"
	"Applies every rule to the whole store once more and makes only the\n"
	"follow-ups that are missing: after an import, or to have the rules of\n"
	"this version catch up with interviews recorded before. Follow-ups already\n"
	"made keep their times; running it twice makes nothing the second time.\n"
	"Lists the follow-ups it made (with --json, as an array).\n";

enum { O_THANK_EARLIEST = 1, O_THANK_DUE, O_NUDGE_OTHER, O_NUDGE_FOLLOWUP, O_REPORT_BACK, O_PLAN_DAY };

static const char *const weekdays[8] = { "never", "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char *const weekday_names[8] = {
	"never", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
};

/* "mon".."sun" (or the whole name, any case) to 1..7, "never" to 0; -1 if neither. */
static int weekday_of(const char *s)
{
	int i;

	for (i = 0; i < 8; i++)
		if (strncasecmp(s, weekdays[i], 3) == 0 && strlen(s) >= 3 &&
		    strncasecmp(s, weekday_names[i], strlen(s)) == 0)
			return i;
	return -1;
}

static void print_rules(struct cli *ctx, const iv_rules *r)
{
	struct jw j;

	if (ctx->json) {
		jw_init(&j, stdout);
		jw_object(&j);
		jw_kint(&j, "thank_earliest_seconds", (long long)r->thank_earliest);
		jw_kint(&j, "thank_due_seconds", (long long)r->thank_due);
		jw_kint(&j, "nudge_other_days", r->nudge_other_days);
		jw_kint(&j, "nudge_followup_days", r->nudge_followup_days);
		jw_kint(&j, "report_back_days", r->report_back_days);
		jw_kstring(&j, "plan_day", weekdays[r->plan_day >= 0 && r->plan_day <= 7 ? r->plan_day : 0]);
		jw_object_end(&j);
		jw_finish(&j);
		return;
	}
	out_fieldf(ctx, "Thank-you", "from %lld hours after an interview, due within %lld hours",
		   (long long)(r->thank_earliest / HOUR), (long long)(r->thank_due / HOUR));
	out_fieldf(ctx, "Nudges", "after %d and %d business days without a reply (0: off)",
		   r->nudge_other_days, r->nudge_followup_days);
	out_fieldf(ctx, "Report back", "%d days after advice (0: off)", r->report_back_days);
	if (r->plan_day >= 1 && r->plan_day <= 7)
		out_fieldf(ctx, "Target plan", "on the agenda on %ss", weekday_names[r->plan_day]);
	else
		out_field(ctx, "Target plan", "never on the agenda");
}

static int rules_show(struct cli *ctx, int argc, char **argv)
{
	iv_rules r = IV_RULES_INIT;
	struct parsed p;
	struct args a;
	int rc;

	args_init(&a, ctx, "rules show", help_show, argc, argv);
	if (args_parse(&a, NULL, &p, 0, 0, NULL))
		return a.status;
	parsed_free(&p);
	if ((rc = cli_open(ctx, 0)) == 0 && iv_rules_get(&r, ctx->db) < 0)
		rc = cli_fail();
	if (rc == 0)
		print_rules(ctx, &r);
	return rc;
}

static int apply(struct args *a, iv_rules *r, const struct parsed *p)
{
	size_t i;
	int v, rc = 0;

	for (i = 0; rc == 0 && i < p->nset; i++) {
		const struct setting *s = &p->set[i];
		int days = s->id != O_THANK_EARLIEST && s->id != O_THANK_DUE;

		if (s->id == O_PLAN_DAY) {
			if ((v = weekday_of(s->val)) < 0)
				rc = args_error(a, "--plan-day: \"%s\" is not a weekday (mon ... sun) nor never", s->val);
			else
				r->plan_day = v;
			continue;
		}
		if ((rc = args_int(a, s->opt, s->val, 0, days ? 365 : 720, &v)) != 0)
			break;
		switch (s->id) {
		case O_THANK_EARLIEST:
			r->thank_earliest = (int64_t)v * HOUR;
			break;
		case O_THANK_DUE:
			r->thank_due = (int64_t)v * HOUR;
			break;
		case O_NUDGE_OTHER:
			r->nudge_other_days = v;
			break;
		case O_NUDGE_FOLLOWUP:
			r->nudge_followup_days = v;
			break;
		default:
			r->report_back_days = v;
			break;
		}
	}
	return rc;
}

static int rules_set(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = {
		{ "thank-earliest", O_THANK_EARLIEST, 1 }, { "thank-due", O_THANK_DUE, 1 },
		{ "nudge-other", O_NUDGE_OTHER, 1 }, { "nudge-followup", O_NUDGE_FOLLOWUP, 1 },
		{ "report-back", O_REPORT_BACK, 1 }, { "plan-day", O_PLAN_DAY, 1 }, { NULL, 0, 0 },
	};
	iv_rules r = IV_RULES_INIT;
	struct parsed p;
	struct args a;
	int rc = 0;

	args_init(&a, ctx, "rules set", help_set, argc, argv);
	if (args_parse(&a, opts, &p, 0, 0, NULL))
		return a.status;
	if (p.nset == 0)
		rc = args_error(&a, "nothing to change: give at least one option");
	if (rc == 0)
		rc = apply(&a, &r, &p);
	if (rc == 0 && (rc = cli_open(ctx, 1)) == 0) {
		if (iv_rules_get(&r, ctx->db) < 0)
			rc = cli_fail();
		else if ((rc = apply(&a, &r, &p)) == 0 && iv_rules_set(ctx->db, &r) < 0)
			rc = iv_error_code() == IV_EINVALID ? args_error(&a, "%s", iv_error_message()) : cli_fail();
		else if (rc == 0 && (rc = cli_commit(ctx)) == 0)
			print_rules(ctx, &r);
	}
	parsed_free(&p);
	return rc;
}

/* The ids of the store's follow-ups, sorted, to tell the new ones. */
struct idset {
	char (*ids)[IV_ID_LEN + 1];
	size_t n, cap;
};

static int id_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

static int idset_read(struct idset *s, iv_db *db)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	int rc;

	if (iv_followup_list(&it, db, &f) < 0)
		return cli_fail();
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		if (s->n == s->cap) {
			s->cap = s->cap ? 2 * s->cap : 64;
			s->ids = xrealloc(s->ids, s->cap * sizeof(*s->ids));
		}
		snprintf(s->ids[s->n++], IV_ID_LEN + 1, "%s", iv_followup_id(fu));
		iv_followup_free(fu);
	}
	iv_followup_iter_free(it);
	if (rc != IV_ITEROVER)
		return cli_fail();
	if (s->n)
		qsort(s->ids, s->n, sizeof(*s->ids), id_cmp);
	return CLI_OK;
}

/* The follow-ups not in `before`, in the store's order (by due time). */
static int made_since(iv_followup ***out, size_t *n, iv_db *db, const struct idset *before)
{
	iv_followup_filter f = IV_FOLLOWUP_FILTER_INIT;
	iv_followup_iter *it = NULL;
	iv_followup *fu = NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (iv_followup_list(&it, db, &f) < 0)
		return cli_fail();
	while ((rc = iv_followup_iter_next(&fu, it)) == 0) {
		if (before->n && bsearch(iv_followup_id(fu), before->ids, before->n, sizeof(*before->ids), id_cmp)) {
			iv_followup_free(fu);
			continue;
		}
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		(*out)[(*n)++] = fu;
	}
	iv_followup_iter_free(it);
	return rc == IV_ITEROVER ? CLI_OK : cli_fail();
}

static int rules_apply(struct cli *ctx, int argc, char **argv)
{
	struct idset before = { NULL, 0, 0 };
	iv_followup **made = NULL;
	struct listing l;
	struct parsed p;
	struct args a;
	size_t n = 0, i;
	int rc;

	args_init(&a, ctx, "rules apply", help_apply, argc, argv);
	if (args_parse(&a, NULL, &p, 0, 0, NULL))
		return a.status;
	parsed_free(&p);
	/* One transaction: what is listed is what was committed. */
	if ((rc = cli_open(ctx, 1)) == 0 && (rc = idset_read(&before, ctx->db)) == 0) {
		if (iv_rules_apply(ctx->db) < 0)
			rc = cli_fail();
		else if ((rc = made_since(&made, &n, ctx->db, &before)) == 0)
			rc = cli_commit(ctx);
	}
	free(before.ids);
	if (rc == 0) {
		cli_ids_changed(ctx);
		listing_begin(&l, ctx, followup_table);
		for (i = 0; i < n; i++) {
			if (l.j)
				json_followup(l.j, ctx, made[i]);
			else
				followup_row(l.t, ctx, made[i]);
			l.n++;
		}
		rc = listing_end(&l, ctx, CLI_OK, "Nothing was missing: no follow-up made.");
		if (rc == 0 && !ctx->json && n)
			printf("Made %zu follow-up%s.\n", n, n == 1 ? "" : "s");
	}
	for (i = 0; i < n; i++)
		iv_followup_free(made[i]);
	free(made);
	return rc;
}

int cmd_rules(struct cli *ctx, int argc, char **argv)
{
	static const struct subcommand subs[] = {
		{ "show", rules_show }, { "set", rules_set }, { "apply", rules_apply }, { NULL, NULL },
	};

	return run_group(ctx, "rules", help_group, subs, "show", argc, argv);
}
