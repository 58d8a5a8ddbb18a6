/*
 * screen-kiosk.c — the self-service check-in kiosk (see kiosk.h): its own
 * ncurses terminal and libuv loop, so no key can reach the desk's screens.
 * It fills no row of the screen table and never calls the gate (kiosk.h
 * says why); it names no function of another screen file.
 *
 * Steps: START (choose a topic 1–5) → NAME (an optional first name, Enter)
 * → TICKET (the number, until a key or idle) → START. F12 → EXIT (the staff
 * code, masked). Every key restarts the idle timer; when it fires, the
 * input is wiped and START returns.
 *
 * Quick feedback (issue 7; docs/rules.md#quick-feedback):
 * the TICKET screen asks "How did we do?" and the start screen has its own
 * key (0) for FEEDBACK, the same question. A score 1–5 leads to WORD (one
 * optional word; Enter sends, Esc drops it all). Any other key skips, and
 * idle resets without saving, so no one blocks the next visitor. Writes
 * only through lk_queue_arrive and lk_feedback_give.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

#include <sodium.h>
#include <uv.h>

#include "i18n.h"
#include "store/area.h"
#include "store/audit.h"
#include "store/feedback.h"
#include "store/queue.h"
#include "store/visit.h"
#include "ui/draw.h"
#include "ui/kiosk.h"
#include "ui/ui.h"

#define INPUT_MAX 30
#define CODE_MAX 64

enum step { START, NAME, TICKET, FEEDBACK, WORD, EXIT };

struct kiosk {
	struct lk_store *st;
	const struct lk_kiosk_options *opt;
	struct lk_ui frame;       /* for the header only: area and point names */
	WINDOW *body, *bar;
	uv_loop_t loop;
	uv_poll_t input;
	uv_signal_t winch, term, hup;
	uv_timer_t idle;
	enum step step;
	int topic;
	int score;                /* WORD: the score 1–5 chosen */
	wchar_t text[CODE_MAX + 1];
	size_t len;
	int ticket;
	char message[256];
	bool message_error;
	bool done;
	int status;
	int empty_reads;
};

static const enum lk_vkey start_keys[] = { LK_VK_PICK1, LK_VK_PICK2, LK_VK_PICK3, LK_VK_PICK4,
                                           LK_VK_PICK5, LK_VK_FEEDBACK, LK_VK_STAFF,
                                           LK_VK_REDRAW };
static const enum lk_vkey text_keys[] = { LK_VK_OPEN, LK_VK_ERASE, LK_VK_CLEAR, LK_VK_STAFF,
                                          LK_VK_REDRAW };
static const enum lk_vkey ticket_keys[] = { LK_VK_PICK1, LK_VK_PICK2, LK_VK_PICK3, LK_VK_PICK4,
                                            LK_VK_PICK5, LK_VK_OPEN, LK_VK_CLEAR,
                                            LK_VK_REDRAW };

/* The faces of the scores 1–5, as on the main offices' feedback device;
 * plain ASCII, so every terminal draws them one column each. */
static const char *const faces[5] = { ":-(", ":-/", ":-|", ":-)", ":-D" };

static void
make_windows(struct kiosk *k)
{
	WINDOW **all[] = { &k->frame.head, &k->body, &k->bar };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (*all[i]) {
			delwin(*all[i]);
			*all[i] = NULL;
		}
	int rows = LINES < 4 ? 4 : LINES, cols = COLS < 20 ? 20 : COLS;
	k->frame.head = newwin(1, cols, 0, 0);
	k->body = newwin(rows - 2, cols, 1, 0);
	k->bar = newwin(1, cols, rows - 1, 0);
	leaveok(k->frame.head, TRUE);
	leaveok(k->bar, TRUE);
	keypad(k->body, TRUE);
	nodelay(k->body, TRUE);
}

static void
wipe(struct kiosk *k)
{
	sodium_memzero(k->text, sizeof k->text);
	k->len = 0;
}

/* Back to the start: nothing half-typed survives. */
static void
reset(struct kiosk *k)
{
	wipe(k);
	k->step = START;
	k->topic = -1;
	k->score = 0;
	k->ticket = 0;
	k->message[0] = '\0';
}

static void
say(struct kiosk *k, bool error, const char *msg)
{
	snprintf(k->message, sizeof k->message, "%s", msg);
	k->message_error = error;
}

static void
draw_big_centre(WINDOW *w, int y, const char *s, attr_t a)
{
	int cols = getmaxx(w), wdt = lk_text_width(s);
	lk_draw_text(w, y, wdt < cols ? (cols - wdt) / 2 : 0, cols, s, a, false);
}

/* "How did we do?" with the five numbered faces, from row y. */
static void
draw_faces(WINDOW *w, int y)
{
	char line[128];
	draw_big_centre(w, y, _("How did we do? Press 1-5, or skip."), A_BOLD);
	snprintf(line, sizeof line, "1 %s    2 %s    3 %s    4 %s    5 %s", faces[0], faces[1],
	         faces[2], faces[3], faces[4]);
	draw_big_centre(w, y + 2, line, A_BOLD);
	draw_big_centre(w, y + 3, _("1 = poor, 5 = excellent"), A_NORMAL);
}

static void
redraw(struct kiosk *k)
{
	WINDOW *w = k->body;
	int cols = getmaxx(w), rows = getmaxy(w);
	bool color = k->frame.color;
	werase(w);
	lk_draw_header(&k->frame);
	int want_cursor = 0, cx = 0, cy = 0;
	char line[256], typed[CODE_MAX * 4 + 1] = "";
	if (k->len > 0 && (k->step == NAME || k->step == WORD) &&
	    wcstombs(typed, k->text, sizeof typed) == (size_t)-1)
		typed[0] = '\0';
	switch (k->step) {
	case START:
		draw_big_centre(w, 1, _("Welcome! Take a queue number here."), lk_style(color, LK_STYLE_TITLE));
		lk_draw_text(w, 3, 4, cols - 5, _("What is your visit about? Press a number:"), A_BOLD, false);
		for (int i = 0; i < LK_TOPICS; i++) {
			snprintf(line, sizeof line, "%d  %s", i + 1, _(lk_visit_topic_label(lk_visit_topics[i])));
			lk_draw_text(w, 5 + i * 2, 8, cols - 9, line, A_BOLD, false);
		}
		snprintf(line, sizeof line, "0  %s", _("Feedback: how did we do?"));
		lk_draw_text(w, 5 + LK_TOPICS * 2 + 1, 8, cols - 9, line, A_NORMAL, false);
		break;
	case NAME:
		snprintf(line, sizeof line, "%s: %s", _("Topic"),
		         _(lk_visit_topic_label(lk_visit_topics[k->topic])));
		lk_draw_text(w, 1, 4, cols - 5, line, A_BOLD, false);
		lk_draw_text(w, 3, 4, cols - 5, _("Your first name, if you want to be called by name."),
		             A_NORMAL, false);
		lk_draw_text(w, 4, 4, cols - 5, _("You need not give it. Never type your identity code."),
		             A_NORMAL, false);
		lk_draw_text(w, 6, 4, cols - 5, _("First name:"), A_BOLD, false);
		cx = 4 + lk_text_width(_("First name:")) + 1;
		cx += lk_draw_text(w, 6, cx, cols - cx - 1, typed, A_UNDERLINE, false);
		cy = 6;
		want_cursor = 1;
		lk_draw_text(w, 8, 4, cols - 5, _("Enter: take the number   Esc: back to the start"),
		             A_NORMAL, false);
		break;
	case TICKET:
		draw_big_centre(w, 2, _("Your queue number is"), A_BOLD);
		snprintf(line, sizeof line, "%d", k->ticket);
		draw_big_centre(w, 4, line, A_BOLD | A_REVERSE);
		draw_big_centre(w, 6, _("Please take a seat; staff will call your number."), A_NORMAL);
		draw_big_centre(w, 8, _("Enter: done"), A_NORMAL);
		draw_faces(w, 11);
		break;
	case FEEDBACK:
		draw_big_centre(w, 2, _("Feedback on your visit"), lk_style(color, LK_STYLE_TITLE));
		draw_faces(w, 4);
		draw_big_centre(w, 9, _("Any other key: back to the start"), A_NORMAL);
		break;
	case WORD:
		snprintf(line, sizeof line, "%s: %d  %s", _("Your score"), k->score, faces[k->score - 1]);
		lk_draw_text(w, 1, 4, cols - 5, line, A_BOLD, false);
		lk_draw_text(w, 3, 4, cols - 5, _("One word about the visit, if you like."), A_NORMAL,
		             false);
		lk_draw_text(w, 4, 4, cols - 5, _("No names and no numbers: the feedback is anonymous."),
		             A_NORMAL, false);
		lk_draw_text(w, 6, 4, cols - 5, _("Word:"), A_BOLD, false);
		cx = 4 + lk_text_width(_("Word:")) + 1;
		cx += lk_draw_text(w, 6, cx, cols - cx - 1, typed, A_UNDERLINE, false);
		cy = 6;
		want_cursor = 1;
		lk_draw_text(w, 8, 4, cols - 5, _("Enter: send   Esc: do not send"), A_NORMAL, false);
		break;
	case EXIT:
		lk_draw_text(w, 1, 4, cols - 5, _("Staff only: leave the kiosk"), A_BOLD, false);
		lk_draw_text(w, 3, 4, cols - 5, _("Staff code:"), A_BOLD, false);
		cx = 4 + lk_text_width(_("Staff code:")) + 1;
		for (size_t i = 0; i < k->len && cx < cols - 1; i++)
			mvwaddch(w, 3, cx++, '*');
		cy = 3;
		want_cursor = 1;
		lk_draw_text(w, 5, 4, cols - 5, _("Enter: leave   Esc: back to the start"), A_NORMAL, false);
		break;
	}
	if (k->message[0])
		lk_draw_text(w, rows - 1, 2, cols - 3, k->message,
		             k->message_error ? lk_style(color, LK_STYLE_ERROR) : A_BOLD, false);
	werase(k->bar);
	lk_draw_fill(k->bar, 0, 0, getmaxx(k->bar), lk_style(color, LK_STYLE_BAR_LABEL));
	lk_draw_text(k->bar, 0, 1, getmaxx(k->bar) - 2, _("Self-service check-in · Piste"),
	             lk_style(color, LK_STYLE_BAR_LABEL), false);
	wnoutrefresh(k->frame.head);
	wnoutrefresh(k->bar);
	curs_set(want_cursor);
	if (want_cursor)
		wmove(w, cy, cx < cols ? cx : cols - 1);
	wnoutrefresh(w);
	doupdate();
}

static void
take_ticket(struct kiosk *k)
{
	char name[CODE_MAX * 4 + 1] = "";
	if (k->len > 0 && wcstombs(name, k->text, sizeof name) == (size_t)-1) {
		wipe(k);
		say(k, true, _("Please type only your first name."));
		return;
	}
	struct lk_err err = { 0 };
	if (lk_visit_check_first_name(name, &err) != LK_OK) {
		sodium_memzero(name, sizeof name);
		wipe(k);
		say(k, true, _("Only a first name, please: no digits, never an identity code."));
		return;
	}
	struct lk_arrival in = { .point = k->opt->point_id, .topic = lk_visit_topics[k->topic],
	                         .call_name = name[0] ? name : NULL, .kiosk = true };
	int ticket = 0;
	enum lk_status rc = lk_queue_arrive(k->st, &in, &ticket, NULL, &err);
	sodium_memzero(name, sizeof name);
	wipe(k);
	if (rc != LK_OK) {
		say(k, true, _("No number could be given. Please ask the staff."));
		return;
	}
	k->ticket = ticket;
	k->step = TICKET;
	k->message[0] = '\0';
}

/* Send the score and the word; a refused word is wiped and asked again. */
static void
give_feedback(struct kiosk *k)
{
	char word[CODE_MAX * 4 + 1] = "";
	struct lk_err err = { 0 };
	if ((k->len > 0 && wcstombs(word, k->text, sizeof word) == (size_t)-1) ||
	    lk_feedback_check_word(word, NULL, 0, &err) != LK_OK) {
		sodium_memzero(word, sizeof word);
		wipe(k);
		say(k, true, _("One word only: no digits, never an identity code."));
		return;
	}
	enum lk_status rc = lk_feedback_give(k->st, k->opt->point_id, k->score, word, true, &err);
	sodium_memzero(word, sizeof word);
	reset(k);
	if (rc != LK_OK)
		say(k, true, _("The feedback could not be saved. Thank you all the same!"));
	else
		say(k, false, _("Thank you for your feedback!"));
}

static void
check_code(struct kiosk *k)
{
	char code[CODE_MAX * 4 + 1] = "";
	bool ok = k->len > 0 && wcstombs(code, k->text, sizeof code) != (size_t)-1 &&
	          crypto_pwhash_str_verify(k->opt->exit_hash, code, strlen(code)) == 0;
	sodium_memzero(code, sizeof code);
	wipe(k);
	if (ok) {
		k->done = true;
		k->status = 0;
		return;
	}
	reset(k);
	lk_audit(k->st, NULL, "kiosk-exit-failed", NULL, "wrong staff code", NULL);
	say(k, true, _("Wrong staff code."));
}

static void
on_key(struct kiosk *k, wint_t ch, bool is_key)
{
	const enum lk_vkey *active = start_keys;
	int n = (int)(sizeof start_keys / sizeof start_keys[0]);
	bool text = k->step == NAME || k->step == WORD || k->step == EXIT;
	if (text) {
		active = text_keys;
		n = (int)(sizeof text_keys / sizeof text_keys[0]);
	} else if (k->step == TICKET || k->step == FEEDBACK) {
		active = ticket_keys;
		n = (int)(sizeof ticket_keys / sizeof ticket_keys[0]);
	}
	enum lk_vkey vk = lk_key_resolve((int)ch, is_key, text, active, n);
	if (is_key && ch == KEY_RESIZE)
		return;
	switch (vk) {
	case LK_VK_PICK1: case LK_VK_PICK2: case LK_VK_PICK3: case LK_VK_PICK4: case LK_VK_PICK5:
		if (k->step == START) {
			k->topic = (int)(vk - LK_VK_PICK1);
			k->step = NAME;
		} else {
			wipe(k);
			k->score = (int)(vk - LK_VK_PICK1) + 1;
			k->step = WORD;
		}
		k->message[0] = '\0';
		return;
	case LK_VK_FEEDBACK:
		k->step = FEEDBACK;
		k->message[0] = '\0';
		return;
	case LK_VK_STAFF:
		wipe(k);
		k->step = EXIT;
		k->message[0] = '\0';
		return;
	case LK_VK_REDRAW:
		clearok(curscr, TRUE);
		return;
	case LK_VK_ERASE:
		if (k->len > 0)
			k->text[--k->len] = L'\0';
		return;
	case LK_VK_CLEAR:
		reset(k);
		return;
	case LK_VK_OPEN:
		if (k->step == NAME)
			take_ticket(k);
		else if (k->step == EXIT)
			check_code(k);
		else if (k->step == WORD)
			give_feedback(k);
		else
			reset(k);
		return;
	default:
		break;
	}
	if (text && !is_key && iswprint(ch)) {
		size_t max = k->step == EXIT ? CODE_MAX
		             : k->step == WORD ? LK_FEEDBACK_WORD_MAX : INPUT_MAX;
		if (k->len < max) {
			k->text[k->len++] = (wchar_t)ch;
			k->text[k->len] = L'\0';
		}
		return;
	}
	if (k->step == TICKET || k->step == FEEDBACK) {
		reset(k);
		return;
	}
	/* Ctrl-C, Ctrl-Z, Ctrl-\, F10…: nothing, but a hint. */
	say(k, false, k->step == START ? _("Choose the topic with a number key 1-5.")
	              : k->step == WORD ? _("Type one word, or press Enter.")
	                                : _("Type your first name, or press Enter."));
}

static void
on_idle(uv_timer_t *h)
{
	struct kiosk *k = h->data;
	reset(k);
	redraw(k);
}

static void
stop(struct kiosk *k)
{
	uv_handle_t *hs[] = { (uv_handle_t *)&k->input, (uv_handle_t *)&k->winch,
	                      (uv_handle_t *)&k->term, (uv_handle_t *)&k->hup,
	                      (uv_handle_t *)&k->idle };
	for (size_t i = 0; i < sizeof hs / sizeof hs[0]; i++)
		if (!uv_is_closing(hs[i]))
			uv_close(hs[i], NULL);
}

static void
on_input(uv_poll_t *h, int status, int events)
{
	struct kiosk *k = h->data;
	if (status < 0 || (events & UV_DISCONNECT)) {
		k->status = 1;
		stop(k);
		return;
	}
	wint_t ch;
	int r, got = 0;
	while (!k->done && (r = wget_wch(k->body, &ch)) != ERR) {
		got++;
		on_key(k, ch, r == KEY_CODE_YES);
	}
	if (k->done) {
		stop(k);
		return;
	}
	k->empty_reads = got ? 0 : k->empty_reads + 1;
	if (k->empty_reads > 50) {
		k->status = 1;
		stop(k);
		return;
	}
	if (got)
		uv_timer_start(&k->idle, on_idle, (uint64_t)k->opt->idle_ms, 0);
	redraw(k);
}

static void
on_winch(uv_signal_t *h, int signum)
{
	(void)signum;
	struct kiosk *k = h->data;
	endwin();
	refresh();
	make_windows(k);
	redraw(k);
}

/* A kill or a hang-up (the administrator, not the keyboard): leave. */
static void
on_term(uv_signal_t *h, int signum)
{
	struct kiosk *k = h->data;
	k->status = 128 + signum;
	stop(k);
}

int
lk_kiosk_run(struct lk_store *st, const struct lk_kiosk_options *opt)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "luukku: %s\n", _("the interactive terminal needs a terminal"));
		return 1;
	}
	static struct kiosk k;
	memset(&k, 0, sizeof k);
	k.st = st;
	k.opt = opt;
	k.topic = -1;
	/* No way out from the keyboard: ignore the job-control signals before
	 * curses starts (it then leaves them alone), and read keys raw. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	char area[65] = "";
	if (lk_area_current(st, area, sizeof area) == LK_OK && area[0]) {
		const struct lk_area_info *a = lk_area_find(area);
		snprintf(k.frame.area_name, sizeof k.frame.area_name, "%s", a ? a->name : area);
	}
	struct lk_point p;
	if (lk_point_get(st, opt->point_id, &p, NULL) == LK_OK)
		snprintf(k.frame.point_name, sizeof k.frame.point_name, "%s", p.name);

	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		fprintf(stderr, "luukku: %s\n", _("this terminal type is not known; set TERM"));
		return 1;
	}
	set_escdelay(25);
	raw();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	k.frame.color = lk_draw_init_colors();
	make_windows(&k);
	reset(&k);

	uv_loop_init(&k.loop);
	k.input.data = k.winch.data = k.term.data = k.hup.data = k.idle.data = &k;
	int rc = uv_poll_init(&k.loop, &k.input, STDIN_FILENO);
	if (rc == 0)
		rc = uv_poll_start(&k.input, UV_READABLE | UV_DISCONNECT, on_input);
	uv_signal_init(&k.loop, &k.winch);
	uv_signal_start(&k.winch, on_winch, SIGWINCH);
	uv_signal_init(&k.loop, &k.term);
	uv_signal_start(&k.term, on_term, SIGTERM);
	uv_signal_init(&k.loop, &k.hup);
	uv_signal_start(&k.hup, on_term, SIGHUP);
	uv_timer_init(&k.loop, &k.idle);
	redraw(&k);
	if (rc != 0) {
		k.status = 1;
		stop(&k);
	}
	uv_run(&k.loop, UV_RUN_DEFAULT);
	uv_loop_close(&k.loop);
	delwin(k.frame.head);
	delwin(k.body);
	delwin(k.bar);
	endwin();
	delscreen(scr);
	wipe(&k);
	return k.status;
}
