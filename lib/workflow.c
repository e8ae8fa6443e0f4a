/*
 * The workflow rules. (Placeholder hooks until the rules land.)
 */
#include "workflow.h"

int iv__interview_before(iv_db *db, const iv_interview *old, iv_interview *iv)
{
	(void)db; (void)old; (void)iv;
	return 0;
}

int iv__interview_after(iv_db *db, const iv_interview *old, const iv_interview *iv)
{
	(void)db; (void)old; (void)iv;
	return 0;
}

int iv__followup_before(iv_db *db, const iv_followup *old, iv_followup *fu)
{
	(void)db; (void)old; (void)fu;
	return 0;
}

int iv__followup_after(iv_db *db, const iv_followup *old, const iv_followup *fu)
{
	(void)db; (void)old; (void)fu;
	return 0;
}

int iv__contact_after(iv_db *db, const iv_contact *old, const iv_contact *c)
{
	(void)db; (void)old; (void)c;
	return 0;
}
