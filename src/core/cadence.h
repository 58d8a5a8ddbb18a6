/*
 * cadence.h — what the law says is due for one client, and when.
 *
 * From a client's job-search start, the meetings held, the measures and the
 * TYM and KOTO milestones, compute every statutory item that is due, its
 * due date and its state (done / open / overdue / exempt) as of `today`.
 * The rules are a data table in cadence.c (struct lk_rule), each row citing
 * docs/rules.md and the Act it quotes (380/2023 public employment services,
 * 381/2023 multidisciplinary joint service, KOTO = Act 681/2023).
 *
 * Job seekers (docs/rules.md#job-seekers):
 *  - initial interview or supplementary discussion within 5 business days
 *    of the job-search start; when a supplementary one came first, the
 *    initial interview follows (due within 5 business days of it);
 *  - 5 supplementary discussions in the 3 months after the initial
 *    interview, 4 if a supplementary discussion preceded it;
 *  - a job-search discussion whenever 3 months have passed since the initial
 *    interview or the previous 3-monthly discussion;
 *  - after 6 months of unemployment, 2 more supplementary discussions
 *    (within the following 3 months);
 *  - exemption: an item falling due during an exempting measure (wage
 *    subsidy, work trial, rehabilitation, labour-market training,
 *    benefit-supported self-study) that lasts over 1 month is exempt.
 * TYM (docs/rules.md#tym): needs assessment within 3 months of the case
 * start; plan update at least every 3 months after the plan; review of the
 * basis every 6 months; the 18-month flag.
 * KOTO: integration plan within 30 days (the areas' target) of the start of
 * integration services; the first plan within 3 years of the first residence
 * permit.
 *
 * Pure C: no I/O, no heap; the caller owns every array.
 */
#ifndef LK_CADENCE_H
#define LK_CADENCE_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

/* Kinds of meeting that count for the cadence (appointment kinds that were
 * held, i.e. status done). */
enum lk_meeting_kind {
	LK_MEET_INITIAL = 1,      /* alkuhaastattelu */
	LK_MEET_SUPPLEMENTARY,    /* täydentävä työnhakukeskustelu */
	LK_MEET_JOBSEARCH,        /* työnhakukeskustelu (3-monthly) */
	LK_MEET_NETWORK,          /* verkostopalaveri (TYM) */
	LK_MEET_TYM_UPDATE,       /* TYM plan update with the pair */
	LK_MEET_OTHER,            /* anything else: counts for nothing */
};

struct lk_meeting {
	enum lk_meeting_kind kind;
	lk_date day;
};

struct lk_measure {
	bool exempting;  /* wage subsidy, work trial, rehabilitation, training, self-study */
	lk_date start;
	lk_date end;     /* last day; LK_NO_DATE while open-ended */
};

struct lk_cadence_input {
	lk_date today;
	lk_date job_search_start;   /* LK_NO_DATE: not a job seeker */
	/* The last day of the job search, LK_NO_DATE (or a day before the
	 * start: a new period has begun) while it goes on
	 * (docs/rules.md#job-search-end): no item due after it; once it has
	 * passed, only the items done remain. */
	lk_date job_search_end;
	const struct lk_meeting *meetings;  /* any order */
	size_t n_meetings;
	const struct lk_measure *measures;
	size_t n_measures;
	/* TYM: LK_NO_DATE where not applicable. */
	lk_date tym_start;             /* case opened */
	lk_date tym_assessment_done;   /* needs assessment finished (network meeting) */
	lk_date tym_end;               /* case closed */
	const lk_date *tym_plan_dates; /* TYM plan made / updated, any order */
	size_t n_tym_plan_dates;
	const lk_date *tym_reviews;    /* 6-monthly reviews of the basis */
	size_t n_tym_reviews;
	/* KOTO: LK_NO_DATE where not applicable. */
	lk_date koto_start;            /* integration services started */
	lk_date residence_permit;      /* first residence permit */
	lk_date integration_plan;      /* first integration plan made */
};

enum lk_due_state {
	LK_DUE_DONE = 1,
	LK_DUE_OPEN,     /* not done, due date not passed */
	LK_DUE_OVERDUE,  /* not done, due date passed */
	LK_DUE_EXEMPT,   /* falls during an exempting measure */
	LK_DUE_FLAG,     /* a limit reached that needs a decision (TYM 18 months) */
};

enum lk_rule_id {
	LK_RULE_FIRST_CONTACT = 1,  /* initial interview or supplementary, 5 business days */
	LK_RULE_INITIAL_AFTER_SUPPL, /* initial interview after a supplementary came first */
	LK_RULE_SUPPLEMENTARY,      /* 5 (or 4) supplementary in 3 months */
	LK_RULE_JOBSEARCH,          /* job-search discussion every 3 months */
	LK_RULE_SIX_MONTHS,         /* 2 more supplementary after 6 months */
	LK_RULE_TYM_ASSESSMENT,     /* needs assessment within 3 months */
	LK_RULE_TYM_PLAN_UPDATE,    /* plan update every 3 months */
	LK_RULE_TYM_REVIEW,         /* review of the basis every 6 months */
	LK_RULE_TYM_18_MONTHS,      /* 18 months: end unless something changes */
	LK_RULE_KOTO_PLAN_WAIT,     /* integration plan within 30 days */
	LK_RULE_KOTO_THREE_YEARS,   /* first plan within 3 years of permit */
};

/* How a rule's period is counted. */
enum lk_period_unit {
	LK_UNIT_BUSINESS_DAYS = 1,  /* lk_add_business_days */
	LK_UNIT_DAYS,               /* calendar days */
	LK_UNIT_MONTHS,             /* lk_add_months */
};

struct lk_rule {
	enum lk_rule_id id;
	const char *code;     /* stable machine name, e.g. "alkuhaastattelu" */
	const char *label;    /* English label, a gettext msgid */
	const char *source;   /* where the rule comes from */
	int period;           /* due `period` units after the rule's base date */
	enum lk_period_unit unit;
	int count;            /* items asked for (5, 2), 0 for single items and chains */
	bool exemptable;      /* an exempting measure of over 1 month can exempt it */
	bool flag;            /* reaching the due date raises LK_DUE_FLAG, not OVERDUE */
};

struct lk_due_item {
	const struct lk_rule *rule;
	int seq;             /* 1-based number within the rule (discussion 2/5, or
	                        the n-th link of a chain such as the 3-monthly
	                        job-search discussions), 0 if single */
	int of;              /* how many the rule asks for (5, 4 or 2), 0 if single
	                        or a chain (open-ended) */
	lk_date due;
	enum lk_due_state state;
	lk_date done_on;     /* LK_NO_DATE unless done */
};

/* The rule table, for listing and for help screens. */
const struct lk_rule *lk_rules(size_t *count);
const struct lk_rule *lk_rule_by_id(enum lk_rule_id id);
/* "done", "open", "overdue", "exempt", "flag" — stable machine names. */
const char *lk_due_state_code(enum lk_due_state s);

/* Fill `out` (capacity `cap`; may be NULL when cap is 0) with the due
 * items, ordered by due date, ties by rule (enum order) then seq. Returns
 * the number of items there are, which may exceed cap (then only the first
 * cap in that order were written). Meetings of an unknown kind or with
 * day LK_NO_DATE count for nothing. The exact interpretation of each rule
 * is documented at the top of cadence.c. */
size_t lk_cadence(const struct lk_cadence_input *in, struct lk_due_item *out, size_t cap);

#endif
