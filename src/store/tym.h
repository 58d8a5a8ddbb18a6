/*
 * tym.h — cases of the multidisciplinary joint service (TYM): opening a
 * case, assembling its teams under core's team rules (core/tym-teams.h), the
 * client's consent for outside members, the timeline from core's cadence,
 * and closing with a final assessment and an outcome.
 *
 * Outside members (wellbeing county, Kela) see a case only when they are
 * in one of its teams and the client's consent (kind 'tym') is in force;
 * lk_tym_get() refuses them otherwise. Reading a case is audited.
 * Every write commits whole or changes nothing. Never draws, never prints.
 */
#ifndef LK_STORE_TYM_H
#define LK_STORE_TYM_H

#include <stdbool.h>

#include "core/cadence.h"
#include "core/tym-teams.h"
#include "store/store.h"

extern const char *const lk_tym_referrals[];  /* perus, hyvinvointialue, kela, tyokykytiimi, itse */
extern const char *const lk_tym_outcomes[];   /* perus, tyo, opiskelu, elake, muu */

#define LK_TYM_MEMBERS_MAX 32
#define LK_TYM_DUE_MAX 32
#define LK_TYM_MISSING_MAX 8

struct lk_tym_member {
	char staff_id[65];
	char name[204];          /* "Surname Given" */
	char role[24];
	char organisation[16];
	enum lk_tym_team team;
	bool core;               /* one of the team's required roles */
};

struct lk_tym_case {
	char id[65];
	char client_id[65];
	char client_name[204];   /* "Surname, Given" */
	char municipality[64];
	char referral[24];
	lk_date opened, assessment_done, closed;
	char outcome[16];
	char final_assessment[2001];
	bool consent;            /* the client's TYM consent is in force */
	lk_date consent_given, consent_withdrawn;  /* the newest consent row */
	struct lk_tym_member members[LK_TYM_MEMBERS_MAX];
	int n_members;
	/* Roles each team still lacks (core/tym-teams.h lk_tym_missing). */
	const char *missing[LK_TEAM_COUNT][LK_TYM_MISSING_MAX];
	int n_missing[LK_TEAM_COUNT];
	struct lk_due_item due[LK_TYM_DUE_MAX];   /* TYM items of the cadence */
	int n_due;
};

/* Open a case; id_out (LK_ID_LEN + 1) gets its id. Refused (LK_ECLASH)
 * when the client has an open case already. The client moves to the TYM
 * service line. */
enum lk_status lk_tym_open(struct lk_store *st, const char *client_id, const char *referral,
                           const char *staff_id, char *id_out, struct lk_err *err);
/* The client's open case, or LK_ENOTFOUND. */
enum lk_status lk_tym_find_open(struct lk_store *st, const char *client_id, char *id_out,
                                struct lk_err *err);
/* Add a staff member to a team ("start", "pair", "network", "workability").
 * Refused with LK_ECLASH and a message naming what is wrong when the team
 * rules say no (e.g. a second outside worker in the responsible pair). On
 * success *warning receives a msgid-translated note of roles the team
 * still lacks ("" when none). */
enum lk_status lk_tym_member_add(struct lk_store *st, const char *case_id, const char *staff_id,
                                 const char *team, char *warning, size_t wsize,
                                 struct lk_err *err);
/* Record the client's consent (given_how: oral, written, electronic) or
 * its withdrawal, by staff_id (may be NULL). */
enum lk_status lk_tym_consent(struct lk_store *st, const char *case_id, bool given,
                              const char *given_how, const char *staff_id, struct lk_err *err);
/* Read a case as `viewer` (a staff id, or NULL for the desk's own use):
 * an outside viewer must be a member and the consent in force, else
 * LK_ECLASH. The read is audited ("open-tym"). */
enum lk_status lk_tym_get(struct lk_store *st, const char *case_id, const char *viewer,
                          struct lk_tym_case *out, struct lk_err *err);
/* Close: outcome (lk_tym_outcomes) and a final assessment are both needed. */
enum lk_status lk_tym_close(struct lk_store *st, const char *case_id, const char *outcome,
                            const char *final_assessment, struct lk_err *err);
/* "Basic services" for "perus" etc.: the English msgid of a code. */
const char *lk_tym_referral_label(const char *code);
const char *lk_tym_outcome_label(const char *code);
/* A human text of the staff role code ("Kela work-ability advisor"), msgid. */
const char *lk_tym_role_label(const char *role);

#endif
