/*
 * The versioned structs: the size of every version shipped, their members
 * for bindings, and the numeric constants of the headers.
 *
 * Growing a struct (DESIGN.md, "Growth rules"): append the member in the
 * header, bump its IV_*_VERSION, add the member below with the new version
 * in `since`, and a size for the new version (the end of its last member).
 * Sizes of versions already shipped never change.
 *
 * IV_ABI_NEXT is defined only by the growth test's build of the library,
 * against headers in which every struct got one member more and one
 * version higher (tests/abi-next/): the library must then still serve
 * callers and backends of today's versions.
 */
#include <stddef.h>
#include <string.h>

#include "abi.h"
#include "util.h"
#include "infoview/sys/backend.h"

/* The end of member m: a version's size is the end of its last member. */
#define END(T, m) (offsetof(T, m) + sizeof(((T *)0)->m))

typedef struct member {
	const char *name;
	size_t offset;
	const char *type;
	unsigned int since;
} member;

#define M(T, m, type, since) { #m, offsetof(T, m), type, since }
#define F(T, m) M(T, m, "function", 1)
#define VERSION_MEMBER(T) M(T, version, "unsigned int", 1)
/* The simulated next member comes with the version the patched header gives it. */
#ifdef IV_ABI_NEXT
/* The member comes with the version the patched header bumped to. */
# define NEXT_MEMBER(T, type, V) , M(T, abi_next, type, V)
# define NEXT_SIZE(T) , END(T, abi_next)
#else
# define NEXT_MEMBER(T, type, V)
# define NEXT_SIZE(T)
#endif

static const member contact_filter_members[] = {
	VERSION_MEMBER(iv_contact_filter),
	M(iv_contact_filter, company, "const char *", 1),
	M(iv_contact_filter, tag, "const char *", 1),
	M(iv_contact_filter, id_prefix, "const char *", 1),
	M(iv_contact_filter, name, "const char *", 1),
	M(iv_contact_filter, number, "int64_t", 2),
	M(iv_contact_filter, email, "const char *", 2),
	M(iv_contact_filter, url, "const char *", 3)
	NEXT_MEMBER(iv_contact_filter, "const char *", IV_CONTACT_FILTER_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member intro_filter_members[] = {
	VERSION_MEMBER(iv_intro_filter),
	M(iv_intro_filter, introducer, "const char *", 1),
	M(iv_intro_filter, introduced, "const char *", 1),
	M(iv_intro_filter, status, "int", 1),
	M(iv_intro_filter, id_prefix, "const char *", 1),
	M(iv_intro_filter, number, "int64_t", 2)
	NEXT_MEMBER(iv_intro_filter, "const char *", IV_INTRO_FILTER_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member interview_filter_members[] = {
	VERSION_MEMBER(iv_interview_filter),
	M(iv_interview_filter, contact, "const char *", 1),
	M(iv_interview_filter, status, "int", 1),
	M(iv_interview_filter, intro, "const char *", 1),
	M(iv_interview_filter, id_prefix, "const char *", 1),
	M(iv_interview_filter, number, "int64_t", 2)
	NEXT_MEMBER(iv_interview_filter, "const char *", IV_INTERVIEW_FILTER_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member followup_filter_members[] = {
	VERSION_MEMBER(iv_followup_filter),
	M(iv_followup_filter, status, "int", 1),
	M(iv_followup_filter, due_before, "int64_t", 1),
	M(iv_followup_filter, contact, "const char *", 1),
	M(iv_followup_filter, interview, "const char *", 1),
	M(iv_followup_filter, rule, "const char *", 1),
	M(iv_followup_filter, earliest_before, "int64_t", 1),
	M(iv_followup_filter, id_prefix, "const char *", 1),
	M(iv_followup_filter, number, "int64_t", 2)
	NEXT_MEMBER(iv_followup_filter, "const char *", IV_FOLLOWUP_FILTER_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member agenda_options_members[] = {
	VERSION_MEMBER(iv_agenda_options),
	M(iv_agenda_options, at, "int64_t", 1),
	M(iv_agenda_options, horizon, "int64_t", 1),
	M(iv_agenda_options, until, "int64_t", 2)
	NEXT_MEMBER(iv_agenda_options, "int", IV_AGENDA_OPTIONS_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member search_options_members[] = {
	VERSION_MEMBER(iv_search_options),
	M(iv_search_options, kinds, "unsigned int", 1),
	M(iv_search_options, limit, "size_t", 1),
	M(iv_search_options, flags, "unsigned int", 1)
	NEXT_MEMBER(iv_search_options, "int", IV_SEARCH_OPTIONS_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member draft_options_members[] = {
	VERSION_MEMBER(iv_draft_options),
	M(iv_draft_options, template_text, "const char *", 1)
	NEXT_MEMBER(iv_draft_options, "int", IV_DRAFT_OPTIONS_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member rules_members[] = {
	VERSION_MEMBER(iv_rules),
	M(iv_rules, thank_earliest, "int64_t", 1),
	M(iv_rules, thank_due, "int64_t", 1),
	M(iv_rules, nudge_other_days, "int", 1),
	M(iv_rules, nudge_followup_days, "int", 1),
	M(iv_rules, report_back_days, "int", 1)
	NEXT_MEMBER(iv_rules, "int", IV_RULES_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member backend_members[] = {
	VERSION_MEMBER(iv_backend),
	M(iv_backend, db, "pointer", 1),
	F(iv_backend, contact_get), F(iv_backend, contact_insert), F(iv_backend, contact_update),
	F(iv_backend, contact_delete), F(iv_backend, contact_list),
	F(iv_backend, intro_get), F(iv_backend, intro_insert), F(iv_backend, intro_update),
	F(iv_backend, intro_delete), F(iv_backend, intro_list),
	F(iv_backend, interview_get), F(iv_backend, interview_insert), F(iv_backend, interview_update),
	F(iv_backend, interview_delete), F(iv_backend, interview_list),
	F(iv_backend, followup_get), F(iv_backend, followup_insert), F(iv_backend, followup_update),
	F(iv_backend, followup_delete), F(iv_backend, followup_list),
	F(iv_backend, setting_get), F(iv_backend, setting_set),
	F(iv_backend, begin), F(iv_backend, commit), F(iv_backend, rollback),
	F(iv_backend, free),
	F(iv_backend, contact_referenced),
	F(iv_backend, search),
	M(iv_backend, note_get, "function", 2), M(iv_backend, note_insert, "function", 2),
	M(iv_backend, note_delete, "function", 2), M(iv_backend, note_list, "function", 2),
	M(iv_backend, setting_list, "function", 3),
	M(iv_backend, intros_to, "function", 4),
	M(iv_backend, network_scan, "function", 4),
	M(iv_backend, network_node, "function", 4),
	M(iv_backend, intros_to_key, "function", 4),
	M(iv_backend, network_company, "function", 4),
	M(iv_backend, followup_list_contacts, "function", 5),
	M(iv_backend, contacts_recent, "function", 5),
	M(iv_backend, target_get, "function", 6),
	M(iv_backend, target_insert, "function", 6),
	M(iv_backend, target_update, "function", 6),
	M(iv_backend, target_delete, "function", 6),
	M(iv_backend, target_list, "function", 6)
	NEXT_MEMBER(iv_backend, "function", IV_BACKEND_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member backend_iter_members[] = {
	VERSION_MEMBER(iv_backend_iter),
	F(iv_backend_iter, next),
	F(iv_backend_iter, free)
	NEXT_MEMBER(iv_backend_iter, "function", IV_BACKEND_ITER_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member note_filter_members[] = {
	VERSION_MEMBER(iv_note_filter),
	M(iv_note_filter, contact, "const char *", 1),
	M(iv_note_filter, id_prefix, "const char *", 1),
	M(iv_note_filter, number, "int64_t", 1)
	NEXT_MEMBER(iv_note_filter, "const char *", IV_NOTE_FILTER_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member target_filter_members[] = {
	VERSION_MEMBER(iv_target_filter),
	M(iv_target_filter, id_prefix, "const char *", 1),
	M(iv_target_filter, number, "int64_t", 1),
	M(iv_target_filter, name, "const char *", 1)
	NEXT_MEMBER(iv_target_filter, "const char *", IV_TARGET_FILTER_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member draft_report_members[] = {
	VERSION_MEMBER(iv_draft_report),
	M(iv_draft_report, words, "size_t", 1),
	M(iv_draft_report, warnings, "unsigned int", 1),
	M(iv_draft_report, parts, "unsigned int", 1)
	NEXT_MEMBER(iv_draft_report, "int", IV_DRAFT_REPORT_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member import_options_members[] = {
	VERSION_MEMBER(iv_import_options),
	M(iv_import_options, flags, "unsigned int", 1),
	M(iv_import_options, map, "const char *const *", 1),
	M(iv_import_options, known, "int", 1),
	M(iv_import_options, tag, "const char *", 1),
	F(iv_import_options, progress),
	M(iv_import_options, payload, "void *", 1)
	NEXT_MEMBER(iv_import_options, "int", IV_IMPORT_OPTIONS_VERSION),
	{ NULL, 0, NULL, 0 }
};

static const member export_options_members[] = {
	VERSION_MEMBER(iv_export_options),
	M(iv_export_options, flags, "unsigned int", 1),
	M(iv_export_options, contacts, "const iv_contact_filter *", 1),
	M(iv_export_options, company, "const char *", 1),
	F(iv_export_options, progress),
	M(iv_export_options, payload, "void *", 1)
	NEXT_MEMBER(iv_export_options, "int", IV_EXPORT_OPTIONS_VERSION),
	{ NULL, 0, NULL, 0 }
};

#define MAX_VERSIONS 7

static const struct versioned {
	const char *name;
	unsigned int current;
	size_t sizes[MAX_VERSIONS + 1]; /* by version; [0] unused */
	const member *members;
} structs[IV__ST_COUNT] = {
	[IV__ST_CONTACT_FILTER] = { "iv_contact_filter", IV_CONTACT_FILTER_VERSION,
		{ 0, END(iv_contact_filter, name), END(iv_contact_filter, email), END(iv_contact_filter, url)
		  NEXT_SIZE(iv_contact_filter) },
		contact_filter_members },
	[IV__ST_INTRO_FILTER] = { "iv_intro_filter", IV_INTRO_FILTER_VERSION,
		{ 0, END(iv_intro_filter, id_prefix), END(iv_intro_filter, number) NEXT_SIZE(iv_intro_filter) }, intro_filter_members },
	[IV__ST_INTERVIEW_FILTER] = { "iv_interview_filter", IV_INTERVIEW_FILTER_VERSION,
		{ 0, END(iv_interview_filter, id_prefix), END(iv_interview_filter, number) NEXT_SIZE(iv_interview_filter) }, interview_filter_members },
	[IV__ST_FOLLOWUP_FILTER] = { "iv_followup_filter", IV_FOLLOWUP_FILTER_VERSION,
		{ 0, END(iv_followup_filter, id_prefix), END(iv_followup_filter, number) NEXT_SIZE(iv_followup_filter) }, followup_filter_members },
	[IV__ST_AGENDA_OPTIONS] = { "iv_agenda_options", IV_AGENDA_OPTIONS_VERSION,
		{ 0, END(iv_agenda_options, horizon), END(iv_agenda_options, until) NEXT_SIZE(iv_agenda_options) },
		agenda_options_members },
	[IV__ST_SEARCH_OPTIONS] = { "iv_search_options", IV_SEARCH_OPTIONS_VERSION,
		{ 0, END(iv_search_options, flags) NEXT_SIZE(iv_search_options) }, search_options_members },
	[IV__ST_DRAFT_OPTIONS] = { "iv_draft_options", IV_DRAFT_OPTIONS_VERSION,
		{ 0, END(iv_draft_options, template_text) NEXT_SIZE(iv_draft_options) }, draft_options_members },
	[IV__ST_RULES] = { "iv_rules", IV_RULES_VERSION,
		{ 0, END(iv_rules, report_back_days) NEXT_SIZE(iv_rules) }, rules_members },
	[IV__ST_BACKEND] = { "iv_backend", IV_BACKEND_VERSION,
		{ 0, END(iv_backend, search), END(iv_backend, note_list), END(iv_backend, setting_list),
		  END(iv_backend, network_company), END(iv_backend, contacts_recent), END(iv_backend, target_list)
		  NEXT_SIZE(iv_backend) }, backend_members },
	[IV__ST_BACKEND_ITER] = { "iv_backend_iter", IV_BACKEND_ITER_VERSION,
		{ 0, END(iv_backend_iter, free) NEXT_SIZE(iv_backend_iter) }, backend_iter_members },
	[IV__ST_NOTE_FILTER] = { "iv_note_filter", IV_NOTE_FILTER_VERSION,
		{ 0, END(iv_note_filter, number) NEXT_SIZE(iv_note_filter) }, note_filter_members },
	[IV__ST_DRAFT_REPORT] = { "iv_draft_report", IV_DRAFT_REPORT_VERSION,
		{ 0, END(iv_draft_report, parts) NEXT_SIZE(iv_draft_report) }, draft_report_members },
	[IV__ST_IMPORT_OPTIONS] = { "iv_import_options", IV_IMPORT_OPTIONS_VERSION,
		{ 0, END(iv_import_options, payload) NEXT_SIZE(iv_import_options) }, import_options_members },
	[IV__ST_EXPORT_OPTIONS] = { "iv_export_options", IV_EXPORT_OPTIONS_VERSION,
		{ 0, END(iv_export_options, payload) NEXT_SIZE(iv_export_options) }, export_options_members },
	[IV__ST_TARGET_FILTER] = { "iv_target_filter", IV_TARGET_FILTER_VERSION,
		{ 0, END(iv_target_filter, name) NEXT_SIZE(iv_target_filter) }, target_filter_members },
};

/* Every struct's version must have a size: a growth that forgot one fails to build. */
#define CHECK_CURRENT(V) _Static_assert((V) >= 1 && (V) <= MAX_VERSIONS, #V " needs a size in lib/abi.c")
CHECK_CURRENT(IV_CONTACT_FILTER_VERSION);
CHECK_CURRENT(IV_INTRO_FILTER_VERSION);
CHECK_CURRENT(IV_INTERVIEW_FILTER_VERSION);
CHECK_CURRENT(IV_FOLLOWUP_FILTER_VERSION);
CHECK_CURRENT(IV_AGENDA_OPTIONS_VERSION);
CHECK_CURRENT(IV_SEARCH_OPTIONS_VERSION);
CHECK_CURRENT(IV_DRAFT_OPTIONS_VERSION);
CHECK_CURRENT(IV_RULES_VERSION);
CHECK_CURRENT(IV_BACKEND_VERSION);
CHECK_CURRENT(IV_BACKEND_ITER_VERSION);
CHECK_CURRENT(IV_NOTE_FILTER_VERSION);
CHECK_CURRENT(IV_DRAFT_REPORT_VERSION);
CHECK_CURRENT(IV_IMPORT_OPTIONS_VERSION);
CHECK_CURRENT(IV_EXPORT_OPTIONS_VERSION);
CHECK_CURRENT(IV_TARGET_FILTER_VERSION);

unsigned int iv__struct_current(int st)
{
	return structs[st].current;
}

size_t iv__struct_size(int st, unsigned int version)
{
	if (version == 0 || version > structs[st].current)
		return 0;
	return structs[st].sizes[version];
}

int iv__struct_check(int st, unsigned int version)
{
	return iv__check_version(structs[st].name, version, structs[st].current);
}

int iv__struct_read(void *dst, int st, const void *src)
{
	unsigned int version = *(const unsigned int *)src; /* the first member of every one */
	int error;

	if ((error = iv__struct_check(st, version)) < 0)
		return error;
	memcpy(dst, src, structs[st].sizes[version]);
	*(unsigned int *)dst = structs[st].current;
	return 0;
}

int iv__struct_write(void *dst, int st, const void *src, unsigned int version)
{
	int error;

	if ((error = iv__struct_check(st, version)) < 0)
		return error;
	memcpy(dst, src, structs[st].sizes[version]);
	*(unsigned int *)dst = version;
	return 0;
}

/*
 * Which filter version each backend version applies in full. Version 1
 * backends know version 1 filters; version 2 backends also apply every
 * filter's number and the contact filter's email (version 2 filters) and
 * know version 1 note filters. A backend version that learns
 * new filter members gets its own row here.
 */
unsigned int iv__filter_version_for_backend(int st, unsigned int backend_version)
{
	static const unsigned int v2[] = {
		[IV__ST_CONTACT_FILTER] = 2, [IV__ST_INTRO_FILTER] = 2,
		[IV__ST_INTERVIEW_FILTER] = 2, [IV__ST_FOLLOWUP_FILTER] = 2,
		[IV__ST_NOTE_FILTER] = 1,
	};
	/* Version 3 backends also apply the contact filter's url. */
	static const unsigned int v3[] = {
		[IV__ST_CONTACT_FILTER] = 3, [IV__ST_INTRO_FILTER] = 2,
		[IV__ST_INTERVIEW_FILTER] = 2, [IV__ST_FOLLOWUP_FILTER] = 2,
		[IV__ST_NOTE_FILTER] = 1,
	};
	/*
	 * Version 4 backends (intros_to, network_scan) apply the same filters
	 * as version 3; version 5 (the contract for shared stores) adds no
	 * filter member; version 6 knows version 1 target filters.
	 */
	static const unsigned int v4[] = {
		[IV__ST_CONTACT_FILTER] = 3, [IV__ST_INTRO_FILTER] = 2,
		[IV__ST_INTERVIEW_FILTER] = 2, [IV__ST_FOLLOWUP_FILTER] = 2,
		[IV__ST_NOTE_FILTER] = 1, [IV__ST_TARGET_FILTER] = 1,
	};
	unsigned int known;

	if (backend_version <= 1)
		known = 1;
	else if (backend_version == 2 && st >= 0 && (size_t)st < sizeof(v2) / sizeof(v2[0]))
		known = v2[st];
	else if (backend_version == 3 && st >= 0 && (size_t)st < sizeof(v3) / sizeof(v3[0]))
		known = v3[st];
	else if (backend_version >= 4 && backend_version <= 6 && st >= 0 && (size_t)st < sizeof(v4) / sizeof(v4[0]))
		known = v4[st];
	else
		/* Newer than any row (the growth test's next version): it knows every member. */
		known = structs[st].current;
	return known < structs[st].current ? known : structs[st].current;
}

unsigned int iv__filter_member_since(int st, const char *name)
{
	const member *m = structs[st].members;
	size_t i;

	for (i = 1; m[i].name; i++)
		if (strcmp(m[i].name, name) == 0)
			return m[i].since;
	return 0;
}

static int member_set(const void *base, const member *m, size_t end)
{
	const unsigned char *p = (const unsigned char *)base + m->offset;
	size_t i;

	for (i = m->offset; i < end; i++, p++)
		if (*p)
			return 1;
	return 0;
}

unsigned int iv__filter_version_needed(int st, const void *f)
{
	const member *m = structs[st].members;
	unsigned int need = 1;
	size_t i;

	for (i = 1; m[i].name; i++) {
		/* A member ends where the next begins, or at the newest size. */
		size_t end = m[i + 1].name ? m[i + 1].offset : structs[st].sizes[structs[st].current];
		if (m[i].since > need && member_set(f, &m[i], end))
			need = m[i].since;
	}
	return need;
}

const char *iv__filter_unapplied(int st, const void *f, unsigned int known, const char *const *handled)
{
	const member *m = structs[st].members;
	size_t i, h;

	for (i = 1; m[i].name; i++) {
		size_t end = m[i + 1].name ? m[i + 1].offset : structs[st].sizes[structs[st].current];
		if (m[i].since <= known || !member_set(f, &m[i], end))
			continue;
		for (h = 0; handled && handled[h] && strcmp(handled[h], m[i].name) != 0; h++)
			;
		if (!handled || !handled[h])
			return m[i].name;
	}
	return NULL;
}

/* --- For bindings ------------------------------------------------------------- */

static const struct versioned *find_struct(const char *name)
{
	size_t i;

	for (i = 0; name && i < IV__ST_COUNT; i++)
		if (strcmp(structs[i].name, name) == 0)
			return &structs[i];
	return NULL;
}

const char *iv_struct_name(size_t index)
{
	return index < IV__ST_COUNT ? structs[index].name : NULL;
}

unsigned int iv_struct_version(const char *name)
{
	const struct versioned *s = find_struct(name);

	return s ? s->current : 0;
}

size_t iv_struct_size(const char *name, unsigned int version)
{
	const struct versioned *s = find_struct(name);

	return s && version >= 1 && version <= s->current ? s->sizes[version] : 0;
}

int iv_struct_member(const char **member_name, size_t *offset, const char **type,
		     unsigned int *since, const char *name, size_t index)
{
	const struct versioned *s;
	size_t i;

	IV__ARG(name);
	if (!(s = find_struct(name)))
		return iv__error(IV_ENOTFOUND, "iv_struct_member: no struct is named '%.64s'", name);
	for (i = 0; i < index && s->members[i].name; i++)
		;
	if (!s->members[i].name)
		return iv__error(IV_ITEROVER, "iv_struct_member: %s has %zu members", s->name, i);
	if (member_name)
		*member_name = s->members[i].name;
	if (offset)
		*offset = s->members[i].offset;
	if (type)
		*type = s->members[i].type;
	if (since)
		*since = s->members[i].since;
	return 0;
}

#define C(name) { #name, name }

static const struct constant {
	const char *name;
	int64_t value;
} constants[] = {
	C(IV_ID_LEN), C(IV_TIME_MAX), C(IV_TIME_MIN),
	C(IV_LIMIT_SHORT), C(IV_LIMIT_TAG), C(IV_LIMIT_URL), C(IV_LIMIT_TEXT), C(IV_LIMIT_LIST),
	C(IV_VERSION_MAJOR), C(IV_VERSION_MINOR), C(IV_VERSION_PATCH), C(IV_VERSION_NUMBER),
	C(IV_CONTACT_FILTER_VERSION), C(IV_INTRO_FILTER_VERSION), C(IV_INTERVIEW_FILTER_VERSION),
	C(IV_FOLLOWUP_FILTER_VERSION), C(IV_AGENDA_OPTIONS_VERSION), C(IV_SEARCH_OPTIONS_VERSION),
	C(IV_DRAFT_OPTIONS_VERSION), C(IV_RULES_VERSION), C(IV_BACKEND_VERSION),
	C(IV_BACKEND_ITER_VERSION), C(IV_NOTE_FILTER_VERSION), C(IV_DRAFT_REPORT_VERSION),
	C(IV_IMPORT_OPTIONS_VERSION), C(IV_EXPORT_OPTIONS_VERSION), C(IV_LIMIT_RECORD),
	C(IV_DRAFT_MAX_WORDS), C(IV_TARGET_FILTER_VERSION),
};

int iv_constant(int64_t *out, const char *name)
{
	size_t i;

	IV__ARG(out);
	*out = 0;
	IV__ARG(name);
	for (i = 0; i < sizeof(constants) / sizeof(constants[0]); i++) {
		if (strcmp(constants[i].name, name) == 0) {
			*out = constants[i].value;
			return 0;
		}
	}
	return iv__error(IV_ENOTFOUND, "iv_constant: no constant is named '%.64s'", name);
}
