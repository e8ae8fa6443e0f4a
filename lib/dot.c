/*
 * Graphviz DOT export: a picture of the network.
 *
 * You ("me") are the root; each contact is a node labelled "Name\nTitle",
 * inside a cluster for its company (companies compared ASCII
 * case-insensitively, as the network's queries do); contacts are ranked by
 * their degree of separation, one rank per degree, and the ones no path
 * reaches stand apart on a rank after the last, with a dashed border. Edges: you to
 * each contact at degree 1, and each introduction from introducer to
 * introduced, labelled with its channel and status (dashed while suggested
 * or requested, bold when made, dotted red when declined).
 *
 * Ranks: `newrank` lets rank=same groups hold nodes of different clusters;
 * an edge that does not lead from one degree to the next (an introduction
 * between people already known, a declined one) has constraint=false, so
 * that it cannot pull the ranks away from the degrees. The unreachable
 * hang from you by invisible edges as long as the deepest path plus one
 * (rank=sink is not kept for a node inside a cluster).
 *
 * With a company in the options, only the nodes and edges on the paths
 * from you to the people at that company are drawn. When nobody there is
 * reachable, the graph is still a valid picture: you alone, with a label
 * saying so, because an empty answer is an answer (as iv_network_company_paths()
 * gives one), not a failure.
 *
 * The output depends only on the store: contacts in their listing order
 * (name, then id), companies by name, introductions in theirs.
 */
#include <stdlib.h>
#include <string.h>

#include "io.h"

struct person {
	char id[IV_ID_LEN + 1];
	char *name, *title, *company;
	int degree;
	size_t order; /* place in the listing, to keep sorts stable */
};

struct dot {
	struct iv__writer *w;
	iv_db *db;
	iv_network *net;
	const char *company; /* the filter, or NULL */
	struct person *people; /* in the listing's order */
	size_t n, alloc;
	struct person **byid;  /* the same, sorted by id */
	/* With a company: the contacts and introductions on the paths, sorted. */
	char (*keep)[IV_ID_LEN + 1];
	size_t nkeep;
	char (*intros)[IV_ID_LEN + 1];
	size_t nintros;
	int maxdegree;
};

static int id_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

static int has_id(char (*set)[IV_ID_LEN + 1], size_t n, const char *id)
{
	return n && bsearch(id, set, n, sizeof(*set), id_cmp) != NULL;
}

/* Adds an id to a set kept unsorted until set_sort(). */
static int set_add(char (**set)[IV_ID_LEN + 1], size_t *n, const char *id)
{
	char (*grown)[IV_ID_LEN + 1];

	if (!(grown = realloc(*set, (*n + 1) * sizeof(**set))))
		return iv__oom();
	*set = grown;
	memcpy(grown[(*n)++], id, IV_ID_LEN + 1);
	return 0;
}

static void set_sort(char (*set)[IV_ID_LEN + 1], size_t n)
{
	if (n)
		qsort(set, n, sizeof(*set), id_cmp);
}

static int by_id(const void *a, const void *b)
{
	return strcmp((*(const struct person *const *)a)->id, (*(const struct person *const *)b)->id);
}

static const struct person *find(const struct dot *d, const char *id)
{
	struct person key, *k = &key, **found;

	if (d->n == 0 || strlen(id) > IV_ID_LEN)
		return NULL;
	memcpy(key.id, id, strlen(id) + 1);
	found = bsearch(&k, d->byid, d->n, sizeof(*d->byid), by_id);
	return found ? *found : NULL;
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */

/*
 * Text inside a double-quoted DOT string: a quote and a backslash escaped
 * (a label would otherwise read "\N" or "\G" as its own escapes), a newline
 * as "\n"; other control characters are left out.
 */
static void put_escaped(struct iv__writer *w, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			char esc[2] = { '\\', (char)c };

			iv__put(w, esc, 2);
		} else if (c == '\n') {
			iv__put(w, "\\n", 2);
		} else if (c == '\t') {
			iv__put(w, " ", 1);
		} else if (c >= 0x20 && c != 0x7F) {
			iv__put(w, s, 1);
		}
	}
}

static void put_quoted(struct iv__writer *w, const char *s)
{
	iv__put(w, "\"", 1);
	put_escaped(w, s);
	iv__put(w, "\"", 1);
}

static int put_node(struct dot *d, const struct person *p, const char *indent)
{
	iv__puts(d->w, indent);
	put_quoted(d->w, p->id);
	iv__puts(d->w, " [label=\"");
	put_escaped(d->w, p->name);
	if (p->title) {
		iv__puts(d->w, "\\n");
		put_escaped(d->w, p->title);
	}
	iv__puts(d->w, p->degree ? "\"];\n" : "\", style=\"rounded,dashed\"];\n");
	return iv__record_done(d->w);
}

/* Companies ASCII case-insensitively, then the listing's order. */
static int by_company(const void *a, const void *b)
{
	const struct person *x = *(const struct person *const *)a, *y = *(const struct person *const *)b;
	int c = iv__ascii_casecmp(x->company, y->company);

	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The contacts with a company, one cluster per company, labelled with its first spelling. */
static int put_clusters(struct dot *d)
{
	struct person **sorted;
	size_t i, n = 0, cluster = 0;

	if (!(sorted = malloc((d->n ? d->n : 1) * sizeof(*sorted))))
		return iv__oom();
	for (i = 0; i < d->n; i++)
		if (d->people[i].company)
			sorted[n++] = &d->people[i];
	if (n)
		qsort(sorted, n, sizeof(*sorted), by_company);
	for (i = 0; i < n && !d->w->error; i++) {
		if (i == 0 || iv__ascii_casecmp(sorted[i - 1]->company, sorted[i]->company) != 0) {
			if (i)
				iv__puts(d->w, "\t}\n");
			iv__printf(d->w, "\tsubgraph cluster_%zu {\n\t\tlabel=", ++cluster);
			put_quoted(d->w, sorted[i]->company);
			iv__puts(d->w, ";\n");
		}
		put_node(d, sorted[i], "\t\t");
	}
	if (n)
		iv__puts(d->w, "\t}\n");
	free(sorted);
	return d->w->error;
}

/* Degrees from 1 up, the unreachable (degree 0) last; then the listing's order. */
static int by_degree(const void *a, const void *b)
{
	const struct person *x = *(const struct person *const *)a, *y = *(const struct person *const *)b;
	unsigned int dx = (unsigned int)x->degree - 1, dy = (unsigned int)y->degree - 1;

	if (dx != dy)
		return dx < dy ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* One rank=same group per degree, the unreachable last. */
static int put_ranks(struct dot *d)
{
	struct person **sorted;
	size_t i;

	if (d->n == 0)
		return 0;
	if (!(sorted = malloc(d->n * sizeof(*sorted))))
		return iv__oom();
	for (i = 0; i < d->n; i++)
		sorted[i] = &d->people[i];
	qsort(sorted, d->n, sizeof(*sorted), by_degree);
	for (i = 0; i < d->n; i++) {
		if (i == 0 || sorted[i - 1]->degree != sorted[i]->degree) {
			if (i)
				iv__puts(d->w, " }\n");
			iv__puts(d->w, "\t{ rank=same;");
		}
		iv__puts(d->w, " ");
		put_quoted(d->w, sorted[i]->id);
		iv__puts(d->w, ";");
	}
	iv__puts(d->w, " }\n");
	free(sorted);
	return d->w->error;
}

static const char *intro_style(int status)
{
	switch (status) {
	case IV_INTRO_MADE:
		return "style=bold";
	case IV_INTRO_DECLINED:
		return "style=dotted, color=red, fontcolor=red";
	default:
		return "style=dashed";
	}
}

/* "in_person" as "in person". */
static void put_words(struct iv__writer *w, const char *name)
{
	for (; name && *name; name++)
		iv__put(w, *name == '_' ? " " : name, 1);
}

static int put_intro(struct dot *d, const iv_intro *in)
{
	const struct person *from = find(d, iv_intro_introducer(in)), *to = find(d, iv_intro_introduced(in));

	if (!from || !to)
		return 0;
	iv__puts(d->w, "\t");
	put_quoted(d->w, from->id);
	iv__puts(d->w, " -> ");
	put_quoted(d->w, to->id);
	iv__puts(d->w, " [label=\"");
	put_words(d->w, iv_enum_name("channel", iv_intro_channel(in)));
	iv__puts(d->w, ", ");
	put_words(d->w, iv_enum_name("intro_status", iv_intro_status(in)));
	iv__printf(d->w, "\", %s", intro_style(iv_intro_status(in)));
	/* Only an edge from one degree to the next may rank its ends. */
	if (!(from->degree > 0 && to->degree == from->degree + 1))
		iv__puts(d->w, ", constraint=false");
	iv__puts(d->w, "];\n");
	return iv__record_done(d->w);
}

static int put_edges(struct dot *d)
{
	iv_intro_iter *it = NULL;
	iv_intro *in = NULL;
	size_t i;
	int error;

	for (i = 0; i < d->n && !d->w->error; i++) {
		if (d->people[i].degree != 1)
			continue;
		iv__puts(d->w, "\t\"me\" -> ");
		put_quoted(d->w, d->people[i].id);
		iv__puts(d->w, ";\n");
		iv__record_done(d->w);
	}
	for (i = 0; i < d->n && !d->w->error; i++) {
		if (d->people[i].degree != 0)
			continue;
		iv__puts(d->w, "\t\"me\" -> ");
		put_quoted(d->w, d->people[i].id);
		iv__printf(d->w, " [style=invis, minlen=%d];\n", d->maxdegree + 1);
	}
	if (d->w->error)
		return d->w->error;
	if ((error = iv_intro_list(&it, d->db, NULL)) < 0)
		return error;
	while ((error = iv_intro_iter_next(&in, it)) == 0) {
		if (!d->company || has_id(d->intros, d->nintros, iv_intro_id(in)))
			error = put_intro(d, in);
		iv_intro_free(in);
		in = NULL;
		if (error)
			break;
	}
	iv_intro_iter_free(it);
	return error == IV_ITEROVER ? 0 : error;
}

static int put_me(struct dot *d)
{
	iv_profile *p = NULL;
	int error;

	if ((error = iv_profile_get(&p, d->db)) < 0)
		return error;
	iv__puts(d->w, "\t\"me\" [label=");
	put_quoted(d->w, iv_profile_name(p) ? iv_profile_name(p) : "You");
	iv__puts(d->w, ", shape=ellipse, style=bold];\n");
	iv_profile_free(p);
	return iv__record_done(d->w);
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

/* With a company: the contacts and introductions on the paths to it. */
static int load_paths(struct dot *d)
{
	iv_path_iter *it = NULL;
	iv_path *p = NULL;
	size_t i;
	int error;

	if ((error = iv_network_company_paths(&it, d->net, d->company)) < 0)
		return error;
	while (error >= 0 && (error = iv_path_iter_next(&p, it)) == 0) {
		for (i = 0; i < iv_path_length(p) && error >= 0; i++) {
			error = set_add(&d->keep, &d->nkeep, iv_path_contact_at(p, i));
			if (error >= 0 && iv_path_intro_at(p, i))
				error = set_add(&d->intros, &d->nintros, iv_path_intro_at(p, i));
		}
		iv_path_free(p);
		p = NULL;
	}
	iv_path_iter_free(it);
	set_sort(d->keep, d->nkeep);
	set_sort(d->intros, d->nintros);
	return error == IV_ITEROVER ? 0 : error;
}

static int dup_field(char **dst, const char *s)
{
	if (s && !(*dst = iv__strdup(s)))
		return IV_ENOMEM;
	return 0;
}

static int add_person(struct dot *d, const iv_contact *c, int degree)
{
	struct person *p;

	if (d->n == d->alloc) {
		size_t alloc = d->alloc ? d->alloc * 2 : 32;

		if (!(p = realloc(d->people, alloc * sizeof(*p))))
			return iv__oom();
		d->people = p;
		d->alloc = alloc;
	}
	p = &d->people[d->n];
	memset(p, 0, sizeof(*p));
	memcpy(p->id, iv_contact_id(c), IV_ID_LEN + 1);
	p->degree = degree;
	p->order = d->n++;
	if (degree > d->maxdegree)
		d->maxdegree = degree;
	if (dup_field(&p->name, iv_contact_name(c)) < 0 || dup_field(&p->title, iv_contact_title(c)) < 0 ||
	    dup_field(&p->company, iv_contact_company(c)) < 0)
		return IV_ENOMEM;
	return 0;
}

static int load_people(struct dot *d)
{
	iv_contact_iter *it = NULL;
	iv_contact *c = NULL;
	int error, degree;

	if ((error = iv_contact_list(&it, d->db, NULL)) < 0)
		return error;
	while ((error = iv_contact_iter_next(&c, it)) == 0) {
		if (!d->company || has_id(d->keep, d->nkeep, iv_contact_id(c))) {
			if ((error = iv_network_degree(&degree, d->net, iv_contact_id(c))) == 0)
				error = add_person(d, c, degree);
		}
		iv_contact_free(c);
		c = NULL;
		if (error)
			break;
	}
	iv_contact_iter_free(it);
	if (error != IV_ITEROVER)
		return error;
	if (!(d->byid = malloc((d->n ? d->n : 1) * sizeof(*d->byid))))
		return iv__oom();
	for (size_t i = 0; i < d->n; i++)
		d->byid[i] = &d->people[i];
	if (d->n)
		qsort(d->byid, d->n, sizeof(*d->byid), by_id);
	return 0;
}

static void dot_free(struct dot *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->people[i].name);
		free(d->people[i].title);
		free(d->people[i].company);
	}
	free(d->people);
	free(d->byid);
	free(d->keep);
	free(d->intros);
	iv_network_free(d->net);
}

static int write_graph(struct dot *d)
{
	int error;

	iv__puts(d->w, "digraph network {\n\tgraph [rankdir=LR, newrank=true");
	if (d->company && d->n == 0) {
		iv__puts(d->w, ", label=");
		iv__puts(d->w, "\"No one at ");
		put_escaped(d->w, d->company);
		iv__puts(d->w, " is reachable\"");
	}
	iv__puts(d->w, "];\n\tnode [shape=box, style=rounded];\n\tedge [fontsize=10];\n");
	if ((error = put_me(d)) != 0 || (error = put_clusters(d)) != 0)
		return error;
	for (size_t i = 0; i < d->n; i++)
		if (!d->people[i].company && (error = put_node(d, &d->people[i], "\t")) != 0)
			return error;
	if ((error = put_ranks(d)) != 0 || (error = put_edges(d)) != 0)
		return error;
	return iv__puts(d->w, "}\n");
}

int iv__dot_export(struct iv__writer *w, iv_db *db, const iv_export_options *opts)
{
	struct dot d;
	int error;

	memset(&d, 0, sizeof(d));
	d.w = w;
	d.db = db;
	d.company = opts->company;
	if ((error = iv_network_load(&d.net, db)) == 0 && (!d.company || (error = load_paths(&d)) == 0) &&
	    (error = load_people(&d)) == 0)
		error = write_graph(&d);
	dot_free(&d);
	return error;
}
