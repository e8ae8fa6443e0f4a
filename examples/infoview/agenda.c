/*
 * infoview agenda: what to do now. Also what a bare `infoview` runs.
 * SPDX-License-Identifier: MIT
 */
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"
#include "ref.h"
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY 86400

static const char help[] =
	"Usage: infoview agenda [--days N]\n"
	"\n"
	"What to do today, in up to five parts:\n"
	"  To do        follow-ups whose earliest time has passed, by due time,\n"
	"               overdue ones flagged;\n"
	"  Later today  follow-ups that can be done from later today (a nudge\n"
	"               due at 10:20 seen at 08:30, a thank-you from three hours\n"
	"               after the talk), up to local midnight;\n"
	"  Interviews   interviews scheduled in the next N days (and past ones\n"
	"               not yet marked completed);\n"
	"  No reply     requests whose last nudge has passed without a reply:\n"
	"               time to mark them no-response;\n"
	"  Waiting      requests still waiting for a reply, longest first;\n"
	"  This week's plan  on the plan's day (Monday unless 'infoview rules set\n"
	"               --plan-day' says otherwise), the next steps of your first\n"
	"               five target employers that have one to take.\n"
	"Each row ends with the command that acts on it: 'followup done',\n"
	"'interview complete' once the talk's time has passed ('interview show'\n"
	"to prepare before), 'interview no-response', and 'interview schedule\n"
	"... --at WHEN' for when a reply comes. This is what 'infoview' alone\n"
	"runs. Use --now to see the agenda of another moment.\n"
	"\n"
	"Options:\n"
	"  --days N   how far ahead interviews are shown (default 7)\n";

enum { O_DAYS = 1 };

struct sections {
	struct table *todo, *later, *interviews, *no_reply, *waiting, *plan;
};

/* The longest command a row shows: a few words and a reference. */
#define COMMAND_MAX (64 + 4 * (IV_ID_LEN + 1))

/* Appends `word` to `buf` as one shell word: quoted unless it is plainly safe ("#12" is a comment). */
static void shell_word(char *buf, size_t n, const char *word)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.,:/@%+=";
	size_t len = strlen(buf);
	const char *p;

	if (*word && strspn(word, safe) == strlen(word)) {
		snprintf(buf + len, n - len, "%s", word);
		return;
	}
	snprintf(buf + len, n - len, "'");
	for (p = word; *p; p++) {
		len = strlen(buf);
		snprintf(buf + len, n - len, *p == '\'' ? "'\\''" : "%c", *p);
	}
	len = strlen(buf);
	snprintf(buf + len, n - len, "'");
}

/*
 * The command that acts on an agenda item, with the short reference `ref`
 * of its follow-up or interview, into `buf`.
 */
static const char *item_command(char *buf, size_t n, const iv_agenda_item *item, const char *ref)
{
	const char *verb, *tail = "";

	switch (iv_agenda_item_kind(item)) {
	case IV_AGENDA_FOLLOWUP:
	case IV_AGENDA_LATER:
		verb = "followup done";
		break;
	case IV_AGENDA_INTERVIEW:
		/* Once its time has passed (or none was recorded) the talk is to be marked held. */
		verb = iv_agenda_item_overdue(item) || !iv_agenda_item_time(item) ? "interview complete"
										  : "interview show";
		break;
	case IV_AGENDA_NO_REPLY:
		verb = "interview no-response";
		break;
	case IV_AGENDA_PLAN:
		verb = "target list";
		ref = "";
		break;
	default:
		verb = "interview schedule";
		tail = " --at WHEN";
		break;
	}
	snprintf(buf, n, "infoview %s%s", verb, *ref ? " " : "");
	if (*ref)
		shell_word(buf, n, ref);
	snprintf(buf + strlen(buf), n - strlen(buf), "%s", tail);
	return buf;
}

/* The short reference of the item's follow-up, else of its interview, else of its target. */
static const char *item_ref(char sid[IV_ID_LEN + 1], struct cli *ctx, const iv_agenda_item *item)
{
	const iv_followup *fu = iv_agenda_item_followup(item);

	const iv_interview *iv = iv_agenda_item_interview(item);

	if (iv_agenda_item_plan(item)) {
		snprintf(sid, IV_ID_LEN + 1, "#%lld",
			 (long long)iv_target_number(iv_target_plan_item_target(iv_agenda_item_plan(item))));
		return sid;
	}
	if (fu)
		return short_ref(sid, ctx, REF_FOLLOWUP, iv_followup_number(fu), iv_followup_id(fu));
	return short_ref(sid, ctx, REF_INTERVIEW, iv_interview_number(iv), iv_interview_id(iv));
}

static void command_cell(struct table *t, const iv_agenda_item *item, const char *ref)
{
	char command[COMMAND_MAX];

	/* A number is typed without its "#", which a shell would take for a comment. */
	table_cell(t, C_DIM, item_command(command, sizeof(command), item, ref_typed(ref)));
}

static void todo_row(struct cli *ctx, struct table *t, const iv_agenda_item *item)
{
	const iv_followup *fu = iv_agenda_item_followup(item);
	char when[64], late[48], what[256], sid[IV_ID_LEN + 1];
	int overdue = iv_agenda_item_overdue(item);

	table_row(t);
	table_cell(t, C_YELLOW, item_ref(sid, ctx, item));
	if (overdue) {
		fmt_when_plain(when, sizeof(when), iv_agenda_item_time(item), ctx->now);
		fmt_duration(late, sizeof(late), ctx->now - iv_agenda_item_time(item));
		table_cellf(t, C_RED, "%s, %s overdue", when, late);
	} else {
		fmt_when(when, sizeof(when), iv_agenda_item_time(item), ctx->now);
		table_cell(t, C_NONE, when);
	}
	table_cell(t, C_BOLD, iv_contact_name(iv_agenda_item_contact(item)));
	table_cell(t, C_NONE, followup_what(what, sizeof(what), fu));
	command_cell(t, item, sid);
}

static void later_row(struct cli *ctx, struct table *t, const iv_agenda_item *item)
{
	const iv_followup *fu = iv_agenda_item_followup(item);
	char from[64], due[64], what[256], sid[IV_ID_LEN + 1];

	fmt_when(from, sizeof(from), iv_followup_earliest(fu), ctx->now);
	fmt_when(due, sizeof(due), iv_agenda_item_time(item), ctx->now);
	table_row(t);
	table_cell(t, C_YELLOW, item_ref(sid, ctx, item));
	table_cell(t, C_CYAN, from);
	table_cell(t, C_NONE, due);
	table_cell(t, C_BOLD, iv_contact_name(iv_agenda_item_contact(item)));
	table_cell(t, C_NONE, followup_what(what, sizeof(what), fu));
	command_cell(t, item, sid);
}

static void interview_row_at(struct cli *ctx, struct table *t, const iv_agenda_item *item)
{
	const iv_interview *iv = iv_agenda_item_interview(item);
	char when[64], medium[32], sid[IV_ID_LEN + 1];

	fmt_when(when, sizeof(when), iv_agenda_item_time(item), ctx->now);
	table_row(t);
	table_cell(t, C_YELLOW, item_ref(sid, ctx, item));
	table_cell(t, iv_agenda_item_overdue(item) ? C_RED : C_CYAN, when);
	table_cell(t, C_BOLD, iv_contact_name(iv_agenda_item_contact(item)));
	table_cell(t, C_NONE, iv_interview_medium(iv) == IV_MEDIUM_UNSET ? NULL
			      : enum_label(medium, sizeof(medium), "medium", iv_interview_medium(iv)));
	table_cell(t, C_NONE, iv_interview_purpose(iv));
	command_cell(t, item, sid);
}

/* A request, waiting or given up on: the same columns. */
static void waiting_row(struct cli *ctx, struct table *t, const iv_agenda_item *item)
{
	char when[64], waited[48], sid[IV_ID_LEN + 1];

	fmt_when(when, sizeof(when), iv_agenda_item_time(item), ctx->now);
	fmt_duration(waited, sizeof(waited), iv_agenda_item_waiting(item));
	table_row(t);
	table_cell(t, C_YELLOW, item_ref(sid, ctx, item));
	table_cell(t, C_BOLD, iv_contact_name(iv_agenda_item_contact(item)));
	table_cell(t, C_NONE, when);
	table_cell(t, C_NONE, waited);
	command_cell(t, item, sid);
}

static void plan_row(struct cli *ctx, struct table *t, const iv_agenda_item *item)
{
	const iv_target_plan_item *p = iv_agenda_item_plan(item);
	char sid[IV_ID_LEN + 1], step[3 * IV_LIMIT_SHORT + 64];

	target_step_words(step, sizeof(step), p);
	table_row(t);
	table_cell(t, C_YELLOW, item_ref(sid, ctx, item));
	table_cell(t, C_BOLD, iv_target_name(iv_target_plan_item_target(p)));
	table_cellf(t, C_NONE, "%d", iv_target_motivation(iv_target_plan_item_target(p)));
	if (iv_target_plan_item_degree(p))
		table_cellf(t, C_NONE, "%d", iv_target_plan_item_degree(p));
	else
		table_cell(t, C_NONE, "-");
	table_cell(t, C_NONE, step);
}

static void json_item(struct jw *j, struct cli *ctx, const iv_agenda_item *item)
{
	const iv_contact *c = iv_agenda_item_contact(item);
	int kind = iv_agenda_item_kind(item);
	char command[COMMAND_MAX], sid[IV_ID_LEN + 1];

	jw_object(j);
	jw_kstring(j, "kind", iv_enum_name("agenda_kind", kind));
	jw_ktime(j, "time", iv_agenda_item_time(item));
	jw_kbool(j, "overdue", iv_agenda_item_overdue(item));
	jw_kbool(j, "later", kind == IV_AGENDA_LATER);
	item_ref(sid, ctx, item);
	jw_kstring(j, "command", item_command(command, sizeof(command), item, ref_typed(sid)));
	jw_key(j, "waiting_seconds");
	if (kind == IV_AGENDA_WAITING || kind == IV_AGENDA_NO_REPLY)
		jw_int(j, (long long)iv_agenda_item_waiting(item));
	else
		jw_null(j);
	jw_kstring(j, "contact", c ? iv_contact_id(c) : NULL);
	jw_kstring(j, "contact_name", c ? iv_contact_name(c) : NULL);
	jw_key(j, "followup");
	if (iv_agenda_item_followup(item))
		json_followup(j, ctx, iv_agenda_item_followup(item));
	else
		jw_null(j);
	jw_key(j, "interview");
	if (iv_agenda_item_interview(item))
		json_interview(j, ctx, iv_agenda_item_interview(item));
	else
		jw_null(j);
	if (kind == IV_AGENDA_PLAN) {
		const iv_target_plan_item *p = iv_agenda_item_plan(item);
		char step[3 * IV_LIMIT_SHORT + 64];

		target_step_words(step, sizeof(step), p);
		jw_key(j, "target");
		jw_object(j);
		jw_kstring(j, "id", iv_target_id(iv_target_plan_item_target(p)));
		jw_kstring(j, "name", iv_target_name(iv_target_plan_item_target(p)));
		jw_kint(j, "degree", iv_target_plan_item_degree(p));
		jw_kenum(j, "step", "target_step", iv_target_plan_item_step(p));
		jw_kstring(j, "next", step);
		jw_object_end(j);
	}
	jw_object_end(j);
}

static void section(struct cli *ctx, const char *title, struct table *t, int *printed)
{
	if (table_rows(t)) {
		if ((*printed)++)
			printf("\n");
		out_heading(ctx, title);
		table_print(t, ctx, 2);
	}
}

/* Whether the store holds any contact: an empty agenda then means a new store. */
static int store_is_empty(struct cli *ctx)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	int rc;

	if (iv_contact_list(&it, ctx->db, NULL) < 0)
		return 0;
	rc = iv_contact_iter_next(&c, it);
	iv_contact_free(c);
	iv_contact_iter_free(it);
	return rc == IV_ITEROVER;
}

static void print_sections(struct cli *ctx, struct sections *s, int days)
{
	int printed = 0;

	section(ctx, "To do", s->todo, &printed);
	section(ctx, "Later today", s->later, &printed);
	section(ctx, "Interviews", s->interviews, &printed);
	section(ctx, "No reply after the last nudge", s->no_reply, &printed);
	section(ctx, "Waiting for a reply", s->waiting, &printed);
	section(ctx, "This week's plan: your first targets", s->plan, &printed);
	if (printed)
		return;
	if (store_is_empty(ctx))
		printf("Nothing here yet. Add someone with 'infoview contact add NAME',\n"
		       "or see what a store in use looks like with 'infoview demo'.\n");
	else
		printf("Nothing to do today, and no interview in the next %d day%s.\n", days, days == 1 ? "" : "s");
}

int agenda_show(struct cli *ctx, int days, struct jw *j)
{
	static const char *const todo_heads[] = { "ID", "DUE", "TO", "WHAT", "COMMAND" };
	static const char *const later_heads[] = { "ID", "FROM", "DUE", "TO", "WHAT", "COMMAND" };
	static const char *const interview_heads[] = { "ID", "WHEN", "WITH", "MEDIUM", "PURPOSE", "COMMAND" };
	static const char *const waiting_heads[] = { "ID", "WITH", "ASKED", "WAITING", "COMMAND" };
	static const char *const plan_heads[] = { "ID", "TARGET", "MOTIVATION", "DEGREE", "NEXT STEP" };
	iv_agenda_options opts;
	struct sections s = { NULL, NULL, NULL, NULL, NULL, NULL };
	iv_agenda_item *item = NULL;
	iv_agenda_iter *it = NULL;
	int rc;

	/* The whole local day (until the end of it), requests given up on, and the weekly plan. */
	if (iv_agenda_options_init(&opts, IV_AGENDA_OPTIONS_VERSION) < 0)
		return cli_fail();
	opts.at = ctx->now;
	opts.horizon = (int64_t)days * DAY;
	if (iv_agenda(&it, ctx->db, &opts) < 0)
		return cli_fail();
	if (j) {
		jw_object(j);
		jw_ktime(j, "at", ctx->now);
		jw_kint(j, "days", days);
		jw_key(j, "items");
		jw_array(j);
	} else {
		s.todo = table_new(5, todo_heads);
		s.later = table_new(6, later_heads);
		s.interviews = table_new(6, interview_heads);
		s.no_reply = table_new(5, waiting_heads);
		s.waiting = table_new(5, waiting_heads);
		s.plan = table_new(5, plan_heads);
		table_limit(s.todo, 3, 50);
		table_limit(s.later, 4, 50);
		table_limit(s.interviews, 4, 40);
	}
	while ((rc = iv_agenda_iter_next(&item, it)) == 0) {
		if (j)
			json_item(j, ctx, item);
		else if (iv_agenda_item_kind(item) == IV_AGENDA_FOLLOWUP)
			todo_row(ctx, s.todo, item);
		else if (iv_agenda_item_kind(item) == IV_AGENDA_LATER)
			later_row(ctx, s.later, item);
		else if (iv_agenda_item_kind(item) == IV_AGENDA_INTERVIEW)
			interview_row_at(ctx, s.interviews, item);
		else if (iv_agenda_item_kind(item) == IV_AGENDA_NO_REPLY)
			waiting_row(ctx, s.no_reply, item);
		else if (iv_agenda_item_kind(item) == IV_AGENDA_PLAN)
			plan_row(ctx, s.plan, item);
		else
			waiting_row(ctx, s.waiting, item);
		iv_agenda_item_free(item);
	}
	iv_agenda_iter_free(it);
	if (rc != IV_ITEROVER)
		rc = cli_fail();
	else if (j) {
		jw_array_end(j);
		jw_object_end(j);
		rc = CLI_OK;
	} else {
		print_sections(ctx, &s, days);
		rc = CLI_OK;
	}
	table_free(s.todo);
	table_free(s.later);
	table_free(s.interviews);
	table_free(s.no_reply);
	table_free(s.waiting);
	table_free(s.plan);
	return rc;
}

int cmd_agenda(struct cli *ctx, int argc, char **argv)
{
	static const struct opt opts[] = { { "days", O_DAYS, 1 }, { NULL, 0, 0 } };
	struct parsed p;
	struct args a;
	struct jw j;
	int rc = 0, days = 7;

	args_init(&a, ctx, "agenda", help, argc, argv);
	if (args_parse(&a, opts, &p, 0, 0, NULL))
		return a.status;
	if (parsed_option(&p, O_DAYS))
		rc = args_int(&a, "days", parsed_option(&p, O_DAYS), 1, 3650, &days);
	parsed_free(&p);
	if (rc || (rc = cli_open(ctx, 0)) != 0)
		return rc;
	if (!ctx->json)
		return agenda_show(ctx, days, NULL);
	jw_init(&j, stdout);
	if ((rc = agenda_show(ctx, days, &j)) == 0)
		jw_finish(&j);
	return rc;
}
