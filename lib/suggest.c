/*
 * Whom to reach out to when someone does not reply (the "3B7" nudge to
 * contact someone else): people near you, at the same company first.
 */
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "db.h"
#include "infoview/sys/backend.h"

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

/*
 * Appends `id` at `degree`, noting who introduces you to them if the
 * introduction was made. The path is walked back from them (iv_db_path()),
 * which gives the snapshot's path without one.
 */
static int suggest(iv__suggestion *s, iv_db *db, const char *id, int degree)
{
	iv_path *p = NULL;
	iv_intro *in = NULL;
	int error = 0;

	memcpy(s->id, id, IV_ID_LEN + 1);
	s->degree = degree;
	s->via[0] = '\0';
	if (degree != 2)
		return 0;
	if ((error = iv_db_path(&p, db, id)) >= 0 && iv_path_intro_at(p, 1) &&
	    (error = iv_intro_lookup(&in, db, iv_path_intro_at(p, 1))) >= 0 &&
	    iv_intro_status(in) == IV_INTRO_MADE)
		memcpy(s->via, iv_path_contact_at(p, 0), IV_ID_LEN + 1);
	iv_intro_free(in);
	iv_path_free(p);
	return error;
}

/*
 * People at the interviewee's company, nearest first: walked back from the
 * company's contacts (iv_db_company_paths()), as the snapshot answers.
 */
static int at_company(iv__suggestion *out, size_t *n, size_t max, iv_db *db, const char *company,
		      const iv__strlist *skip)
{
	iv_path_iter *it = NULL;
	iv_path *p = NULL;
	int error;

	if ((error = iv_db_company_paths(&it, db, company)) < 0)
		return error;
	while (*n < max && (error = iv_path_iter_next(&p, it)) == 0) {
		const char *id = iv_path_target(p);
		size_t len = iv_path_length(p);

		if (len <= 2 && iv__strlist_find_nocase(skip, id) < 0)
			error = suggest(&out[(*n)++], db, id, (int)len);
		iv_path_free(p);
		p = NULL;
		if (error < 0)
			break;
	}
	iv_path_iter_free(it);
	return error == IV_ITEROVER || error >= 0 ? 0 : error;
}

/* Everyone else near you, in candidate_cmp()'s order, from the whole network. */
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
			error = suggest(&out[(*n)++], db, all[i].id, all[i].degree);
	}
	free(all);
	return error;
}

/*
 * The contacts known directly (degree 1) come before everyone one
 * introduction away (degree 2), and among them the most recent interaction
 * first, then the listing's order (name, ASCII case-insensitively, then
 * id). So when enough of them qualify, the best few are found in one
 * sequential scan of the contacts (the backend's network_scan(), stopped
 * before the introductions), keeping only the best `want`: no network is
 * loaded, and no contact is read whole.
 */
typedef struct {
	char id[IV_ID_LEN + 1];
	iv_time last;
	char *name;
} direct;

typedef struct {
	direct *best; /* the best so far, best first */
	size_t count, want;
	const char *company;
	const iv__strlist *skip;
	const iv__suggestion *out;
	size_t n;
} direct_scan;

/* Stops the scan at the first introduction: the contacts are all read. */
#define SCAN_DONE IV_ITEROVER

/* Orders as candidate_cmp() at one degree: later interaction first, then name, then id. */
static int direct_cmp(iv_time last, const char *name, const char *id, const direct *d)
{
	int c;

	if (last != d->last)
		return last > d->last ? -1 : 1;
	if ((c = iv__ascii_casecmp(name, d->name)) != 0)
		return c;
	return strcmp(id, d->id);
}

static int scan_direct(const iv_backend_node *c, void *payload)
{
	direct_scan *s = payload;
	char id[IV_ID_LEN + 1];
	size_t at;
	char *name;

	if (c->known != IV_KNOWN_DIRECT || !c->name ||
	    (s->company && c->company && iv__ascii_casecmp(s->company, c->company) == 0))
		return 0;
	/* Most contacts are no better than the worst kept: compared before the id is even made. */
	if (s->count == s->want && c->last_interaction < s->best[s->count - 1].last)
		return 0;
	if (c->uuid)
		iv__id_format(id, c->uuid);
	else if (c->id && strlen(c->id) == IV_ID_LEN)
		memcpy(id, c->id, IV_ID_LEN + 1);
	else
		return 0;
	for (at = s->count; at > 0 && direct_cmp(c->last_interaction, c->name, id, &s->best[at - 1]) < 0; at--)
		;
	if (at == s->want || iv__strlist_find_nocase(s->skip, id) >= 0 || chosen(s->out, s->n, id))
		return 0;
	if (!(name = strdup(c->name)))
		return iv__oom();
	if (s->count == s->want)
		free(s->best[--s->count].name);
	memmove(&s->best[at + 1], &s->best[at], (s->count - at) * sizeof(*s->best));
	memcpy(s->best[at].id, id, IV_ID_LEN + 1);
	s->best[at].last = c->last_interaction;
	s->best[at].name = name;
	s->count++;
	return 0;
}

static int scan_stop(const iv_backend_edge *e, void *payload)
{
	(void)e;
	(void)payload;
	return SCAN_DONE;
}

/*
 * The same from the backend's contacts_recent() (an index of contacts by
 * how they are known and the latest interaction): read in the candidates'
 * order, so the first that qualify are the best, and the read stops there.
 */
static int read_direct(direct_scan *s, iv_db *db)
{
	iv_backend_iter *it = NULL;
	void *r = NULL;
	int error;

	if ((error = db->be->contacts_recent(&it, db->be, IV_KNOWN_DIRECT)) < 0)
		return error;
	while (s->count < s->want && (error = it->next(&r, it)) == 0) {
		const iv_contact *c = r;
		const char *id = iv_contact_id(c), *at = iv_contact_company(c);

		if (!(s->company && at && iv__ascii_casecmp(s->company, at) == 0) &&
		    iv__strlist_find_nocase(s->skip, id) < 0 && !chosen(s->out, s->n, id)) {
			if (!(s->best[s->count].name = iv__strdup(iv_contact_name(c)))) {
				error = IV_ENOMEM;
				iv_contact_free(r);
				break;
			}
			memcpy(s->best[s->count].id, id, IV_ID_LEN + 1);
			s->best[s->count++].last = iv_contact_last_interaction(c);
		}
		iv_contact_free(r);
		r = NULL;
	}
	it->free(it);
	return error == IV_ITEROVER ? 0 : error;
}

/*
 * The best `max - *n` contacts known directly, appended to `out` if that
 * many qualify; *found says whether they did (else `out` is as it was).
 */
static int best_direct(int *found, iv__suggestion *out, size_t *n, size_t max, iv_db *db, const char *company,
		       const iv__strlist *skip)
{
	direct_scan s;
	size_t i;
	int error;

	*found = 0;
	memset(&s, 0, sizeof(s));
	s.want = max - *n;
	s.company = company;
	s.skip = skip;
	s.out = out;
	s.n = *n;
	if (!(s.best = calloc(s.want, sizeof(*s.best))))
		return iv__oom();
	if (db->be->version >= 5 && db->be->contacts_recent)
		error = read_direct(&s, db);
	else
		error = db->be->network_scan(db->be, scan_direct, scan_stop, &s);
	if (error == SCAN_DONE)
		error = 0;
	if (error >= 0 && s.count == s.want) {
		for (i = 0; i < s.count; i++)
			suggest(&out[(*n)++], db, s.best[i].id, 1);
		*found = 1;
	}
	for (i = 0; i < s.count; i++)
		free(s.best[i].name);
	free(s.best);
	return error;
}

int iv__suggest_others(iv__suggestion *out, size_t *n, size_t max, iv_db *db, const iv_contact *interviewee)
{
	const char *company = iv_contact_company(interviewee);
	iv__strlist skip = { 0 };
	iv_network *net = NULL;
	int error, found = 0;

	*n = 0;
	if ((error = iv__strlist_insert(&skip, 0, iv_contact_id(interviewee))) < 0 ||
	    (error = add_busy(&skip, db, IV_INTERVIEW_REQUESTED)) < 0 ||
	    (error = add_busy(&skip, db, IV_INTERVIEW_SCHEDULED)) < 0)
		goto done;
	if (company && (error = at_company(out, n, max, db, company, &skip)) < 0)
		goto done;
	if (*n >= max)
		goto done;
	if (((db->be->version >= 5 && db->be->contacts_recent) || (db->be->version >= 4 && db->be->network_scan)) &&
	    (error = best_direct(&found, out, n, max, db, company, &skip)) < 0)
		goto done;
	/* Too few known directly (or a backend without the scan): everyone at degree 2 is a candidate too. */
	if (!found && (error = iv_network_load(&net, db)) >= 0)
		error = elsewhere(out, n, max, db, net, company, &skip);
done:
	iv_network_free(net);
	iv__strlist_free(&skip);
	return error;
}
