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

#include "store/store.h"
#include "ui/keys.h"
#include "ui/tui.h"

enum lk_screen_id {
	LK_SCREEN_LOOKUP,
	LK_SCREEN_CARD,
	LK_SCREEN_HELP,
	LK_SCREEN_AGENDA,
	LK_SCREEN_BOOKING,
	LK_SCREEN_TYM,
	LK_SCREEN_PISTE,
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
	/* A transient message on the status line ("" for none). */
	char message[256];
	bool message_error;
	void *loop_data;             /* tui.c's libuv handles */
};

const struct lk_screen *lk_ui_screen(enum lk_screen_id id);
/* Make `id` the current screen (calls its enter()). */
void lk_ui_show(struct lk_ui *ui, enum lk_screen_id id);
/* Show a message on the status line for a few seconds. */
void lk_ui_message(struct lk_ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

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

#endif
