/*
 * Whom to reach out to when someone does not reply (the "3B7" nudge to
 * contact someone else): people near you, at the same company first.
 */
#include <stdlib.h>
#include <string.h>

#include "compose.h"

/* A person considered outside the interviewee's company. */
typedef struct {
	char id[IV_ID_LEN + 1];
	int degree;
	iv_time last;
	size_t order; /* by name, as listed */
} candidate;

static int candidate_cmp(const void *pa, const void *pb)
{
	const candidate *a = pa, *b = pb;

	if (a->degree != b->degree)
		return a->degree - b->degree;
	if (a->last != b->last)
		return a->last > b->last ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Adds the contacts with an interview in `status` to `busy`. */
static int add_busy(iv__strlist *busy, iv_db *db, int status)
{
	iv_interview_filter f = IV_INTERVIEW_FILTER_INIT;
	iv_interview_iter *it = NULL;
	iv_interview *iv = NULL;
	int error;

	f.status = status;
	if ((error = iv_interview_list(&it, db, &f)) < 0)
		return error;
	while ((error = iv_interview_iter_next(&iv, it)) == 0) {
		if (iv__strlist_find_nocase(busy, iv_interview_contact(iv)) < 0)
			error = iv__strlist_insert(busy, busy->count, iv_interview_contact(iv));
		iv_interview_free(iv);
		iv = NULL;
		if (error < 0)
			break;
	}
	iv_interview_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

/* Whether `id` is among the first `n` suggestions. */
static int chosen(const iv__suggestion *out, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (iv__ascii_casecmp(out[i].id, id) == 0)
			return 1;
	return 0;
}

/* Appends `id` at `degree`, noting who introduces you to them if the introduction was made. */
static int suggest(iv__suggestion *s, iv_db *db, const iv_network *net, const char *id, int degree)
{
	iv_path *p = NULL;
	iv_intro *in = NULL;
	int error = 0;

	memcpy(s->id, id, IV_ID_LEN + 1);
	s->degree = degree;
	s->via[0] = '\0';
	if (degree != 2)
		return 0;
	if ((error = iv_network_path(&p, net, id)) >= 0 && iv_path_intro_at(p, 1) &&
	    (error = iv_intro_lookup(&in, db, iv_path_intro_at(p, 1))) >= 0 &&
	    iv_intro_status(in) == IV_INTRO_MADE)
		memcpy(s->via, iv_path_contact_at(p, 0), IV_ID_LEN + 1);
	iv_intro_free(in);
	iv_path_free(p);
	return error;
}

/* People at the interviewee's company, nearest first. */
static int at_company(iv__suggestion *out, size_t *n, size_t max, iv_db *db, const iv_network *net,
		      const char *company, const iv__strlist *skip)
{
	iv_path_iter *it = NULL;
	iv_path *p = NULL;
	int error;

	if ((error = iv_network_company_paths(&it, net, company)) < 0)
		return error;
	while (*n < max && (error = iv_path_iter_next(&p, it)) == 0) {
		const char *id = iv_path_target(p);
		size_t len = iv_path_length(p);

		if (len <= 2 && iv__strlist_find_nocase(skip, id) < 0)
			error = suggest(&out[(*n)++], db, net, id, (int)len);
		iv_path_free(p);
		p = NULL;
		if (error < 0)
			break;
	}
	iv_path_iter_free(it);
	return error == IV_ITEROVER || error >= 0 ? 0 : error;
}

/* Everyone else near you, in candidate_cmp()'s order. */
static int elsewhere(iv__suggestion *out, size_t *n, size_t max, iv_db *db, const iv_network *net,
		     const char *company, const iv__strlist *skip)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	candidate *all = NULL, *grown;
	size_t count = 0, alloc = 0, i;
	int error, degree;

	if ((error = iv_contact_list(&it, db, NULL)) < 0)
		return error;
	while ((error = iv_contact_iter_next(&c, it)) == 0) {
		const char *id = iv_contact_id(c), *at = iv_contact_company(c);

		if ((error = iv_network_degree(&degree, net, id)) >= 0 && degree >= 1 && degree <= 2 &&
		    !(company && at && iv__ascii_casecmp(company, at) == 0) &&
		    iv__strlist_find_nocase(skip, id) < 0 && !chosen(out, *n, id)) {
			if (count == alloc) {
				alloc = alloc ? 2 * alloc : 16;
				if (!(grown = realloc(all, alloc * sizeof(*all)))) {
					error = iv__oom();
					iv_contact_free(c);
					break;
				}
				all = grown;
			}
			memcpy(all[count].id, id, IV_ID_LEN + 1);
			all[count].degree = degree;
			all[count].last = iv_contact_last_interaction(c);
			all[count].order = count;
			count++;
		}
		iv_contact_free(c);
		c = NULL;
		if (error < 0)
			break;
	}
	iv_contact_iter_free(it);
	if (error == IV_ITEROVER)
		error = 0;
	if (error >= 0 && count) {
		qsort(all, count, sizeof(*all), candidate_cmp);
		for (i = 0; i < count && *n < max && error >= 0; i++)
			error = suggest(&out[(*n)++], db, net, all[i].id, all[i].degree);
	}
	free(all);
	return error;
}

int iv__suggest_others(iv__suggestion *out, size_t *n, size_t max, iv_db *db, const iv_contact *interviewee)
{
	const char *company = iv_contact_company(interviewee);
	iv__strlist skip = { 0 };
	iv_network *net = NULL;
	int error;

	*n = 0;
	if ((error = iv__strlist_insert(&skip, 0, iv_contact_id(interviewee))) < 0 ||
	    (error = add_busy(&skip, db, IV_INTERVIEW_REQUESTED)) < 0 ||
	    (error = add_busy(&skip, db, IV_INTERVIEW_SCHEDULED)) < 0 ||
	    (error = iv_network_load(&net, db)) < 0)
		goto done;
	if (company && (error = at_company(out, n, max, db, net, company, &skip)) < 0)
		goto done;
	if (*n < max)
		error = elsewhere(out, n, max, db, net, company, &skip);
done:
	iv_network_free(net);
	iv__strlist_free(&skip);
	return error;
}
