/*
 * infoview week: how the week went, and the week ahead.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char help[] =
	"Usage: infoview week [--week YYYY-Www]\n"
	"\n"
	"The weekly review of the local calendar week (Monday to Sunday) holding\n"
	"now, or the ISO week given: requests sent, replies and their median\n"
	"time, talks held, thank-yous sent (and how many after their due time),\n"
	"introductions asked for and made, referrals received, target employers\n"
	"that gained a way in; then the week ahead: the top targets where you\n"
	"know nobody yet, with who could introduce you.\n"
	"\n"
	"Options:\n"
	"  --week YYYY-Www  an ISO 8601 week, such as 2026-W10\n";

enum { O_WEEK = 1 };

/* "2026-W10" (the W in either case) into its year and week. */
static int parse_week(struct args *a, const char *s, int *year, int *week)
{
	char w, rest;

	if (sscanf(s, "%4d-%c%2d%c", year, &w, week, &rest) != 3 || (w != 'W' && w != 'w'))
		return args_error(a, "--week: \"%s\" is not an ISO week such as 2026-W10", s);
	return 0;
}

/* The ISO week of `t` in local time ("2026-W10"), and its first and last days. */
static void week_words(char *label, size_t n, char *days, size_t m, iv_time start, iv_time end)
{
	time_t a = (time_t)start, b = (time_t)(end - 1);
	struct tm ta, tb;
	char first[32], last[32];

	if (!localtime_r(&a, &ta) || !localtime_r(&b, &tb)) {
		snprintf(label, n, "?");
		snprintf(days, m, "?");
		return;
	}
	strftime(label, n, "%G-W%V", &ta);
	strftime(first, sizeof(first), "%a %Y-%m-%d", &ta);
	strftime(last, sizeof(last), "%a %Y-%m-%d", &tb);
	snprintf(days, m, "%s to %s", first, last);
}

static void json_review(struct jw *j, const iv_week_review *r, const char *label)
{
	jw_kstring(j, "week", label);
	jw_ktime(j, "start", r->start);
	jw_ktime(j, "end", r->end);
	jw_kint(j, "requests_sent", (long long)r->requests_sent);
	jw_kint(j, "replies", (long long)r->replies);
	jw_key(j, "reply_median_seconds");
	if (r->reply_median < 0)
		jw_null(j);
	else
		jw_int(j, (long long)r->reply_median);
	jw_kint(j, "talks_held", (long long)r->talks_held);
	jw_kint(j, "thanks_sent", (long long)r->thanks_sent);
	jw_kint(j, "thanks_late", (long long)r->thanks_late);
	jw_kint(j, "intros_asked", (long long)r->intros_asked);
	jw_kint(j, "intros_made", (long long)r->intros_made);
	jw_kint(j, "referrals", (long long)r->referrals);
	jw_kint(j, "targets_reached", (long long)r->targets_reached);
}

static void print_review(struct cli *ctx, const iv_week_review *r, const char *label, const char *days)
{
	char heading[160], median[48];

	snprintf(heading, sizeof(heading), "Week %s, %s", label, days);
	out_heading(ctx, heading);
	out_fieldf(ctx, "Requests sent", "%zu", r->requests_sent);
	if (r->reply_median >= 0) {
		fmt_duration(median, sizeof(median), r->reply_median);
		out_fieldf(ctx, "Replies", "%zu (median %s)", r->replies, median);
	} else {
		out_fieldf(ctx, "Replies", "%zu", r->replies);
	}
	out_fieldf(ctx, "Talks held", "%zu", r->talks_held);
	if (r->thanks_late)
		out_fieldf(ctx, "Thank-yous", "%zu sent (%zu late)", r->thanks_sent, r->thanks_late);
	else
		out_fieldf(ctx, "Thank-yous", "%zu sent", r->thanks_sent);
	out_fieldf(ctx, "Introductions", "%zu asked for, %zu made", r->intros_asked, r->intros_made);
	out_fieldf(ctx, "Referrals", "%zu", r->referrals);
	out_fieldf(ctx, "New ways in", "%zu target%s", r->targets_reached, r->targets_reached == 1 ? "" : "s");
}

int week_show(struct cli *ctx, iv_time at, struct jw *j)
{
	iv_week_review r = IV_WEEK_REVIEW_INIT;
	char label[32], days[96];
	int rc;

	if (iv_week_review_get(&r, ctx->db, at) < 0)
		return cli_fail();
	week_words(label, sizeof(label), days, sizeof(days), r.start, r.end);
	if (!j) {
		print_review(ctx, &r, label, days);
		return week_ahead(ctx, NULL);
	}
	jw_object(j);
	json_review(j, &r, label);
	jw_key(j, "ahead");
	if ((rc = week_ahead(ctx, j)) != 0)
		return rc;
	jw_object_end(j);
	return CLI_OK;
}

int cmd_week(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = { { "week", O_WEEK, 1 }, { NULL, 0, 0 } };
	iv_time at;
	struct parsed p;
	struct args a;
	struct jw j;
	int rc = 0, year = 0, week = 0;

	args_init(&a, ctx, "week", help, argc, argv);
	if (args_parse(&a, opts, &p, 0, 0, NULL))
		return a.status;
	at = ctx->now;
	if (parsed_option(&p, O_WEEK) && (rc = parse_week(&a, parsed_option(&p, O_WEEK), &year, &week)) == 0 &&
	    iv_week_start(&at, year, week) < 0)
		rc = usage_error("week", "--week: %s", iv_error_last()->message);
	parsed_free(&p);
	if (rc || (rc = cli_open(ctx, 0)) != 0)
		return rc;
	if (!ctx->json)
		return week_show(ctx, at, NULL);
	jw_init(&j, stdout);
	if ((rc = week_show(ctx, at, &j)) == 0)
		jw_finish(&j);
	return rc;
}

/* How many targets the week ahead names: the top of the plan is where the week goes. */
#define AHEAD 5

/*
 * The week ahead: the first targets of the plan where you know nobody yet
 * (advocacy other than 1), with who could introduce you. As a JSON array
 * into `j`, else printed.
 */
int week_ahead(struct cli *ctx, struct jw *j)
{
	iv_target_plan_iter *it = NULL;
	iv_target_plan_item *item = NULL;
	char step[3 * IV_LIMIT_SHORT + 64];
	int rc, n = 0;

	if (j)
		jw_array(j);
	if ((rc = iv_target_plan(&it, ctx->db)) == IV_EVERSION) {
		/* A store whose backend keeps no targets has no week ahead to show. */
		if (j)
			jw_array_end(j);
		return CLI_OK;
	}
	if (rc < 0)
		return cli_fail();
	while (n < AHEAD && (rc = iv_target_plan_next(&item, it)) == 0) {
		const iv_target *t = iv_target_plan_item_target(item);
		if (iv_target_plan_item_degree(item) != 1) {
			target_step_words(step, sizeof(step), item);
			if (j) {
				jw_object(j);
				jw_kstring(j, "target", iv_target_name(t));
				jw_kint(j, "motivation", iv_target_motivation(t));
				jw_kint(j, "degree", iv_target_plan_item_degree(item));
				jw_kenum(j, "step", "target_step", iv_target_plan_item_step(item));
				jw_kstring(j, "step_contact_name", iv_target_plan_item_step_contact_name(item));
				jw_kstring(j, "step_about_name", iv_target_plan_item_step_about_name(item));
				jw_kstring(j, "next", step);
				jw_object_end(j);
			} else {
				if (!n) {
					printf("\n");
					out_heading(ctx, "The week ahead: targets where you know nobody yet");
				}
				out_fieldf(ctx, iv_target_name(t), "%s", step);
			}
			n++;
		}
		iv_target_plan_item_free(item);
		item = NULL;
	}
	iv_target_plan_iter_free(it);
	if (rc < 0 && rc != IV_ITEROVER)
		return cli_fail();
	if (j)
		jw_array_end(j);
	return CLI_OK;
}
