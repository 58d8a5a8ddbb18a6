/*
 * roles.h — who may do what: one table of staff role × capability.
 *
 * The rows follow docs/architecture.md#who-sees-what (roles decide
 * what a screen shows; outside TYM members see only their own TYM clients,
 * only the TYM part, only with consent) and docs/rules.md#outside-members (
 * outside members see only what their role in the team needs). The desk
 * (ui/) and the CLI (src/cmd/) both ask lk_role_can(); neither keeps a rule
 * of its own. Pure C: never touches the store, never draws.
 */
#ifndef LK_CORE_ROLES_H
#define LK_CORE_ROLES_H

#include <stdbool.h>

enum lk_cap {
	LK_CAP_SEARCH,     /* search the client register */
	LK_CAP_CARD,       /* open a client card, read and change client data */
	LK_CAP_REVEAL,     /* reveal a full identity code (audited) */
	LK_CAP_BOOK,       /* calendars and bookings */
	LK_CAP_TYM,        /* TYM cases in full: open, team, consent */
	LK_CAP_TYM_PART,   /* only the TYM part of own TYM clients, with consent */
	LK_CAP_PISTE,      /* the Piste walk-in screen and queue */
	LK_CAP_KIOSK,      /* run the self-service kiosk */
	LK_CAP_REPORTS,    /* audit trail, export, purge, counts */
	LK_CAP_ADMIN,      /* staff accounts and secrets */
	LK_CAP_SETTLE,     /* settle any conflict sync had to decide */
	LK_CAP_SETTLE_OWN, /* settle conflicts on own clients and bookings only */
	LK_CAP_COUNT
};

/* Whether `role` (a staff.role code) has `cap`; unknown roles have none. */
bool lk_role_can(const char *role, enum lk_cap cap);
/* "search", "card", …: the capability's name for messages and docs. */
const char *lk_cap_name(enum lk_cap cap);
/* The capabilities any one of which lets a staff member write rows of the
 * synced table `name` (the central node's check of a pushed change):
 * 0 for the audit trail (everyone's actions leave rows there); tables the
 * list does not know need LK_CAP_ADMIN. */
unsigned lk_table_write_caps(const char *name);
/* The role's first screen on the desk: "piste", "kiosk", "tym" or "lookup". */
const char *lk_role_home(const char *role);

#endif
