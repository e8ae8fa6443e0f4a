/*
 * infoview interview questions: the prepared questions of an interview and
 * their answers. Users count questions from 1; the library from 0.
 * SPDX-License-Identifier: MIT
 */
#include "interview.h"
#include "args.h"
#include "cli.h"
#include "json.h"
#include "out.h"
#include "ref.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
	"Usage: infoview interview questions INTERVIEW [ACTION ARGS...]\n"
	"\n"
	"Lists the questions of an interview, numbered from 1, with their answers;\n"
	"or changes them with one of these actions, then lists them:\n"
	"\n"
	"  add TEXT             append a question\n"
	"  answer N TEXT        answer question N ('' clears the answer)\n"
	"  set N TEXT           reword question N, keeping its answer\n"
	"  remove N             remove question N\n"
	"  move N M             move question N to position M\n"
	"  seed [COUNT]         add COUNT (default 4) questions from the built-in\n"
	"                       bank, skipping any already there\n"
	"\n"
	"TEXT may be several words.\n";

/* An answer under its question, each of its lines indented. */
static void print_answer(const char *answer, int indent)
{
	const char *nl;

	while (*answer) {
		nl = strchr(answer, '\n');
		out_printf("%*s%.*s\n", indent, "", (int)(nl ? nl - answer : (long)strlen(answer)), answer);
		if (!nl)
			break;
		answer = nl + 1;
	}
}

void questions_print(struct cli *ctx, const iv_interview *iv, int indent)
{
	size_t i, n = iv_interview_question_count(iv);

	if (n == 0) {
		printf("%*sNo questions yet.\n", indent, "");
		return;
	}
	for (i = 0; i < n; i++) {
		const char *answer = iv_interview_answer_at(iv, i);

		printf("%*s%s%2zu.%s ", indent, "", color_on(ctx, C_BOLD), i + 1, color_off(ctx, C_BOLD));
		out_printf("%s\n", iv_interview_question_at(iv, i));
		if (answer)
			print_answer(answer, indent + 4);
	}
}

static void questions_json(struct jw *j, const iv_interview *iv)
{
	size_t i;

	jw_array(j);
	for (i = 0; i < iv_interview_question_count(iv); i++) {
		jw_object(j);
		jw_kint(j, "number", (long long)i + 1);
		jw_kstring(j, "question", iv_interview_question_at(iv, i));
		jw_kstring(j, "answer", iv_interview_answer_at(iv, i));
		jw_object_end(j);
	}
	jw_array_end(j);
}

/* A question number as users give it, turned into the library's index. */
static int number(struct args *a, const char *text, size_t count, size_t *index)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < 1)
		return args_error(a, "'%s' is not a question number (1, 2, ...)", text);
	if ((size_t)v > count)
		return cli_failf("no question %ld: the interview has %zu", v, count);
	*index = (size_t)v - 1;
	return 0;
}

/* seed's COUNT. */
static int seed_count(struct args *a, const char *text, int *count)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < 1 || v > 50)
		return args_error(a, "seed: '%s' is not a count from 1 to 50", text);
	*count = (int)v;
	return 0;
}

enum op { Q_ADD, Q_ANSWER, Q_SET, Q_REMOVE, Q_MOVE, Q_SEED };

/* An action and what it takes: question numbers, then TEXT (of any words). */
struct action {
	const char *name;
	enum op op;
	int numbers;  /* leading question numbers */
	int text;     /* 1 if TEXT follows them */
	int optional; /* one more optional argument (seed's COUNT) */
};

static const struct action actions[] = {
	{ "add", Q_ADD, 0, 1, 0 }, { "answer", Q_ANSWER, 1, 1, 0 }, { "set", Q_SET, 1, 1, 0 },
	{ "remove", Q_REMOVE, 1, 0, 0 }, { "move", Q_MOVE, 2, 0, 0 }, { "seed", Q_SEED, 0, 0, 1 },
	{ NULL, Q_ADD, 0, 0, 0 },
};

static const struct action *find_action(const char *name)
{
	const struct action *act;

	for (act = actions; act->name; act++)
		if (strcmp(act->name, name) == 0)
			return act;
	return NULL;
}

/* Checks the action's argument count before the store is opened. */
static int check_args(struct args *a, const struct parsed *p, const struct action **out)
{
	const struct action *act;
	int have;

	*out = NULL;
	if (p->npos < 2)
		return 0;
	if (!(act = find_action(p->pos[1])))
		return args_error(a, "unknown action '%s' (add, answer, set, remove, move, seed)", p->pos[1]);
	have = p->npos - 2;
	if (have < act->numbers + act->text)
		return args_error(a, "%s: missing %s", act->name,
				  have < act->numbers ? "question number" : "TEXT");
	if (!act->text && have > act->numbers + act->optional)
		return args_error(a, "unexpected argument '%s'", p->pos[2 + act->numbers + act->optional]);
	*out = act;
	return 0;
}

static int perform(struct args *a, iv_interview *iv, const struct action *act, const struct parsed *p)
{
	size_t n = iv_interview_question_count(iv), i = 0, to = 0;
	char *text = act->text ? parsed_words(p, 2 + act->numbers) : NULL;
	int rc = 0, count = 4;

	if (act->numbers >= 1)
		rc = number(a, p->pos[2], n, &i);
	if (rc == 0 && act->numbers >= 2)
		rc = number(a, p->pos[3], n, &to);
	if (rc == 0 && act->optional && p->npos > 2)
		rc = seed_count(a, p->pos[2], &count);
	if (rc == 0) {
		switch (act->op) {
		case Q_ADD:
			rc = iv_interview_add_question(iv, text);
			break;
		case Q_ANSWER:
			rc = iv_interview_set_answer(iv, i, *text ? text : NULL);
			break;
		case Q_SET:
			rc = iv_interview_set_question(iv, i, text);
			break;
		case Q_REMOVE:
			rc = iv_interview_remove_question(iv, i);
			break;
		case Q_MOVE:
			rc = iv_interview_move_question(iv, i, to);
			break;
		case Q_SEED:
			rc = iv_interview_seed_questions(iv, (size_t)count);
			break;
		}
		/* The library refuses the user's TEXT (a blank question, say). */
		rc = rc < 0 ? args_error(a, "%s: %s", act->name, iv_error_message()) : 0;
	}
	free(text);
	return rc;
}

int cmd_questions(struct cli *ctx, int argc, char **argv)
{
	const struct action *act;
	iv_interview *iv = NULL;
	struct parsed p;
	struct args a;
	struct jw j;
	int rc;

	args_init(&a, ctx, "interview questions", help, argc, argv);
	if (args_parse(&a, NULL, &p, 1, -1, "INTERVIEW"))
		return a.status;
	if ((rc = check_args(&a, &p, &act)) == 0 && (rc = cli_open(ctx, act != NULL)) == 0 &&
	    (rc = ref_interview(&iv, ctx, p.pos[0])) == 0 && act) {
		if ((rc = perform(&a, iv, act, &p)) == 0 && iv_interview_update(ctx->db, iv) < 0)
			rc = cli_fail();
		if (rc == 0)
			rc = cli_commit(ctx);
	}
	if (rc == 0 && ctx->json) {
		jw_init(&j, stdout);
		jw_object(&j);
		jw_kstring(&j, "interview", iv_interview_id(iv));
		jw_key(&j, "questions");
		questions_json(&j, iv);
		jw_object_end(&j);
		jw_finish(&j);
	} else if (rc == 0) {
		questions_print(ctx, iv, 0);
	}
	iv_interview_free(iv);
	parsed_free(&p);
	return rc;
}
