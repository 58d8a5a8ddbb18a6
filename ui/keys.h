/*
 * keys.h — virtual keys and the one table that binds them to key codes.
 *
 * Screens never test raw key codes: they ask lk_key_resolve() which virtual
 * key a code means among the keys that screen lists. The table in keys.c
 * holds every default binding (function keys as on htop's bar, plus letters
 * and '/' for fast typists); a site's [keys] section in the config rebinds
 * through it at start (lk_keys_load_config, keys-config.c), so it is the
 * single source for the bar, the help screen and dispatch.
 *
 * Never draws, never touches the store.
 */
#ifndef LK_UI_KEYS_H
#define LK_UI_KEYS_H

#include <stdbool.h>
#include <wchar.h>

enum lk_vkey {
	LK_VK_NONE = 0,
	LK_VK_HELP,
	LK_VK_SEARCH,
	LK_VK_BACK,
	LK_VK_OPEN,
	LK_VK_QUIT,
	LK_VK_UP,
	LK_VK_DOWN,
	LK_VK_PGUP,
	LK_VK_PGDN,
	LK_VK_HOME,
	LK_VK_END,
	LK_VK_ERASE,    /* delete the character before the cursor */
	LK_VK_CLEAR,    /* empty the input line */
	LK_VK_REDRAW,
	/* Booking and the agenda (screen-booking.c, screen-agenda.c). */
	LK_VK_AGENDA,     /* open the calendar */
	LK_VK_BOOK,       /* book a meeting */
	LK_VK_PREV,       /* previous day / previous choice */
	LK_VK_NEXT,       /* next day / next choice */
	LK_VK_WEEK,       /* day or week view */
	LK_VK_TODAY,
	LK_VK_WHO,        /* the staff member's or the point's calendar */
	LK_VK_NEXT_STAFF,
	LK_VK_CHECKIN,
	LK_VK_DONE,
	LK_VK_NOSHOW,
	LK_VK_CANCEL,
	LK_VK_RESCHEDULE,
	/* TYM, Piste and the kiosk (screen-tym.c, screen-piste.c, screen-kiosk.c);
	 * Piste's no-show is LK_VK_NOSHOW above. */
	LK_VK_PICK1,    /* choose item 1 of a numbered list: a topic, a team, a referral */
	LK_VK_PICK2,
	LK_VK_PICK3,
	LK_VK_PICK4,
	LK_VK_PICK5,
	LK_VK_CALL,     /* call the selected ticket */
	LK_VK_SERVE,
	LK_VK_FINISH,   /* end the selected visit */
	LK_VK_REFER,
	LK_VK_TYM,      /* the client's TYM case */
	LK_VK_PISTE,    /* the Piste walk-in screen */
	LK_VK_ADD,      /* add a team member */
	LK_VK_CONSENT,  /* give or withdraw consent */
	LK_VK_STAFF,    /* kiosk: staff leave with their code */
	LK_VK_LOCK,     /* lock the terminal now (screen-lock.c) */
	LK_VK_REVEAL,   /* card: show the full identity code (audited) */
	LK_VK_LINK,     /* Piste: log the visit for a client */
	/* Sync conflicts (screen-conflicts.c). */
	LK_VK_CONFLICTS,  /* open the conflicts screen */
	LK_VK_KEEP,       /* settle: the kept value stays */
	LK_VK_TAKE,       /* settle: take the losing value */
	/* Quick feedback at the kiosk (screen-kiosk.c) and the leads' report
	 * screen (screen-report.c). */
	LK_VK_FEEDBACK,   /* kiosk start: give feedback on a visit */
	LK_VK_REPORTS,    /* open the report screen (the reports capability) */
	LK_VK_PERIOD,     /* reports: this month or the last 12 months */
	LK_VK_NEXT_PAGE,  /* reports: the next page (Tab) */
	LK_VK_LETTER,     /* calendar: write the client's appointment letter to a file */
	LK_VK_EVENTS,     /* the events screen (screen-events.c) */
	LK_VK_COUNT
};

#define LK_KEY_CODES 6

/* One virtual key and its default codes. `keys` are function and control
 * keys (ncurses KEY_* values, or characters like '/' that never occur in
 * typed text), active everywhere; `letters` are plain characters that act
 * only where no input line takes text. 0 ends each list. */
struct lk_binding {
	enum lk_vkey vk;
	const char *name;   /* config name: "help", "quit", … */
	const char *desc;   /* what it does in general (msgid) */
	int keys[LK_KEY_CODES];
	wchar_t letters[LK_KEY_CODES];
};

const struct lk_binding *lk_binding(enum lk_vkey vk);
/* The virtual key whose config name is `name`, or LK_VK_NONE. */
enum lk_vkey lk_key_by_name(const char *name);
/* Replace vk's codes: `keys` and `letters` as in struct lk_binding (each
 * ends with 0 or after LK_KEY_CODES). */
void lk_keys_set(enum lk_vkey vk, const int *keys, const wchar_t *letters);
/* Parse "F5,b" (names joined by commas) for the action `action` into the
 * table. Names: F1…F24, Enter, Esc, Tab, Space, Backspace, Up, Down, Left,
 * Right, PgUp, PgDn, Home, End, Insert, Delete, Ctrl-A…Ctrl-Z, or one
 * character (a letter or digit acts where no input line takes text).
 * False with a message naming the action and the key in err. */
bool lk_keys_bind(const char *action, const char *value, char *err, size_t size);
/* Read the [keys] section of the ini file at `path` (NULL: nothing) and
 * rebind every line; false with a message (see lk_keys_bind) on the first
 * bad line, and then no binding has changed. */
bool lk_keys_load_config(const char *path, char *err, size_t size);

/* The virtual key `code` means among `active` (n entries, earlier ones win
 * when two share a code). is_key: code came from wget_wch as KEY_CODE_YES.
 * text: an input line takes printable characters, so letters do not act. */
enum lk_vkey lk_key_resolve(int code, bool is_key, bool text, const enum lk_vkey *active,
                            int n);

/* The human names of a binding's codes ("F1", "Enter", "Esc", "/"): the
 * first one, or all joined by " " when `all`. With `active` (n entries, as
 * for lk_key_resolve, `text` likewise) only the codes that really mean vk
 * there are named; active NULL names every code. */
char *lk_key_label(enum lk_vkey vk, bool all, const enum lk_vkey *active, int n, bool text,
                   char *buf, size_t size);

#endif
