/*
 * sync-status.c — the background sync of the terminal (a timer on the UI
 * loop, each round on the thread pool) and the status line's sync part.
 */
#include <stdio.h>

#include "i18n.h"
#include "store/sync-conflict.h"
#include "sync/link.h"
#include "ui/sync-status.h"


void
lk_sync_status_format(const struct lk_sync_status *s, char *buf, size_t size)
{
	const char *state = s->state == LK_LINK_ONLINE    ? _("Online")
	                    : s->state == LK_LINK_OFFLINE ? _("Offline")
	                                                  : _("Connecting");
	char when[48] = "";
	if (s->synced) {
		char hm[16];
		int m = lk_time_minute_of_day(s->last);
		snprintf(hm, sizeof hm, "%d.%02d", m / 60, m % 60);
		snprintf(when, sizeof when, " · %s %s", _("synced"), hm);
	}
	char pending[64], conflicts[64];
	snprintf(pending, sizeof pending,
	         dngettext(LK_TEXTDOMAIN, "%ld to send", "%ld to send", (unsigned long)s->pending),
	         s->pending);
	snprintf(conflicts, sizeof conflicts,
	         dngettext(LK_TEXTDOMAIN, "%ld conflict", "%ld conflicts",
	                   (unsigned long)s->conflicts),
	         s->conflicts);
	snprintf(buf, size, "%s%s · %s · %s", state, when, pending, conflicts);
}

void
lk_sync_status_refresh(struct lk_sync_status *s, struct lk_store *st)
{
	long count = 0, bytes = 0;
	if (lk_outbox_stats(st, &count, &bytes) == LK_OK)
		s->pending = count;
	long c = lk_conflict_open_count(st);
	if (c >= 0)
		s->conflicts = c;
}

static void on_timer(uv_timer_t *h);

/* On the thread pool: one round, with a store of the round's own. */
static void
work(uv_work_t *w)
{
	struct lk_sync_bg *bg = w->data;
	bg->ok = bg->cfg->round(bg->cfg->ctx);
}

/* Back on the loop: note the result, read the counts, plan the next round. */
static void
after_work(uv_work_t *w, int status)
{
	struct lk_sync_bg *bg = w->data;
	bg->busy = false;
	if (bg->stopping || status == UV_ECANCELED)
		return;
	if (bg->ok) {
		bg->failures = 0;
		bg->status->state = LK_LINK_ONLINE;
		bg->status->synced = true;
		bg->status->last = lk_now();
	} else {
		bg->failures++;
		bg->status->state = LK_LINK_OFFLINE;
	}
	lk_sync_status_refresh(bg->status, bg->st);
	uv_timer_start(&bg->timer, on_timer,
	               (uint64_t)lk_sync_backoff(bg->cfg->interval, bg->failures) * 1000, 0);
	if (bg->changed)
		bg->changed(bg->ctx);
}

static void
on_timer(uv_timer_t *h)
{
	struct lk_sync_bg *bg = h->data;
	if (bg->busy || bg->stopping)
		return;
	bg->busy = true;
	bg->work.data = bg;
	if (uv_queue_work(h->loop, &bg->work, work, after_work) != 0) {
		bg->busy = false;
		uv_timer_start(&bg->timer, on_timer, (uint64_t)bg->cfg->interval * 1000, 0);
	}
}

int
lk_sync_bg_start(struct lk_sync_bg *bg, uv_loop_t *loop, const struct lk_tui_sync *cfg,
                 struct lk_sync_status *status, struct lk_store *st,
                 void (*changed)(void *ctx), void *ctx)
{
	bg->cfg = cfg;
	bg->status = status;
	bg->st = st;
	bg->changed = changed;
	bg->ctx = ctx;
	bg->busy = bg->stopping = false;
	bg->failures = 0;
	status->enrolled = true;
	status->state = LK_LINK_UNKNOWN;
	lk_sync_status_refresh(status, st);
	int rc = uv_timer_init(loop, &bg->timer);
	if (rc != 0)
		return rc;
	bg->timer.data = bg;
	return uv_timer_start(&bg->timer, on_timer, 0, 0);
}

void
lk_sync_bg_stop(struct lk_sync_bg *bg)
{
	if (bg->cfg == NULL || bg->stopping)
		return;
	bg->stopping = true;
	if (bg->busy)
		uv_cancel((uv_req_t *)&bg->work);
	if (!uv_is_closing((uv_handle_t *)&bg->timer))
		uv_close((uv_handle_t *)&bg->timer, NULL);
}
