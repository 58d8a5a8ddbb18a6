/*
 * keys.c — the default key bindings: one row per virtual key.
 *
 * This table is the single source of what each key does: dispatch, the
 * function-key bar and the help screen all read it. A site's [keys]
 * section rebinds through lk_keys_set (keys-config.c reads the config);
 * nothing else may hard-code a key code.
 *
 * Never draws, never touches the store.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui/keys.h"

#define CTRL(c) ((c) & 0x1f)
#define ESC 27

/* The defaults; [keys] in the config may change a row at start. */
static struct lk_binding bindings[LK_VK_COUNT] = {
	[LK_VK_HELP] = { LK_VK_HELP, "help", N_("Show the keys of this screen"),
		{ KEY_F(1), '?' }, { 0 } },
	[LK_VK_SEARCH] = { LK_VK_SEARCH, "search", N_("Start a new search"),
		{ KEY_F(3), '/' }, { 0 } },
	[LK_VK_BACK] = { LK_VK_BACK, "back", N_("Go back"),
		{ KEY_F(3), ESC, KEY_LEFT }, { 0 } },
	[LK_VK_OPEN] = { LK_VK_OPEN, "open", N_("Open the selected client's card"),
		{ '\n', '\r', KEY_ENTER, KEY_RIGHT }, { 0 } },
	[LK_VK_QUIT] = { LK_VK_QUIT, "quit", N_("Quit Luukku"),
		{ KEY_F(10) }, { 'q' } },
	[LK_VK_UP] = { LK_VK_UP, "up", N_("Move up one line"),
		{ KEY_UP }, { 'k' } },
	[LK_VK_DOWN] = { LK_VK_DOWN, "down", N_("Move down one line"),
		{ KEY_DOWN }, { 'j' } },
	[LK_VK_PGUP] = { LK_VK_PGUP, "page-up", N_("Move up one page"),
		{ KEY_PPAGE }, { 0 } },
	[LK_VK_PGDN] = { LK_VK_PGDN, "page-down", N_("Move down one page"),
		{ KEY_NPAGE, ' ' }, { 0 } },
	[LK_VK_HOME] = { LK_VK_HOME, "home", N_("Go to the first line"),
		{ KEY_HOME }, { 'g' } },
	[LK_VK_END] = { LK_VK_END, "end", N_("Go to the last line"),
		{ KEY_END }, { 'G' } },
	[LK_VK_ERASE] = { LK_VK_ERASE, "erase", N_("Erase the last character"),
		{ KEY_BACKSPACE, 127, CTRL('H') }, { 0 } },
	[LK_VK_CLEAR] = { LK_VK_CLEAR, "clear", N_("Empty the search"),
		{ CTRL('U'), ESC }, { 0 } },
	[LK_VK_REDRAW] = { LK_VK_REDRAW, "redraw", N_("Redraw the screen"),
		{ CTRL('L') }, { 0 } },
	[LK_VK_AGENDA] = { LK_VK_AGENDA, "agenda", N_("Open the calendar"),
		{ KEY_F(4) }, { 'a' } },
	[LK_VK_BOOK] = { LK_VK_BOOK, "book", N_("Book a meeting"),
		{ KEY_F(5) }, { 'b' } },
	[LK_VK_PREV] = { LK_VK_PREV, "previous", N_("Previous day"),
		{ KEY_LEFT }, { 'h' } },
	[LK_VK_NEXT] = { LK_VK_NEXT, "next", N_("Next day"),
		{ KEY_RIGHT }, { 'l' } },
	[LK_VK_WEEK] = { LK_VK_WEEK, "week", N_("Show a day or the whole week"),
		{ KEY_F(6) }, { 'w' } },
	[LK_VK_TODAY] = { LK_VK_TODAY, "today", N_("Go to today"),
		{ 0 }, { 't' } },
	[LK_VK_WHO] = { LK_VK_WHO, "who", N_("The staff member's or the service point's calendar"),
		{ KEY_F(7) }, { 'p' } },
	[LK_VK_NEXT_STAFF] = { LK_VK_NEXT_STAFF, "next-staff", N_("Next staff member at this point"),
		{ 0 }, { 's' } },
	[LK_VK_CHECKIN] = { LK_VK_CHECKIN, "check-in", N_("The client has arrived"),
		{ 0 }, { 'i' } },
	[LK_VK_DONE] = { LK_VK_DONE, "done", N_("The meeting was held"),
		{ 0 }, { 'd' } },
	[LK_VK_NOSHOW] = { LK_VK_NOSHOW, "no-show", N_("The client did not come"),
		{ 0 }, { 'n' } },
	[LK_VK_CANCEL] = { LK_VK_CANCEL, "cancel", N_("Cancel the booking (press twice)"),
		{ 0 }, { 'c' } },
	[LK_VK_RESCHEDULE] = { LK_VK_RESCHEDULE, "reschedule", N_("Move the booking to another time"),
		{ KEY_F(8) }, { 'r' } },
	[LK_VK_PICK1] = { LK_VK_PICK1, "pick-1", N_("Choose item 1"), { 0 }, { '1' } },
	[LK_VK_PICK2] = { LK_VK_PICK2, "pick-2", N_("Choose item 2"), { 0 }, { '2' } },
	[LK_VK_PICK3] = { LK_VK_PICK3, "pick-3", N_("Choose item 3"), { 0 }, { '3' } },
	[LK_VK_PICK4] = { LK_VK_PICK4, "pick-4", N_("Choose item 4"), { 0 }, { '4' } },
	[LK_VK_PICK5] = { LK_VK_PICK5, "pick-5", N_("Choose item 5"), { 0 }, { '5' } },
	[LK_VK_CALL] = { LK_VK_CALL, "call", N_("Call the selected ticket"),
		{ KEY_F(5) }, { 'c' } },
	[LK_VK_SERVE] = { LK_VK_SERVE, "serve", N_("Start serving the selected ticket"),
		{ KEY_F(6) }, { 's' } },
	[LK_VK_FINISH] = { LK_VK_FINISH, "end-visit", N_("End the selected visit"),
		{ KEY_F(7) }, { 'e' } },
	[LK_VK_REFER] = { LK_VK_REFER, "refer", N_("Refer the selected visitor elsewhere"),
		{ 0 }, { 'r' } },
	[LK_VK_TYM] = { LK_VK_TYM, "tym", N_("The client's TYM case"), { 0 }, { 't' } },
	[LK_VK_PISTE] = { LK_VK_PISTE, "piste", N_("The Piste walk-in screen"),
		{ KEY_F(9) }, { 0 } },
	[LK_VK_ADD] = { LK_VK_ADD, "add", N_("Add a team member"), { 0 }, { 'a' } },
	[LK_VK_CONSENT] = { LK_VK_CONSENT, "consent", N_("Record or withdraw the client's consent"),
		{ 0 }, { 'o' } },
	[LK_VK_STAFF] = { LK_VK_STAFF, "staff-exit", N_("Staff: leave the kiosk with the staff code"),
		{ KEY_F(12) }, { 0 } },
	[LK_VK_LOCK] = { LK_VK_LOCK, "lock", N_("Lock the terminal now"),
		{ KEY_F(11), CTRL('X') }, { 0 } },
	[LK_VK_REVEAL] = { LK_VK_REVEAL, "reveal", N_("Show the full identity code (recorded)"),
		{ 0 }, { 'v' } },
	[LK_VK_LINK] = { LK_VK_LINK, "link", N_("Log the visit for a client (the visitor wants it)"),
		{ KEY_F(2) }, { 'a' } },
	[LK_VK_CONFLICTS] = { LK_VK_CONFLICTS, "conflicts", N_("What sync decided: review and settle"),
		{ KEY_F(2) }, { 0 } },
	[LK_VK_KEEP] = { LK_VK_KEEP, "keep", N_("Settle: keep the current value"),
		{ KEY_F(5) }, { 0 } },
	[LK_VK_TAKE] = { LK_VK_TAKE, "take-losing", N_("Settle: take the losing value instead"),
		{ KEY_F(6) }, { 0 } },
	[LK_VK_FEEDBACK] = { LK_VK_FEEDBACK, "feedback", N_("Give feedback on a visit"),
		{ 0 }, { '0' } },
	[LK_VK_REPORTS] = { LK_VK_REPORTS, "reports", N_("The reports: targets at a glance"),
		{ KEY_F(6) }, { 0 } },
	[LK_VK_PERIOD] = { LK_VK_PERIOD, "period", N_("This month or the last 12 months"),
		{ KEY_F(5) }, { 'm' } },
	[LK_VK_NEXT_PAGE] = { LK_VK_NEXT_PAGE, "next-page", N_("Next page"),
		{ '\t' }, { 0 } },
	[LK_VK_LETTER] = { LK_VK_LETTER, "letter", N_("Write the client's letter to a file"),
		{ 0 }, { 'm' } },
	[LK_VK_EVENTS] = { LK_VK_EVENTS, "events", N_("Group sessions and info events"),
		{ KEY_F(12) }, { 'e' } },
};

/* The binding row of a virtual key, or NULL. */
const struct lk_binding *
lk_binding(enum lk_vkey vk)
{
	if (vk <= LK_VK_NONE || vk >= LK_VK_COUNT)
		return NULL;
	return &bindings[vk];
}

/* The virtual key with this config name ("book"), or LK_VK_NONE. */
enum lk_vkey
lk_key_by_name(const char *name)
{
	for (int vk = LK_VK_NONE + 1; vk < LK_VK_COUNT; vk++)
		if (bindings[vk].name && strcmp(bindings[vk].name, name) == 0)
			return (enum lk_vkey)vk;
	return LK_VK_NONE;
}

/* Replace a binding's codes (lists end with 0 or at LK_KEY_CODES). */
void
lk_keys_set(enum lk_vkey vk, const int *keys, const wchar_t *letters)
{
	if (vk <= LK_VK_NONE || vk >= LK_VK_COUNT)
		return;
	struct lk_binding *b = &bindings[vk];
	memset(b->keys, 0, sizeof b->keys);
	memset(b->letters, 0, sizeof b->letters);
	for (int i = 0; i < LK_KEY_CODES && keys[i]; i++)
		b->keys[i] = keys[i];
	for (int i = 0; i < LK_KEY_CODES && letters[i]; i++)
		b->letters[i] = letters[i];
}

/* Whether a table code stands for a curses KEY_* value (not a character). */
static bool
is_curses_key(int code)
{
	return code >= KEY_MIN;
}

/* Which active virtual key a code from wget_wch means, or LK_VK_NONE. */
enum lk_vkey
lk_key_resolve(int code, bool is_key, bool text, const enum lk_vkey *active, int n)
{
	for (int i = 0; i < n; i++) {
		const struct lk_binding *b = lk_binding(active[i]);
		if (b == NULL)
			continue;
		for (int k = 0; k < LK_KEY_CODES && b->keys[k]; k++) {
			/* A space is text while typing: page down only elsewhere. */
			if (text && !is_key && b->keys[k] == ' ')
				continue;
			if (b->keys[k] == code && is_curses_key(b->keys[k]) == is_key)
				return b->vk;
		}
		if (text || is_key)
			continue;
		for (int k = 0; k < LK_KEY_CODES && b->letters[k]; k++)
			if ((int)b->letters[k] == code)
				return b->vk;
	}
	return LK_VK_NONE;
}

/* The printable name of one code. */
static void
code_name(int code, bool key, char *buf, size_t size)
{
	static const struct {
		int code;
		const char *name;
	} names[] = {
		{ KEY_UP, "↑" }, { KEY_DOWN, "↓" }, { KEY_LEFT, "←" }, { KEY_RIGHT, "→" },
		{ KEY_PPAGE, "PgUp" }, { KEY_NPAGE, "PgDn" }, { KEY_HOME, "Home" },
		{ KEY_END, "End" }, { KEY_ENTER, "Enter" }, { KEY_BACKSPACE, "Backspace" },
	};
	if (key) {
		if (code >= KEY_F(1) && code <= KEY_F(24)) {
			snprintf(buf, size, "F%d", code - KEY_F0);
			return;
		}
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (names[i].code == code) {
				snprintf(buf, size, "%s", names[i].name);
				return;
			}
		snprintf(buf, size, "%s", keyname(code));
		return;
	}
	if (code == '\n' || code == '\r')
		snprintf(buf, size, "Enter");
	else if (code == '\t')
		snprintf(buf, size, "Tab");
	else if (code == ESC)
		snprintf(buf, size, "Esc");
	else if (code == ' ')
		snprintf(buf, size, "Space");
	else if (code == 127 || code == CTRL('H'))
		snprintf(buf, size, "Backspace");
	else if (code > 0 && code < 32)
		snprintf(buf, size, "Ctrl-%c", code + '@');
	else {
		wchar_t w[2] = { (wchar_t)code, 0 };
		if (wcstombs(buf, w, size) == (size_t)-1)
			snprintf(buf, size, "?");
	}
}

/* Whether the space-separated list holds the token. */
static bool
has_token(const char *list, const char *tok)
{
	size_t n = strlen(tok);
	for (const char *p = list; (p = strstr(p, tok)) != NULL; p++)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

/* Human names of a binding's codes: the first, or all distinct ones. */
char *
lk_key_label(enum lk_vkey vk, bool all, const enum lk_vkey *active, int n, bool text,
             char *buf, size_t size)
{
	const struct lk_binding *b = lk_binding(vk);
	buf[0] = '\0';
	if (b == NULL || size == 0)
		return buf;
	size_t len = 0;
	char one[32];
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < LK_KEY_CODES; k++) {
			int code = pass == 0 ? b->keys[k] : (int)b->letters[k];
			if (code == 0)
				break;
			bool key = pass == 0 && is_curses_key(code);
			if (active && lk_key_resolve(code, key, text, active, n) != vk)
				continue;
			code_name(code, key, one, sizeof one);
			if (has_token(buf, one))
				continue;   /* Enter, Backspace: several codes, one name */
			int w = snprintf(buf + len, size - len, "%s%s", len ? " " : "", one);
			if (w < 0 || (size_t)w >= size - len)
				return buf;
			len += (size_t)w;
			if (!all)
				return buf;
		}
	}
	return buf;
}
