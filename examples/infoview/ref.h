/*
 * infoview: naming records on the command line: id prefixes (like git's
 * short hashes) and, for contacts, names; short ids for display.
 * SPDX-License-Identifier: MIT
 */
#ifndef INFOVIEW_REF_H
#define INFOVIEW_REF_H

#include "cli.h"

/* The fewest hex digits a short id shows, and an id prefix must give. */
#define SHORT_ID_MIN 8
#define REF_MIN_HEX 4

/*
 * Finds the one record `ref` names: its number ("12" or "#12"), an id
 * prefix of at least REF_MIN_HEX hex digits, or for a contact its exact
 * name (ASCII case-insensitively).
 * Returns CLI_OK with the record in *out (free it with its *_free()), or
 * reports why not ("no contact matches 'X'", "ambiguous id prefix ..."
 * listing the candidates) and returns CLI_FAIL (CLI_USAGE for a prefix
 * too short to be one).
 */
int ref_contact(iv_contact **out, struct cli *ctx, const char *ref);
int ref_intro(iv_intro **out, struct cli *ctx, const char *ref);
int ref_interview(iv_interview **out, struct cli *ctx, const char *ref);
int ref_followup(iv_followup **out, struct cli *ctx, const char *ref);

/*
 * An optional CONTACT option: with `ref` NULL sets *id to NULL; else
 * resolves it, keeping the contact in *hold (free with iv_contact_free())
 * and its id in *id. Returns as ref_contact() does.
 */
int ref_contact_option(struct cli *ctx, const char *ref, iv_contact **hold, const char **id);

/*
 * What tables and messages show for a record, and what users type back:
 * "#12" from its number (iv_contact_number() and friends). In a store
 * whose backend keeps no numbers, the shortest prefix of `id` (at least
 * SHORT_ID_MIN hex digits) naming no other record of its kind. Written to
 * `buf`, which is returned.
 */
char *short_ref(char buf[IV_ID_LEN + 1], struct cli *ctx, enum ref_kind kind, int64_t number, const char *id);
/*
 * A reference as a command takes it: "#12" shown becomes "12" typed (a
 * shell takes an unquoted "#" for a comment). Points into `shown`.
 */
const char *ref_typed(const char *shown);
/* short_ref() when only the id is at hand: one lookup by id. */
char *short_id(char buf[IV_ID_LEN + 1], struct cli *ctx, enum ref_kind kind, const char *id);

/*
 * A contact's name by id ("(unknown)" if there is none), from a small cache:
 * borrowed until the ids change or a few dozen other names are asked for.
 */
const char *contact_name(struct cli *ctx, const char *id);
/* The name of a follow-up's contact: the one read with it if the store gave it, else looked up. */
const char *followup_contact_name(struct cli *ctx, const iv_followup *fu);

/* Frees the names cached in `ctx`. */
void ref_forget(struct cli *ctx);

#endif
