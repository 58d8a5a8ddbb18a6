/*
 * kiosk.h — the self-service check-in kiosk: one screen on its own loop.
 * A visitor chooses a topic, may give a first name (never an identity
 * code), and gets a ticket number that appears in the staff's Piste queue.
 *
 * No way out: the terminal is in raw mode and SIGINT, SIGQUIT, SIGTSTP
 * (Ctrl-C, Ctrl-\, Ctrl-Z) are ignored; F10 and the other keys of the
 * desk do nothing. Only staff leave, with F12 and the staff code checked
 * against an argon2id hash (libsodium crypto_pwhash_str). After idle_ms
 * without a key, half-typed input is cleared and the start screen returns.
 * No kiosk screen reads or shows client data.
 *
 * Not a row of the desk's screen table (gate.c), on purpose: the kiosk is
 * another program mode (`luukku kiosk`), not a screen of the desk. It runs
 * its own locked loop so that nothing of the desk can reach it or be
 * reached from it: the desk's global keys (help, quit, lock, Back), its
 * back stack and its sign-in never apply here, and no lk_ui_open() can
 * open it. Its steps (topic, name, ticket, feedback, staff exit) are one
 * state machine in screen-kiosk.c; it shares only the drawing helpers
 * (draw.h) and the key table (keys.h) with the desk.
 */
#ifndef LK_UI_KIOSK_H
#define LK_UI_KIOSK_H

#include "store/store.h"

struct lk_kiosk_options {
	const char *point_id;    /* where tickets are taken */
	const char *exit_hash;   /* crypto_pwhash_str of the staff code */
	long idle_ms;            /* back to the start after this long idle */
};

/* Run until staff leave with the code (0) or the terminal goes away. */
int lk_kiosk_run(struct lk_store *st, const struct lk_kiosk_options *opt);

#endif
