/*
 * test_event_store.c — the events' store (store/event.h): capacity and the
 * waiting list in order, move-up on a cancellation, a weekly series one
 * row per occurrence, the clash with bookings both ways, and that a
 * refused write leaves nothing (not even an outbox entry).
 * LUUKKU_NOW is Monday 2.3.2026 09:00.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/appointment.h"
#include "store/area.h"
#include "store/client.h"
#include "store/event.h"
#include "store/staff.h"
#include "store/store.h"

static char dir[] = "/tmp/luukku-event-XXXXXX";

struct fx {
	struct lk_store *st;
	char staff[LK_ID_LEN + 1];
	char client[5][LK_ID_LEN + 1];
};

static int
setup(void **state)
{
	static struct fx f;
	static int n;
	char path[256];
	struct lk_err err = { 0 };
	memset(&f, 0, sizeof f);
	snprintf(path, sizeof path, "%s/e%d.db", dir, n++);
	assert_int_equal(lk_store_open(path, LK_OPEN_CREATE, &f.st, &err), LK_OK);
	assert_int_equal(lk_area_init(f.st, "pohjois-karjala", &err), LK_OK);
	struct lk_staff_input si = { .name = "Mäkelä, Liisa", .role = "caseworker",
	                             .point = "joensuun-palvelupiste" };
	assert_int_equal(lk_staff_add(f.st, &si, f.staff, &err), LK_OK);
	const char *names[] = { "Aho, A", "Berg, B", "Dahl, D", "Eko, E", "Forss, F" };
	for (int i = 0; i < 5; i++) {
		struct lk_client_input in = { .name = names[i], .municipality = "Joensuu",
		                              .job_search_start = "2026-01-05" };
		assert_int_equal(lk_client_add(f.st, &in, f.client[i], &err), LK_OK);
	}
	*state = &f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	lk_store_close(f->st);
	return 0;
}

static void
add(struct fx *f, const char *kind, const char *at, int capacity, const char *repeat,
    char *id, enum lk_status want)
{
	struct lk_event_input in = { .title = "T", .kind = kind, .point = "joensuun-palvelupiste",
	                             .at = at, .minutes = 60, .capacity = capacity,
	                             .host = f->staff, .repeat = repeat };
	char ids[LK_REPEAT_MAX][LK_ID_LEN + 1];
	size_t n = 0;
	struct lk_err err = { 0 };
	assert_int_equal(lk_event_add(f->st, &in, ids, LK_REPEAT_MAX, &n, &err), want);
	if (want == LK_OK && id)
		memcpy(id, ids[0], LK_ID_LEN + 1);
}

struct states {
	char s[8][16];
	int place[8];
	int n;
};

static int
keep(const struct lk_participant *p, void *ctx)
{
	struct states *s = ctx;
	snprintf(s->s[s->n], sizeof s->s[0], "%s", p->state);
	s->place[s->n++] = p->place;
	return 0;
}

static void
test_capacity_waiting_move_up(void **state)
{
	struct fx *f = *state;
	struct lk_err err = { 0 };
	char e[LK_ID_LEN + 1], st[12], moved[204];
	int place;
	add(f, "group", "2026-03-10 10:00", 2, NULL, e, LK_OK);
	const char *want[] = { "signed-up", "signed-up", "waiting", "waiting" };
	const int want_place[] = { 1, 2, 1, 2 };
	for (int i = 0; i < 4; i++) {
		assert_int_equal(lk_event_sign_up(f->st, e, f->client[i], NULL, st, sizeof st, &place,
		                                  &err), LK_OK);
		assert_string_equal(st, want[i]);
		assert_int_equal(place, want_place[i]);
	}
	/* Twice: refused. */
	assert_int_equal(lk_event_sign_up(f->st, e, f->client[0], NULL, st, sizeof st, &place,
	                                  &err), LK_ECLASH);
	/* The second cancels: the first waiting (client 2) moves up. */
	assert_int_equal(lk_event_cancel_signup(f->st, e, f->client[1], NULL, moved, &err), LK_OK);
	assert_string_equal(moved, "Dahl D");
	struct states s = { 0 };
	assert_int_equal(lk_event_participants(f->st, e, keep, &s, &err), LK_OK);
	assert_int_equal(s.n, 4);
	assert_string_equal(s.s[0], "signed-up");
	assert_string_equal(s.s[1], "signed-up");
	assert_string_equal(s.s[2], "waiting");
	assert_int_equal(s.place[2], 3);      /* third live sign-up: 1st waiting */
	assert_string_equal(s.s[3], "cancelled");
	/* A waiting client cancels: nobody moves. */
	assert_int_equal(lk_event_cancel_signup(f->st, e, f->client[3], NULL, moved, &err), LK_OK);
	assert_string_equal(moved, "");
	/* Signing up again goes to the back of the list. */
	assert_int_equal(lk_event_sign_up(f->st, e, f->client[1], NULL, st, sizeof st, &place, &err),
	                 LK_OK);
	assert_string_equal(st, "waiting");
}

static int
count(const struct lk_event *e, void *ctx)
{
	(void)e;
	++*(int *)ctx;
	return 0;
}

static void
test_series(void **state)
{
	struct fx *f = *state;
	struct lk_err err = { 0 };
	/* Mondays and Wednesdays from Wed 4.3. to Mon 16.3.: 4, 9, 11, 16. */
	add(f, "group", "2026-03-04 14:00", 8, "mon,wed until 2026-03-16", NULL, LK_OK);
	int n = 0;
	assert_int_equal(lk_event_list(f->st, "joensuun-palvelupiste", NULL, lk_today(), 31, count,
	                               &n, &err), LK_OK);
	assert_int_equal(n, 4);
	/* Not a group: refused, nothing written. */
	add(f, "info", "2026-03-05 14:00", 8, "mon until 2026-03-16", NULL, LK_EINPUT);
}

static void
test_clash_both_ways(void **state)
{
	struct fx *f = *state;
	struct lk_err err = { 0 };
	char e[LK_ID_LEN + 1], a[LK_ID_LEN + 1];
	add(f, "info", "2026-03-10 10:00", 30, NULL, e, LK_OK);
	struct lk_booking b = { .staff = f->staff, .kind = "muu", .at = "2026-03-10 10:59",
	                        .minutes = 30, .channel = "phone" };
	assert_int_equal(lk_book(f->st, &b, a, &err), LK_ECLASH);     /* booking over the event */
	assert_string_equal(err.field, "at");
	b.at = "2026-03-10 11:00";
	assert_int_equal(lk_book(f->st, &b, a, &err), LK_OK);         /* back to back */
	add(f, "info", "2026-03-10 11:15", 30, NULL, NULL, LK_ECLASH); /* event over the booking */
	/* A series with one clashing occurrence is refused whole. */
	add(f, "group", "2026-03-03 11:00", 8, "tue until 2026-03-17", NULL, LK_ECLASH);
	int n = 0;
	assert_int_equal(lk_event_list(f->st, NULL, f->staff, lk_today(), 31, count, &n, &err),
	                 LK_OK);
	assert_int_equal(n, 1);
	/* Cancelled, the event clashes no more. */
	assert_int_equal(lk_event_cancel(f->st, e, "sali remontissa", NULL, &err), LK_OK);
	b.at = "2026-03-10 10:00";
	b.minutes = 60;
	assert_int_equal(lk_book(f->st, &b, a, &err), LK_OK);
}

int
main(void)
{
	setenv("LUUKKU_NOW", "2026-03-02 09:00", 1);
	if (mkdtemp(dir) == NULL)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_capacity_waiting_move_up, setup, teardown),
		cmocka_unit_test_setup_teardown(test_series, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clash_both_ways, setup, teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		rc = rc ? rc : 1;
	return rc;
}
