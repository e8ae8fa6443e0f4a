/**
 * @file infoview/search.h
 * @brief Full-text search over contacts and interviews.
 *
 * @par Queries and ranking
 * A query is words; every word must match (AND), each as a prefix of a word
 * in the record, ASCII case-insensitively ("pfi" finds "Pfizer", "izer" does
 * not). Words are split, in the query and in the records alike, on every
 * character that is not an ASCII letter or digit; other characters (those
 * beyond ASCII) belong to words, and accents are kept ("cafe" does not find
 * "café"). "O'Brien-Lopez" is thus the three words "o", "brien", "lopez".
 *
 * Contacts are searched in their name, company, title, tags and notes;
 * interviews in their purpose, notes, answers (not the questions), advice
 * and resources. Other fields (e-mails, location...) are not searched.
 *
 * Hits are ranked best first by weights per field:
 *
 *   contact:   name 10, company 5, title 5, tags 5, notes 1
 *   interview: purpose 3, answers 2, advice 2, resources 2, notes 1
 *
 * When a backend has no search of its own (the memory backend), the core
 * scans the records and a hit's score is the sum, over the query's words,
 * of the highest weight among the fields the word matched in; equal scores
 * rank contacts first, then by id. The SQLite backend ranks with FTS5's
 * bm25 using the same weights (the score is -bm25, so higher is better),
 * which also counts how often and how rarely a word occurs. Scores thus
 * differ between backends and only compare within one search; the records
 * found are the same, except around characters beyond ASCII that are not
 * letters or digits (dashes, curly quotes), which the SQLite backend also
 * splits words on, and letters beyond ASCII, whose case it also ignores.
 *
 * @par Threads
 * As in db.h: a search iterator belongs to its store; a hit is an
 * independent copy.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_search_h__
#define INCLUDE_infoview_search_h__

#include "common.h"
#include "types.h"

IV_BEGIN_DECL

/** An iterator over search hits; see iv_search_iter_next(). */
typedef struct iv_search_iter iv_search_iter;
/** One record found by a search. */
typedef struct iv_search_hit iv_search_hit;

/** What a hit is. */
typedef enum {
	IV_SEARCH_CONTACT = 1u << 0,  /**< a contact */
	IV_SEARCH_INTERVIEW = 1u << 1 /**< an interview */
} iv_search_kind_t;

/** How to search. */
typedef enum {
	/**
	 * Search as you type: with a limit, return the first `limit` matches the
	 * store finds instead of the best ones. Ranking every match of a short
	 * prefix costs far more than finding a few (at 100k contacts, about 40
	 * times more for "pfi"); the hits still carry their scores and come
	 * roughly best first, but a better match may be left out.
	 */
	IV_SEARCH_UNRANKED = 1u << 0
} iv_search_flags_t;

/** How iv_search() searches. */
typedef struct iv_search_options {
	/** the struct's version: IV_SEARCH_OPTIONS_VERSION */
	unsigned int version;
	/** iv_search_kind_t flags of what to search; 0 for everything */
	unsigned int kinds;
	/** the most hits to return; 0 for all */
	size_t limit;
	/** iv_search_flags_t; 0 for ranked search */
	unsigned int flags;
} iv_search_options;

/** The current version of iv_search_options. */
#define IV_SEARCH_OPTIONS_VERSION 1
/** A static initialiser for iv_search_options holding the defaults. */
#define IV_SEARCH_OPTIONS_INIT { IV_SEARCH_OPTIONS_VERSION, 0, 0, 0 }
/**
 * Initialises options to their defaults (everything, no limit, ranked).
 * @param opts the options
 * @param version IV_SEARCH_OPTIONS_VERSION, or an older version
 * @return 0, or IV_EVERSION for a version this library does not know
 */
IV_EXTERN(int) iv_search_options_init(iv_search_options *opts, unsigned int version);

/**
 * Searches the store, best hits first.
 * @param out the iterator, free with iv_search_iter_free() before the store
 * @param db the store
 * @param query UTF-8 text, at most IV_LIMIT_TEXT bytes; borrowed for this call
 * @param opts NULL for the defaults (everything, no limit); borrowed
 * @return 0; IV_EINVALID for a query with no word, invalid UTF-8, control
 *         characters other than tab and newlines, or unknown kinds or flags;
 *         IV_EVERSION for an options version this library does not know
 */
IV_EXTERN(int) iv_search(iv_search_iter **out, iv_db *db, const char *query, const iv_search_options *opts);
/**
 * The next hit.
 * @param out the hit, free with iv_search_hit_free()
 * @param it the iterator
 * @return 0, IV_ITEROVER at the end, or an error
 */
IV_EXTERN(int) iv_search_iter_next(iv_search_hit **out, iv_search_iter *it);
/**
 * Frees an iterator; accepts NULL.
 * @param it the iterator, or NULL
 */
IV_EXTERN(void) iv_search_iter_free(iv_search_iter *it);

/**
 * Frees a hit; accepts NULL.
 * @param hit the hit, or NULL
 */
IV_EXTERN(void) iv_search_hit_free(iv_search_hit *hit);
/* Every iv_search_hit_*() getter accepts NULL and then returns NULL or 0. */
/**
 * What the hit is.
 * @param hit the hit, or NULL
 * @return one iv_search_kind_t flag
 */
IV_EXTERN(int) iv_search_hit_kind(const iv_search_hit *hit);
/**
 * The id of the contact or interview found.
 * @param hit the hit, or NULL
 * @return the id; borrowed, valid until `hit` is freed
 */
IV_EXTERN(const char *) iv_search_hit_id(const iv_search_hit *hit);
/**
 * The hit's relevance.
 * @param hit the hit, or NULL
 * @return the score; higher ranks higher; only comparable within one search
 */
IV_EXTERN(double) iv_search_hit_score(const iv_search_hit *hit);

IV_END_DECL

#endif
