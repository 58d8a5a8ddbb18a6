/*
 * test_cadence.c — the statutory items due for one client (core/cadence.h).
 *
 * Each test lists what a caseworker would see, one item a line:
 *   code seq/of due state done_on
 * Every due date was counted by hand; the counting is in the comments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/cadence.h"

static lk_date D(const char *s)
{
	lk_date d = LK_NO_DATE;
	if (!lk_date_parse(s, &d))
		fail_msg("bad date in test: %s", s);
	return d;
}

static struct lk_meeting M(enum lk_meeting_kind kind, const char *day)
{
	return (struct lk_meeting){ kind, D(day) };
}

static struct lk_measure exempting(const char *start, const char *end)
{
	return (struct lk_measure){ true, D(start), end ? D(end) : LK_NO_DATE };
}

/* A client with nothing set. */
static struct lk_cadence_input client(const char *today)
{
	return (struct lk_cadence_input){
		.today = D(today),
		.job_search_start = LK_NO_DATE,
		.job_search_end = LK_NO_DATE,
		.tym_start = LK_NO_DATE,
		.tym_assessment_done = LK_NO_DATE,
		.tym_end = LK_NO_DATE,
		.koto_start = LK_NO_DATE,
		.residence_permit = LK_NO_DATE,
		.integration_plan = LK_NO_DATE,
	};
}

/* The items as text, one line each. */
static const char *render(const struct lk_cadence_input *in)
{
	static char text[8192];
	struct lk_due_item items[64];
	size_t n = lk_cadence(in, items, 64);
	size_t len = 0;
	assert_true(n <= 64);
	text[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char due[16], done[16];
		lk_date_iso(items[i].due, due, sizeof due);
		lk_date_iso(items[i].done_on, done, sizeof done);
		len += (size_t)snprintf(text + len, sizeof text - len, "%s %d/%d %s %s %s\n",
		                        items[i].rule->code, items[i].seq, items[i].of, due,
		                        lk_due_state_code(items[i].state),
		                        done[0] ? done : "-");
		assert_true(len < sizeof text);
	}
	return text;
}

/* The state of one item, "none" if it is not listed. */
static const char *state(const struct lk_cadence_input *in, const char *code, int seq)
{
	struct lk_due_item items[64];
	size_t n = lk_cadence(in, items, 64);
	for (size_t i = 0; i < n && i < 64; i++)
		if (strcmp(items[i].rule->code, code) == 0 && items[i].seq == seq)
			return lk_due_state_code(items[i].state);
	return "none";
}

static void test_rule_table(void **st)
{
	(void)st;
	static const struct {
		enum lk_rule_id id;
		const char *code;
	} want[] = {
		{ LK_RULE_FIRST_CONTACT, "alkuhaastattelu" },
		{ LK_RULE_INITIAL_AFTER_SUPPL, "alkuhaastattelu-jalkeen" },
		{ LK_RULE_SUPPLEMENTARY, "taydentava" },
		{ LK_RULE_JOBSEARCH, "tyonhakukeskustelu" },
		{ LK_RULE_SIX_MONTHS, "taydentava-6kk" },
		{ LK_RULE_TYM_ASSESSMENT, "tym-palvelutarvearvio" },
		{ LK_RULE_TYM_PLAN_UPDATE, "tym-paivitys" },
		{ LK_RULE_TYM_REVIEW, "tym-tarkistus" },
		{ LK_RULE_TYM_18_MONTHS, "tym-18kk" },
		{ LK_RULE_KOTO_PLAN_WAIT, "koto-suunnitelma-30pv" },
		{ LK_RULE_KOTO_THREE_YEARS, "koto-3v" },
	};
	size_t n;
	const struct lk_rule *rules = lk_rules(&n);
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(rules[i].id, want[i].id);
		assert_string_equal(rules[i].code, want[i].code);
		assert_ptr_equal(lk_rule_by_id(want[i].id), &rules[i]);
		assert_non_null(rules[i].label);
		assert_non_null(rules[i].source);
		assert_true(rules[i].period > 0);
	}
	assert_string_equal(rules[0].label, "Initial interview or supplementary discussion");
	assert_null(lk_rule_by_id((enum lk_rule_id)99));
	assert_string_equal(lk_due_state_code(LK_DUE_DONE), "done");
	assert_string_equal(lk_due_state_code(LK_DUE_OPEN), "open");
	assert_string_equal(lk_due_state_code(LK_DUE_OVERDUE), "overdue");
	assert_string_equal(lk_due_state_code(LK_DUE_EXEMPT), "exempt");
	assert_string_equal(lk_due_state_code(LK_DUE_FLAG), "flag");
}

/* docs/rules.md#job-search-end: once the job search has ended nothing is
 * overdue (what was held stays listed); a new period brings the items back. */
static void test_job_search_end(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-06-01");
	struct lk_meeting m[] = { M(LK_MEET_INITIAL, "2026-01-07") };
	in.job_search_start = D("2026-01-02");
	in.meetings = m;
	in.n_meetings = 1;
	/* Going on: supplementary discussions and the 3-monthly one overdue. */
	assert_string_equal(state(&in, "taydentava", 1), "overdue");
	assert_string_equal(state(&in, "tyonhakukeskustelu", 1), "overdue");
	/* Ended 28.2.: only the initial interview held is left. */
	in.job_search_end = D("2026-02-28");
	assert_string_equal(render(&in), "alkuhaastattelu 0/0 2026-01-12 done 2026-01-07\n");
	/* A planned end ahead: nothing due after it, the rest as before. */
	in.today = D("2026-03-02");
	in.job_search_end = D("2026-04-30");
	assert_string_equal(state(&in, "taydentava", 1), "open");           /* due 7.4. */
	assert_string_equal(state(&in, "tyonhakukeskustelu", 1), "open");   /* due 7.4. */
	assert_string_equal(state(&in, "taydentava-6kk", 1), "none");       /* due 2.10. */
	in.job_search_end = LK_NO_DATE;
	assert_string_equal(state(&in, "taydentava-6kk", 1), "open");
	/* On its last day it still goes on; the day after, nothing is overdue. */
	struct lk_cadence_input late = client("2026-02-28");
	late.job_search_start = D("2026-02-16");        /* first contact due 23.2. */
	late.job_search_end = D("2026-02-28");
	assert_string_equal(state(&late, "alkuhaastattelu", 0), "overdue");
	late.today = D("2026-03-01");
	assert_string_equal(render(&late), "");
	/* A new period from 1.5. (the old end is before it): its items are back. */
	in.today = D("2026-06-01");
	in.job_search_end = D("2026-02-28");
	in.job_search_start = D("2026-05-04");
	assert_string_equal(state(&in, "alkuhaastattelu", 0), "overdue");   /* due 11.5. */
}

static void test_nothing(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-05-01");
	struct lk_meeting m[] = { M(LK_MEET_INITIAL, "2026-01-15") };
	in.meetings = m;
	in.n_meetings = 1;
	/* Not a job seeker, no TYM, no KOTO: nothing is due. */
	assert_int_equal(lk_cadence(&in, NULL, 0), 0);
	assert_string_equal(render(&in), "");
	assert_int_equal(lk_cadence(NULL, NULL, 0), 0);
}

/* Wed 31.12.2025: Thu 1.1. holiday, Fri 2. (1), Mon 5. (2), Tue 6. holiday,
 * Wed 7. (3), Thu 8. (4), Fri 9. (5). Six months on: 30.6.2026 (31.6. does
 * not exist), and 3 months after that 30.9.2026. */
static void test_first_contact_at_year_end(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-01-09");
	in.job_search_start = D("2025-12-31");
	assert_string_equal(render(&in),
		"alkuhaastattelu 0/0 2026-01-09 open -\n"
		"taydentava-6kk 1/2 2026-09-30 open -\n"
		"taydentava-6kk 2/2 2026-09-30 open -\n");
	in.today = D("2026-01-10");
	assert_string_equal(state(&in, "alkuhaastattelu", 0), "overdue");

	/* Held late, on Mon 12.1.: still done, with the day it was held. */
	struct lk_meeting m[] = { M(LK_MEET_INITIAL, "2026-01-12") };
	in.meetings = m;
	in.n_meetings = 1;
	in.today = D("2026-01-20");
	assert_string_equal(render(&in),
		"alkuhaastattelu 0/0 2026-01-09 done 2026-01-12\n"
		"taydentava 1/5 2026-04-12 open -\n"
		"taydentava 2/5 2026-04-12 open -\n"
		"taydentava 3/5 2026-04-12 open -\n"
		"taydentava 4/5 2026-04-12 open -\n"
		"taydentava 5/5 2026-04-12 open -\n"
		"tyonhakukeskustelu 1/0 2026-04-12 open -\n"
		"taydentava-6kk 1/2 2026-09-30 open -\n"
		"taydentava-6kk 2/2 2026-09-30 open -\n");
}

/* Job search starts Mon 12.1.2026: 5 business days = Mon 19.1. Initial
 * interview Thu 15.1.; 3 months on 15.4. Six months on 12.7., +3 = 12.10. */
static void test_initial_first_all_done(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-05-01");
	in.job_search_start = D("2026-01-12");
	struct lk_meeting m[] = {  /* any order; OTHER and NETWORK count for nothing */
		M(LK_MEET_SUPPLEMENTARY, "2026-03-15"),
		M(LK_MEET_OTHER, "2026-01-13"),
		M(LK_MEET_SUPPLEMENTARY, "2026-02-01"),
		M(LK_MEET_JOBSEARCH, "2026-04-10"),
		M(LK_MEET_SUPPLEMENTARY, "2026-04-01"),
		M(LK_MEET_INITIAL, "2026-01-15"),
		M(LK_MEET_NETWORK, "2026-02-20"),
		M(LK_MEET_SUPPLEMENTARY, "2026-02-15"),
		M(LK_MEET_SUPPLEMENTARY, "2026-03-01"),
	};
	in.meetings = m;
	in.n_meetings = sizeof m / sizeof m[0];
	/* Ties on 15.4.: rule order (taydentava before tyonhakukeskustelu). The
	 * job-search discussion on 10.4. resets the clock: next due 10.7. */
	assert_string_equal(render(&in),
		"alkuhaastattelu 0/0 2026-01-19 done 2026-01-15\n"
		"taydentava 1/5 2026-04-15 done 2026-02-01\n"
		"taydentava 2/5 2026-04-15 done 2026-02-15\n"
		"taydentava 3/5 2026-04-15 done 2026-03-01\n"
		"taydentava 4/5 2026-04-15 done 2026-03-15\n"
		"taydentava 5/5 2026-04-15 done 2026-04-01\n"
		"tyonhakukeskustelu 1/0 2026-04-15 done 2026-04-10\n"
		"tyonhakukeskustelu 2/0 2026-07-10 open -\n"
		"taydentava-6kk 1/2 2026-10-12 open -\n"
		"taydentava-6kk 2/2 2026-10-12 open -\n");
}

static void test_capacity(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-05-01");
	in.job_search_start = D("2026-01-12");
	struct lk_meeting m[] = { M(LK_MEET_INITIAL, "2026-01-15") };
	in.meetings = m;
	in.n_meetings = 1;
	/* 1 + 5 + 1 + 2 = 9 items. */
	assert_int_equal(lk_cadence(&in, NULL, 0), 9);
	struct lk_due_item items[3];
	memset(items, 0, sizeof items);
	assert_int_equal(lk_cadence(&in, items, 2), 9);
	assert_string_equal(items[0].rule->code, "alkuhaastattelu");
	assert_string_equal(items[1].rule->code, "taydentava");
	assert_int_equal(items[1].seq, 1);
	assert_null(items[2].rule);  /* not written past cap */
	/* The last of the first three in order, even though the 6kk items were
	 * produced after it and the cap was full. */
	assert_int_equal(lk_cadence(&in, items, 3), 9);
	assert_string_equal(items[2].rule->code, "taydentava");
	assert_int_equal(items[2].seq, 2);

	/* Items produced later but due earlier push into a full array: KOTO
	 * from 1.1.2026 (due 31.1.) comes before the supplementary (15.4.). */
	in.koto_start = D("2026-01-01");
	assert_int_equal(lk_cadence(&in, items, 2), 10);
	assert_string_equal(items[0].rule->code, "alkuhaastattelu");
	assert_string_equal(items[1].rule->code, "koto-suunnitelma-30pv");
}

/* Two supplementary discussions on one day are two discussions. */
static void test_same_day_twice(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-05-01");
	in.job_search_start = D("2026-01-12");
	struct lk_meeting m[] = {
		M(LK_MEET_INITIAL, "2026-01-15"),
		M(LK_MEET_SUPPLEMENTARY, "2026-02-02"),
		M(LK_MEET_SUPPLEMENTARY, "2026-02-02"),
	};
	in.meetings = m;
	in.n_meetings = 3;
	assert_string_equal(state(&in, "taydentava", 1), "done");
	assert_string_equal(state(&in, "taydentava", 2), "done");
	assert_string_equal(state(&in, "taydentava", 3), "overdue");
}

/* A supplementary discussion first. Job search Thu 2.4.2026: Fri 3.4. and
 * Mon 6.4. are Easter, so 5 business days = Mon 13.4. The supplementary on
 * Wed 8.4. does it; the initial interview is then due 5 business days
 * later: Thu 9. (1), Fri 10. (2), Mon 13. (3), Tue 14. (4), Wed 15.4. (5).
 * Held Mon 20.4. (late). Then 4 supplementary due 20.7.; six months on
 * 2.10.2026, +3 = 2.1.2027. */
static void test_supplementary_first(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-07-21");
	in.job_search_start = D("2026-04-02");
	struct lk_meeting m[] = {
		M(LK_MEET_SUPPLEMENTARY, "2026-04-08"),
		M(LK_MEET_INITIAL, "2026-04-20"),
		M(LK_MEET_SUPPLEMENTARY, "2026-05-04"),
		M(LK_MEET_SUPPLEMENTARY, "2026-05-18"),
	};
	in.meetings = m;
	in.n_meetings = sizeof m / sizeof m[0];
	assert_string_equal(render(&in),
		"alkuhaastattelu 0/0 2026-04-13 done 2026-04-08\n"
		"alkuhaastattelu-jalkeen 0/0 2026-04-15 done 2026-04-20\n"
		"taydentava 1/4 2026-07-20 done 2026-05-04\n"
		"taydentava 2/4 2026-07-20 done 2026-05-18\n"
		"taydentava 3/4 2026-07-20 overdue -\n"
		"taydentava 4/4 2026-07-20 overdue -\n"
		"tyonhakukeskustelu 1/0 2026-07-20 overdue -\n"
		"taydentava-6kk 1/2 2027-01-02 open -\n"
		"taydentava-6kk 2/2 2027-01-02 open -\n");
	/* On the due day itself nothing is overdue yet. */
	in.today = D("2026-07-20");
	assert_string_equal(state(&in, "taydentava", 3), "open");
	assert_string_equal(state(&in, "tyonhakukeskustelu", 1), "open");

	/* No initial interview yet: it is overdue after 15.4., and no
	 * supplementary or job-search items are listed. */
	in.n_meetings = 1;
	in.today = D("2026-04-16");
	assert_string_equal(render(&in),
		"alkuhaastattelu 0/0 2026-04-13 done 2026-04-08\n"
		"alkuhaastattelu-jalkeen 0/0 2026-04-15 overdue -\n"
		"taydentava-6kk 1/2 2027-01-02 open -\n"
		"taydentava-6kk 2/2 2027-01-02 open -\n");
}

/* A supplementary and the initial interview on the same day: the initial
 * interview is the first contact, so 5 (not 4) supplementary follow, and
 * the one on that same day does not count for them. */
static void test_same_day_initial_wins(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-04-09");
	in.job_search_start = D("2026-04-02");
	struct lk_meeting m[] = {
		M(LK_MEET_SUPPLEMENTARY, "2026-04-08"),
		M(LK_MEET_INITIAL, "2026-04-08"),
	};
	in.meetings = m;
	in.n_meetings = 2;
	assert_string_equal(render(&in),
		"alkuhaastattelu 0/0 2026-04-13 done 2026-04-08\n"
		"taydentava 1/5 2026-07-08 open -\n"
		"taydentava 2/5 2026-07-08 open -\n"
		"taydentava 3/5 2026-07-08 open -\n"
		"taydentava 4/5 2026-07-08 open -\n"
		"taydentava 5/5 2026-07-08 open -\n"
		"tyonhakukeskustelu 1/0 2026-07-08 open -\n"
		"taydentava-6kk 1/2 2027-01-02 open -\n"
		"taydentava-6kk 2/2 2027-01-02 open -\n");
}

/* Meetings before the job-search start (an earlier spell) count for nothing. */
static void test_meetings_before_start(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-01-20");
	in.job_search_start = D("2026-01-12");
	struct lk_meeting m[] = {
		M(LK_MEET_INITIAL, "2026-01-05"),
		M(LK_MEET_SUPPLEMENTARY, "2026-01-09"),
	};
	in.meetings = m;
	in.n_meetings = 2;
	assert_string_equal(render(&in),
		"alkuhaastattelu 0/0 2026-01-19 overdue -\n"
		"taydentava-6kk 1/2 2026-10-12 open -\n"
		"taydentava-6kk 2/2 2026-10-12 open -\n");
}

/* Initial 15.1.2026, then job-search discussions early (1.3.) and late
 * (10.6.): due 15.4. done 1.3.; due 1.6. done 10.6.; due 10.9. overdue. A
 * job-search discussion on the initial interview's own day does not count. */
static void test_jobsearch_chain(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-09-11");
	in.job_search_start = D("2026-01-12");
	struct lk_meeting m[] = {
		M(LK_MEET_JOBSEARCH, "2026-06-10"),
		M(LK_MEET_INITIAL, "2026-01-15"),
		M(LK_MEET_JOBSEARCH, "2026-01-15"),
		M(LK_MEET_JOBSEARCH, "2026-03-01"),
	};
	in.meetings = m;
	in.n_meetings = sizeof m / sizeof m[0];
	assert_string_equal(render(&in),
		"alkuhaastattelu 0/0 2026-01-19 done 2026-01-15\n"
		"taydentava 1/5 2026-04-15 overdue -\n"
		"taydentava 2/5 2026-04-15 overdue -\n"
		"taydentava 3/5 2026-04-15 overdue -\n"
		"taydentava 4/5 2026-04-15 overdue -\n"
		"taydentava 5/5 2026-04-15 overdue -\n"
		"tyonhakukeskustelu 1/0 2026-04-15 done 2026-03-01\n"
		"tyonhakukeskustelu 2/0 2026-06-01 done 2026-06-10\n"
		"tyonhakukeskustelu 3/0 2026-09-10 overdue -\n"
		"taydentava-6kk 1/2 2026-10-12 open -\n"
		"taydentava-6kk 2/2 2026-10-12 open -\n");
}

/* Six months after Mon 12.1.2026 is 12.7.; the two discussions are due
 * 12.10. Only 3 supplementary were held in the first 3 months, so the ones
 * on 12.7. and 1.8. make up for the 4th and 5th (late); 1.9. is the first
 * of the six-month pair; 13.10. is too late for the second. */
static void test_six_months_no_double_count(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-10-13");
	in.job_search_start = D("2026-01-12");
	struct lk_meeting m[] = {
		M(LK_MEET_INITIAL, "2026-01-15"),
		M(LK_MEET_SUPPLEMENTARY, "2026-02-01"),
		M(LK_MEET_SUPPLEMENTARY, "2026-02-15"),
		M(LK_MEET_SUPPLEMENTARY, "2026-03-01"),
		M(LK_MEET_SUPPLEMENTARY, "2026-07-12"),
		M(LK_MEET_SUPPLEMENTARY, "2026-08-01"),
		M(LK_MEET_SUPPLEMENTARY, "2026-09-01"),
		M(LK_MEET_SUPPLEMENTARY, "2026-10-13"),
	};
	in.meetings = m;
	in.n_meetings = sizeof m / sizeof m[0];
	assert_string_equal(render(&in),
		"alkuhaastattelu 0/0 2026-01-19 done 2026-01-15\n"
		"taydentava 1/5 2026-04-15 done 2026-02-01\n"
		"taydentava 2/5 2026-04-15 done 2026-02-15\n"
		"taydentava 3/5 2026-04-15 done 2026-03-01\n"
		"taydentava 4/5 2026-04-15 done 2026-07-12\n"
		"taydentava 5/5 2026-04-15 done 2026-08-01\n"
		"tyonhakukeskustelu 1/0 2026-04-15 overdue -\n"
		"taydentava-6kk 1/2 2026-10-12 done 2026-09-01\n"
		"taydentava-6kk 2/2 2026-10-12 overdue -\n");
}

/* All 5 in the first 3 months; then the window [12.7., 12.10.] counts both
 * ends, and 11.7. (a day early) counts for nothing. */
static void test_six_months_window(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-10-13");
	in.job_search_start = D("2026-01-12");
	struct lk_meeting m[] = {
		M(LK_MEET_INITIAL, "2026-01-15"),
		M(LK_MEET_SUPPLEMENTARY, "2026-01-20"),
		M(LK_MEET_SUPPLEMENTARY, "2026-02-01"),
		M(LK_MEET_SUPPLEMENTARY, "2026-02-15"),
		M(LK_MEET_SUPPLEMENTARY, "2026-03-01"),
		M(LK_MEET_SUPPLEMENTARY, "2026-04-01"),
		M(LK_MEET_SUPPLEMENTARY, "2026-07-11"),
		M(LK_MEET_SUPPLEMENTARY, "2026-07-12"),
		M(LK_MEET_JOBSEARCH, "2026-04-14"),
		M(LK_MEET_JOBSEARCH, "2026-07-13"),
		M(LK_MEET_SUPPLEMENTARY, "2026-10-12"),
	};
	in.meetings = m;
	in.n_meetings = sizeof m / sizeof m[0];
	assert_string_equal(render(&in),
		"alkuhaastattelu 0/0 2026-01-19 done 2026-01-15\n"
		"taydentava 1/5 2026-04-15 done 2026-01-20\n"
		"taydentava 2/5 2026-04-15 done 2026-02-01\n"
		"taydentava 3/5 2026-04-15 done 2026-02-15\n"
		"taydentava 4/5 2026-04-15 done 2026-03-01\n"
		"taydentava 5/5 2026-04-15 done 2026-04-01\n"
		"tyonhakukeskustelu 1/0 2026-04-15 done 2026-04-14\n"
		"tyonhakukeskustelu 2/0 2026-07-14 done 2026-07-13\n"
		"taydentava-6kk 1/2 2026-10-12 done 2026-07-12\n"
		"taydentava-6kk 2/2 2026-10-12 done 2026-10-12\n"
		"tyonhakukeskustelu 3/0 2026-10-13 open -\n");
}

/* Initial 15.1.2026, nothing since; today 1.5.2026: five supplementary
 * and the job-search discussion (due 15.4.) are overdue unless a measure of
 * over one month covers 15.4. */
static void test_exemption(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-05-01");
	in.job_search_start = D("2026-01-12");
	struct lk_meeting m[] = { M(LK_MEET_INITIAL, "2026-01-15") };
	in.meetings = m;
	in.n_meetings = 1;
	struct lk_measure measure;
	in.measures = &measure;
	in.n_measures = 1;

	/* Exactly one month (1.4.–1.5.): not exempt. */
	measure = exempting("2026-04-01", "2026-05-01");
	assert_string_equal(state(&in, "taydentava", 1), "overdue");
	assert_string_equal(state(&in, "tyonhakukeskustelu", 1), "overdue");

	/* Over one month (1.4.–2.5.): exempt; 12.10. is outside it. */
	measure = exempting("2026-04-01", "2026-05-02");
	assert_string_equal(render(&in),
		"alkuhaastattelu 0/0 2026-01-19 done 2026-01-15\n"
		"taydentava 1/5 2026-04-15 exempt -\n"
		"taydentava 2/5 2026-04-15 exempt -\n"
		"taydentava 3/5 2026-04-15 exempt -\n"
		"taydentava 4/5 2026-04-15 exempt -\n"
		"taydentava 5/5 2026-04-15 exempt -\n"
		"tyonhakukeskustelu 1/0 2026-04-15 exempt -\n"
		"taydentava-6kk 1/2 2026-10-12 open -\n"
		"taydentava-6kk 2/2 2026-10-12 open -\n");

	/* Open-ended counts as long and covers the six-month pair too. */
	measure = exempting("2026-04-01", NULL);
	assert_string_equal(state(&in, "taydentava", 5), "exempt");
	assert_string_equal(state(&in, "taydentava-6kk", 2), "exempt");

	/* The due day must fall within the measure, both ends included. */
	measure = exempting("2026-03-01", "2026-04-14");
	assert_string_equal(state(&in, "taydentava", 1), "overdue");
	measure = exempting("2026-03-01", "2026-04-15");
	assert_string_equal(state(&in, "taydentava", 1), "exempt");
	measure = exempting("2026-04-15", "2026-06-30");
	assert_string_equal(state(&in, "taydentava", 1), "exempt");
	measure = exempting("2026-04-16", "2026-06-30");
	assert_string_equal(state(&in, "taydentava", 1), "overdue");

	/* A measure that does not exempt (e.g. a short course) changes nothing. */
	measure = exempting("2026-04-01", NULL);
	measure.exempting = false;
	assert_string_equal(state(&in, "taydentava", 1), "overdue");

	/* Done stays done inside a measure. */
	measure = exempting("2026-01-01", NULL);
	assert_string_equal(state(&in, "alkuhaastattelu", 0), "done");
}

/* TYM from Fri 31.1.2025. Assessment due 30.4. (31.4. does not exist), done
 * 20.4. Plans 20.4., 15.7., 1.10.: updates due 20.7. (done 15.7.), 15.10.
 * (done 1.10.), 1.1.2026. Reviews from 31.1.: due 31.7. (done 30.7.), then
 * 30.1.2026. 18 months: 31.7.2026. */
static void test_tym_chains(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-01-02");
	in.tym_start = D("2025-01-31");
	in.tym_assessment_done = D("2025-04-20");
	lk_date plans[] = { D("2025-07-15"), D("2025-04-20"), D("2025-10-01") };
	lk_date reviews[] = { D("2025-07-30") };
	in.tym_plan_dates = plans;
	in.n_tym_plan_dates = 3;
	in.tym_reviews = reviews;
	in.n_tym_reviews = 1;
	assert_string_equal(render(&in),
		"tym-palvelutarvearvio 0/0 2025-04-30 done 2025-04-20\n"
		"tym-paivitys 1/0 2025-07-20 done 2025-07-15\n"
		"tym-tarkistus 1/0 2025-07-31 done 2025-07-30\n"
		"tym-paivitys 2/0 2025-10-15 done 2025-10-01\n"
		"tym-paivitys 3/0 2026-01-01 overdue -\n"
		"tym-tarkistus 2/0 2026-01-30 open -\n"
		"tym-18kk 0/0 2026-07-31 open -\n");

	/* The 18-month flag rises on its day. */
	in.today = D("2026-07-30");
	assert_string_equal(state(&in, "tym-18kk", 0), "open");
	in.today = D("2026-07-31");
	assert_string_equal(state(&in, "tym-18kk", 0), "flag");
	in.today = D("2027-01-01");
	assert_string_equal(state(&in, "tym-18kk", 0), "flag");

	/* Closed 31.12.2025: nothing due after that is listed. */
	in.today = D("2026-01-02");
	in.tym_end = D("2025-12-31");
	assert_string_equal(render(&in),
		"tym-palvelutarvearvio 0/0 2025-04-30 done 2025-04-20\n"
		"tym-paivitys 1/0 2025-07-20 done 2025-07-15\n"
		"tym-tarkistus 1/0 2025-07-31 done 2025-07-30\n"
		"tym-paivitys 2/0 2025-10-15 done 2025-10-01\n");
}

static void test_tym_start(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2025-05-01");
	in.tym_start = D("2025-01-31");
	/* No assessment, no plan: the assessment is overdue, no plan updates. An
	 * exempting measure does not exempt TYM items. */
	struct lk_measure measure = exempting("2025-01-01", NULL);
	in.measures = &measure;
	in.n_measures = 1;
	assert_string_equal(render(&in),
		"tym-palvelutarvearvio 0/0 2025-04-30 overdue -\n"
		"tym-tarkistus 1/0 2025-07-31 open -\n"
		"tym-18kk 0/0 2026-07-31 open -\n");
	/* Assessment done 20.4. with no plan dates: the chain starts there. */
	in.tym_assessment_done = D("2025-04-20");
	assert_string_equal(render(&in),
		"tym-palvelutarvearvio 0/0 2025-04-30 done 2025-04-20\n"
		"tym-paivitys 1/0 2025-07-20 open -\n"
		"tym-tarkistus 1/0 2025-07-31 open -\n"
		"tym-18kk 0/0 2026-07-31 open -\n");
	/* Closed before anything fell due. */
	in.tym_end = D("2025-03-01");
	assert_string_equal(render(&in), "");
}

/* KOTO: services from 1.3.2026, plan due 31.3. (30 days); permit 29.2.2024,
 * 3 years = 28.2.2027. */
static void test_koto(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-03-31");
	in.koto_start = D("2026-03-01");
	in.residence_permit = D("2024-02-29");
	struct lk_measure measure = exempting("2026-01-01", NULL);
	in.measures = &measure;
	in.n_measures = 1;
	assert_string_equal(render(&in),
		"koto-suunnitelma-30pv 0/0 2026-03-31 open -\n"
		"koto-3v 0/0 2027-02-28 open -\n");
	in.today = D("2026-04-01");
	assert_string_equal(state(&in, "koto-suunnitelma-30pv", 0), "overdue");
	in.integration_plan = D("2026-04-10");
	assert_string_equal(render(&in),
		"koto-suunnitelma-30pv 0/0 2026-03-31 done 2026-04-10\n"
		"koto-3v 0/0 2027-02-28 done 2026-04-10\n");
	/* Permit only. */
	in.koto_start = LK_NO_DATE;
	in.integration_plan = LK_NO_DATE;
	assert_string_equal(render(&in), "koto-3v 0/0 2027-02-28 open -\n");
}

/* One client in all three: the items interleave by due date. Job search
 * Mon 12.1.2026 (first contact 19.1.), KOTO from 1.1. (31.1.), TYM from
 * 1.1. (assessment 1.4., review 1.7., 18 months 1.7.2027). */
static void test_everything_sorted(void **st)
{
	(void)st;
	struct lk_cadence_input in = client("2026-01-13");
	in.job_search_start = D("2026-01-12");
	in.koto_start = D("2026-01-01");
	in.tym_start = D("2026-01-01");
	assert_string_equal(render(&in),
		"alkuhaastattelu 0/0 2026-01-19 open -\n"
		"koto-suunnitelma-30pv 0/0 2026-01-31 open -\n"
		"tym-palvelutarvearvio 0/0 2026-04-01 open -\n"
		"tym-tarkistus 1/0 2026-07-01 open -\n"
		"taydentava-6kk 1/2 2026-10-12 open -\n"
		"taydentava-6kk 2/2 2026-10-12 open -\n"
		"tym-18kk 0/0 2027-07-01 open -\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule_table),
		cmocka_unit_test(test_nothing),
		cmocka_unit_test(test_first_contact_at_year_end),
		cmocka_unit_test(test_initial_first_all_done),
		cmocka_unit_test(test_capacity),
		cmocka_unit_test(test_same_day_twice),
		cmocka_unit_test(test_supplementary_first),
		cmocka_unit_test(test_same_day_initial_wins),
		cmocka_unit_test(test_meetings_before_start),
		cmocka_unit_test(test_jobsearch_chain),
		cmocka_unit_test(test_six_months_no_double_count),
		cmocka_unit_test(test_six_months_window),
		cmocka_unit_test(test_exemption),
		cmocka_unit_test(test_tym_chains),
		cmocka_unit_test(test_tym_start),
		cmocka_unit_test(test_koto),
		cmocka_unit_test(test_everything_sorted),
		cmocka_unit_test(test_job_search_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
