/*
 * The request checker: reads a request as a person would, for its three
 * parts (who you are, why them, the ask) and for a job ask.
 *
 * It is a small rule set over words, clauses and sentences: a scanner cuts
 * the text into words (the parts of a word either side of an apostrophe or
 * hyphen are separate tokens, so "I'm" is "i" "m") and notes where clauses
 * and sentences end and which sentences are questions; a reader walks the
 * tokens and tries every phrase of the rule table at each one. The rules
 * are data, written as phrases, and draft.h lists them for users: keep the
 * two in step.
 */
#include <stdint.h>
#include <string.h>

#include "check_rules.h"
#include "util.h"

/* --- The 0.1.0 word count (kept as documented) ------------------------------ */

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

/* --- Characters ------------------------------------------------------------- */

/* What a character does to the reading. */
enum {
	C_LETTER,   /* part of a word */
	C_APOS,     /* joins two letters into one word, else nothing */
	C_HYPHEN,   /* joins two letters into one word, else ends a clause (a dash) */
	C_SPACE,
	C_NEWLINE,
	C_END,      /* ends a sentence */
	C_QUESTION, /* ends a sentence, which is a question */
	C_CLAUSE,   /* ends a clause */
	C_QUOTE,    /* opens or closes a quotation */
	C_OPEN,     /* opens a quotation */
	C_CLOSE,    /* closes a quotation */
	C_OTHER     /* other punctuation: separates words */
};

static int class_of(uint32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return C_LETTER;
	switch (c) {
	case '\'': case 0x2019: case 0x02BC:
		return C_APOS;
	case '-': case 0x2010: case 0x2011:
		return C_HYPHEN;
	case '\n': case 0x2028: case 0x2029:
		return C_NEWLINE;
	case '.': case '!': case 0x2026: case 0x3002: case 0xFF01: case 0xFF0E: case 0x06D4:
		return C_END;
	case '?': case 0xFF1F: case 0x061F: case 0x037E:
		return C_QUESTION;
	case ',': case ';': case ':': case '(': case ')': case '[': case ']': case '{': case '}':
	case 0x2013: case 0x2014: case 0x2015: case 0x3001: case 0xFF08: case 0xFF09:
	case 0xFF0C: case 0xFF1A: case 0xFF1B: case 0x060C: case 0x061B:
		return C_CLAUSE;
	case '"': case 0x201C: case 0xFF02:
		return C_QUOTE;
	case 0x201E: case 0x00AB: case 0x300C: case 0x300E:
		return C_OPEN;
	case 0x201D: case 0x00BB: case 0x300D: case 0x300F:
		return C_CLOSE;
	case 0x00A0: case 0x202F: case 0x205F: case 0x3000:
		return C_SPACE;
	default:
		break;
	}
	if (c < 0x80)
		return c <= ' ' ? C_SPACE : C_OTHER;
	if (c >= 0x2000 && c <= 0x200B)
		return C_SPACE;
	if ((c >= 0xA1 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA) || c == 0xD7 || c == 0xF7 ||
	    (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
	    (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65))
		return C_OTHER;
	return C_LETTER;
}

/*
 * The character at `p` (the text is valid UTF-8, checked first); its
 * length in *len. 0 at the end of the text.
 */
static uint32_t char_at(const unsigned char *p, size_t *len)
{
	if (p[0] < 0x80) {
		*len = p[0] ? 1 : 0;
		return p[0];
	}
	if (p[0] < 0xE0) {
		*len = 2;
		return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (p[0] < 0xF0) {
		*len = 3;
		return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
	}
	*len = 4;
	return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
	       ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

static int class_at(const unsigned char *p)
{
	size_t len;
	uint32_t c = char_at(p, &len);

	return len ? class_of(c) : -1;
}

/* --- Tokens ----------------------------------------------------------------- */

/* Longest token worth comparing: longer ones match no word of the rules. */
#define TOKEN_MAX 23

/* What lies between a token and the one before it. */
enum { BRK_NONE, BRK_CLAUSE, BRK_SENTENCE };

typedef struct {
	char low[TOKEN_MAX + 1]; /* lower-case ASCII copy; "" when longer */
	unsigned char brk;       /* BRK_*: what ends before this token */
	unsigned char question;  /* with BRK_SENTENCE: the sentence before is a question */
	unsigned char joined;    /* continues the word before, across ' or - */
	unsigned char cap;       /* starts with an ASCII capital */
	unsigned char line;      /* starts a line (or the text) */
	unsigned char end;       /* not a token: the end of the text */
} token;

typedef struct {
	const unsigned char *p; /* where reading goes on */
	int started;            /* a token was read */
	int in_quote;
	char prev[TOKEN_MAX + 1]; /* the token before, for abbreviations */
} scanner;

static int in_list(const char *list, const char *word);

/* A full stop after these, or after a one-letter word, does not end a sentence. */
static const char abbreviations[] = "dr|mr|mrs|ms|prof|st|jr|sr|vs|eg|ie|cf|approx|dept";

static int abbreviation(const char *word)
{
	return (word[0] && !word[1]) || in_list(abbreviations, word);
}

/*
 * Reads what lies before the next token, then the token, into *t. At the
 * end of the text *t is the end marker (its brk and question say how the
 * last sentence ended) and 0 is returned.
 */
static int scan(scanner *s, token *t)
{
	const unsigned char *p = s->p, *start;
	int newlines = 0, first = 1, paragraph = 0;
	size_t len, i;

	memset(t, 0, sizeof(*t));
	t->line = !s->started;
	for (;; first = 0) {
		int k = class_at(p);

		char_at(p, &len);
		if (k < 0) {
			t->end = 1;
			t->brk = BRK_SENTENCE;
			s->p = p;
			return 0;
		}
		if (k == C_LETTER)
			break;
		if ((k == C_APOS || k == C_HYPHEN) && first && s->started && class_at(p + len) == C_LETTER) {
			t->joined = 1;
			p += len;
			break;
		}
		switch (k) {
		case C_NEWLINE:
			t->line = 1;
			if (++newlines >= 2) {
				t->brk = BRK_SENTENCE;
				s->in_quote = 0;
				paragraph = 1;
			}
			break;
		case C_SPACE:
		case C_APOS:
		case C_OTHER:
			break;
		case C_END:
		case C_QUESTION:
			if (!s->in_quote && class_at(p + len) != C_LETTER &&
			    !(k == C_END && *p == '.' && first && abbreviation(s->prev))) {
				t->brk = BRK_SENTENCE;
				/* A "?" after a blank line ends nothing that was said. */
				t->question |= k == C_QUESTION && !paragraph;
			}
			break;
		default: /* C_CLAUSE, a quotation mark, and C_HYPHEN as a dash */
			if (k == C_QUOTE || k == C_OPEN || k == C_CLOSE)
				s->in_quote = k == C_OPEN || (k == C_QUOTE && !s->in_quote);
			if (t->brk < BRK_CLAUSE)
				t->brk = BRK_CLAUSE;
			break;
		}
		if (k != C_NEWLINE && k != C_SPACE)
			newlines = 0;
		p += len;
	}
	if (t->joined)
		t->brk = BRK_NONE, t->question = 0, t->line = 0;
	start = p;
	while (class_at(p) == C_LETTER) {
		char_at(p, &len);
		p += len;
	}
	len = (size_t)(p - start);
	t->cap = *start >= 'A' && *start <= 'Z';
	if (len <= TOKEN_MAX) {
		for (i = 0; i < len; i++)
			t->low[i] = (char)((start[i] >= 'A' && start[i] <= 'Z') ? start[i] - 'A' + 'a' : start[i]);
		t->low[len] = '\0';
	}
	memcpy(s->prev, t->low, sizeof(s->prev));
	s->started = 1;
	s->p = p;
	return 1;
}

/* --- Phrases ---------------------------------------------------------------- */

/*
 * A phrase is slots separated by single spaces, each matching one token:
 *   a|b|c    one of these words ("word*": any word starting with "word")
 *   !a|b     any word but these, or the end of the clause (takes nothing)
 *   ~N       up to N words, any
 *   $        the end of the clause
 *   <name>   a capitalised word
 *   <job>    a job (see job_at())
 *   ^        (first) only at the start of a sentence or a line
 * A phrase matches tokens of one clause.
 */

/* Whether `word` is one of the '|'-separated alternatives of [alts, alts + n). */
static int one_of(const char *alts, size_t n, const char *word)
{
	const char *end = alts + n;
	size_t wlen = strlen(word);

	while (alts < end) {
		const char *bar = memchr(alts, '|', (size_t)(end - alts));
		size_t len = (size_t)((bar ? bar : end) - alts);

		if (len && alts[len - 1] == '*') {
			if (wlen >= len - 1 && memcmp(alts, word, len - 1) == 0 && (wlen || len == 1))
				return 1;
		} else if (len == wlen && memcmp(alts, word, len) == 0 && wlen) {
			return 1;
		}
		alts += len + 1;
	}
	return 0;
}

static int in_list(const char *list, const char *word)
{
	return one_of(list, strlen(list), word);
}

/* Words that cannot stand in a job's first words ("the job", "your role"). */
static const char job_blockers[] =
	"the|your|my|his|her|their|our|its|this|that|these|those|what|which|whose|how|who|why|where|when|"
	"whether|if|to|of|for|on|in|at|about|with|from|by|into|like|than|and|or|but|as|is|are|was|were|"
	"be|been|being|am|s|m|re|ve|d|ll|t|you|i|me|we|us|they|them|it|he|she";

static const char job_nouns[] =
	"job|jobs|position|positions|role|roles|opening|openings|vacancy|vacancies|employment|internship|"
	"internships|placement|placements|opportunity|opportunities|work";

/* Words after a job noun that make it a topic: "the job market", "job titles". */
static const char job_topics[] =
	"market*|search*|seek*|hunt*|title*|description*|board*|site*|posting*|ad|ads|advert*|fair*|"
	"interview*|satisfaction|security|ladder|famil*|level*|function*|requirement*|skill*|offer*|"
	"application*|shadow*|itself|trend*|growth|outlook|prospects|type*|duties|responsibilit*|content|"
	"detail*|mobility|change*|switch*|hop*|rotation*|shar*|task*|model*|play*|reversal|statement*|"
	"paper*|life|experience*|history|loss*|cut*|creation|scene|landscape|culture|spec*|profile*|"
	"categor*|ethic*|balance|environment*";

/* At most this many words before a job's noun ("any entry-level CRA roles"). */
#define JOB_WORDS_BEFORE 3

/*
 * The tokens a phrase is matched against: those of one clause from the
 * current token on; `closed` says the clause ends after them (else the
 * window ended first, and what follows is unknown).
 */
typedef struct {
	const token *w;
	size_t n;
	int closed;
} clause;

/*
 * A job at w[0] whose noun is w[k]: "a job", "any open CRA roles",
 * "employment"; not "the job", nor "job titles".
 */
static int job_at(const token *w, size_t n, int closed, size_t k)
{
	size_t i, words = 0;

	if (k >= n || w[0].joined)
		return 0;
	for (i = 0; i < k; i++) {
		words += !w[i].joined;
		if (words > JOB_WORDS_BEFORE || in_list(job_blockers, w[i].low))
			return 0;
	}
	if (!in_list(job_nouns, w[k].low))
		return 0;
	if (k + 1 >= n)
		return closed;
	return !in_list(job_topics, w[k + 1].low);
}

static int slot_is(const char *slot, size_t len, const char *what)
{
	return strlen(what) == len && memcmp(slot, what, len) == 0;
}

/* Whether `phrase` matches the clause's tokens from w[0] (n of them). */
static int match_at(const char *phrase, const token *w, size_t n, int closed, int at_start)
{
	const char *slot = phrase, *rest;
	size_t len, k;

	while (*slot == ' ')
		slot++;
	if (!*slot)
		return 1;
	len = strcspn(slot, " ");
	rest = slot + len;
	if (slot_is(slot, len, "^"))
		return at_start && match_at(rest, w, n, closed, 0);
	if (slot[0] == '~') {
		size_t most = (size_t)(slot[1] - '0');

		for (k = 0; k <= most && k <= n; k++)
			if (match_at(rest, w + k, n - k, closed, 0))
				return 1;
		return 0;
	}
	if (slot_is(slot, len, "$"))
		return !n && closed && match_at(rest, w, 0, closed, 0);
	if (slot_is(slot, len, "<job>")) {
		for (k = 0; k < n; k++)
			if (job_at(w, n, closed, k) && match_at(rest, w + k + 1, n - k - 1, closed, 0))
				return 1;
		return 0;
	}
	if (slot[0] == '!') {
		if (!n)
			return closed && match_at(rest, w, 0, closed, 0);
		return !one_of(slot + 1, len - 1, w[0].low) && match_at(rest, w + 1, n - 1, closed, 0);
	}
	if (!n)
		return 0;
	if (slot_is(slot, len, "<name>"))
		return w[0].cap && match_at(rest, w + 1, n - 1, closed, 0);
	return one_of(slot, len, w[0].low) && match_at(rest, w + 1, n - 1, closed, 0);
}

static int match(const char *phrase, const clause *c, int at_start)
{
	return match_at(phrase, c->w, c->n, c->closed, at_start);
}

/* --- The rules -------------------------------------------------------------- */

/*
 * draft.h lists these rules, word for word, for users; the ctest
 * check_rules holds the two lists against each other.
 */
#define WHO "who"
#define WHY "why"
#define ASK "ask"
#define JOB "job"

const iv__check_rule iv__check_rules[] = {
	/* Who you are: a self-introduction, or a statement of your background. */
	{ WHO, "my name is|s" },
	{ WHO, "i am|m <name>" },
	{ WHO, "i am|m a|an !fan|admirer|follower|reader|listener|big|huge|great|long|longtime|avid|regular" },
	{ WHO, "i am|m currently|now|studying|completing|finishing|pursuing|training|transitioning|moving|"
	       "switching|changing|retraining|exploring|graduating|working|employed|based|part" },
	{ WHO, "i am|m in my|the|a|an" },
	{ WHO, "i am|m looking|hoping|trying|planning|keen|eager to move|transition|switch|pivot|change|break|get|make" },
	{ WHO, "i was a|an|working|trained|employed" },
	{ WHO, "i work|worked as|in|at|for|on|with" },
	{ WHO, "i have|ve been a|an|working|teaching|studying|doing|in|at|with|training|practising|practicing|"
	       "employed|part|leading|managing|running" },
	{ WHO, "i have|ve worked|spent|studied|trained|taught|completed|finished|earned|led|managed|run" },
	{ WHO, "i have|ve a|an phd|degree|background|master*|msc|bsc|ba|mba|doctorate|diploma|certificate" },
	{ WHO, "i have|ve ~2 years|months|decade*" },
	{ WHO, "after ~3 years|months|decade*|stint|phd|degree|master*|msc|bsc|mba|doctorate|postdoc*|residency|"
	       "graduation|graduating" },
	{ WHO, "i ~1 recently" },
	{ WHO, "i ~1 just finished|completed|graduated|defended|left|moved|earned" },
	{ WHO, "i studied|graduated|trained|qualified|completed|finished|earned|hold|spent|retrained|lead|led|"
	       "manage|managed|run|ran|teach|taught|joined|left|moved|switched|specialise*|specialize*" },
	{ WHO, "my background|phd|degree|master*|research|career|training|experience|studies|thesis|dissertation|"
	       "current|previous|former|work|lab|team|field|years|time|undergrad*|postdoc*|role|job" },
	{ WHO, "background in|as" },
	{ WHO, "as someone who|with" },
	{ WHO, "^ as a|an" },
	{ WHO, "^ this is <name>" },

	/* Why them: their work, role or story, or who sent you. A bare "you" is not one. */
	{ WHY, "your ~1 experience*|work|works|career*|path*|journey*|role*|title|position*|job|jobs|team*|group*|"
	       "lab|labs|company|companies|firm|organi*|department|field|background|transition*|move|moves|switch|"
	       "story|stories|article*|post|posts|talk|talks|presentation*|paper*|research|book*|podcast*|blog*|"
	       "webinar*|panel|profile|project*|expertise|name|newsletter*|interview*|thread*|trajectory|pivot|"
	       "publication*|study|studies|trial*|program*|programme*|keynote*|lecture*|speech*|seminar*|course*|"
	       "video*|episode*|column*|essay*|tweet*|piece|pieces|review*|report*|letter*" },
	{ WHY, "you work*|worked|lead|led|run|ran|manage*|moved|made|switched|transitioned|went|started|joined|"
	       "built|wrote|posted|spoke|presented|founded|spent|published|shared|gave|changed|pivoted|left|took|"
	       "trained|teach|taught|studied|specialise*|specialize*|oversee|oversaw|coordinate*|mentor*" },
	{ WHY, "you are|re|were at|in|the|now|currently|one|someone|both|also|based|responsible|leading|"
	       "working|part|running|managing|known" },
	{ WHY, "you are|re|were a|an !busy|very|really|bit|little" },
	{ WHY, "you have|ve been|worked|spent|built|made|led|moved|done|written|helped|mentored|navigated|gone|"
	       "published|had|taken|managed|run|experience|years|decades" },
	{ WHY, "saw|noticed|read|heard|learned|learnt|gather ~1 you|your" },
	{ WHY, "found ~1 you|your" },
	{ WHY, "came|come across|upon ~1 you|your" },
	{ WHY, "admire|admired|enjoyed|loved|liked|follow|followed ~1 your|you|how" },
	{ WHY, "suggested|suggests|recommended|recommends|mentioned|mentions|told|tells|advised|encouraged|urged "
	       "~1 i|me|you|that|we|your|contacting|reaching|speaking|talking|getting|connecting|writing|to" },
	{ WHY, "thought|said|says|thinks you|your" },
	{ WHY, "referred|pointed|directed|sent|introduced|connected|put me|us|you" },
	{ WHY, "gave|passed|shared|forwarded|sent ~1 your" },
	{ WHY, "s|the|kind|warm|mail|via|through|your introduction|intro" },
	{ WHY, "mutual friend*|colleague*|contact*|connection*|acquaintance*" },
	{ WHY, "fellow !at|in|with|of|and" },
	{ WHY, "alumni|alumnus|alumna|alum|alums" },
	{ WHY, "we met|worked|studied|spoke|talked|both|share|shared|overlapped|were|served|trained|sat|collaborated" },

	/* The ask: counts only in a question. */
	{ ASK, "talk*|chat|chats|chatting|meet|meeting|meetup|call|calls|coffee|conversation*|speak*|phone|video|"
	       "zoom|connect|connecting|interview|minute|minutes|moment|moments|availability|brain" },
	{ ASK, "you mind" },
	{ ASK, "ask|asked you" },
	{ ASK, "you|be|re willing|open|available|free|able|up" },
	{ ASK, "have|spare|find|got ~2 time" },

	/* A job ask, unless negated in its clause. */
	{ JOB, "refer|hire|sponsor me" },
	{ JOB, "recommend me for|to" },
	{ JOB, "interview me" },
	{ JOB, "referral|referrals|cv|cvs|r\xc3\xa9sum\xc3\xa9|r\xc3\xa9sum\xc3\xa9s|resum\xc3\xa9|resum\xc3\xa9s|"
	       "vacancy|vacancies|openings" },
	{ JOB, "my|a|the|attached resume|resumes" },
	{ JOB, "good word" },
	{ JOB, "my ~1 name|details|profile|application|information|info forward|in|along|on" },
	{ JOB, "to|with|from your ~1 recruiter*|recruiting|recruitment|hr|talent" },
	{ JOB, "foot in the door" },
	{ JOB, "keep me in mind" },
	{ JOB, "opens|opened up" },
	{ JOB, "is|are|re|s|be|been ~2 hiring !manager*|process*|practice*|trend*|freeze*|criteria|committee*|"
	       "decision*|side|season*|market*|team*|bar|pipeline*|outlook|landscape|climate|cycle*|timeline*|"
	       "plan*|strateg*|challenge*|needs" },
	{ JOB, "to work for|at|with you|your" },
	{ JOB, "working for your" },
	{ JOB, "join your ~1 team*|company|group*|lab|labs|firm|department*|organi*|practice|office|site|unit|"
	       "division|staff|ranks" },
	{ JOB, "looking|searching|hunting|applying|competing|hoping|asking|angling|fishing|interviewing for <job>" },
	{ JOB, "seeking|seek|want|wanted|need|needed|land|secure|obtain <job>" },
	{ JOB, "get|give|offer|find me <job>" },
	{ JOB, "help me find|get|land|secure <job>" },
	{ JOB, "considered|candidate|apply|applying|applied|application|interview|interviewing for <job>" },
	{ JOB, "considered|candidate|apply|applying|applied|application|interview|interviewing for the|this|that <job>" },
	{ JOB, "consider|considering me for" },
	{ JOB, "apply|applying|applied to <job>" },
	{ JOB, "apply|applying|applied to|at your" },
	{ JOB, "am|m|re|is|s after <job>" },
	{ JOB, "is|are|re|s there <job> $" },
	{ JOB, "is|are|re|s there <job> on|in|at|with|within|open|available|going|coming|currently" },
	{ JOB, "you|team|group|company|lab|department|firm have|has|got <job>" },
	{ JOB, "know|hear|heard|aware of <job>" },
	{ JOB, "open|available|vacant|unfilled <job>" },
	{ JOB, "a|an|any <job> on|in|at|with|within your team*|group*|company|lab|labs|firm|department*|organi*|"
	       "office|division|unit|site" },
};

const size_t iv__check_rule_count = sizeof(iv__check_rules) / sizeof(iv__check_rules[0]);

/* Words that start a new clause: "..., but could you refer me?" */
static const char clause_words[] = "but|although|though|however|yet|whereas|except";

/* A negation's scope runs to the end of its clause, unless it is a hedge ("not sure"). */
static const char negations[] =
	"not|never|no|nor|neither|cannot|without|dont|doesnt|didnt|isnt|arent|wasnt|werent|wont|cant|"
	"wouldnt|couldnt|shouldnt|havent|hasnt";
static const char hedges[] = "sure|certain|know|knowing|aware|clear|positive|confident";
static const char hedge_adverbs[] = "really|quite|entirely|totally|completely|exactly|yet";

const iv__check_list iv__check_lists[] = {
	{ "job-words", job_blockers }, { "job-nouns", job_nouns }, { "job-topics", job_topics },
	{ "negations", negations }, { "hedge-adverbs", hedge_adverbs }, { "hedges", hedges },
	{ "clause-words", clause_words }, { "abbreviations", abbreviations },
};

const size_t iv__check_list_count = sizeof(iv__check_lists) / sizeof(iv__check_lists[0]);

/* Whether w[i] (of n) starts a clause by its word: "but", "and I". */
static int starts_clause(const token *w, size_t n, size_t i)
{
	if (in_list(clause_words, w[i].low))
		return 1;
	return in_list("and|or|so", w[i].low) && i + 1 < n && !w[i + 1].joined &&
	       in_list("i|we|you", w[i + 1].low);
}

/*
 * If the clause starts with a negation, how many tokens it has ("not": 1,
 * "don't": 2, "rather than": 2, "as opposed to": 3); 0 otherwise.
 */
static size_t negation_at(const clause *c)
{
	const token *w = c->w;
	size_t n = c->n, len = strlen(w[0].low);

	if (in_list(negations, w[0].low))
		return 1;
	if (n > 1 && len && w[0].low[len - 1] == 'n' && w[1].joined && strcmp(w[1].low, "t") == 0)
		return 2;
	if (n > 1 && ((strcmp(w[0].low, "rather") == 0 && strcmp(w[1].low, "than") == 0) ||
		      (strcmp(w[0].low, "instead") == 0 && strcmp(w[1].low, "of") == 0)))
		return 2;
	if (n > 2 && match("as opposed to", c, 0))
		return 3;
	return 0;
}

/* Whether the negation of `len` tokens starting the clause is a hedge: "not sure", "don't really know". */
static int hedge_at(const clause *c, size_t len)
{
	size_t i = len;

	if (i < c->n && in_list(hedge_adverbs, c->w[i].low))
		i++;
	return i < c->n && in_list(hedges, c->w[i].low);
}

/* --- Reading a text --------------------------------------------------------- */

/*
 * Tokens looked at from the current one: more than any rule reaches but
 * for absurdly hyphenated words, where a rule that needs the clause's end
 * does not match rather than guess.
 */
#define WINDOW 24

typedef struct {
	size_t words;
	unsigned int parts; /* IV_DRAFT_PART_* */
	int job;
} reading;

/* The part a rule finds; 0 for a job ask. */
static unsigned int part_flag(const char *part)
{
	return strcmp(part, WHO) == 0 ? IV_DRAFT_PART_WHO : strcmp(part, WHY) == 0 ? IV_DRAFT_PART_WHY :
	       strcmp(part, ASK) == 0 ? IV_DRAFT_PART_ASK : 0;
}

static void read_text(reading *r, const char *text)
{
	scanner s = { (const unsigned char *)text, 0, 0, { 0 } };
	token w[WINDOW];
	size_t n = 0, i;
	clause c;
	int in_sentence = 0, sentence_asks = 0, negated = 0, carried = 0;

	memset(r, 0, sizeof(*r));
	while (n < WINDOW && scan(&s, &w[n++]))
		;
	for (;;) {
		const token *t = &w[0];
		size_t neg;

		if (t->brk == BRK_SENTENCE) {
			if (in_sentence && t->question && sentence_asks)
				r->parts |= IV_DRAFT_PART_ASK;
			in_sentence = sentence_asks = negated = carried = 0;
		}
		if (t->end)
			break;
		in_sentence = 1;
		r->words += !t->joined;
		if (starts_clause(w, n, 0))
			negated = carried = 0;
		else if (t->brk == BRK_CLAUSE)
			negated = carried;
		/* The tokens of the current clause, from this one. */
		c.w = w;
		for (c.n = 1; c.n < n && !w[c.n].end && w[c.n].brk == BRK_NONE && !starts_clause(w, n, c.n); c.n++)
			;
		c.closed = c.n < n;
		for (i = 0; i < iv__check_rule_count; i++) {
			const iv__check_rule *rule = &iv__check_rules[i];

			if (!match(rule->phrase, &c, t->brk == BRK_SENTENCE || (t->line && !t->joined) ||
				   r->words == 1))
				continue;
			switch (part_flag(rule->part)) {
			case 0:
				r->job |= !negated;
				break;
			case IV_DRAFT_PART_ASK: /* only in a question: see the sentence's end */
				sentence_asks = 1;
				break;
			default:
				r->parts |= part_flag(rule->part);
				break;
			}
		}
		if ((neg = negation_at(&c)) && !hedge_at(&c, neg)) {
			negated = 1;
			/* "I am not, to be clear, asking for a job": it carries on past the aside. */
			carried |= neg == c.n && c.closed;
		}
		memmove(&w[0], &w[1], (n - 1) * sizeof(w[0]));
		n--;
		if (!w[n - 1].end)
			scan(&s, &w[n++]);
	}
}

/* --- The public checks ------------------------------------------------------- */

/*
 * The warnings a caller of each version of iv_draft_report knows: a version
 * that brings a new flag adds it here as (version >= N ? flag : 0).
 */
static unsigned int report_warnings(unsigned int version)
{
	(void)version;
	return IV_DRAFT_TOO_LONG | IV_DRAFT_ASKS_FOR_JOB | IV_DRAFT_NO_QUESTION | IV_DRAFT_NO_INTRODUCTION |
	       IV_DRAFT_NO_REASON;
}

/* The same for the parts. */
static unsigned int report_parts(unsigned int version)
{
	(void)version;
	return IV_DRAFT_PART_WHO | IV_DRAFT_PART_WHY | IV_DRAFT_PART_ASK;
}

int iv_draft_check(unsigned int *warnings, const char *text)
{
	reading r;
	int error;

	IV__ARG(warnings);
	*warnings = 0;
	IV__ARG(text);
	if ((error = iv__check_text("text", text, SIZE_MAX, 0)) < 0)
		return error;
	read_text(&r, text);
	/* 0.1.0's rules for the length and the question; the job ask is read anew. */
	if (iv_draft_word_count(text) > IV_DRAFT_MAX_WORDS)
		*warnings |= IV_DRAFT_TOO_LONG;
	if (r.job)
		*warnings |= IV_DRAFT_ASKS_FOR_JOB;
	/* U+FF1F is the full-width question mark of Chinese and Japanese. */
	if (!strchr(text, '?') && !strstr(text, "\xef\xbc\x9f"))
		*warnings |= IV_DRAFT_NO_QUESTION;
	return 0;
}

IV__DEFINE_INIT(iv_draft_report_init, iv_draft_report, IV_DRAFT_REPORT_INIT, IV__ST_DRAFT_REPORT)

int iv_draft_check_report(iv_draft_report *report, const char *text)
{
	iv_draft_report full = IV_DRAFT_REPORT_INIT;
	unsigned int version;
	reading r;
	int error;

	IV__ARG(report);
	version = report->version;
	if ((error = iv__struct_check(IV__ST_DRAFT_REPORT, version)) < 0)
		return error;
	/* Nothing found, should the text be refused. */
	(void)iv__struct_write(report, IV__ST_DRAFT_REPORT, &full, version);
	IV__ARG(text);
	if ((error = iv__check_text("text", text, SIZE_MAX, 0)) < 0)
		return error;
	read_text(&r, text);
	full.words = r.words;
	full.parts = r.parts & report_parts(version);
	if (r.words > IV_DRAFT_MAX_WORDS)
		full.warnings |= IV_DRAFT_TOO_LONG;
	if (r.job)
		full.warnings |= IV_DRAFT_ASKS_FOR_JOB;
	if (!(r.parts & IV_DRAFT_PART_WHO))
		full.warnings |= IV_DRAFT_NO_INTRODUCTION;
	if (!(r.parts & IV_DRAFT_PART_WHY))
		full.warnings |= IV_DRAFT_NO_REASON;
	if (!(r.parts & IV_DRAFT_PART_ASK))
		full.warnings |= IV_DRAFT_NO_QUESTION;
	full.warnings &= report_warnings(version);
	return iv__struct_write(report, IV__ST_DRAFT_REPORT, &full, version);
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
	case IV_DRAFT_NO_INTRODUCTION:
		return "no introduction: say who you are in a sentence: your background and what you are exploring";
	case IV_DRAFT_NO_REASON:
		return "no reason given: say why them: their role, their work or story, or who suggested you write";
	default:
		return NULL;
	}
}
