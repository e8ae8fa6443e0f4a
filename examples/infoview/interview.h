/*
 * infoview: what the interview and questions commands share.
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_INTERVIEW_H
#define INFOVIEW_INTERVIEW_H

#include "cli.h"

/* The questions of an interview, numbered from 1, with their answers. */
void questions_print(struct cli *ctx, const iv_interview *iv, int indent);

#endif
