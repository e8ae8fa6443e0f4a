/*
 * The checker of a request (the drafts themselves are made in compose.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"
#include "util.h"
#include "db.h"

/* --- The request checker -------------------------------------------------- */

/* Letters and digits; every byte of a non-ASCII character counts as a letter. */
static int is_letter(unsigned char ch)
{
	return ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* Walks the runs of letters and digits of a text. */
typedef struct {
	const unsigned char *p;
	int after_run;
} runs;

/*
 * The next run: `joined` says it continues the previous one across a single
 * apostrophe or hyphen ("don't", "20-30"), i.e. it is part of the same word.
 * Returns 0 at the end of the text.
 */
static int run_next(runs *r, const char **start, size_t *len, int *joined)
{
	const unsigned char *p = r->p;

	*joined = r->after_run && (*p == '\'' || *p == '-') && is_letter(p[1]);
	if (*joined)
		p++;
	else
		while (*p && !is_letter(*p))
			p++;
	if (!*p)
		return 0;
	*start = (const char *)p;
	while (is_letter(*p))
		p++;
	*len = (size_t)(p - (const unsigned char *)*start);
	r->p = p;
	r->after_run = 1;
	return 1;
}

size_t iv_draft_word_count(const char *text)
{
	runs r = { (const unsigned char *)text, 0 };
	const char *start;
	size_t len, words = 0;
	int joined;

	if (!text)
		return 0;
	while (run_next(&r, &start, &len, &joined))
		words += !joined;
	return words;
}

/*
 * What asks for a job: phrases of runs (a hyphen or apostrophe separates
 * runs, so "job-hunting" has "job"), each slot a '|'-separated list of
 * lower-case alternatives. Keep in step with the list in draft.h.
 */
#define SLOTS 4
static const struct job_phrase {
	const char *slot[SLOTS];
	int not_idiom; /* "I am in a position to help" asks for nothing */
} job_phrases[] = {
	{ { "job|jobs|opening|openings|vacancy|vacancies|hiring|referral|referrals|employment|"
	    "resume|r\xc3\xa9sum\xc3\xa9|resum\xc3\xa9|cv|cvs" }, 0 },
	{ { "hire|refer", "me" }, 0 },
	{ { "open", "role|roles" }, 0 },
	/* not "would Tuesday work for you?", which only schedules */
	{ { "to", "work", "for", "you|your" }, 0 },
	{ { "working", "for", "your" }, 0 },
	{ { "a|any|open|available|vacant", "position|positions" }, 1 },
};

/* Longest run worth remembering: longer ones match no alternative. */
#define RUN_MAX 23

/*
 * The last runs seen, lower-cased ASCII: a phrase ends at window[SLOTS - 1];
 * window[SLOTS] is the run after it ("" past the end).
 */
typedef char window[SLOTS + 1][RUN_MAX + 1];

static int alternative(const char *alts, const char *word)
{
	size_t n = strlen(word);

	while (n) {
		size_t len = strcspn(alts, "|");

		if (len == n && memcmp(alts, word, n) == 0)
			return 1;
		if (!alts[len])
			return 0;
		alts += len + 1;
	}
	return 0;
}

static int phrase_at(const struct job_phrase *ph, window w)
{
	size_t n = 0, i;

	while (n < SLOTS && ph->slot[n])
		n++;
	for (i = 0; i < n; i++)
		if (!alternative(ph->slot[i], w[SLOTS - n + i]))
			return 0;
	if (ph->not_idiom && strcmp(w[SLOTS - 3], "in") == 0 && strcmp(w[SLOTS - 2], "a") == 0 &&
	    strcmp(w[SLOTS], "to") == 0)
		return 0;
	return 1;
}

static void window_push(window w, const char *s, size_t len)
{
	size_t i;

	memmove(w[0], w[1], SLOTS * sizeof(w[0]));
	if (len > RUN_MAX)
		len = 0;
	for (i = 0; i < len; i++)
		w[SLOTS][i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] - 'A' + 'a' : s[i]);
	w[SLOTS][len] = '\0';
}

static int window_asks(window w)
{
	size_t i;

	for (i = 0; i < sizeof(job_phrases) / sizeof(job_phrases[0]); i++)
		if (phrase_at(&job_phrases[i], w))
			return 1;
	return 0;
}

static int asks_for_job(const char *text)
{
	runs r = { (const unsigned char *)text, 0 };
	window w;
	const char *start;
	size_t len;
	int joined;

	memset(w, 0, sizeof(window));
	while (run_next(&r, &start, &len, &joined)) {
		window_push(w, start, len);
		if (window_asks(w))
			return 1;
	}
	/* Let the last run end a phrase too, with nothing after it. */
	window_push(w, "", 0);
	return window_asks(w);
}

int iv_draft_check(unsigned int *warnings, const char *text)
{
	int error;

	IV__ARG(warnings);
	*warnings = 0;
	IV__ARG(text);
	if ((error = iv__check_text("text", text, SIZE_MAX, 0)) < 0)
		return error;
	if (iv_draft_word_count(text) > IV_DRAFT_MAX_WORDS)
		*warnings |= IV_DRAFT_TOO_LONG;
	if (asks_for_job(text))
		*warnings |= IV_DRAFT_ASKS_FOR_JOB;
	/* U+FF1F is the full-width question mark of Chinese and Japanese. */
	if (!strchr(text, '?') && !strstr(text, "\xef\xbc\x9f"))
		*warnings |= IV_DRAFT_NO_QUESTION;
	return 0;
}

const char *iv_draft_warning_message(unsigned int warning)
{
	switch (warning) {
	case IV_DRAFT_TOO_LONG:
		return "over 100 words: keep a request short";
	case IV_DRAFT_ASKS_FOR_JOB:
		return "asks for a job: ask for their advice and experience, not a job, a referral or an opening";
	case IV_DRAFT_NO_QUESTION:
		return "asks no question: end by asking whether they would be willing to talk";
	default:
		return NULL;
	}
}
