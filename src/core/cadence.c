/*
 * cadence.c — the statutory items due for one client (see cadence.h).
 *
 * The rules are the table `rules` below: code, label, source, period and
 * the flags that decide exemption and flagging. The code around it applies
 * them to one client's dates. How each rule is read (the law leaves room;
 * these are the interpretations Luukku chose):
 *
 * Meetings. Only held meetings are given. They are taken in (date, input
 * index) order, so two meetings on one day keep their input order.
 *
 * Job seekers (only when job_search_start is set):
 *  - alkuhaastattelu: due job-search start + 5 business days. Done by the
 *    earliest INITIAL or SUPPLEMENTARY meeting on or after the start, even
 *    a late one (done_on says when). Meetings before the start do not
 *    count. When an INITIAL and a SUPPLEMENTARY fall on that same first
 *    day, the INITIAL is taken as the first contact.
 *  - alkuhaastattelu-jalkeen: only when that first contact was a
 *    SUPPLEMENTARY: due 5 business days after it, done by the first INITIAL
 *    on a later day.
 *  - The "initial interview" below is the INITIAL that did either item.
 *    Until one is held, taydentava and tyonhakukeskustelu are not listed.
 *  - taydentava: N = 5 items (4 when a supplementary preceded the initial
 *    interview), seq 1..N of N, all due initial interview + 3 months. Item
 *    k is done by the k-th SUPPLEMENTARY meeting on a day after the initial
 *    interview, however late.
 *  - tyonhakukeskustelu: a chain. base = initial interview; due = base + 3
 *    months; the earliest JOBSEARCH meeting on a day after base does it
 *    (early or late) and becomes the next base. The first link without a
 *    meeting is listed open or overdue and ends the chain.
 *  - taydentava-6kk: window start = job-search start + 6 months; 2 items due
 *    window start + 3 months, done by SUPPLEMENTARY meetings dated within
 *    [window start, due]. A meeting already counted for taydentava is not
 *    counted again (one discussion meets one obligation). Listed from the
 *    job-search start on, as open items in the future.
 *  - Exemption: an item not done whose due date falls on a day of an
 *    exempting measure (start <= due <= end) that lasts over 1 month
 *    (end > start + 1 month by lk_add_months; open-ended counts as long) is
 *    exempt. A measure of exactly 1 month does not exempt. Only the
 *    job-seeker rules can be exempted (Act 380/2023 exempts discussions);
 *    TYM and KOTO items cannot.
 *
 * TYM (only when tym_start is set; items due after tym_end are dropped):
 *  - tym-palvelutarvearvio: due tym_start + 3 months, done by
 *    tym_assessment_done.
 *  - tym-paivitys: a chain from the earliest plan date (or the assessment
 *    date when there are no plan dates; nothing before either): due base +
 *    3 months, done by the earliest plan date after base.
 *  - tym-tarkistus: a chain from tym_start: due base + 6 months, done by
 *    the earliest review after base.
 *  - tym-18kk: due tym_start + 18 months; never done; FLAG once today >=
 *    due, else open.
 *
 * KOTO:
 *  - koto-suunnitelma-30pv: due koto_start + 30 calendar days, done by
 *    integration_plan.
 *  - koto-3v: due residence_permit + 36 months, done by integration_plan.
 *
 * States: done if done; else exempt if exempt; else flag/open for a flag
 * rule; else overdue if due < today; else open.
 *
 * No I/O, no heap: items are insertion-sorted straight into the caller's
 * array, keeping the first `cap` in order and counting the rest.
 */
#include "core/cadence.h"

#include <stdint.h>

#include "core/calendar.h"

#ifndef N_
#define N_(s) s  /* gettext msgid marker, for xgettext --keyword=N_ */
#endif

/* Act 380/2023 as quoted in 001 §5.1 (docs/rules.md#job-seekers):
 * the 2 supplementary discussions come after 6 months of unemployment, and
 * an exempting measure must be expected to last over 1 month. */
#define SIX_MONTHS_AFTER_START 6
#define EXEMPT_MEASURE_MONTHS  1

static const struct lk_rule rules[] = {
	{ LK_RULE_FIRST_CONTACT, "alkuhaastattelu",
	  N_("Initial interview or supplementary discussion"),
	  "docs/rules.md#initial-interview; Act 380/2023 (001 §5.1): within 5 business days of the job-search start",
	  5, LK_UNIT_BUSINESS_DAYS, 0, true, false },
	{ LK_RULE_INITIAL_AFTER_SUPPL, "alkuhaastattelu-jalkeen",
	  N_("Initial interview after a supplementary discussion"),
	  "docs/rules.md#initial-after-supplementary; Act 380/2023 (001 §5.1): initial interview follows without delay",
	  5, LK_UNIT_BUSINESS_DAYS, 0, true, false },
	{ LK_RULE_SUPPLEMENTARY, "taydentava",
	  N_("Supplementary job-search discussion"),
	  "docs/rules.md#supplementary-discussions; Act 380/2023 (001 §5.1): 5 (or 4) in the 3 months after the initial interview",
	  3, LK_UNIT_MONTHS, 5, true, false },
	{ LK_RULE_JOBSEARCH, "tyonhakukeskustelu",
	  N_("Job-search discussion"),
	  "docs/rules.md#job-search-discussion; Act 380/2023 (001 §5.1): every 3 months",
	  3, LK_UNIT_MONTHS, 0, true, false },
	{ LK_RULE_SIX_MONTHS, "taydentava-6kk",
	  N_("Supplementary discussion after 6 months of unemployment"),
	  "docs/rules.md#six-months-unemployed; Act 380/2023 (001 §5.1): 2 more after 6 months",
	  3, LK_UNIT_MONTHS, 2, true, false },
	{ LK_RULE_TYM_ASSESSMENT, "tym-palvelutarvearvio",
	  N_("Multidisciplinary service-need assessment"),
	  "docs/rules.md#needs-assessment; Act 381/2023 (001 §5.3.2): at most 3 months",
	  3, LK_UNIT_MONTHS, 0, false, false },
	{ LK_RULE_TYM_PLAN_UPDATE, "tym-paivitys",
	  N_("Multidisciplinary plan update"),
	  "docs/rules.md#plan-update; Act 381/2023 (001 §5.3.2): at least every 3 months",
	  3, LK_UNIT_MONTHS, 0, false, false },
	{ LK_RULE_TYM_REVIEW, "tym-tarkistus",
	  N_("Review of the basis for the multidisciplinary service"),
	  "docs/rules.md#review-of-the-basis; Act 381/2023 (001 §5.3.2): every 6 months",
	  6, LK_UNIT_MONTHS, 0, false, false },
	{ LK_RULE_TYM_18_MONTHS, "tym-18kk",
	  N_("18 months in the multidisciplinary service: decide whether to end it"),
	  "docs/rules.md#18-months; Act 381/2023 (001 §5.3.2): ends if nothing has changed in 18 months",
	  18, LK_UNIT_MONTHS, 0, false, true },
	{ LK_RULE_KOTO_PLAN_WAIT, "koto-suunnitelma-30pv",
	  N_("Integration plan within 30 days"),
	  "docs/rules.md#koto-30-days (001 §1): 80 % wait under 30 days for an integration plan",
	  30, LK_UNIT_DAYS, 0, false, false },
	{ LK_RULE_KOTO_THREE_YEARS, "koto-3v",
	  N_("First integration plan within 3 years of the residence permit"),
	  "docs/rules.md#koto-3-years; Act 681/2023 (002 §2): within 3 years of the first residence permit",
	  36, LK_UNIT_MONTHS, 0, false, false },
};

#define N_RULES (sizeof rules / sizeof rules[0])

const struct lk_rule *lk_rules(size_t *count)
{
	if (count != NULL)
		*count = N_RULES;
	return rules;
}

const struct lk_rule *lk_rule_by_id(enum lk_rule_id id)
{
	for (size_t i = 0; i < N_RULES; i++)
		if (rules[i].id == id)
			return &rules[i];
	return NULL;
}

const char *lk_due_state_code(enum lk_due_state s)
{
	switch (s) {
	case LK_DUE_DONE:    return "done";
	case LK_DUE_OPEN:    return "open";
	case LK_DUE_OVERDUE: return "overdue";
	case LK_DUE_EXEMPT:  return "exempt";
	case LK_DUE_FLAG:    return "flag";
	}
	return "unknown";
}

/* The rule's due date counted from `base`. */
static lk_date rule_due(const struct lk_rule *r, lk_date base)
{
	switch (r->unit) {
	case LK_UNIT_BUSINESS_DAYS: return lk_add_business_days(base, r->period);
	case LK_UNIT_DAYS:          return base + r->period;
	case LK_UNIT_MONTHS:        return lk_add_months(base, r->period);
	}
	return LK_NO_DATE;
}

/* ---- meetings, in (day, index) order ---- */

/* A place in (day, index) order: meetings strictly after it come next.
 * idx -1 means "from the start of day", INT64_MAX "after the whole day". */
struct cursor {
	lk_date day;
	int64_t idx;
};

static struct cursor from_day(lk_date day)  { return (struct cursor){ day, -1 }; }
static struct cursor after_day(lk_date day) { return (struct cursor){ day, INT64_MAX }; }

static bool cursor_before(struct cursor a, struct cursor b)
{
	return a.day < b.day || (a.day == b.day && a.idx < b.idx);
}

#define KIND(k) (1u << (k))

/* The index of the first meeting of a kind in `kinds` after `c`, or -1. */
static int64_t next_meeting(const struct lk_cadence_input *in, unsigned kinds, struct cursor c)
{
	int64_t best = -1;
	for (size_t i = 0; i < in->n_meetings; i++) {
		const struct lk_meeting *m = &in->meetings[i];
		if (m->kind < LK_MEET_INITIAL || m->kind > LK_MEET_OTHER ||
		    !(kinds & KIND(m->kind)) || m->day == LK_NO_DATE)
			continue;
		if (!cursor_before(c, (struct cursor){ m->day, (int64_t)i }))
			continue;
		if (best < 0 || m->day < in->meetings[best].day)
			best = (int64_t)i;
	}
	return best;
}

static struct cursor at_meeting(const struct lk_cadence_input *in, int64_t i)
{
	return (struct cursor){ in->meetings[i].day, i };
}

/* The earliest date in `dates` after `base`, or LK_NO_DATE. */
static lk_date next_date(const lk_date *dates, size_t n, lk_date base)
{
	lk_date best = LK_NO_DATE;
	for (size_t i = 0; i < n; i++)
		if (dates[i] != LK_NO_DATE && dates[i] > base &&
		    (best == LK_NO_DATE || dates[i] < best))
			best = dates[i];
	return best;
}

/* ---- states and output ---- */

/* `due` falls on a day of an exempting measure lasting over 1 month. */
static bool exempt(const struct lk_cadence_input *in, lk_date due)
{
	for (size_t i = 0; i < in->n_measures; i++) {
		const struct lk_measure *m = &in->measures[i];
		if (!m->exempting || m->start == LK_NO_DATE)
			continue;
		bool open_ended = m->end == LK_NO_DATE;
		if (!open_ended && m->end <= lk_add_months(m->start, EXEMPT_MEASURE_MONTHS))
			continue;
		if (due >= m->start && (open_ended || due <= m->end))
			return true;
	}
	return false;
}

static enum lk_due_state state_of(const struct lk_cadence_input *in,
                                  const struct lk_rule *r, lk_date due, lk_date done_on)
{
	if (done_on != LK_NO_DATE)
		return LK_DUE_DONE;
	if (r->exemptable && exempt(in, due))
		return LK_DUE_EXEMPT;
	if (r->flag)
		return in->today >= due ? LK_DUE_FLAG : LK_DUE_OPEN;
	return due < in->today ? LK_DUE_OVERDUE : LK_DUE_OPEN;
}

struct sink {
	const struct lk_cadence_input *in;
	struct lk_due_item *out;
	size_t cap;
	size_t n;      /* items there are */
	lk_date until; /* drop items due after this (TYM end), or LK_NO_DATE */
	bool done_only; /* the job search has ended: drop items not done */
};

static bool item_before(const struct lk_due_item *a, const struct lk_due_item *b)
{
	if (a->due != b->due)
		return a->due < b->due;
	if (a->rule->id != b->rule->id)
		return a->rule->id < b->rule->id;
	return a->seq < b->seq;
}

/* Add one item, keeping out[] sorted and at most cap long. False if dropped
 * for falling after s->until. */
static bool emit(struct sink *s, enum lk_rule_id id, int seq, int of,
                 lk_date due, lk_date done_on)
{
	if (s->until != LK_NO_DATE && due > s->until)
		return false;
	if (s->done_only && done_on == LK_NO_DATE)
		return true;
	const struct lk_rule *r = lk_rule_by_id(id);
	struct lk_due_item it = {
		.rule = r, .seq = seq, .of = of, .due = due,
		.state = state_of(s->in, r, due, done_on),
		.done_on = done_on,
	};
	size_t used = s->n < s->cap ? s->n : s->cap;
	s->n++;
	if (used == s->cap && (used == 0 || !item_before(&it, &s->out[used - 1])))
		return true;
	size_t i = used < s->cap ? used : used - 1;
	while (i > 0 && item_before(&it, &s->out[i - 1])) {
		s->out[i] = s->out[i - 1];
		i--;
	}
	s->out[i] = it;
	return true;
}

/* ---- the rules ---- */

static void job_seeker(struct sink *s)
{
	const struct lk_cadence_input *in = s->in;
	const unsigned contact = KIND(LK_MEET_INITIAL) | KIND(LK_MEET_SUPPLEMENTARY);
	lk_date start = in->job_search_start;
	/* docs/rules.md#job-search-end: an end on or after the start closes
	 * this period; an end before it belongs to an earlier one. */
	lk_date end = in->job_search_end;
	if (end != LK_NO_DATE && end >= start) {
		s->until = end;
		s->done_only = in->today > end;
	}

	/* First contact: initial interview or supplementary discussion. */
	int64_t first = next_meeting(in, contact, from_day(start));
	if (first >= 0 && in->meetings[first].kind == LK_MEET_SUPPLEMENTARY) {
		int64_t same = next_meeting(in, KIND(LK_MEET_INITIAL), from_day(in->meetings[first].day));
		if (same >= 0 && in->meetings[same].day == in->meetings[first].day)
			first = same;
	}
	emit(s, LK_RULE_FIRST_CONTACT, 0, 0,
	     rule_due(lk_rule_by_id(LK_RULE_FIRST_CONTACT), start),
	     first >= 0 ? in->meetings[first].day : LK_NO_DATE);

	int64_t initial = -1;
	bool suppl_first = false;
	if (first >= 0 && in->meetings[first].kind == LK_MEET_INITIAL) {
		initial = first;
	} else if (first >= 0) {
		suppl_first = true;
		lk_date suppl_day = in->meetings[first].day;
		initial = next_meeting(in, KIND(LK_MEET_INITIAL), after_day(suppl_day));
		emit(s, LK_RULE_INITIAL_AFTER_SUPPL, 0, 0,
		     rule_due(lk_rule_by_id(LK_RULE_INITIAL_AFTER_SUPPL), suppl_day),
		     initial >= 0 ? in->meetings[initial].day : LK_NO_DATE);
	}

	/* Supplementary discussions after the initial interview; `used` is
	 * the last meeting counted, so the six-month rule counts none twice. */
	struct cursor used = from_day(LK_NO_DATE);
	if (initial >= 0) {
		lk_date ini = in->meetings[initial].day;
		const struct lk_rule *r = lk_rule_by_id(LK_RULE_SUPPLEMENTARY);
		int of = suppl_first ? r->count - 1 : r->count;
		struct cursor c = after_day(ini);
		for (int k = 1; k <= of; k++) {
			int64_t m = next_meeting(in, KIND(LK_MEET_SUPPLEMENTARY), c);
			if (m >= 0)
				used = c = at_meeting(in, m);
			emit(s, LK_RULE_SUPPLEMENTARY, k, of, rule_due(r, ini),
			     m >= 0 ? in->meetings[m].day : LK_NO_DATE);
		}

		/* The 3-monthly job-search discussions, a chain. */
		r = lk_rule_by_id(LK_RULE_JOBSEARCH);
		lk_date base = ini;
		for (int k = 1;; k++) {
			int64_t m = next_meeting(in, KIND(LK_MEET_JOBSEARCH), after_day(base));
			emit(s, LK_RULE_JOBSEARCH, k, 0, rule_due(r, base),
			     m >= 0 ? in->meetings[m].day : LK_NO_DATE);
			if (m < 0)
				break;
			base = in->meetings[m].day;
		}
	}

	/* Two more supplementary discussions after 6 months. */
	const struct lk_rule *r = lk_rule_by_id(LK_RULE_SIX_MONTHS);
	lk_date window = lk_add_months(start, SIX_MONTHS_AFTER_START);
	lk_date due = rule_due(r, window);
	struct cursor c = from_day(window);
	if (cursor_before(c, used))
		c = used;
	for (int k = 1; k <= r->count; k++) {
		int64_t m = next_meeting(in, KIND(LK_MEET_SUPPLEMENTARY), c);
		if (m >= 0 && in->meetings[m].day <= due)
			c = at_meeting(in, m);
		else
			m = -1;
		emit(s, LK_RULE_SIX_MONTHS, k, r->count, due,
		     m >= 0 ? in->meetings[m].day : LK_NO_DATE);
	}
	s->until = LK_NO_DATE;
	s->done_only = false;
}

/* A chain of dates from `base`: each link due one period after the last
 * date, done by the next date in `dates`; ends at the first open link or
 * at the TYM end. */
static void chain(struct sink *s, enum lk_rule_id id, lk_date base,
                  const lk_date *dates, size_t n)
{
	const struct lk_rule *r = lk_rule_by_id(id);
	for (int k = 1;; k++) {
		lk_date next = next_date(dates, n, base);
		if (!emit(s, id, k, 0, rule_due(r, base), next) || next == LK_NO_DATE)
			break;
		base = next;
	}
}

static void tym(struct sink *s)
{
	const struct lk_cadence_input *in = s->in;
	lk_date start = in->tym_start;
	s->until = in->tym_end;

	emit(s, LK_RULE_TYM_ASSESSMENT, 0, 0,
	     rule_due(lk_rule_by_id(LK_RULE_TYM_ASSESSMENT), start),
	     in->tym_assessment_done);

	lk_date plan = next_date(in->tym_plan_dates, in->n_tym_plan_dates, LK_NO_DATE);
	if (plan == LK_NO_DATE)
		plan = in->tym_assessment_done;
	if (plan != LK_NO_DATE)
		chain(s, LK_RULE_TYM_PLAN_UPDATE, plan, in->tym_plan_dates, in->n_tym_plan_dates);

	chain(s, LK_RULE_TYM_REVIEW, start, in->tym_reviews, in->n_tym_reviews);

	emit(s, LK_RULE_TYM_18_MONTHS, 0, 0,
	     rule_due(lk_rule_by_id(LK_RULE_TYM_18_MONTHS), start), LK_NO_DATE);
	s->until = LK_NO_DATE;
}

static void koto(struct sink *s)
{
	const struct lk_cadence_input *in = s->in;
	if (in->koto_start != LK_NO_DATE)
		emit(s, LK_RULE_KOTO_PLAN_WAIT, 0, 0,
		     rule_due(lk_rule_by_id(LK_RULE_KOTO_PLAN_WAIT), in->koto_start),
		     in->integration_plan);
	if (in->residence_permit != LK_NO_DATE)
		emit(s, LK_RULE_KOTO_THREE_YEARS, 0, 0,
		     rule_due(lk_rule_by_id(LK_RULE_KOTO_THREE_YEARS), in->residence_permit),
		     in->integration_plan);
}

size_t lk_cadence(const struct lk_cadence_input *in, struct lk_due_item *out, size_t cap)
{
	struct sink s = { .in = in, .out = out, .cap = out != NULL ? cap : 0,
	                  .n = 0, .until = LK_NO_DATE };
	if (in == NULL)
		return 0;
	if (in->job_search_start != LK_NO_DATE)
		job_seeker(&s);
	if (in->tym_start != LK_NO_DATE)
		tym(&s);
	koto(&s);
	return s.n;
}
