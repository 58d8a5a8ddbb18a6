/*
 * ui.h — what the screens of the terminal share: the state of one running
 * terminal (struct lk_ui), the screen interface, and the one gate through
 * which the current screen changes.
 *
 * tui.c owns the loop, the windows and this state; gate.c owns the table
 * of screens (with the capability each needs), the back stack and the
 * change flags; rights.c says what the signed-in role may do. Each
 * screen-*.c file fills one struct lk_screen and never names a function of
 * another screen file: to show another screen it calls lk_ui_open() with a
 * struct lk_nav, to leave it calls lk_ui_back() (or lk_ui_return() with a
 * result for the screen that opened it), and after a change it says what
 * changed with lk_ui_changed(). A screen draws only into the body window it
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
	LK_SCREEN_EVENTS,
	LK_SCREEN_COUNT
};

/* One key a screen answers to: shown on the bar when `bar` is set, and
 * described on the help screen by `help` (else the table's description).
 * The bar shows its keys in table order; when they do not all fit, the
 * screen's `bar_drop` keys leave first, then the later ones (Help, Back
 * and Quit last), and a label is never cut. */
struct lk_screen_key {
	enum lk_vkey vk;
	const char *bar;    /* short label for the function-key bar (msgid), or NULL */
	const char *help;   /* what the key does on this screen (msgid), or NULL */
};

/* What a screen asked another for, so the answer finds its way back
 * (lk_ui_return): tig's requests, for the few that carry data. */
enum lk_request {
	LK_REQ_NONE,
	LK_REQ_BOOK_FOR,     /* the calendar asks the picker: book for which client? */
	LK_REQ_LINK_VISIT,   /* Piste asks the picker: log the visit for which client? */
	LK_REQ_BOOKED,       /* booking tells its caller: booked or moved (staff, day, id) */
	LK_REQ_SIGN_UP,      /* events ask the picker: sign up which client? */
};

/* How to open a screen (lk_ui_open). */
enum lk_nav_flags {
	LK_NAV_HOME = 1 << 0,        /* a home screen: nothing to go back to (empties the back stack) */
	LK_NAV_CLEAR = 1 << 1,       /* lookup: empty the search line */
	LK_NAV_RESCHEDULE = 1 << 2,  /* booking: move appointment_id to a free time */
	LK_NAV_ALLOW_NONE = 1 << 3,  /* picker: Enter on an empty line chooses no client */
};

/* The one argument of every screen change, and of a result handed back
 * (lk_ui_return): each screen reads the fields it needs; fields left out
 * are zero. Strings are only read during the call. */
struct lk_nav {
	const char *client_id;       /* card, TYM, booking (NULL: a meeting without one); picker's answer */
	const char *staff_id;        /* calendar: whose (NULL: as it was, else the desk's); booking: with whom */
	const char *appointment_id;  /* calendar: the booking to choose; booking: the one to move */
	lk_date day;                 /* calendar, booking, events: 0 or LK_NO_DATE for today */
	const char *event_id;        /* events: open this event's list (its week behind it) */
	unsigned flags;              /* enum lk_nav_flags */
	/* The picker: its title and hint (msgids) and what it answers. */
	const char *title, *hint;
	enum lk_request request;
};

/* What changed, so the screens that show it read it again (lk_ui_changed;
 * calcurse's wins_update flags). */
enum lk_changed {
	LK_CHANGED_APPOINTMENTS = 1 << 0,  /* bookings made, moved or moved on */
	LK_CHANGED_CLIENT = 1 << 1,        /* a client's consents, TYM case or due list */
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
	/* Called by the gate (after the rights, before the screen becomes
	 * current) with what to show; reads it. False, with a message on the
	 * status line, when it cannot be shown: the screen stays as it was.
	 * NULL: nothing to read. */
	bool (*open)(struct lk_ui *ui, const struct lk_nav *nav);
	/* Called when the screen becomes current: opened, or returned to. */
	void (*enter)(struct lk_ui *ui);
	/* A screen opened from this one handed back an answer (lk_ui_return),
	 * after enter(). NULL: answers are not wanted. */
	void (*result)(struct lk_ui *ui, const struct lk_nav *r);
	/* The data it shows (enum lk_changed) and how it reads it again when
	 * another screen changed it, before it is next drawn. */
	unsigned shows;
	void (*reread)(struct lk_ui *ui);
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
	/* Whether a key of the table does something now, so the bar shows it
	 * (NULL: every key with a label; e.g. TYM's keys need a case). */
	bool (*key_shown)(struct lk_ui *ui, enum lk_vkey vk);
	/* The bar's keys to leave off first when it is narrow, the first
	 * first; ends with LK_VK_NONE (NULL: the later keys go first). */
	const enum lk_vkey *bar_drop;
	/* The client the screen has in view (NULL, or NULL returned: none),
	 * named in the audit row of a refusal on it (rights.c). */
	const char *(*client)(struct lk_ui *ui);
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
extern const struct lk_screen lk_screen_events;

/* Who is at the desk (screen-signin.c, screen-lock.c). While `on` is
 * false (no staff member has a secret) the desk runs unsigned, as before. */
struct lk_session {
	bool on;                    /* sign-in applies */
	bool in;                    /* a staff member is signed in */
	char staff_id[65];
	char role[24];
	int failures;               /* failed attempts in a row */
	bool waiting;               /* the delay after a failure still runs */
	struct lk_tui_options opt;  /* ui->opt while signed in */
};

#define LK_BACK_MAX 16   /* screens remembered for Back (the oldest goes first) */

struct lk_ui {
	struct lk_store *st;
	const struct lk_tui_options *opt;
	WINDOW *head, *body, *status, *bar;
	bool color;
	bool quit;
	bool tiny;                   /* too small for the frame: only a notice */
	bool cursor;                 /* a screen's draw() wants the cursor shown */
	/* The current screen and where Back goes: changed only by gate.c
	 * (tui.c starts at the lookup). */
	enum lk_screen_id cur;
	enum lk_screen_id back[LK_BACK_MAX];
	int n_back;
	/* Per screen, what others changed since it last read (enum lk_changed). */
	unsigned stale[LK_SCREEN_COUNT];
	/* Header and status facts, read once at start. */
	char area_name[128];
	char point_name[128];
	char staff_name[256];
	long client_count;
	/* Background sync: online/offline, pending, conflicts (sync-status.h). */
	struct lk_sync_status sync;
	/* A transient message on the status line ("" for none); the gate
	 * empties it when another screen becomes current. */
	char message[256];
	bool message_error;
	/* A question waiting for its answer ("" for none; lk_ui_ask), drawn
	 * whole, wrapped over the bottom of the body, until answered or the
	 * screen changes. */
	char question[320];
	void *loop_data;             /* tui.c's libuv handles */
	struct lk_session session;   /* who is signed in (screen-signin.c) */
};

/* The gate (gate.c). */

/* Show screen `id` with `nav` (NULL: all fields left out): the only way
 * the current screen changes to another. Checks the screen's rights in
 * the table first (refused: "Not for the role …" on the status line, or
 * silently where the table says so), then lets the screen read (its
 * open()), remembers the current screen for Back (not when `id` is
 * already current, and nothing with LK_NAV_HOME) and makes `id` current
 * (its enter()). False when refused or when the screen cannot be shown. */
bool lk_ui_open(struct lk_ui *ui, enum lk_screen_id id, const struct lk_nav *nav);
/* Back to the screen the current one was opened from (its rights checked
 * again, its enter() called; from the lock screen the one behind it, as it
 * was). False when there is none or it is refused. */
bool lk_ui_back(struct lk_ui *ui);
/* lk_ui_back, then hand `r` to the screen returned to (its result()). */
bool lk_ui_return(struct lk_ui *ui, const struct lk_nav *r);
/* The screen Back would return to (the current one when none). */
enum lk_screen_id lk_ui_under(const struct lk_ui *ui);
/* Say what changed: every other screen that shows it reads it again
 * before it is next drawn. (The current screen, which made the change,
 * reads its own data again itself.) */
void lk_ui_changed(struct lk_ui *ui, unsigned what);
/* Before drawing (tui.c): let the current screen read again what others
 * changed. */
void lk_ui_reread(struct lk_ui *ui);
const struct lk_screen *lk_ui_screen(enum lk_screen_id id);
/* Whether screen s takes typed text now (its typing(), else its `text`). */
bool lk_screen_text(struct lk_ui *ui, const struct lk_screen *s);

/* Rights (rights.c): whether the signed-in role has a capability (always,
 * while sign-in is off); refuse on the status line ("Not for the role
 * …"); whether a key may act for the role on the current screen (false
 * with that refusal). */
bool lk_ui_can(const struct lk_ui *ui, enum lk_cap cap);
void lk_ui_refuse(struct lk_ui *ui);
/* lk_ui_refuse, and while the current screen has a client in view one
 * audit row 'refused' with the client and `what` ("screen tym", "key
 * reveal"), through the store's audit API. */
void lk_ui_refuse_what(struct lk_ui *ui, const char *what);
bool lk_ui_key_allowed(struct lk_ui *ui, enum lk_vkey vk);
/* The same question without the refusal: may the role use the key on the
 * current screen (the bar leaves off the keys it may not; the lock needs
 * someone signed in)? */
bool lk_ui_key_can(const struct lk_ui *ui, enum lk_vkey vk);

/* The loop (tui.c). */

/* Show a message on the status line for a few seconds. */
void lk_ui_message(struct lk_ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Ask a question that needs an answer (the screen reads the answer from
 * its next key): shown whole, wrapped above the status line, however long
 * its translation; lk_ui_ask(ui, NULL) takes it away. */
void lk_ui_ask(struct lk_ui *ui, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Put TEXT on the status line at once, before a read that may take a
 * while (the next redraw replaces it); nothing on a window too small. */
void lk_ui_busy(struct lk_ui *ui, const char *text);
/* Refuse sign-in attempts for `ms` (tui.c's timer ends session.waiting). */
void lk_ui_delay(struct lk_ui *ui, unsigned ms);

/* Sign-in (screen-signin.c), for tui.c. */

/* Start at the sign-in screen when sign-in applies; false when it does not. */
bool lk_signin_start(struct lk_ui *ui);
/* Idle minutes before the lock ($LUUKKU_LOCK_SECONDS, else [ui]
 * lock_minutes of the config, else 5), in milliseconds. */
unsigned lk_signin_idle_ms(const struct lk_ui *ui);

#endif
