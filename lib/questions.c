/*
 * The question bank: prepared questions for an informational interview,
 * tagged by category, and seeding an interview from it.
 */
#include "util.h"

static const struct question {
	int category;
	const char *text;
} bank[] = {
	{ IV_QUESTION_JOURNEY, "How did you get started in this field, and what led you to your current role?" },
	{ IV_QUESTION_JOURNEY, "What did you do before this job, and what carried over from it?" },
	{ IV_QUESTION_JOURNEY, "If you were starting your career again, what would you do differently?" },
	{ IV_QUESTION_JOURNEY, "Which decision or turning point mattered most in getting where you are?" },

	{ IV_QUESTION_TRENDS, "What changes do you see coming in your field over the next few years?" },
	{ IV_QUESTION_TRENDS, "Which skills are becoming more valuable in your work, and which less?" },
	{ IV_QUESTION_TRENDS, "How has your organisation or industry changed since you joined?" },
	{ IV_QUESTION_TRENDS, "What challenges is your industry facing right now?" },

	{ IV_QUESTION_INSIGHTS, "What does a typical week look like for you?" },
	{ IV_QUESTION_INSIGHTS, "What do you enjoy most about your work, and what is hardest?" },
	{ IV_QUESTION_INSIGHTS, "What surprised you most when you started this job?" },
	{ IV_QUESTION_INSIGHTS, "What distinguishes people who do really well in a role like yours?" },

	{ IV_QUESTION_ADVICE, "What would you advise someone trying to move into this field from outside it?" },
	{ IV_QUESTION_ADVICE, "Given my background, what would you focus on first in my place?" },
	{ IV_QUESTION_ADVICE, "What mistakes do newcomers to this field commonly make?" },
	{ IV_QUESTION_ADVICE, "What do you wish someone had told you when you were starting out?" },

	{ IV_QUESTION_RESOURCES, "Which books, publications or websites do you rely on to stay current?" },
	{ IV_QUESTION_RESOURCES, "Are there professional associations, events or communities worth joining?" },
	{ IV_QUESTION_RESOURCES, "Is there anyone else you think I should talk to?" },
	{ IV_QUESTION_RESOURCES, "Which courses or certifications are respected in your field?" },

	{ IV_QUESTION_ASSIGNMENTS, "What kinds of projects would help me test whether this work suits me?" },
	{ IV_QUESTION_ASSIGNMENTS, "Is there a small project or volunteer role that would give me real experience?" },
	{ IV_QUESTION_ASSIGNMENTS, "What task from your own work could I try, to get a feel for the job?" },
	{ IV_QUESTION_ASSIGNMENTS, "What could I build or write that would show people in your field what I can do?" },
};

#define BANK_COUNT (sizeof(bank) / sizeof(bank[0]))

/* The order in which seeding draws one question per category. */
static const int seed_order[] = {
	IV_QUESTION_JOURNEY, IV_QUESTION_INSIGHTS, IV_QUESTION_TRENDS,
	IV_QUESTION_ADVICE, IV_QUESTION_RESOURCES, IV_QUESTION_ASSIGNMENTS,
};

#define SEED_CATEGORIES (sizeof(seed_order) / sizeof(seed_order[0]))

size_t iv_question_bank_count(void)
{
	return BANK_COUNT;
}

const char *iv_question_bank_text(size_t i)
{
	return i < BANK_COUNT ? bank[i].text : NULL;
}

int iv_question_bank_category(size_t i)
{
	return i < BANK_COUNT ? bank[i].category : 0;
}

static int has_question(const iv_interview *iv, const char *text)
{
	size_t i, n = iv_interview_question_count(iv);

	for (i = 0; i < n; i++)
		if (iv__ascii_casecmp(iv_interview_question_at(iv, i), text) == 0)
			return 1;
	return 0;
}

/* The first question of `category` the interview does not have yet, or NULL. */
static const char *next_of(const iv_interview *iv, int category)
{
	size_t i;

	for (i = 0; i < BANK_COUNT; i++)
		if (bank[i].category == category && !has_question(iv, bank[i].text))
			return bank[i].text;
	return NULL;
}

int iv_interview_seed_questions(iv_interview *iv, size_t count)
{
	size_t before, added = 0, pos = 0, misses = 0;
	int error = 0;

	IV__ARG(iv);
	before = iv_interview_question_count(iv);
	if (count > IV_LIMIT_LIST || before + count > IV_LIMIT_LIST)
		return iv__error(IV_EINVALID, "interview.question: %zu more would exceed %d questions",
				 count, IV_LIMIT_LIST);
	/* A category with nothing left is passed over; a full round of misses means the bank is spent. */
	while (added < count && misses < SEED_CATEGORIES) {
		const char *text = next_of(iv, seed_order[pos++ % SEED_CATEGORIES]);
		if (!text) {
			misses++;
			continue;
		}
		misses = 0;
		if ((error = iv_interview_add_question(iv, text)) < 0)
			break;
		added++;
	}
	if (error < 0) {
		/* Leave the record as it was. */
		while (iv_interview_question_count(iv) > before)
			iv_interview_remove_question(iv, iv_interview_question_count(iv) - 1);
	}
	return error;
}
