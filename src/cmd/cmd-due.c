/*
 * cmd-due.c — `luukku due CLIENT_ID`: the client's statutory due list.
 * TSV rows: item, due date, state (item = rule code, with /N for numbered
 * discussions: taydentava-2/5), then a row per no-show at an obligatory
 * targeted session: event-no-show, its date, no-show, the title.
 */
#include <getopt.h>
#include <string.h>

#include "cmd/cmd.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/due.h"
#include "store/event.h"

struct noshow_out {
	bool tsv;
};

/* A no-show at an obligatory targeted session: a line of its own after the
 * statutory items (docs/rules.md#targeted-session-counts). */
static int
print_noshow(const struct lk_client_event *e, void *ctx)
{
	const struct noshow_out *o = ctx;
	if (!e->obligation || strcmp(e->state, "no-show") != 0)
		return 0;
	char date[16];
	if (o->tsv) {
		printf("event-no-show\t%s\tno-show\t", lk_date_iso(lk_time_date(e->start), date, sizeof date));
		cmd_tsv(stdout, e->title, true);
		return 0;
	}
	printf("! ");
	cmd_col(lk_date_fi(lk_time_date(e->start), date, sizeof date), 10);
	printf(_("No-show at an obligatory session: %s\n"), e->title);
	return 0;
}

static int
exec_due(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool tsv;
	int status;
	if ((status = cmd_parse_tsv(ctx, argc, argv, 1, &tsv)))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_due_item items[LK_DUE_MAX];
	size_t n;
	if (lk_client_due(st, argv[optind], lk_today(), items, &n, &err) != LK_OK ||
	    lk_audit(st, ctx->staff_id, "read-due", argv[optind], "cli", &err) != LK_OK) {
		status = cmd_fail(ctx, &err);
		lk_store_close(st);
		return status;
	}
	for (size_t i = 0; i < n; i++) {
		const struct lk_due_item *it = &items[i];
		char item[64], date[16], done[16] = "";
		if (it->of > 0)
			snprintf(item, sizeof item, "%s-%d/%d", it->rule->code, it->seq, it->of);
		else
			snprintf(item, sizeof item, "%s", it->rule->code);
		if (tsv) {
			printf("%s\t%s\t%s\n", item, lk_date_iso(it->due, date, sizeof date),
			       lk_due_state_code(it->state));
			continue;
		}
		if (it->state == LK_DUE_DONE)
			lk_date_fi(it->done_on, done, sizeof done);
		char label[160];
		if (it->of > 0)
			snprintf(label, sizeof label, "%s %d/%d", _(it->rule->label), it->seq, it->of);
		else
			snprintf(label, sizeof label, "%s", _(it->rule->label));
		printf("%c ", it->state == LK_DUE_OVERDUE ? '!' : ' ');
		cmd_col(lk_date_fi(it->due, date, sizeof date), 10);
		cmd_col(label, 52);
		cmd_col(_(lk_due_state_code(it->state)), 9);
		printf("%s\n", done);
	}
	struct noshow_out no = { tsv };
	if (lk_event_client_list(st, argv[optind], print_noshow, &no, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

const struct cmd_entry cmd_due_entry = {
	"due", NULL, "CLIENT_ID [--tsv]", N_("what the law says is due for a client"), exec_due,
};
