/*
 * tym-teams.c — the teams of the multidisciplinary joint service (see tym-teams.h).
 *
 * How the rules are read:
 *  - start team: exactly the three roles of docs/rules.md#start-team; nobody else
 *    joins; a missing role is a warning, not a refusal (teams fill up).
 *  - responsible pair: the TYM caseworker plus exactly one worker of the
 *    wellbeing county or Kela (any role of those organisations). A second
 *    TYM caseworker, a second outside worker or anyone else is refused.
 *  - network meeting: the client (always there), the TYM caseworker and a
 *    social counsellor/worker required; the Kela advisor and others join
 *    as needed.
 *  - work-ability support team: four core roles; anyone else joins as an
 *    invited member (coordinator, psychiatric nurse, psychologist,
 *    physician).
 */
#include "core/tym-teams.h"

#include <string.h>

#ifndef N_
#define N_(s) s
#endif

static const struct lk_tym_team_rule rules[LK_TEAM_COUNT] = {
	{ LK_TEAM_START, "start", N_("Start team"),
	  "docs/rules.md#start-team; Act 381/2023 (001 §5.3.2): TYM caseworker, social counsellor/worker, Kela work-ability advisor",
	  { "tym-caseworker", "social-worker", "kela-advisor", NULL }, true, false },
	{ LK_TEAM_PAIR, "pair", N_("Responsible pair"),
	  "docs/rules.md#responsible-pair; Act 381/2023 (001 §5.3.2): the TYM caseworker plus one wellbeing-county or Kela worker",
	  { "tym-caseworker", NULL }, false, true },
	{ LK_TEAM_NETWORK, "network", N_("Network meeting"),
	  "docs/rules.md#network-meeting; Act 381/2023 (001 §5.3.2): client, TYM caseworker and social counsellor/worker required",
	  { "tym-caseworker", "social-worker", NULL }, false, false },
	{ LK_TEAM_WORKABILITY, "workability", N_("Work-ability support team"),
	  "docs/rules.md#work-ability-support-team: TYM caseworker, nurse, Kela advisor, social worker; others invited",
	  { "tym-caseworker", "nurse", "kela-advisor", "social-worker", NULL }, false, false },
};

const struct lk_tym_team_rule *
lk_tym_team_rules(void)
{
	return rules;
}

const struct lk_tym_team_rule *
lk_tym_team_find(const char *code)
{
	for (int i = 0; i < LK_TEAM_COUNT; i++)
		if (code && strcmp(rules[i].code, code) == 0)
			return &rules[i];
	return NULL;
}

bool
lk_tym_outside(const char *organisation)
{
	return organisation && (strcmp(organisation, "wellbeing") == 0 ||
	                        strcmp(organisation, "kela") == 0);
}

bool
lk_tym_core_role(enum lk_tym_team team, const char *role)
{
	if (team < 0 || team >= LK_TEAM_COUNT || role == NULL)
		return false;
	for (const char *const *r = rules[team].required; *r; r++)
		if (strcmp(*r, role) == 0)
			return true;
	return false;
}

static bool
is_tym_caseworker(const struct lk_tym_person *p)
{
	return strcmp(p->role, "tym-caseworker") == 0;
}

enum lk_tym_verdict
lk_tym_check_add(enum lk_tym_team team, const struct lk_tym_person *members, size_t n,
                 const struct lk_tym_person *add)
{
	if (team < 0 || team >= LK_TEAM_COUNT)
		return LK_TYM_NOT_IN_TEAM;
	const struct lk_tym_team_rule *r = &rules[team];
	if (r->only_required && !lk_tym_core_role(team, add->role))
		return LK_TYM_NOT_IN_TEAM;
	if (!r->pair)
		return LK_TYM_OK;
	bool caseworker = is_tym_caseworker(add);
	if (!caseworker && !lk_tym_outside(add->organisation))
		return LK_TYM_PAIR_NOT_ELIGIBLE;
	for (size_t i = 0; i < n; i++) {
		if (caseworker && is_tym_caseworker(&members[i]))
			return LK_TYM_PAIR_SECOND_CASEWORKER;
		if (!caseworker && !is_tym_caseworker(&members[i]))
			return LK_TYM_PAIR_SECOND_OUTSIDE;
	}
	return LK_TYM_OK;
}

size_t
lk_tym_missing(enum lk_tym_team team, const struct lk_tym_person *members, size_t n,
               const char **missing, size_t cap)
{
	if (team < 0 || team >= LK_TEAM_COUNT)
		return 0;
	size_t k = 0;
	for (const char *const *r = rules[team].required; *r; r++) {
		bool have = false;
		for (size_t i = 0; i < n && !have; i++)
			have = strcmp(members[i].role, *r) == 0;
		if (!have) {
			if (k < cap)
				missing[k] = *r;
			k++;
		}
	}
	if (rules[team].pair) {
		bool outside = false;
		for (size_t i = 0; i < n && !outside; i++)
			outside = !is_tym_caseworker(&members[i]) && lk_tym_outside(members[i].organisation);
		if (!outside) {
			if (k < cap)
				missing[k] = "wellbeing-or-kela";
			k++;
		}
	}
	return k;
}
