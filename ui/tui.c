/*
 * tui.c — the interactive terminal: start-up and teardown of ncursesw, the
 * one libuv loop (keyboard, SIGWINCH, message, clock and live-screen
 * timers; the config's [keys] applied at start) and the windows of the
 * frame. Which screen is current, and how it changes, is gate.c's.
 *
 * The loop: stdin readable → read every pending key with wget_wch in
 * nodelay mode → dispatch each through the key table to the current screen
 * → let the screen settle (e.g. run the search once per batch) → redraw
 * with werase + wnoutrefresh and a single doupdate. Never clear() the
 * screen per keystroke, never block the loop, never write SQL here.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wctype.h>

#include <uv.h>

#include "i18n.h"
#include "store/area.h"
#include "store/client.h"
#include "store/staff.h"
#include "ui/draw.h"
#include "ui/tui.h"
#include "ui/ui.h"

#define MESSAGE_MS 5000
#define CLOCK_MS 30000
#define LIVE_MS 3000    /* a live screen (Piste's queue) reads again this often */
#define MIN_ROWS 6      /* header, title, a line or two, status, bar */
#define MIN_COLS 30

struct loop {
	uv_loop_t loop;
	uv_poll_t input;
	uv_signal_t winch;
	uv_signal_t stop_sig[3];   /* SIGINT, SIGTERM, SIGHUP: leave cleanly */
	uv_timer_t message;
	uv_timer_t clock;
	uv_timer_t live;
	uv_timer_t idle;           /* locks the terminal after idle minutes */
	uv_timer_t wait;           /* the delay after a failed sign-in */
	SCREEN *screen;
	int exit_signal;   /* SIGTERM or SIGHUP ended the terminal */
	int empty_reads;   /* readable but no key: the terminal went away */
	lk_date shown_day;
	struct lk_sync_bg sync;    /* background sync (sync-status.h) */
};

static void on_message(uv_timer_t *h);

/* Show a transient message on the status line. */
void
lk_ui_message(struct lk_ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	va_end(ap);
	ui->message_error = error;
	struct loop *l = ui->loop_data;
	if (l && !ui->quit)
		uv_timer_start(&l->message, on_message, MESSAGE_MS, 0);
}

void
lk_ui_busy(struct lk_ui *ui, const char *text)
{
	if (ui->tiny || ui->status == NULL)
		return;
	werase(ui->status);
	lk_draw_text(ui->status, 0, 1, getmaxx(ui->status) - 2, text, A_BOLD, false);
	wrefresh(ui->status);
}

/* (Re)create the four windows for the current terminal size; a terminal
 * too small for the frame gets one window with a notice. */
static void
make_windows(struct lk_ui *ui)
{
	WINDOW **all[] = { &ui->head, &ui->body, &ui->status, &ui->bar };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (*all[i]) {
			delwin(*all[i]);
			*all[i] = NULL;
		}
	int rows = LINES, cols = COLS;
	ui->tiny = rows < MIN_ROWS || cols < MIN_COLS;
	if (ui->tiny) {
		ui->body = newwin(rows > 0 ? rows : 1, cols > 0 ? cols : 1, 0, 0);
	} else {
		ui->head = newwin(1, cols, 0, 0);
		ui->body = newwin(rows - 3, cols, 1, 0);
		ui->status = newwin(1, cols, rows - 2, 0);
		ui->bar = newwin(1, cols, rows - 1, 0);
		leaveok(ui->head, TRUE);
		leaveok(ui->status, TRUE);
		leaveok(ui->bar, TRUE);
	}
	keypad(ui->body, TRUE);
	nodelay(ui->body, TRUE);
}

/* Draw everything into the windows and update the terminal once; first
 * the screen reads again what another screen changed. */
static void
redraw(struct lk_ui *ui)
{
	lk_ui_reread(ui);
	const struct lk_screen *s = lk_ui_screen(ui->cur);
	werase(ui->body);
	ui->cursor = false;
	if (ui->tiny) {
		lk_draw_text(ui->body, 0, 0, getmaxx(ui->body), _("The window is too small"),
		             A_BOLD, false);
	} else {
		lk_draw_header(ui);
		lk_draw_status(ui, s);
		lk_draw_bar(ui, s);
		s->draw(ui, ui->body);
		wnoutrefresh(ui->head);
		wnoutrefresh(ui->status);
		wnoutrefresh(ui->bar);
	}
	curs_set(ui->cursor ? 1 : 0);
	wnoutrefresh(ui->body);  /* last, so the cursor stays where the screen put it */
	doupdate();
}

/* Stop the loop: close every handle. */
static void
stop(struct lk_ui *ui)
{
	struct loop *l = ui->loop_data;
	ui->quit = true;
	uv_handle_t *hs[] = { (uv_handle_t *)&l->input, (uv_handle_t *)&l->winch,
	                      (uv_handle_t *)&l->message, (uv_handle_t *)&l->clock,
	                      (uv_handle_t *)&l->live, (uv_handle_t *)&l->idle,
	                      (uv_handle_t *)&l->wait,
	                      (uv_handle_t *)&l->stop_sig[0], (uv_handle_t *)&l->stop_sig[1],
	                      (uv_handle_t *)&l->stop_sig[2] };
	for (size_t i = 0; i < sizeof hs / sizeof hs[0]; i++)
		if (!uv_is_closing(hs[i]))
			uv_close(hs[i], NULL);
	lk_sync_bg_stop(&l->sync);
}

/* One key from wget_wch: global keys here, the rest to the screen. */
static void
dispatch(struct lk_ui *ui, wint_t ch, bool is_key)
{
	const struct lk_screen *s = lk_ui_screen(ui->cur);
	enum lk_vkey active[LK_VK_COUNT];
	int n = 0;
	for (int i = 0; i < s->n_keys && n < LK_VK_COUNT; i++)
		active[n++] = s->keys[i].vk;
	if (ui->session.in && ui->cur != LK_SCREEN_LOCK && n < LK_VK_COUNT)
		active[n++] = LK_VK_LOCK;   /* last: a screen's own keys win */
	bool text = lk_screen_text(ui, s);
	enum lk_vkey vk = lk_key_resolve((int)ch, is_key, text, active, n);
	switch (vk) {
	case LK_VK_LOCK:
		lk_ui_open(ui, LK_SCREEN_LOCK, NULL);
		return;
	case LK_VK_QUIT:
		ui->quit = true;
		return;
	case LK_VK_REDRAW:
		clearok(curscr, TRUE);
		return;
	case LK_VK_HELP:
		if (ui->cur != LK_SCREEN_HELP) {
			ui->message[0] = '\0';
			lk_ui_open(ui, LK_SCREEN_HELP, NULL);
			return;
		}
		break;
	case LK_VK_NONE:
		if (text && !is_key && iswprint((wint_t)ch)) {
			s->text_input(ui, (wchar_t)ch);
		} else if (!(is_key && ch == KEY_RESIZE)) {
			char name[64];
			lk_key_label(LK_VK_HELP, false, active, n, text, name, sizeof name);
			lk_ui_message(ui, false, _("That key does nothing here; %s shows the keys"),
			              name);
		}
		return;
	default:
		break;
	}
	if (!lk_ui_key_allowed(ui, vk))
		return;
	s->key(ui, vk);
}

/* Idle long enough: lock the terminal. */
static void
on_idle(uv_timer_t *h)
{
	struct lk_ui *ui = h->data;
	lk_ui_open(ui, LK_SCREEN_LOCK, NULL);
	redraw(ui);
}

/* The delay after a failed sign-in is over. */
static void
on_wait(uv_timer_t *h)
{
	struct lk_ui *ui = h->data;
	ui->session.waiting = false;
	redraw(ui);
}

/* Refuse sign-in attempts for ms milliseconds, without blocking the loop. */
void
lk_ui_delay(struct lk_ui *ui, unsigned ms)
{
	struct loop *l = ui->loop_data;
	if (l == NULL || ui->quit || ms == 0)
		return;
	ui->session.waiting = true;
	uv_timer_start(&l->wait, on_wait, ms, 0);
}

/* stdin is readable: take every pending key, then draw once. */
static void
on_input(uv_poll_t *h, int status, int events)
{
	struct lk_ui *ui = h->data;
	struct loop *l = ui->loop_data;
	if (status < 0 || (events & UV_DISCONNECT)) {
		stop(ui);
		return;
	}
	wint_t ch;
	int r, got = 0;
	while (!ui->quit && (r = wget_wch(ui->body, &ch)) != ERR) {
		got++;
		dispatch(ui, ch, r == KEY_CODE_YES);
	}
	if (ui->quit) {
		stop(ui);
		return;
	}
	if (got && ui->session.in && ui->cur != LK_SCREEN_LOCK)
		uv_timer_start(&l->idle, on_idle, lk_signin_idle_ms(ui), 0);
	/* Readable with nothing to read, again and again: the terminal is gone. */
	l->empty_reads = got ? 0 : l->empty_reads + 1;
	if (l->empty_reads > 50) {
		stop(ui);
		return;
	}
	if (lk_ui_screen(ui->cur)->settle)
		lk_ui_screen(ui->cur)->settle(ui);
	if (ui->sync.enrolled)
		lk_sync_status_refresh(&ui->sync, ui->st);   /* a write adds to the outbox */
	redraw(ui);
}

/* A background sync round ended: rows may have come in; redraw. */
static void
on_synced(void *ctx)
{
	struct lk_ui *ui = ctx;
	if (ui->quit)
		return;
	ui->client_count = lk_client_count(ui->st);
	redraw(ui);
}

/* The terminal changed size: ask the tty, tell curses, lay out again. */
static void
on_winch(uv_signal_t *h, int signum)
{
	(void)signum;
	struct lk_ui *ui = h->data;
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	make_windows(ui);
	if (lk_ui_screen(ui->cur)->settle)
		lk_ui_screen(ui->cur)->settle(ui);
	redraw(ui);
}

/* Ctrl-C, a kill or a hang-up: restore the terminal and leave. */
static void
on_stop_signal(uv_signal_t *h, int signum)
{
	struct lk_ui *ui = h->data;
	struct loop *l = ui->loop_data;
	if (signum != SIGINT)   /* Ctrl-C is the user quitting */
		l->exit_signal = signum;
	stop(ui);
}

/* The message has been shown long enough. */
static void
on_message(uv_timer_t *h)
{
	struct lk_ui *ui = h->data;
	ui->message[0] = '\0';
	redraw(ui);
}

/* Redraw when the day changes (the header shows the date). */
static void
on_clock(uv_timer_t *h)
{
	struct lk_ui *ui = h->data;
	struct loop *l = ui->loop_data;
	if (lk_today() != l->shown_day) {
		l->shown_day = lk_today();
		redraw(ui);
	}
}

/* A live screen reads its data again (a kiosk ticket shows up unasked). */
static void
on_live(uv_timer_t *h)
{
	struct lk_ui *ui = h->data;
	const struct lk_screen *s = lk_ui_screen(ui->cur);
	if (ui->tiny || !s->live || s->settle == NULL)
		return;
	s->settle(ui);
	redraw(ui);
}

/* Header facts: area, desk point, signed-in staff, register size. */
static void
load_facts(struct lk_ui *ui)
{
	char area[65] = "";
	if (lk_area_current(ui->st, area, sizeof area) == LK_OK && area[0]) {
		const struct lk_area_info *a = lk_area_find(area);
		snprintf(ui->area_name, sizeof ui->area_name, "%s", a ? a->name : area);
	}
	if (ui->opt && ui->opt->point_id && ui->opt->point_id[0]) {
		struct lk_point p;
		if (lk_point_get(ui->st, ui->opt->point_id, &p, NULL) == LK_OK)
			snprintf(ui->point_name, sizeof ui->point_name, "%s", p.name);
	}
	if (ui->opt && ui->opt->staff_id && ui->opt->staff_id[0]) {
		struct lk_staff s;
		if (lk_staff_get(ui->st, ui->opt->staff_id, &s, NULL) == LK_OK)
			snprintf(ui->staff_name, sizeof ui->staff_name, "%s %s", s.given_names,
			         s.surname);
	}
	ui->client_count = lk_client_count(ui->st);
}

/* Run the terminal until the user quits. */
int
lk_tui_run(struct lk_store *st, const struct lk_tui_options *opt)
{
	static const struct lk_tui_options none = { NULL, NULL, NULL, NULL };
	char kerr[512];
	if (opt && !lk_keys_load_config(opt->config_path, kerr, sizeof kerr)) {
		fprintf(stderr, "luukku: %s\n", kerr);
		return 2;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "luukku: %s\n", _("the interactive terminal needs a terminal"));
		return 1;
	}
	struct lk_ui ui;
	struct loop l;
	memset(&ui, 0, sizeof ui);
	memset(&l, 0, sizeof l);
	ui.st = st;
	/* Who makes the changes (outbox, schema 010): the desk's staff member
	 * until someone signs in (screen-signin.c sets the signed-in one). */
	lk_store_set_actor(st, opt ? opt->staff_id : NULL);
	ui.opt = opt ? opt : &none;
	load_facts(&ui);

	l.screen = newterm(NULL, stdout, stdin);
	if (l.screen == NULL) {
		fprintf(stderr, "luukku: %s\n", _("this terminal type is not known; set TERM"));
		return 1;
	}
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	ui.color = lk_draw_init_colors();
	make_windows(&ui);

	if (uv_loop_init(&l.loop) != 0) {
		endwin();
		delscreen(l.screen);
		fprintf(stderr, "luukku: %s\n", _("cannot start the event loop"));
		return 1;
	}
	ui.loop_data = &l;
	l.input.data = l.winch.data = l.message.data = l.clock.data = l.live.data = &ui;
	int rc = uv_poll_init(&l.loop, &l.input, STDIN_FILENO);
	if (rc == 0)
		rc = uv_poll_start(&l.input, UV_READABLE | UV_DISCONNECT, on_input);
	uv_signal_init(&l.loop, &l.winch);
	uv_signal_start(&l.winch, on_winch, SIGWINCH);
	static const int stop_signals[3] = { SIGINT, SIGTERM, SIGHUP };
	for (int i = 0; i < 3; i++) {
		l.stop_sig[i].data = &ui;
		uv_signal_init(&l.loop, &l.stop_sig[i]);
		uv_signal_start(&l.stop_sig[i], on_stop_signal, stop_signals[i]);
	}
	uv_timer_init(&l.loop, &l.message);
	uv_timer_init(&l.loop, &l.clock);
	uv_timer_start(&l.clock, on_clock, CLOCK_MS, CLOCK_MS);
	uv_timer_init(&l.loop, &l.live);
	uv_timer_init(&l.loop, &l.idle);
	uv_timer_init(&l.loop, &l.wait);
	l.idle.data = l.wait.data = &ui;
	uv_timer_start(&l.live, on_live, LIVE_MS, LIVE_MS);
	l.shown_day = lk_today();
	if (rc == 0 && ui.opt->sync && ui.opt->sync->round && ui.opt->sync->interval > 0)
		lk_sync_bg_start(&l.sync, &l.loop, ui.opt->sync, &ui.sync, st, on_synced, &ui);

	ui.cur = LK_SCREEN_LOOKUP;   /* where the gate starts from */
	if (!lk_signin_start(&ui))   /* sign-in first once staff have secrets */
		lk_ui_open(&ui, LK_SCREEN_LOOKUP, &(const struct lk_nav){ .flags = LK_NAV_HOME });
	redraw(&ui);
	if (rc == 0) {
		uv_run(&l.loop, UV_RUN_DEFAULT);
	} else {
		stop(&ui);
		uv_run(&l.loop, UV_RUN_DEFAULT);
	}
	uv_loop_close(&l.loop);

	WINDOW **all[] = { &ui.head, &ui.body, &ui.status, &ui.bar };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (*all[i])
			delwin(*all[i]);
	endwin();
	delscreen(l.screen);
	if (rc != 0) {
		fprintf(stderr, "luukku: %s: %s\n", _("cannot read the keyboard"), uv_strerror(rc));
		return 1;
	}
	return l.exit_signal ? 128 + l.exit_signal : 0;
}
