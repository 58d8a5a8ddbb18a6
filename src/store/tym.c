/*
 * tym.c — TYM cases, their teams, consent and timeline (see tym.h).
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store/audit.h"
#include "store/consent.h"
#include "store/due.h"
#include "store/staff.h"
#include "store/store-internal.h"
#include "store/tym.h"
#include "store/validate.h"

/* Referral sources and outcomes (docs/rules.md#referral-and-outcome; 001 §5.3.2). */
const char *const lk_tym_referrals[] = { "perus", "hyvinvointialue", "kela", "tyokykytiimi",
                                         "itse", NULL };
const char *const lk_tym_outcomes[] = { "perus", "tyo", "opiskelu", "elake", "muu", NULL };


struct label {
	const char *code, *text;
};

static const struct label referral_labels[] = {
	{ "perus", N_("basic services") },
	{ "hyvinvointialue", N_("wellbeing services county") },
	{ "kela", N_("Kela") },
	{ "tyokykytiimi", N_("work-ability team") },
	{ "itse", N_("the client") },
	{ NULL, NULL },
};

static const struct label outcome_labels[] = {
	{ "perus", N_("back to basic services") },
	{ "tyo", N_("work") },
	{ "opiskelu", N_("study") },
	{ "elake", N_("pension") },
	{ "muu", N_("other") },
	{ NULL, NULL },
};

static const struct label org_labels[] = {
	{ "area", N_("employment area") },
	{ "wellbeing", N_("wellbeing county") },
	{ "kela", N_("Kela") },
	{ "municipality", N_("municipality") },
	{ "other", N_("other organisation") },
	{ NULL, NULL },
};

static const char *
find_label(const struct label *t, const char *code)
{
	for (; t->code; t++)
		if (code && strcmp(t->code, code) == 0)
			return t->text;
	return code ? code : "";
}

const char *
lk_tym_referral_label(const char *code)
{
	return find_label(referral_labels, code);
}

const char *
lk_tym_outcome_label(const char *code)
{
	return find_label(outcome_labels, code);
}

const char *
lk_tym_role_label(const char *role)
{
	if (role && strcmp(role, "wellbeing-or-kela") == 0)
		return N_("a wellbeing-county or Kela worker");
	const struct lk_role_info *r = role ? lk_role_find(role) : NULL;
	return r ? r->label : (role ? role : "");
}

enum lk_status
lk_tym_find_open(struct lk_store *st, const char *client_id, char *id_out, struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT id FROM tym_case WHERE client_id = ?"
	                                 " AND closed IS NULL ORDER BY opened DESC LIMIT 1", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	enum lk_status rc = LK_OK;
	if (sqlite3_step(s) == SQLITE_ROW)
		lk_col_text(s, 0, id_out, LK_ID_LEN + 1);
	else
		rc = lk_err_set(err, LK_ENOTFOUND, "client", "the client has no open TYM case");
	sqlite3_finalize(s);
	return rc;
}

/* Run one write statement with text parameters (NULL binds NULL). */
static enum lk_status
exec_text(struct lk_store *st, const char *sql, const char *const *v, int n, const char *what,
          struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, sql, err);
	if (s == NULL)
		return LK_EFAIL;
	for (int i = 0; i < n; i++)
		lk_bind_text(s, i + 1, v[i]);
	enum lk_status rc = sqlite3_step(s) == SQLITE_DONE ? LK_OK : lk_sql_err(st, err, what);
	sqlite3_finalize(s);
	return rc;
}

enum lk_status
lk_tym_open(struct lk_store *st, const char *client_id, const char *referral,
            const char *staff_id, char *id_out, struct lk_err *err)
{
	(void)staff_id;
	enum lk_status rc;
	if (client_id == NULL || client_id[0] == '\0')
		return lk_err_set(err, LK_EINPUT, "client", "the client is needed");
	if (referral == NULL)
		return lk_err_set(err, LK_EINPUT, "referral", "the referral source is needed");
	if ((rc = lk_check_enum("referral", referral, lk_tym_referrals, err)) != LK_OK)
		return rc;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	char open_id[LK_ID_LEN + 1];
	sqlite3_stmt *s = lk_prepare(st, "SELECT 1 FROM client WHERE id = ?", err);
	if (s == NULL) {
		rc = LK_EFAIL;
		goto fail;
	}
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) != SQLITE_ROW)
		rc = lk_err_set(err, LK_ENOTFOUND, "client", "no client '%.64s'", client_id);
	sqlite3_finalize(s);
	if (rc != LK_OK)
		goto fail;
	if (lk_tym_find_open(st, client_id, open_id, NULL) == LK_OK) {
		rc = lk_err_set(err, LK_ECLASH, "client", "the client has an open TYM case already (%s)",
		                open_id);
		goto fail;
	}
	char id[LK_ID_LEN + 1], today[11];
	lk_new_id(id);
	lk_date_iso(lk_today(), today, sizeof today);
	const char *ins[] = { id, client_id, referral, today };
	rc = exec_text(st, "INSERT INTO tym_case(id, client_id, referral, opened) VALUES (?, ?, ?, ?)",
	               ins, 4, "tym case", err);
	if (rc == LK_OK) {
		const char *up[] = { client_id };
		rc = exec_text(st, "UPDATE client SET service_line = 'tym' WHERE id = ?", up, 1,
		               "client", err);
	}
	if (rc != LK_OK)
		goto fail;
	if ((rc = lk_store_commit(st, err)) == LK_OK)
		memcpy(id_out, id, sizeof id);
	return rc;
fail:
	lk_store_rollback(st);
	return rc;
}

/* The case's client and whether it is closed; LK_ENOTFOUND when none. */
static enum lk_status
case_state(struct lk_store *st, const char *case_id, char *client_id, bool *closed,
           struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st, "SELECT client_id, closed IS NOT NULL FROM tym_case"
	                                 " WHERE id = ?", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, case_id, -1, SQLITE_TRANSIENT);
	enum lk_status rc = LK_OK;
	if (sqlite3_step(s) == SQLITE_ROW) {
		lk_col_text(s, 0, client_id, LK_ID_LEN + 1);
		*closed = sqlite3_column_int(s, 1);
	} else {
		rc = lk_err_set(err, LK_ENOTFOUND, "case", "no TYM case '%.64s'", case_id);
	}
	sqlite3_finalize(s);
	return rc;
}

/* The members of one case (all teams) into out. */
static enum lk_status
load_members(struct lk_store *st, const char *case_id, struct lk_tym_member *out, int *n,
             struct lk_err *err)
{
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT m.staff_id, s.surname || ' ' || s.given_names, s.role, s.organisation, m.team"
		" FROM tym_member m JOIN staff s ON s.id = m.staff_id WHERE m.case_id = ?"
		" ORDER BY m.rowid", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, case_id, -1, SQLITE_TRANSIENT);
	*n = 0;
	while (*n < LK_TYM_MEMBERS_MAX && sqlite3_step(s) == SQLITE_ROW) {
		struct lk_tym_member *m = &out[*n];
		char team[16];
		lk_col_text(s, 0, m->staff_id, sizeof m->staff_id);
		lk_col_text(s, 1, m->name, sizeof m->name);
		lk_col_text(s, 2, m->role, sizeof m->role);
		lk_col_text(s, 3, m->organisation, sizeof m->organisation);
		lk_col_text(s, 4, team, sizeof team);
		const struct lk_tym_team_rule *r = lk_tym_team_find(team);
		if (r == NULL)
			continue;
		m->team = r->team;
		m->core = lk_tym_core_role(r->team, m->role) ||
		          (r->pair && lk_tym_outside(m->organisation));
		(*n)++;
	}
	sqlite3_finalize(s);
	return LK_OK;
}

/* The members of one team as core's persons. */
static size_t
team_people(const struct lk_tym_member *m, int n, enum lk_tym_team team,
            struct lk_tym_person *out)
{
	size_t k = 0;
	for (int i = 0; i < n; i++)
		if (m[i].team == team)
			out[k++] = (struct lk_tym_person){ m[i].role, m[i].organisation };
	return k;
}

/* "Kela work-ability advisor, a wellbeing-county or Kela worker". */
static void
join_roles(const char *const *roles, size_t n, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", i ? ", " : "", _(lk_tym_role_label(roles[i])));
	}
}

/* Turn core's refusal into a message naming what is wrong. */
static enum lk_status
refuse(enum lk_tym_verdict v, const struct lk_staff *who, const struct lk_tym_member *m, int n,
       struct lk_err *err)
{
	char name[210];
	snprintf(name, sizeof name, "%s %s", who->surname, who->given_names);
	const char *other = "";
	for (int i = 0; i < n; i++) {
		if (m[i].team != LK_TEAM_PAIR)
			continue;
		bool cw = strcmp(m[i].role, "tym-caseworker") == 0;
		if ((v == LK_TYM_PAIR_SECOND_CASEWORKER && cw) ||
		    (v == LK_TYM_PAIR_SECOND_OUTSIDE && !cw))
			other = m[i].name;
	}
	switch (v) {
	case LK_TYM_NOT_IN_TEAM:
		return lk_err_set(err, LK_ECLASH, "team",
		                  "%s (%s) cannot join the start team: it is a TYM caseworker, a social "
		                  "counsellor/worker and a Kela work-ability advisor", name,
		                  _(lk_tym_role_label(who->role)));
	case LK_TYM_PAIR_NOT_ELIGIBLE:
		return lk_err_set(err, LK_ECLASH, "staff",
		                  "%s (%s, %s) cannot be in the responsible pair: it is the TYM "
		                  "caseworker plus exactly one wellbeing-county or Kela worker", name,
		                  _(lk_tym_role_label(who->role)),
		                  _(find_label(org_labels, who->organisation)));
	case LK_TYM_PAIR_SECOND_CASEWORKER:
		return lk_err_set(err, LK_ECLASH, "staff",
		                  "the responsible pair has its TYM caseworker already (%s); %s cannot "
		                  "be a second one", other, name);
	case LK_TYM_PAIR_SECOND_OUTSIDE:
		return lk_err_set(err, LK_ECLASH, "staff",
		                  "the responsible pair has its wellbeing-county or Kela worker already "
		                  "(%s); it takes exactly one, so %s cannot join", other, name);
	default:
		return lk_err_set(err, LK_ECLASH, "staff", "%s is in this team already", name);
	}
}

enum lk_status
lk_tym_member_add(struct lk_store *st, const char *case_id, const char *staff_id,
                  const char *team, char *warning, size_t wsize, struct lk_err *err)
{
	enum lk_status rc;
	if (warning && wsize)
		warning[0] = '\0';
	if (staff_id == NULL || staff_id[0] == '\0')
		return lk_err_set(err, LK_EINPUT, "staff", "the staff member is needed");
	if (team == NULL)
		return lk_err_set(err, LK_EINPUT, "team", "the team is needed");
	static const char *const teams[] = { "start", "pair", "network", "workability", NULL };
	if ((rc = lk_check_enum("team", team, teams, err)) != LK_OK)
		return rc;
	const struct lk_tym_team_rule *rule = lk_tym_team_find(team);
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	char client[LK_ID_LEN + 1];
	bool closed = false;
	struct lk_staff who;
	struct lk_tym_member m[LK_TYM_MEMBERS_MAX];
	int n = 0;
	if ((rc = case_state(st, case_id, client, &closed, err)) != LK_OK)
		goto fail;
	if (closed) {
		rc = lk_err_set(err, LK_ECLASH, "case", "the TYM case is closed");
		goto fail;
	}
	if ((rc = lk_staff_get(st, staff_id, &who, err)) != LK_OK)
		goto fail;
	if ((rc = load_members(st, case_id, m, &n, err)) != LK_OK)
		goto fail;
	if (n >= LK_TYM_MEMBERS_MAX) {
		rc = lk_err_set(err, LK_ECLASH, "team", "the case has %d members, the most it can have", n);
		goto fail;
	}
	for (int i = 0; i < n; i++)
		if (m[i].team == rule->team && strcmp(m[i].staff_id, staff_id) == 0) {
			rc = refuse(LK_TYM_ALREADY, &who, m, n, err);
			goto fail;
		}
	struct lk_tym_person people[LK_TYM_MEMBERS_MAX + 1];
	size_t k = team_people(m, n, rule->team, people);
	struct lk_tym_person add = { who.role, who.organisation };
	enum lk_tym_verdict v = lk_tym_check_add(rule->team, people, k, &add);
	if (v != LK_TYM_OK) {
		rc = refuse(v, &who, m, n, err);
		goto fail;
	}
	char id[LK_ID_LEN + 1];
	lk_new_id(id);
	const char *ins[] = { id, case_id, staff_id, team };
	if ((rc = exec_text(st, "INSERT INTO tym_member(id, case_id, staff_id, team) VALUES (?, ?, ?, ?)",
	                    ins, 4, "tym member", err)) != LK_OK)
		goto fail;
	if ((rc = lk_store_commit(st, err)) != LK_OK)
		return rc;
	people[k++] = add;
	const char *missing[LK_TYM_MISSING_MAX];
	size_t nm = lk_tym_missing(rule->team, people, k, missing, LK_TYM_MISSING_MAX);
	if (nm > 0 && warning && wsize) {
		char roles[512];
		join_roles(missing, nm < LK_TYM_MISSING_MAX ? nm : LK_TYM_MISSING_MAX, roles, sizeof roles);
		snprintf(warning, wsize, _("%s still lacks: %s"), _(rule->label), roles);
	}
	return LK_OK;
fail:
	lk_store_rollback(st);
	return rc;
}

/* The newest TYM consent row of the case: given/withdrawn days and its rowid. */
static enum lk_status
consent_state(struct lk_store *st, const char *client_id, const char *case_id, lk_date *given,
              lk_date *withdrawn, sqlite3_int64 *rowid, struct lk_err *err)
{
	long long r = 0;
	enum lk_status rc = lk_consent_state(st, client_id, "tym", case_id, given, withdrawn, &r, err);
	*rowid = r;
	return rc;
}

enum lk_status
lk_tym_consent(struct lk_store *st, const char *case_id, bool given, const char *given_how,
               const char *staff_id, struct lk_err *err)
{
	enum lk_status rc;
	if (given_how == NULL)
		given_how = "written";
	if ((rc = lk_check_enum("how", given_how, lk_consent_hows, err)) != LK_OK)
		return rc;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	char client[LK_ID_LEN + 1], day[16];
	bool closed = false;
	lk_date g, w;
	sqlite3_int64 rowid;
	if ((rc = case_state(st, case_id, client, &closed, err)) != LK_OK)
		goto fail;
	if ((rc = consent_state(st, client, case_id, &g, &w, &rowid, err)) != LK_OK)
		goto fail;
	bool in_force = g != LK_NO_DATE && w == LK_NO_DATE;
	if (given) {
		if (in_force) {
			rc = lk_err_set(err, LK_ECLASH, "given", "the client's consent is in force already "
			                "(given %s)", lk_date_fi(g, day, sizeof day));
			goto fail;
		}
		if (closed) {
			rc = lk_err_set(err, LK_ECLASH, "case", "the TYM case is closed");
			goto fail;
		}
		rc = lk_consent_insert(st, client, "tym", case_id, given_how, staff_id, NULL, err);
	} else {
		if (!in_force) {
			rc = lk_err_set(err, LK_ECLASH, "withdrawn", "no consent of the client is in force, "
			                "so there is none to withdraw");
			goto fail;
		}
		rc = lk_consent_mark_withdrawn(st, client, rowid, staff_id, err);
	}
	if (rc != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}

static bool
tym_rule(const struct lk_rule *r)
{
	return r && (r->id == LK_RULE_TYM_ASSESSMENT || r->id == LK_RULE_TYM_PLAN_UPDATE ||
	             r->id == LK_RULE_TYM_REVIEW || r->id == LK_RULE_TYM_18_MONTHS);
}

enum lk_status
lk_tym_get(struct lk_store *st, const char *case_id, const char *viewer, struct lk_tym_case *out,
           struct lk_err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = lk_prepare(st,
		"SELECT t.id, t.client_id, c.surname || ', ' || c.given_names, coalesce(m.name, ''),"
		" t.referral, t.opened, t.assessment_done, t.closed, t.outcome, t.final_assessment"
		" FROM tym_case t JOIN client c ON c.id = t.client_id"
		" LEFT JOIN municipality m ON m.id = c.municipality_id WHERE t.id = ?", err);
	if (s == NULL)
		return LK_EFAIL;
	sqlite3_bind_text(s, 1, case_id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return lk_err_set(err, LK_ENOTFOUND, "case", "no TYM case '%.64s'", case_id);
	}
	lk_col_text(s, 0, out->id, sizeof out->id);
	lk_col_text(s, 1, out->client_id, sizeof out->client_id);
	lk_col_text(s, 2, out->client_name, sizeof out->client_name);
	lk_col_text(s, 3, out->municipality, sizeof out->municipality);
	lk_col_text(s, 4, out->referral, sizeof out->referral);
	out->opened = lk_col_date(s, 5);
	out->assessment_done = lk_col_date(s, 6);
	out->closed = lk_col_date(s, 7);
	lk_col_text(s, 8, out->outcome, sizeof out->outcome);
	lk_col_text(s, 9, out->final_assessment, sizeof out->final_assessment);
	sqlite3_finalize(s);

	enum lk_status rc;
	sqlite3_int64 rowid;
	if ((rc = consent_state(st, out->client_id, out->id, &out->consent_given,
	                        &out->consent_withdrawn, &rowid, err)) != LK_OK)
		return rc;
	out->consent = out->consent_given != LK_NO_DATE && out->consent_withdrawn == LK_NO_DATE;
	if ((rc = load_members(st, out->id, out->members, &out->n_members, err)) != LK_OK)
		return rc;

	if (viewer && viewer[0]) {
		struct lk_staff v;
		if ((rc = lk_staff_get(st, viewer, &v, err)) != LK_OK)
			return rc;
		if (lk_tym_outside(v.organisation)) {
			bool member = false;
			for (int i = 0; i < out->n_members && !member; i++)
				member = strcmp(out->members[i].staff_id, viewer) == 0;
			if (!member)
				rc = lk_err_set(err, LK_ECLASH, "staff", "%s %s is not in any team of this case",
				                v.surname, v.given_names);
			else if (!out->consent)
				rc = lk_err_set(err, LK_ECLASH, "staff", "the client has not given consent, so "
				                "members from outside the employment area cannot see the case");
			if (rc != LK_OK) {
				memset(out, 0, sizeof *out);
				return rc;
			}
		}
	}
	if ((rc = lk_audit(st, viewer, "open-tym", out->client_id, out->id, err)) != LK_OK) {
		memset(out, 0, sizeof *out);
		return rc;
	}

	for (int t = 0; t < LK_TEAM_COUNT; t++) {
		struct lk_tym_person people[LK_TYM_MEMBERS_MAX];
		size_t k = team_people(out->members, out->n_members, (enum lk_tym_team)t, people);
		size_t nm = lk_tym_missing((enum lk_tym_team)t, people, k, out->missing[t],
		                           LK_TYM_MISSING_MAX);
		out->n_missing[t] = (int)(nm < LK_TYM_MISSING_MAX ? nm : LK_TYM_MISSING_MAX);
	}
	struct lk_due_item items[LK_DUE_MAX];
	size_t n = 0;
	if (lk_client_due(st, out->client_id, lk_today(), items, &n, NULL) == LK_OK)
		for (size_t i = 0; i < n && out->n_due < LK_TYM_DUE_MAX; i++)
			if (tym_rule(items[i].rule))
				out->due[out->n_due++] = items[i];
	return LK_OK;
}

enum lk_status
lk_tym_close(struct lk_store *st, const char *case_id, const char *outcome,
             const char *final_assessment, struct lk_err *err)
{
	enum lk_status rc;
	if (outcome == NULL)
		return lk_err_set(err, LK_EINPUT, "outcome", "the outcome is needed (%s)",
		                  "perus, tyo, opiskelu, elake, muu");
	if ((rc = lk_check_enum("outcome", outcome, lk_tym_outcomes, err)) != LK_OK)
		return rc;
	bool blank = true;
	for (const char *p = final_assessment; p && *p && blank; p++)
		blank = *p == ' ' || *p == '\t';
	if (blank)
		return lk_err_set(err, LK_EINPUT, "final-assessment",
		                  "the TYM caseworker's final assessment is needed to close the case");
	if ((rc = lk_check_free_text("final-assessment", final_assessment, 2000, err)) != LK_OK)
		return rc;
	if ((rc = lk_store_begin(st, err)) != LK_OK)
		return rc;
	char client[LK_ID_LEN + 1], today[11];
	bool closed = false;
	if ((rc = case_state(st, case_id, client, &closed, err)) != LK_OK)
		goto fail;
	if (closed) {
		rc = lk_err_set(err, LK_ECLASH, "case", "the TYM case is closed already");
		goto fail;
	}
	lk_date_iso(lk_today(), today, sizeof today);
	const char *up[] = { today, outcome, final_assessment, case_id };
	rc = exec_text(st, "UPDATE tym_case SET closed = ?, outcome = ?, final_assessment = ?"
	               " WHERE id = ?", up, 4, "tym case", err);
	if (rc == LK_OK && strcmp(outcome, "perus") == 0) {
		const char *cl[] = { client };
		rc = exec_text(st, "UPDATE client SET service_line = 'tyonvalitys' WHERE id = ?"
		               " AND service_line = 'tym'", cl, 1, "client", err);
	}
	if (rc != LK_OK)
		goto fail;
	return lk_store_commit(st, err);
fail:
	lk_store_rollback(st);
	return rc;
}
