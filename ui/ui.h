/*
 * ui.h — what the screens of the terminal share: the state of one running
 * terminal (struct lk_ui), the screen interface and screen switching.
 *
 * tui.c owns the loop, the windows and this state; each screen-*.c file
 * fills one struct lk_screen. A screen draws only into the body window it
 * is given and reads the store only through the public store API: it never
 * writes SQL, never calls refresh()/clear() and never blocks the loop.
 */
#ifndef LK_UI_UI_H
#define LK_UI_UI_H

#include <stdbool.h>
#include <curses.h>

#include "core/roles.h"
#include "store/store.h"
#include "ui/keys.h"
#include "ui/sync-status.h"
#include "ui/tui.h"

enum lk_screen_id {
	LK_SCREEN_LOOKUP,
	LK_SCREEN_CARD,
	LK_SCREEN_HELP,
	LK_SCREEN_AGENDA,
	LK_SCREEN_BOOKING,
	LK_SCREEN_TYM,
	LK_SCREEN_PISTE,
	LK_SCREEN_PICK,
	LK_SCREEN_SIGNIN,
	LK_SCREEN_LOCK,
	LK_SCREEN_CONFLICTS,
	LK_SCREEN_REPORT,
	LK_SCREEN_COUNT
};

/* One key a screen answers to: shown on the bar when `bar` is set, and
 * described on the help screen by `help` (else the table's description). */
struct lk_screen_key {
	enum lk_vkey vk;
	const char *bar;    /* short label for the function-key bar (msgid), or NULL */
	const char *help;   /* what the key does on this screen (msgid), or NULL */
};

struct lk_ui;

struct lk_screen {
	const char *title;                 /* msgid */
	const struct lk_screen_key *keys;  /* in dispatch order: earlier wins */
	int n_keys;
	bool text;                         /* an input line takes typed characters */
	/* Whether an input line takes text now, for screens whose modes differ
	 * (NULL: `text` holds). Read through lk_screen_text(). */
	bool (*typing)(struct lk_ui *ui);
	/* The help screen's sentence on typed text (msgid; NULL: letters go
	 * into the search line). */
	const char *text_help;
	/* What the screen shows, for the help screen above the keys (msgid, a
	 * line per "\n"; NULL: nothing). */
	const char *about;
	/* Read again and redrawn every few seconds without a key (settle()). */
	bool live;
	/* Called when the screen becomes current. */
	void (*enter)(struct lk_ui *ui);
	/* Draw into the body window (already erased); set ui->cursor and
	 * wmove the body to show the cursor there. */
	void (*draw)(struct lk_ui *ui, WINDOW *body);
	/* One virtual key (never HELP, QUIT or REDRAW, which tui.c handles). */
	void (*key)(struct lk_ui *ui, enum lk_vkey vk);
	/* One typed character (only when `text`). */
	void (*text_input)(struct lk_ui *ui, wchar_t ch);
	/* After a batch of keys, before drawing (may be NULL). */
	void (*settle)(struct lk_ui *ui);
	/* Right-hand part of the status line (may be NULL). */
	void (*status)(struct lk_ui *ui, char *buf, size_t size);
};

extern const struct lk_screen lk_screen_lookup;
extern const struct lk_screen lk_screen_card;
extern const struct lk_screen lk_screen_help;
extern const struct lk_screen lk_screen_agenda;
extern const struct lk_screen lk_screen_booking;
extern const struct lk_screen lk_screen_tym;
extern const struct lk_screen lk_screen_piste;
extern const struct lk_screen lk_screen_signin;
extern const struct lk_screen lk_screen_lock;
extern const struct lk_screen lk_screen_pick;
extern const struct lk_screen lk_screen_conflicts;
extern const struct lk_screen lk_screen_report;

/* Who is at the desk (screen-signin.c, screen-lock.c). While `on` is
 * false (no staff member has a secret) the desk runs unsigned, as before. */
struct lk_session {
	bool on;                    /* sign-in applies */
	bool in;                    /* a staff member is signed in */
	char staff_id[65];
	char role[24];
	int failures;               /* failed attempts in a row */
	bool waiting;               /* the delay after a failure still runs */
	enum lk_screen_id resume;   /* where unlocking returns */
	struct lk_tui_options opt;  /* ui->opt while signed in */
};

struct lk_ui {
	struct lk_store *st;
	const struct lk_tui_options *opt;
	WINDOW *head, *body, *status, *bar;
	bool color;
	bool quit;
	bool tiny;                   /* too small for the frame: only a notice */
	bool cursor;                 /* a screen's draw() wants the cursor shown */
	enum lk_screen_id cur;
	enum lk_screen_id prev;      /* where help returns to */
	/* Header and status facts, read once at start. */
	char area_name[128];
	char point_name[128];
	char staff_name[256];
	long client_count;
	/* Background sync: online/offline, pending, conflicts (sync-status.h). */
	struct lk_sync_status sync;
	/* A transient message on the status line ("" for none). */
	char message[256];
	bool message_error;
	void *loop_data;             /* tui.c's libuv handles */
	struct lk_session session;   /* who is signed in (screen-signin.c) */
};

const struct lk_screen *lk_ui_screen(enum lk_screen_id id);
/* Whether screen s takes typed text now (its typing(), else its `text`). */
bool lk_screen_text(struct lk_ui *ui, const struct lk_screen *s);
/* Make `id` the current screen (calls its enter()). */
void lk_ui_show(struct lk_ui *ui, enum lk_screen_id id);
/* Show a message on the status line for a few seconds. */
void lk_ui_message(struct lk_ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Put TEXT on the status line at once, before a read that may take a
 * while (the next redraw replaces it); nothing on a window too small. */
void lk_ui_busy(struct lk_ui *ui, const char *text);

/* The client card: open one client (audited); false (and a message) when
 * the client cannot be shown. */
bool lk_card_open(struct lk_ui *ui, const char *client_id);
/* The lookup screen: empty the search line. */
void lk_lookup_reset(struct lk_ui *ui);

/* The client card: read its appointments and due list again (after a
 * booking), without a new audit row. */
void lk_card_refresh(struct lk_ui *ui);
/* The agenda: show staff_id's calendar (NULL: the desk's own) on `day`
 * (LK_NO_DATE: today), with appointment `select` (may be NULL) chosen;
 * Back returns to the current screen. */
void lk_agenda_open(struct lk_ui *ui, const char *staff_id, lk_date day, const char *select);
/* Booking: for a client (NULL: a meeting without one) with staff_id (NULL:
 * the client's caseworker or the desk's staff member) from `day`
 * (LK_NO_DATE: today); Back returns to the current screen. */
void lk_booking_open(struct lk_ui *ui, const char *client_id, const char *staff_id, lk_date day);
/* Booking: move an existing appointment to a free time. */
void lk_booking_reschedule(struct lk_ui *ui, const char *appointment_id);
/* TYM: the client's open case (or opening one); Back returns to the card. */
void lk_tym_screen_open(struct lk_ui *ui, const char *client_id);
/* Piste: the desk point's walk-in logging, queue and today's counts. */
void lk_piste_open(struct lk_ui *ui);
/* Choose a client by type-ahead over the register (lk_client_search);
 * Enter calls done(ui, id) on the chosen one (with allow_none, Enter on an
 * empty line calls done(ui, NULL)); Back returns to the current screen
 * without calling it. `title` and `hint` are msgids. A role without
 * LK_CAP_SEARCH finds a client only by the whole identity code (its own
 * hint then). */
void lk_pick_client(struct lk_ui *ui, const char *title, const char *hint, bool allow_none,
                    void (*done)(struct lk_ui *ui, const char *client_id));

/* Sign-in and roles (screen-signin.c): whether the signed-in role has a
 * capability (always, while sign-in is off); whether a screen or a key may
 * act for it (false with a message on the status line). */
bool lk_ui_can(const struct lk_ui *ui, enum lk_cap cap);
bool lk_ui_screen_allowed(struct lk_ui *ui, enum lk_screen_id id);
bool lk_ui_key_allowed(struct lk_ui *ui, enum lk_vkey vk);
/* Start at the sign-in screen when sign-in applies; false when it does not. */
bool lk_signin_start(struct lk_ui *ui);
/* Idle minutes before the lock ($LUUKKU_LOCK_SECONDS, else [ui]
 * lock_minutes of the config, else 5), in milliseconds. */
unsigned lk_signin_idle_ms(const struct lk_ui *ui);
/* Lock the terminal now (screen-lock.c): no client data until the same
 * staff member's secret is given. */
void lk_ui_lock(struct lk_ui *ui);
/* Refuse sign-in attempts for `ms` (tui.c's timer ends session.waiting). */
void lk_ui_delay(struct lk_ui *ui, unsigned ms);

/* Sync conflicts: review and settle; Back returns to the current screen. */
void lk_conflicts_open(struct lk_ui *ui);
/* The leads' report screen (screen-report.c), for roles with the reports
 * capability (else a message); Back returns to the current screen. */
void lk_report_open(struct lk_ui *ui);

#endif
