/*
 * Private: what the core needs to know of records beyond the public API.
 */
#ifndef IV_RECORDS_H
#define IV_RECORDS_H

#include "infoview/infoview.h"
#include "util.h"

/*
 * Completeness checks before a record is stored (the setters already checked
 * each field's form): required fields present, fields consistent with each
 * other. IV_EINVALID naming the field on failure. References to other
 * records are checked by the core against the store, not here.
 */
int iv__contact_check(const iv_contact *c);
int iv__intro_check(const iv_intro *in);
int iv__interview_check(const iv_interview *iv);
int iv__followup_check(const iv_followup *fu);

/*
 * The layouts of the records the library's own SQLite backend loads rows
 * straight into (lib/backends/sqlite_records.c): what it stored passed the
 * setters, so a row read back is not checked field by field again; ids are
 * formatted from their 16 bytes, texts copied, enumerations range-checked.
 * Everyone else goes through the setters.
 */

/* The text fields live in one list, so that dup and free take them at once. */
enum {
	IV__C_ID, IV__C_NAME, IV__C_PHONE, IV__C_COMPANY, IV__C_TITLE, IV__C_LOCATION, IV__C_URL, IV__C_NOTES,
	IV__C_NTEXT
};

struct iv_contact {
	int64_t number;   /* the short reference; 0 until stored */
	iv__strlist text; /* IV__C_NTEXT entries, NULL when unset */
	iv__strlist emails;
	iv__strlist tags;
	iv_time created, updated, last_interaction;
	int known;
	int cadence_days;
};

/* IV__F_CONTACT_NAME is read with the record, never stored (see iv_followup_contact_name()). */
enum {
	IV__F_ID, IV__F_CONTACT, IV__F_INTERVIEW, IV__F_NOTE, IV__F_DRAFT, IV__F_RULE, IV__F_CONTACT_NAME,
	IV__F_NTEXT
};

struct iv_followup {
	int64_t number;   /* the short reference; 0 until stored */
	iv__strlist text; /* IV__F_NTEXT entries, NULL when unset */
	iv_time created, updated, earliest, due, closed_at;
	int kind;
	int status;
	iv_contact *contact_record; /* read with it when the agenda asked; not copied by dup */
};

/* Gives `fu` its contact, read in the same step (takes `c`). */
void iv__followup_attach_contact(iv_followup *fu, iv_contact *c);
/* The contact read with `fu`, handed over, or NULL if none was. */
iv_contact *iv__followup_take_contact(iv_followup *fu);

#endif
