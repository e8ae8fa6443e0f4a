/*
 * libinfoview: the umbrella header. Include this one.
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
#include "ffi.h"

#endif
