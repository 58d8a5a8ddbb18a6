/*
 * tym-teams.h — who may sit in which team of the multidisciplinary joint service
 * (TYM, Act 381/2023), as a data table: the start team, the responsible
 * pair, the network meeting and the work-ability support team, each with
 * its required (core) roles, from docs/rules.md#tym (001 §5.3.2).
 *
 * Given the members a team has and one person to add, say whether the
 * addition is allowed and, if not, why; list the roles a team still lacks.
 * Roles and organisations are the staff codes of the store ("tym-caseworker",
 * "wellbeing", "kela"…).
 *
 * Pure C: no I/O, no heap, never touches the store.
 */
#ifndef LK_CORE_TYM_TEAMS_H
#define LK_CORE_TYM_TEAMS_H

#include <stdbool.h>
#include <stddef.h>

enum lk_tym_team {
	LK_TEAM_START = 0,    /* alkutiimi, one per municipality */
	LK_TEAM_PAIR,         /* vastuutyöpari */
	LK_TEAM_NETWORK,      /* verkostopalaveri */
	LK_TEAM_WORKABILITY,  /* työkyvyn tuen tiimi */
	LK_TEAM_COUNT
};

#define LK_TEAM_ROLES_MAX 4

struct lk_tym_team_rule {
	enum lk_tym_team team;
	const char *code;       /* "start", "pair", "network", "workability" */
	const char *label;      /* English label, a gettext msgid */
	const char *source;     /* where the rule comes from */
	const char *required[LK_TEAM_ROLES_MAX + 1];  /* roles that must be there; NULL ends */
	bool only_required;     /* nobody else may join (the start team) */
	bool pair;              /* the responsible-pair rule applies */
};

struct lk_tym_person {
	const char *role;          /* staff role code */
	const char *organisation;  /* "area", "wellbeing", "kela", … */
};

enum lk_tym_verdict {
	LK_TYM_OK = 0,
	LK_TYM_NOT_IN_TEAM,          /* the start team takes only its three roles */
	LK_TYM_PAIR_NOT_ELIGIBLE,    /* neither the TYM caseworker nor a wellbeing/Kela worker */
	LK_TYM_PAIR_SECOND_CASEWORKER,
	LK_TYM_PAIR_SECOND_OUTSIDE,  /* exactly one wellbeing-county or Kela worker */
	LK_TYM_ALREADY,              /* the same person is in the team already (checked by the store) */
};

const struct lk_tym_team_rule *lk_tym_team_rules(void);  /* LK_TEAM_COUNT rows */
/* The rule of a team code ("pair"), or NULL. */
const struct lk_tym_team_rule *lk_tym_team_find(const char *code);
/* An outside member: an organisation other than the employment area
 * (wellbeing county, Kela): sees the case only with the client's consent. */
bool lk_tym_outside(const char *organisation);
/* Whether `role` is one of the team's required (core) roles. */
bool lk_tym_core_role(enum lk_tym_team team, const char *role);
/* May `add` join `team`, which has `members` (n of them)? */
enum lk_tym_verdict lk_tym_check_add(enum lk_tym_team team, const struct lk_tym_person *members,
                                     size_t n, const struct lk_tym_person *add);
/* The required roles the team lacks into missing[] (cap entries); returns
 * how many there are. The client, required at the network meeting, is
 * always there and never listed. */
size_t lk_tym_missing(enum lk_tym_team team, const struct lk_tym_person *members, size_t n,
                      const char **missing, size_t cap);

#endif
