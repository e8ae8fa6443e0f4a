/*
 * Private: what the core needs to know of records beyond the public API.
 */
#ifndef IV_RECORDS_H
#define IV_RECORDS_H

#include "infoview/infoview.h"

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

#endif
