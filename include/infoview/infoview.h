/**
 * @file infoview/infoview.h
 * @brief The umbrella header: include this one. It includes every public
 *        header except the backend tier, infoview/sys/backend.h.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef INCLUDE_infoview_infoview_h__
#define INCLUDE_infoview_infoview_h__

#include "common.h"
#include "errors.h"
#include "types.h"
#include "db.h"
#include "contact.h"
#include "intro.h"
#include "interview.h"
#include "followup.h"
#include "workflow.h"
#include "network.h"
#include "agenda.h"
#include "draft.h"
#include "search.h"
#include "postgres.h"
#include "note.h"
#include "target.h"
#include "review.h"
#include "interop.h"
#include "ffi.h"

#endif
