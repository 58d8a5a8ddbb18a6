/*
 * roles.c — the permission table: which staff role may do what.
 *
 * Sources: docs/architecture.md#who-sees-what (roles decide what a
 * screen shows; TYM partners see only their own TYM clients, only the TYM
 * part, only while consent is on record; revealing an identity code is
 * deliberate); docs/rules.md#roles and docs/rules.md#outside-members (outside members — social
 * worker, Kela advisor, nurse — see only what their role in the team
 * needs; consent, 004 §4.2.1); docs/rules.md#piste (walk-in desks log
 * visits, anonymous by default, no client register); docs/architecture.md#kiosk
 * (a kiosk: one screen, no way to client data).
 */
#include <string.h>

#include "core/roles.h"

#define S (1u << LK_CAP_SEARCH)
#define C (1u << LK_CAP_CARD)
#define R (1u << LK_CAP_REVEAL)
#define B (1u << LK_CAP_BOOK)
#define T (1u << LK_CAP_TYM)
#define P (1u << LK_CAP_TYM_PART)
#define W (1u << LK_CAP_PISTE)
#define K (1u << LK_CAP_KIOSK)
#define O (1u << LK_CAP_REPORTS)
#define A (1u << LK_CAP_ADMIN)
#define X (1u << LK_CAP_SETTLE)
#define Y (1u << LK_CAP_SETTLE_OWN)

static const struct {
	const char *role;
	unsigned caps;
	const char *home;
	const char *why;   /* the source of the row */
} table[] = {
	/* Area staff: the caseworker's whole service process (docs/rules.md#roles). */
	/* Settling a sync conflict is a person's decision on a record: the
	 * caseworker roles on their own clients and bookings (Y), leads and the
	 * administrator on any (X) (docs/architecture.md#merge-by-field; issue 5). */
	{ "caseworker",        S | C | R | B | T | W | Y,     "lookup", "docs/rules.md#roles: asiakasvastaava" },
	{ "tym-caseworker",    S | C | R | B | T | W | Y,     "lookup", "docs/rules.md#roles: TYM-asiakasvastaava" },
	{ "coordinator",       S | C | R | B | T | Y,         "lookup", "docs/rules.md#roles: työkykykoordinaattori" },
	{ "career-counsellor", S | C | R | B | Y,             "lookup", "docs/rules.md#roles: uraohjaaja" },
	{ "ohjaamo",           S | C | R | B | W | Y,         "lookup", "docs/rules.md#roles: Ohjaamo-asiantuntija" },
	{ "job-coach",         S | C | B | Y,                 "lookup", "docs/rules.md#roles: työhönvalmentaja" },
	{ "lobby",             S | B | W,                     "lookup", "docs/rules.md#roles: aula- ja puhelinpalvelu" },
	/* Outside TYM partners (docs/rules.md#outside-members, 004 §4.2.1). */
	{ "social-worker",     P,                             "lookup", "docs/rules.md#outside-members: outside TYM members" },
	{ "kela-advisor",      P,                             "lookup", "docs/rules.md#outside-members: outside TYM members" },
	{ "nurse",             P,                             "lookup", "docs/rules.md#outside-members: outside TYM members" },
	/* Walk-in desk and kiosk (docs/rules.md#piste; docs/architecture.md#kiosk). */
	{ "piste",             W | K,                         "piste",  "docs/rules.md#piste: anonymous walk-ins" },
	{ "kiosk",             K,                             "kiosk",  "docs/architecture.md#kiosk" },
	/* Leads and the administrator (docs/rules.md#roles: palveluvastaava …). */
	{ "lead",              S | C | R | B | T | W | O | X, "lookup", "docs/rules.md#roles: team and service leads" },
	{ "admin",             S | C | R | B | T | W | K | O | A | X, "lookup", "issue 5: the first admin account" },
};

/* Who may write what, table by table, for the central node (issue 5:
 * "every screen and every CLI command checks the role, on the desk and on
 * the central node"). Each row follows the commands that write the table:
 * client data through the card, bookings through the calendar, TYM rows
 * through the TYM screen, consent from the card, the TYM screen or the
 * Piste desk (Rinnalla), walk-in visits from the Piste desk and the kiosk
 * (and purge, which turns them into counts: reports), quick feedback from
 * the kiosk and the Piste desk, conflicts by those
 * who may settle them, the area's places and staff by the administrator. */
static const struct {
	const char *name;
	unsigned caps;
} writes[] = {
	{ "audit", 0 },
	{ "client", C }, { "measure", C }, { "plan", C },
	{ "appointment", B }, { "appointment_event", B },
	{ "event", B }, { "event_participant", B },   /* events: the calendar's (015) */
	{ "tym_case", T }, { "tym_member", T }, { "tym_review", T },
	{ "consent", C | T | W },
	{ "visit", W | K | O }, { "visit_count", W | O }, { "feedback", W | K },
	{ "conflict", X | Y },
	{ "area", A }, { "municipality", A }, { "service_point", A }, { "point_link", A },
	{ "room", A }, { "staff", A }, { "staff_point", A },
};

unsigned
lk_table_write_caps(const char *name)
{
	for (size_t i = 0; name && i < sizeof writes / sizeof writes[0]; i++)
		if (strcmp(writes[i].name, name) == 0)
			return writes[i].caps;
	return A;
}

static const char *const names[LK_CAP_COUNT] = {
	[LK_CAP_SEARCH] = "search", [LK_CAP_CARD] = "card", [LK_CAP_REVEAL] = "reveal",
	[LK_CAP_BOOK] = "book", [LK_CAP_TYM] = "tym", [LK_CAP_TYM_PART] = "tym-part",
	[LK_CAP_PISTE] = "piste", [LK_CAP_KIOSK] = "kiosk", [LK_CAP_REPORTS] = "reports",
	[LK_CAP_ADMIN] = "admin", [LK_CAP_SETTLE] = "settle", [LK_CAP_SETTLE_OWN] = "settle-own",
};

static int
row(const char *role)
{
	for (int i = 0; role && i < (int)(sizeof table / sizeof table[0]); i++)
		if (strcmp(table[i].role, role) == 0)
			return i;
	return -1;
}

bool
lk_role_can(const char *role, enum lk_cap cap)
{
	int i = row(role);
	return i >= 0 && cap >= 0 && cap < LK_CAP_COUNT && (table[i].caps & (1u << cap)) != 0;
}

const char *
lk_cap_name(enum lk_cap cap)
{
	return cap >= 0 && cap < LK_CAP_COUNT ? names[cap] : "?";
}

const char *
lk_role_home(const char *role)
{
	int i = row(role);
	return i >= 0 ? table[i].home : "lookup";
}
