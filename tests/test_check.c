/*
 * The request checker (draft.h: iv_draft_check_report(), iv_draft_check(),
 * the warnings' names and messages): every request of the labelled corpus
 * in tests/data/requests gets exactly its labels, and each rule is pinned
 * by sentences that must and must not trigger it. No store is needed.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <infoview/infoview.h>
#include "check.h"

#ifndef IV_CORPUS_DIR
# error "IV_CORPUS_DIR must name tests/data/requests"
#endif

/* Every warning flag, in the order the corpus files and messages name them. */
static const unsigned int all_warnings[] = {
	IV_DRAFT_TOO_LONG, IV_DRAFT_ASKS_FOR_JOB, IV_DRAFT_NO_QUESTION,
	IV_DRAFT_NO_INTRODUCTION, IV_DRAFT_NO_REASON,
};
#define NWARNINGS (sizeof(all_warnings) / sizeof(all_warnings[0]))

/* "too_long no_reason" for the flags set (or "none"), in `buf`. */
static const char *flag_names(char *buf, size_t size, unsigned int flags)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < NWARNINGS; i++) {
		if (!(flags & all_warnings[i]))
			continue;
		if (buf[0])
			strncat(buf, " ", size - strlen(buf) - 1);
		strncat(buf, iv_enum_name("draft_warning", (int)all_warnings[i]), size - strlen(buf) - 1);
	}
	if (!buf[0])
		snprintf(buf, size, "none");
	return buf;
}

/* The report on a text that must be accepted. */
static iv_draft_report report_of(const char *text)
{
	iv_draft_report r = IV_DRAFT_REPORT_INIT;

	ok(iv_draft_check_report(&r, text));
	return r;
}

#define assert_warnings(text, expected) do { \
	char got_[128], want_[128]; \
	iv_draft_report r_ = report_of(text); \
	if (r_.warnings != (unsigned int)(expected)) \
		FAIL("\"%s\"\n  has warnings: %s\n  expected:     %s\n", (text), \
		     flag_names(got_, sizeof(got_), r_.warnings), \
		     flag_names(want_, sizeof(want_), (expected))); \
} while (0)

/* Each text of `texts` has part `part` (found = 1) or lacks it (found = 0). */
static void assert_part(const char *const *texts, size_t n, unsigned int part, int found)
{
	size_t i;

	for (i = 0; i < n; i++) {
		iv_draft_report r = report_of(texts[i]);

		if (!(r.parts & part) != !found)
			FAIL("\"%s\"\n  %s part %s\n", texts[i], found ? "lacks" : "has",
			     iv_enum_name("draft_part", (int)part));
	}
}

/* Each text of `texts` is a job ask (asks = 1) or not, for both checks. */
static void assert_job(const char *const *texts, size_t n, int asks)
{
	size_t i;

	for (i = 0; i < n; i++) {
		iv_draft_report r = report_of(texts[i]);
		unsigned int old = 0;

		ok(iv_draft_check(&old, texts[i]));
		if (!(r.warnings & IV_DRAFT_ASKS_FOR_JOB) != !asks)
			FAIL("\"%s\"\n  is %sa job ask for iv_draft_check_report()\n", texts[i], asks ? "not " : "");
		if (!(old & IV_DRAFT_ASKS_FOR_JOB) != !asks)
			FAIL("\"%s\"\n  is %sa job ask for iv_draft_check()\n", texts[i], asks ? "not " : "");
	}
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ======================================================================= */
/* The corpus                                                               */
/* ======================================================================= */

#define MAX_ENTRY (64 * 1024)

typedef struct {
	char name[256];
	unsigned int expect;
	const char *text; /* in buf */
	char buf[MAX_ENTRY];
} entry;

/* Reads a corpus file: "expect: ..." and "note: ..." lines, "---", the text. */
static void read_entry(entry *e, const char *dir, const char *name)
{
	char path[1024], *line, *next, *sep;
	size_t len;
	FILE *f;
	int have_expect = 0;

	snprintf(e->name, sizeof(e->name), "%s", name);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!(f = fopen(path, "rb")))
		FAIL("cannot open %s\n", path);
	len = fread(e->buf, 1, sizeof(e->buf) - 1, f);
	fclose(f);
	e->buf[len] = '\0';
	if (!(sep = strstr(e->buf, "\n---\n")))
		FAIL("%s: no \"---\" line before the request\n", name);
	*sep = '\0';
	e->text = sep + 5;
	e->expect = 0;
	for (line = e->buf; line; line = next) {
		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		if (strncmp(line, "note:", 5) == 0)
			continue;
		if (strncmp(line, "expect:", 7) != 0)
			FAIL("%s: a header line is \"expect: ...\" or \"note: ...\", not \"%s\"\n", name, line);
		have_expect = 1;
		for (line = strtok(line + 7, " "); line; line = strtok(NULL, " ")) {
			int v;

			if (strcmp(line, "none") == 0)
				continue;
			if (iv_enum_value(&v, "draft_warning", line) < 0)
				FAIL("%s: unknown warning \"%s\"\n", name, line);
			e->expect |= (unsigned int)v;
		}
	}
	if (!have_expect)
		FAIL("%s: no \"expect:\" line\n", name);
}

static int is_entry(const char *name)
{
	size_t len = strlen(name);

	return len > 4 && strcmp(name + len - 4, ".txt") == 0;
}

static void every_corpus_request_gets_exactly_its_labels(void **state)
{
	DIR *d = opendir(IV_CORPUS_DIR);
	struct dirent *de;
	entry *e = malloc(sizeof(*e));
	size_t n = 0, wrong = 0;

	(void)state;
	assert_non_null(d);
	assert_non_null(e);
	while ((de = readdir(d)) != NULL) {
		iv_draft_report r = IV_DRAFT_REPORT_INIT;
		unsigned int old = 0, parts;
		char got[128], want[128];

		if (!is_entry(de->d_name))
			continue;
		read_entry(e, IV_CORPUS_DIR, de->d_name);
		n++;
		ok(iv_draft_check_report(&r, e->text));
		ok(iv_draft_check(&old, e->text));
		if (r.warnings != e->expect) {
			print_error("%s\n  has warnings: %s\n  expected:     %s\n", e->name,
				    flag_names(got, sizeof(got), r.warnings), flag_names(want, sizeof(want), e->expect));
			wrong++;
		}
		/* The two checks share the job rules; the parts are what the warnings lack. */
		if ((old & IV_DRAFT_ASKS_FOR_JOB) != (r.warnings & IV_DRAFT_ASKS_FOR_JOB)) {
			print_error("%s: iv_draft_check() disagrees on the job ask\n", e->name);
			wrong++;
		}
		parts = (r.warnings & IV_DRAFT_NO_INTRODUCTION ? 0 : IV_DRAFT_PART_WHO) |
			(r.warnings & IV_DRAFT_NO_REASON ? 0 : IV_DRAFT_PART_WHY) |
			(r.warnings & IV_DRAFT_NO_QUESTION ? 0 : IV_DRAFT_PART_ASK);
		if (r.parts != parts) {
			print_error("%s: parts 0x%x do not match the warnings\n", e->name, r.parts);
			wrong++;
		}
	}
	closedir(d);
	free(e);
	print_message("%zu requests in the corpus, %zu wrong\n", n, wrong);
	assert_true(n >= 40);
	assert_int_equal(wrong, 0);
}

/* ======================================================================= */
/* The examples                                                     */
/* ======================================================================= */

static void a_negated_job_ask_is_no_job_ask(void **state)
{
	unsigned int w = 99;

	(void)state;
	ok(iv_draft_check(&w, "I am not asking for a job. Could we talk?"));
	assert_int_equal(w, 0);
}

static void job_as_a_topic_is_no_job_ask(void **state)
{
	unsigned int w = 99;

	(void)state;
	ok(iv_draft_check(&w, "I've been reading about the CRA job market. Could we talk?"));
	assert_int_equal(w, 0);
}

static void a_bare_ask_lacks_who_and_why(void **state)
{
	iv_draft_report r = report_of("Can we talk?");

	(void)state;
	assert_int_equal(r.words, 3);
	assert_int_equal(r.parts, IV_DRAFT_PART_ASK);
	assert_int_equal(r.warnings, IV_DRAFT_NO_INTRODUCTION | IV_DRAFT_NO_REASON);
}

static void a_request_without_introduction_is_flagged(void **state)
{
	(void)state;
	assert_warnings("Priya suggested I write to you. Would you be willing to talk?", IV_DRAFT_NO_INTRODUCTION);
	assert_warnings("My name is Jordan. Priya suggested I write to you. Would you be willing to talk?", 0);
}

/* ======================================================================= */
/* Words, sentences and clauses                                             */
/* ======================================================================= */

static void words_are_counted_in_every_report(void **state)
{
	(void)state;
	assert_int_equal(report_of("").words, 0);
	assert_int_equal(report_of("Don't stop").words, 2);
	assert_int_equal(report_of("a well-known 20-30 minute talk").words, 5);
	assert_int_equal(report_of("rock'n'roll I\xe2\x80\x99m").words, 2);
	assert_int_equal(report_of("caf\xc3\xa9 na\xc3\xafve r\xc3\xa9sum\xc3\xa9").words, 3);
	/* Unicode punctuation separates words (iv_draft_word_count() counts it as letters). */
	assert_int_equal(report_of("talk \xe2\x80\x94 now \xe2\x80\xa6 \xc2\xab yes \xc2\xbb").words, 3);
	assert_int_equal(iv_draft_word_count("talk \xe2\x80\x94 now"), 3);
	assert_int_equal(report_of("\xe7\x94\xb0\xe4\xb8\xad\xe6\xa7\x98\xe3\x80\x82Hello\xef\xbc\x9f").words, 2);
}

static void over_100_words_is_too_long(void **state)
{
	char text[1024] = "Would you be willing to talk?";
	iv_draft_report r;
	size_t i;

	(void)state;
	for (i = 6; i < IV_DRAFT_MAX_WORDS; i++)
		strcat(text, " word");
	r = report_of(text);
	assert_int_equal(r.words, 100);
	assert_false(r.warnings & IV_DRAFT_TOO_LONG);
	strcat(text, " word");
	r = report_of(text);
	assert_int_equal(r.words, 101);
	assert_true(r.warnings & IV_DRAFT_TOO_LONG);
}

static void a_question_needs_a_question_mark_outside_quotes(void **state)
{
	static const char *const asks[] = {
		"Would you be willing to talk?",
		"Would you be willing to talk\xef\xbc\x9f",          /* full-width */
		"Would you be willing to talk ?",                    /* French spacing */
		"Would you be willing to talk\xc2\xa0?",             /* no-break space */
		"Would you be willing to talk?!",
		"Would you be open to a \"coffee chat\"?",
		"Could we talk with Dr. Kim and me?",                /* "Dr." ends no sentence */
		"Could we set up a call, perhaps next week?",        /* a comma ends a clause, not the sentence */
	};
	static const char *const no_asks[] = {
		"I would like to talk with you.",
		"Let me know if you would be willing to talk.",
		"He asked \"can we talk?\" and I agreed.",
		"He asked \xe2\x80\x9c\x63\x61n we talk?\xe2\x80\x9d and I agreed.",
		"Would you be willing to talk",
		"See https://example.com/talk?x=1 for the call",
		"How did you get into medical affairs?",
		"Would you be open to a call\n\n?",                 /* a blank line ends the sentence */
	};

	(void)state;
	assert_part(asks, COUNT(asks), IV_DRAFT_PART_ASK, 1);
	assert_part(no_asks, COUNT(no_asks), IV_DRAFT_PART_ASK, 0);
}

static void a_negation_reaches_the_end_of_its_clause(void **state)
{
	static const char *const negated[] = {
		"I am not asking for a job.",
		"I'm not looking for a job right now.",
		"I\xe2\x80\x99m not expecting a referral.",
		"This is not a job request, and I do not need a referral.",
		"I don't expect you to refer me.",
		"I know you can't offer me a position.",
		"I'm hoping for advice rather than a referral.",
		"Advice instead of a referral is what I am after.",
		"Without asking for a referral, I'd love to hear your story.",
		"I have no expectation of a referral.",
		"I am not, to be clear, asking for a job.",
	};
	static const char *const not_negated[] = {
		"I'm not asking for a job, but could you refer me?",
		"I'm not asking for a job; could you refer me?",
		"I don't have a PhD and I'm looking for a job.",
		"I'm not sure whether your team is hiring.",
		"I don't really know if there are any openings.",
		"I'm not certain, but are there any openings?",
	};

	(void)state;
	assert_job(negated, COUNT(negated), 0);
	assert_job(not_negated, COUNT(not_negated), 1);
}

/* ======================================================================= */
/* The rules, part by part                                                  */
/* ======================================================================= */

static void who_you_are_is_a_self_introduction_or_background(void **state)
{
	static const char *const who[] = {
		"My name is Jordan Lee.",
		"My name's Jordan.",
		"I'm Jordan, a lab scientist.",
		"I am a hospital pharmacist.",
		"I'm an epidemiologist.",
		"I am currently a postdoc at UCL.",
		"I'm studying for an MSc in bioinformatics.",
		"I'm transitioning from teaching into medical writing.",
		"I am in my final year of pharmacy school.",
		"I'm looking to move into regulatory affairs.",
		"I was a nurse for ten years.",
		"I work as a data analyst.",
		"I worked in quality control for six years.",
		"I've been working in the Chen lab since 2021.",
		"I have spent a decade in oncology.",
		"I have a PhD in chemistry.",
		"I have over ten years of experience.",
		"After eight years as a pharmacist, I want a change.",
		"After finishing my PhD in June, I began exploring.",
		"I recently completed a certificate in clinical research.",
		"I've just graduated in biomedical science.",
		"I studied chemistry at Leeds.",
		"I lead a small assay team.",
		"My background is in microbiology.",
		"With a background in nursing, I am curious about trials.",
		"My PhD is in materials science.",
		"As a physiotherapist, I have always liked devices.",
		"Dear Ana,\nAs a nurse, I have long admired trials.",
		"This is Jordan from the Chen lab.",
	};
	static const char *const not_who[] = {
		"I am reaching out about your work.",
		"I am not a scientist.",
		"I'm a big fan of your podcast.",
		"I am an avid reader of your blog.",
		"I've been reading about the CRA job market.",
		"I hope you're well.",
		"I want to get into clinical research.",
		"After reading about your career, I had questions.",
		"Could we talk about your experience as a CRA?",
		"I just wanted to ask a question.",
		"i am jordan.", /* a name is capitalised */
	};

	(void)state;
	assert_part(who, COUNT(who), IV_DRAFT_PART_WHO, 1);
	assert_part(not_who, COUNT(not_who), IV_DRAFT_PART_WHO, 0);
}

static void why_them_is_about_them_or_who_sent_you(void **state)
{
	static const char *const why[] = {
		"I read your article on decentralised trials.",
		"Your recent talk at DIA stayed with me.",
		"I am reaching out because of your experience at Pfizer.",
		"You moved from the bench into monitoring.",
		"You're now leading the safety team at Roche.",
		"I saw that you lead the submissions group.",
		"I noticed you spoke at the ACRP meeting.",
		"I found your profile on the ATD directory.",
		"I came across your blog last month.",
		"I admire how you built the team.",
		"Priya suggested I reach out to you.",
		"Professor Lin recommended that I contact you.",
		"Tom thought you would be a good person to ask.",
		"Sam referred me to you.",
		"Omar put me in touch with you.",
		"Marcus gave me your name.",
		"Following Sam's introduction, I am writing.",
		"Our mutual friend Tom suggested it.",
		"As a fellow Imperial alumna, I was delighted.",
		"We met at the ACRP conference last spring.",
		"You've built the HEOR function almost from scratch.",
	};
	static const char *const not_why[] = {
		"Would you be willing to talk with me?",
		"Thank you for your time.",
		"At your convenience, of course.",
		"I'd value your advice.",
		"I hope you're doing well.",
		"I know you're a busy person.",
		"I understand you're busy.",
		"Could we talk, at a time that suits you?",
		"I'm a research fellow at the Crick.",
		"Do you have a few minutes?",
		"Could we meet next week?",
	};

	(void)state;
	assert_part(why, COUNT(why), IV_DRAFT_PART_WHY, 1);
	assert_part(not_why, COUNT(not_why), IV_DRAFT_PART_WHY, 0);
}

static void the_ask_is_a_question_asking_to_talk(void **state)
{
	static const char *const asks[] = {
		"Can we talk?",
		"Would you be willing to share your experience?",
		"Are you open to a brief call next week?",
		"Could I buy you a coffee?",
		"Would you have time for a short chat?",
		"Do you have 15 minutes?",
		"Could I ask you a few questions?",
		"Would you mind if I asked about your path?",
		"Would love to pick your brain - are you free next week?",
		"Would you be open to an informational interview?",
		"Could we set up a time to connect?",
		"Might you have a moment next week?",
		"Could you spare some time next month?",
		"Would you be up for a 20\xe2\x80\x91minute call?",
	};
	static const char *const no_asks[] = {
		"Could you tell me about your path?",
		"What skills mattered most in your first year?",
		"Please let me know if you would be open to a call.",
		"I would love to chat sometime.",
		"Could you refer me for the role?",
	};

	(void)state;
	assert_part(asks, COUNT(asks), IV_DRAFT_PART_ASK, 1);
	assert_part(no_asks, COUNT(no_asks), IV_DRAFT_PART_ASK, 0);
}

static void job_asks_are_referrals_openings_positions_and_cvs(void **state)
{
	static const char *const asks[] = {
		"Could you refer me?",
		"Would you refer me to your recruiter?",
		"Could you give me a referral?",
		"Could you hire me?",
		"Would your company sponsor me for a visa?",
		"Are there any openings on your team?",
		"Is there an opening?",
		"Is there an open position?",
		"Are there open roles?",
		"Are there any JOBS on your team?",
		"Do you have any positions?",
		"Do you have a job for me?",
		"Does your department have any summer internships?",
		"Do you know of any vacancies?",
		"Is your team hiring?",
		"Are you hiring CRAs at the moment?",
		"I'd love to be considered for a position on your team.",
		"I'm interested in a position on your team.",
		"I applied for the data manager position you posted.",
		"Could I interview for the role?",
		"Can I send you my CV?",
		"I've attached my resume.",
		"Would you look over my r\xc3\xa9sum\xc3\xa9?",
		"I would love to work for your company.",
		"I'd love to join your team.",
		"I am looking for a new role in clinical operations.",
		"I'm seeking employment in pharma.",
		"I'm after a job.",
		"Could you help me find a job at Pfizer?",
		"Could you put in a good word for me?",
		"If anything opens up, please keep me in mind.",
		"Could you put my name forward?",
		"Are there any opportunities in your group?",
	};
	static const char *const not_asks[] = {
		"I've been reading about the CRA job market.",
		"How did you approach your own job search?",
		"Which job titles should I search for?",
		"What is the job itself like?",
		"What the job is like is hard to picture.",
		"Could we talk about your job?",
		"Job-hunting after a PhD is new to me.",
		"Is job shadowing common in CROs?",
		"What does a typical day in a CRA role look like?",
		"How did you reach your position?",
		"I am in a position to share our findings.",
		"What is the hiring process like at CROs?",
		"What do hiring managers look for?",
		"Would Tuesday work for you?",
		"Does that work for you?",
		"How did you find being jobless for a while?",
		"Did you work with Dr. Jobson?",
		"Are your cover letters presumed read?",
		"My mentor calls it \xc2\xab the best job in pharma \xc2\xbb.",
		"I'm exploring CRA roles.",
		"Could we resume our conversation?",
		"I'd love to hear how you landed your first role.",
		"Is a work-life balance possible as a CRA?",
	};

	(void)state;
	assert_job(asks, COUNT(asks), 1);
	assert_job(not_asks, COUNT(not_asks), 0);
}

/* ======================================================================= */
/* The API                                                                  */
/* ======================================================================= */

static void the_old_check_keeps_its_flags_and_question_rule(void **state)
{
	unsigned int w = 99;

	(void)state;
	/* No introduction, no reason: iv_draft_check() knows no such flags. */
	ok(iv_draft_check(&w, "Can we talk?"));
	assert_int_equal(w, 0);
	/* Any question mark is a question for it, as in 0.1.0. */
	ok(iv_draft_check(&w, "How did you get into medical affairs?"));
	assert_int_equal(w, 0);
	ok(iv_draft_check(&w, "I would like to talk."));
	assert_int_equal(w, IV_DRAFT_NO_QUESTION);
	ok(iv_draft_check(&w, "Could you refer me"));
	assert_int_equal(w, IV_DRAFT_ASKS_FOR_JOB | IV_DRAFT_NO_QUESTION);
}

static void a_report_is_filled_only_as_far_as_its_version(void **state)
{
	/* A caller's report of version 1, with bytes past it that must stay. */
	size_t size = iv_struct_size("iv_draft_report", 1);
	unsigned char *mem = malloc(size + 16);
	iv_draft_report *r = (iv_draft_report *)mem;
	size_t i;

	(void)state;
	assert_int_equal(size, offsetof(iv_draft_report, parts) + sizeof(unsigned int));
	assert_non_null(mem);
	memset(mem, 0xA5, size + 16);
	ok(iv_draft_report_init(r, 1));
	assert_int_equal(r->version, 1);
	assert_int_equal(r->words, 0);
	assert_int_equal(r->warnings, 0);
	assert_int_equal(r->parts, 0);
	ok(iv_draft_check_report(r, "Can we talk?"));
	assert_int_equal(r->version, 1);
	assert_int_equal(r->words, 3);
	assert_int_equal(r->warnings, IV_DRAFT_NO_INTRODUCTION | IV_DRAFT_NO_REASON);
	for (i = size; i < size + 16; i++)
		assert_int_equal(mem[i], 0xA5);
	free(mem);
}

static void a_report_refuses_what_it_cannot_read(void **state)
{
	iv_draft_report r = IV_DRAFT_REPORT_INIT;

	(void)state;
	r.words = 7;
	r.warnings = 7;
	check(iv_draft_check_report(&r, "Could we talk\xff?"), IV_EINVALID);
	assert_message_has("invalid UTF-8");
	assert_int_equal(r.version, IV_DRAFT_REPORT_VERSION);
	assert_int_equal(r.words, 0);
	assert_int_equal(r.warnings, 0);
	assert_int_equal(r.parts, 0);
	check(iv_draft_check_report(&r, "bell\a?"), IV_EINVALID);
	check(iv_draft_check_report(&r, NULL), IV_EINVALID);
	check(iv_draft_check_report(NULL, "Can we talk?"), IV_EINVALID);
	r.version = 0;
	check(iv_draft_check_report(&r, "Can we talk?"), IV_EVERSION);
	r.version = iv_struct_version("iv_draft_report") + 1;
	check(iv_draft_check_report(&r, "Can we talk?"), IV_EVERSION);
	assert_message_has("iv_draft_report");
	check(iv_draft_report_init(&r, 0), IV_EVERSION);
	check(iv_draft_report_init(NULL, 1), IV_EINVALID);
}

static void bindings_can_build_the_report_from_its_description(void **state)
{
	const char *member, *type;
	size_t offset;
	int64_t v = 0;

	(void)state;
	assert_true(iv_struct_version("iv_draft_report") >= IV_DRAFT_REPORT_VERSION);
	ok(iv_struct_member(&member, &offset, &type, NULL, "iv_draft_report", 1));
	assert_string_equal(member, "words");
	assert_int_equal(offset, offsetof(iv_draft_report, words));
	assert_string_equal(type, "size_t");
	ok(iv_struct_member(&member, &offset, &type, NULL, "iv_draft_report", 3));
	assert_string_equal(member, "parts");
	assert_int_equal(offset, offsetof(iv_draft_report, parts));
	ok(iv_constant(&v, "IV_DRAFT_REPORT_VERSION"));
	assert_true(v == (int64_t)iv_struct_version("iv_draft_report"));
	ok(iv_constant(&v, "IV_DRAFT_MAX_WORDS"));
	assert_true(v == IV_DRAFT_MAX_WORDS);
}

static void every_warning_has_a_name_and_a_message_saying_what_to_add(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NWARNINGS; i++) {
		const char *m = iv_draft_warning_message(all_warnings[i]);

		assert_non_null(m);
		assert_null(strchr(m, '\n'));
		assert_null(strstr(m, "IV_"));
		assert_non_null(iv_enum_name("draft_warning", (int)all_warnings[i]));
	}
	assert_non_null(strstr(iv_draft_warning_message(IV_DRAFT_NO_INTRODUCTION),
			       "say who you are in a sentence: your background and what you are exploring"));
	assert_non_null(strstr(iv_draft_warning_message(IV_DRAFT_NO_REASON), "say why them"));
	assert_string_equal(iv_enum_name("draft_warning", IV_DRAFT_NO_INTRODUCTION), "no_introduction");
	assert_string_equal(iv_enum_name("draft_warning", IV_DRAFT_NO_REASON), "no_reason");
	assert_string_equal(iv_enum_name("draft_part", IV_DRAFT_PART_WHO), "who");
	assert_string_equal(iv_enum_name("draft_part", IV_DRAFT_PART_WHY), "why");
	assert_string_equal(iv_enum_name("draft_part", IV_DRAFT_PART_ASK), "ask");
	assert_null(iv_draft_warning_message(IV_DRAFT_NO_INTRODUCTION | IV_DRAFT_NO_REASON));
	assert_null(iv_draft_warning_message(1u << 5));
}

static void a_clause_longer_than_the_window_ends_nowhere(void **state)
{
	/* "a su-per-...-per role" is a job; whether "title" follows decides if it is asked for. */
	static const char *const short_ask[] = { "Is there a su-per-su-per role?" };
	static const char *const long_topic[] = {
		/* "role" is the 24th token from "Is": the clause's end is past the window. */
		"Is there a su-per-su-per-su-per-su-per-su-per-su-per-su-per-su-per-su-per-su-per role title?",
		/* The same from "seeking", for a rule that ends with the job. */
		"I'm seeking a su-per-su-per-su-per-su-per-su-per-su-per-su-per-su-per-su-per-su-per-su role title.",
	};

	(void)state;
	assert_job(short_ask, 1, 1);
	assert_job(long_topic, COUNT(long_topic), 0);
}

static void a_long_text_is_read_in_one_pass(void **state)
{
	/* 200,000 words: the checker streams, with no allocation, at any size. */
	size_t n = 200000, i;
	char *text = malloc(n * 5 + 64);
	iv_draft_report r = IV_DRAFT_REPORT_INIT;

	(void)state;
	assert_non_null(text);
	strcpy(text, "Could you refer me?");
	for (i = 0; i < n; i++)
		memcpy(text + 19 + i * 5, " word", 6);
	ok(iv_draft_check_report(&r, text));
	assert_int_equal(r.words, n + 4);
	assert_true(r.warnings & IV_DRAFT_TOO_LONG);
	assert_true(r.warnings & IV_DRAFT_ASKS_FOR_JOB);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_corpus_request_gets_exactly_its_labels),
		cmocka_unit_test(a_negated_job_ask_is_no_job_ask),
		cmocka_unit_test(job_as_a_topic_is_no_job_ask),
		cmocka_unit_test(a_bare_ask_lacks_who_and_why),
		cmocka_unit_test(a_request_without_introduction_is_flagged),
		cmocka_unit_test(words_are_counted_in_every_report),
		cmocka_unit_test(over_100_words_is_too_long),
		cmocka_unit_test(a_question_needs_a_question_mark_outside_quotes),
		cmocka_unit_test(a_negation_reaches_the_end_of_its_clause),
		cmocka_unit_test(who_you_are_is_a_self_introduction_or_background),
		cmocka_unit_test(why_them_is_about_them_or_who_sent_you),
		cmocka_unit_test(the_ask_is_a_question_asking_to_talk),
		cmocka_unit_test(job_asks_are_referrals_openings_positions_and_cvs),
		cmocka_unit_test(the_old_check_keeps_its_flags_and_question_rule),
		cmocka_unit_test(a_report_is_filled_only_as_far_as_its_version),
		cmocka_unit_test(a_report_refuses_what_it_cannot_read),
		cmocka_unit_test(bindings_can_build_the_report_from_its_description),
		cmocka_unit_test(every_warning_has_a_name_and_a_message_saying_what_to_add),
		cmocka_unit_test(a_clause_longer_than_the_window_ends_nowhere),
		cmocka_unit_test(a_long_text_is_read_in_one_pass),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
