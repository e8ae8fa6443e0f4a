/*
 * infoview: one-line summaries of records just stored.
 * SPDX-License-Identifier: MIT
 */
#include "summary.h"
#include "out.h"
#include "ref.h"
#include "render.h"

#include <stdio.h>
#include <string.h>

static const char *known_words(int known)
{
	switch (known) {
	case IV_KNOWN_DIRECT:
		return "known directly";
	case IV_KNOWN_INTRODUCED:
		return "introduced";
	case IV_KNOWN_COLD:
		return "a cold contact";
	default:
		return "how you know them is unset";
	}
}

const char *words_contact(char *buf, size_t n, struct cli *ctx, const iv_contact *c)
{
	const char *company = iv_contact_company(c);

	(void)ctx;
	snprintf(buf, n, "%s (%s%s%s)", iv_contact_name(c), company ? company : "", company ? ", " : "",
		 known_words(iv_contact_known(c)));
	return buf;
}

const char *words_intro(char *buf, size_t n, struct cli *ctx, const iv_intro *in)
{
	char by[IV_LIMIT_SHORT + 1], channel[32], status[32];

	/* contact_name() lends from a small cache: copy one before asking the other. */
	snprintf(by, sizeof(by), "%s", contact_name(ctx, iv_intro_introducer(in)));
	snprintf(buf, n, "%s introduces you to %s (%s, %s)", by, contact_name(ctx, iv_intro_introduced(in)),
		 enum_label(channel, sizeof(channel), "channel", iv_intro_channel(in)),
		 enum_label(status, sizeof(status), "intro_status", iv_intro_status(in)));
	return buf;
}

const char *words_interview(char *buf, size_t n, struct cli *ctx, const iv_interview *iv)
{
	char status[32], when[64], medium[32], questions[48] = "";
	int s = iv_interview_status(iv);
	size_t q = iv_interview_question_count(iv);

	enum_label(status, sizeof(status), "interview_status", s);
	when[0] = medium[0] = '\0';
	if (iv_interview_scheduled_at(iv) && s == IV_INTERVIEW_SCHEDULED) {
		fmt_when_plain(when + 1, sizeof(when) - 1, iv_interview_scheduled_at(iv), ctx->now);
		when[0] = ' ';
	}
	if (iv_interview_medium(iv) != IV_MEDIUM_UNSET) {
		enum_label(medium + 2, sizeof(medium) - 2, "medium", iv_interview_medium(iv));
		medium[0] = ',';
		medium[1] = ' ';
	}
	if (q)
		snprintf(questions, sizeof(questions), ", %zu question%s", q, q == 1 ? "" : "s");
	snprintf(buf, n, "with %s (%s%s, %d minutes%s%s)", contact_name(ctx, iv_interview_contact(iv)), status,
		 when, iv_interview_minutes(iv), medium, questions);
	return buf;
}

const char *words_followup(char *buf, size_t n, struct cli *ctx, const iv_followup *fu)
{
	char what[256], due[64], status[32];

	fmt_when_plain(due, sizeof(due), iv_followup_due(fu), ctx->now);
	if (iv_followup_status(fu) == IV_FOLLOWUP_PENDING)
		snprintf(buf, n, "for %s: %s (due %s)", contact_name(ctx, iv_followup_contact(fu)),
			 followup_what(what, sizeof(what), fu), due);
	else
		snprintf(buf, n, "for %s: %s (%s)", contact_name(ctx, iv_followup_contact(fu)),
			 followup_what(what, sizeof(what), fu),
			 enum_label(status, sizeof(status), "followup_status", iv_followup_status(fu)));
	return buf;
}

/* "<verb> <kind> <short ref><sep><words>", or the id alone with -q. */
static void line(struct cli *ctx, const char *verb, const char *kind, enum ref_kind rk, const char *id,
		 const char *sep, const char *words)
{
	char sid[IV_ID_LEN + 1];

	if (ctx->quiet) {
		printf("%s\n", id);
		return;
	}
	out_printf("%s %s %s%s%s\n", verb, kind, short_id(sid, ctx, rk, id), sep, words);
}

void summary_contact(struct cli *ctx, const char *verb, const iv_contact *c)
{
	char words[3 * IV_LIMIT_SHORT];

	line(ctx, verb, "contact", REF_CONTACT, iv_contact_id(c), " ", words_contact(words, sizeof(words), ctx, c));
}

void summary_intro(struct cli *ctx, const char *verb, const iv_intro *in)
{
	char words[3 * IV_LIMIT_SHORT];

	line(ctx, verb, "introduction", REF_INTRO, iv_intro_id(in), ": ", words_intro(words, sizeof(words), ctx, in));
}

void summary_interview(struct cli *ctx, const char *verb, const iv_interview *iv)
{
	char words[3 * IV_LIMIT_SHORT];

	line(ctx, verb, "interview", REF_INTERVIEW, iv_interview_id(iv), " ",
	     words_interview(words, sizeof(words), ctx, iv));
}

void summary_followup(struct cli *ctx, const char *verb, const iv_followup *fu)
{
	char words[3 * IV_LIMIT_SHORT];

	line(ctx, verb, "follow-up", REF_FOLLOWUP, iv_followup_id(fu), " ",
	     words_followup(words, sizeof(words), ctx, fu));
}
