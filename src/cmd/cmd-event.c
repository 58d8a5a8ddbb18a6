/*
 * cmd-event.c — `luukku event …`: group sessions and info events
 * (store/event.h). add prints each occurrence's id; list shows the events
 * of a week; show the event and its participants (TSV: client id, name,
 * state, place — the state one of invited, signed-up, waiting, cancelled,
 * attended, no-show; the place on the waiting list for those waiting);
 * invite takes --client ID or a target-group filter (--dry-run counts);
 * sign-up, cancel, attend, count and cancel-event change one thing each;
 * letter writes a client's invitation (audited like `luukku letter`).
 * Bad input exits 2 naming the field, a clash or a refusal 4, and every
 * subcommand takes --help.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/audit.h"
#include "store/event.h"
#include "store/letter.h"

extern const struct cmd_entry cmd_event_add_entry, cmd_event_list_entry,
	cmd_event_show_entry, cmd_event_invite_entry, cmd_event_sign_up_entry,
	cmd_event_cancel_entry, cmd_event_attend_entry, cmd_event_count_entry,
	cmd_event_cancel_event_entry, cmd_event_letter_entry, cmd_event_set_entry;

static const struct cmd_entry *const subs[] = {
	&cmd_event_add_entry, &cmd_event_set_entry, &cmd_event_list_entry, &cmd_event_show_entry,
	&cmd_event_invite_entry, &cmd_event_sign_up_entry, &cmd_event_cancel_entry,
	&cmd_event_attend_entry, &cmd_event_count_entry, &cmd_event_cancel_event_entry,
	&cmd_event_letter_entry, NULL,
};

static int
help(const struct cmd_entry *e)
{
	printf("%s: luukku event %s %s\n  %s\n", _("Usage"), e->sub, e->usage, _(e->summary));
	return 0;
}

/* Parse opts (with --help added as its last entry) and one ID argument
 * unless nargs is 0. *status the exit status, true when the caller stops. */
static bool
parse(struct cmd_ctx *ctx, int argc, char **argv, struct cmd_opt *opts, int nargs,
      const struct cmd_entry *e, int *status)
{
	bool want_help = false;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0)
			want_help = true;
	if (want_help) {
		*status = help(e);
		return true;
	}
	*status = cmd_parse_opts(ctx, argc, argv, opts, nargs);
	return *status != 0;
}

static const char *
state_label(const char *state)
{
	static const struct {
		const char *code, *label;
	} labels[] = {
		{ "invited", N_("invited") }, { "signed-up", N_("signed up") },
		{ "waiting", N_("waiting") }, { "cancelled", N_("cancelled") },
		{ "attended", N_("attended") }, { "no-show", N_("no-show") },
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].code, state) == 0)
			return _(labels[i].label);
	return state;
}

static const char *
kind_label(const char *kind)
{
	if (strcmp(kind, "info") == 0)
		return _("info event");
	if (strcmp(kind, "targeted") == 0)
		return _("targeted session");
	if (strcmp(kind, "group") == 0)
		return _("group");
	return kind;
}

static int
exec_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct lk_event_input in = { .minutes = 60, .capacity = 0, .actor = ctx->staff_id };
	struct cmd_opt opts[] = {
		CMD_STRING("title", &in.title),
		CMD_STRING("kind", &in.kind),
		CMD_STRING("point", &in.point),
		CMD_STRING("room", &in.room),
		CMD_STRING("link", &in.link),
		CMD_STRING("at", &in.at),
		CMD_INT("minutes", &in.minutes, 5, 480),
		CMD_INT("capacity", &in.capacity, 1, 10000),
		CMD_STRING("host", &in.host),
		CMD_STRING("partner", &in.partner),
		CMD_STRING("lang", &in.lang),
		CMD_STRING("description", &in.description),
		CMD_FLAG("obligation", &in.obligation),
		CMD_STRING("repeat", &in.repeat),
		CMD_STRING("benefit-checked-by", &in.benefit_checked_by),
		CMD_END,
	};
	int status;
	if (parse(ctx, argc, argv, opts, 0, &cmd_event_add_entry, &status))
		return status;
	if (!cmd_opt_seen(opts, "capacity"))
		return cmd_usage(ctx, "capacity", _("how many people fit? (--capacity N)"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	static char ids[LK_REPEAT_MAX][LK_ID_LEN + 1];
	size_t n = 0;
	if (lk_event_add(st, &in, ids, LK_REPEAT_MAX, &n, &err) == LK_OK)
		for (size_t i = 0; i < n; i++)
			printf("%s\n", ids[i]);
	else
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

static int
exec_set(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct lk_event_input in = { .actor = ctx->staff_id };
	struct cmd_opt opts[] = {
		CMD_STRING("title", &in.title),
		CMD_STRING("room", &in.room),
		CMD_STRING("link", &in.link),
		CMD_STRING("at", &in.at),
		CMD_INT("minutes", &in.minutes, 5, 480),
		CMD_INT("capacity", &in.capacity, 1, 10000),
		CMD_STRING("host", &in.host),
		CMD_STRING("partner", &in.partner),
		CMD_STRING("lang", &in.lang),
		CMD_STRING("description", &in.description),
		CMD_STRING("benefit-checked-by", &in.benefit_checked_by),
		CMD_END,
	};
	int status;
	if (parse(ctx, argc, argv, opts, 1, &cmd_event_set_entry, &status))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_event_set(st, argv[optind], &in, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

struct list_out {
	bool tsv;
	int n;
};

static int
print_event(const struct lk_event *e, void *ctx)
{
	struct list_out *o = ctx;
	char when[20];
	o->n++;
	if (o->tsv) {
		printf("%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t", e->id,
		       lk_time_iso(e->start, when, sizeof when), e->minutes, e->kind, e->status,
		       e->point_id, e->room_id, e->host_id, e->capacity, e->invited, e->signed_up,
		       e->waiting, e->attended, e->no_show, e->head_count);
		cmd_tsv(stdout, e->title, true);
		return 0;
	}
	int m0 = lk_time_minute_of_day(e->start), m1 = m0 + e->minutes;
	char span[40], day[16], seats[64];
	snprintf(span, sizeof span, "%s %02d:%02d-%02d:%02d",
	         lk_date_fi(lk_time_date(e->start), day, sizeof day), m0 / 60, m0 % 60,
	         m1 / 60 % 24, m1 % 60);
	cmd_col(span, 22);
	cmd_col(e->title, 30);
	cmd_col(kind_label(e->kind), 17);
	if (strcmp(e->status, "cancelled") == 0)
		snprintf(seats, sizeof seats, "%s", _("cancelled"));
	else if (e->waiting)
		snprintf(seats, sizeof seats, _("%d/%d signed up, %d waiting"), e->signed_up + e->attended,
		         e->capacity, e->waiting);
	else
		snprintf(seats, sizeof seats, _("%d/%d signed up"), e->signed_up + e->attended,
		         e->capacity);
	printf("%s\n", seats);
	return 0;
}

static int
exec_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *point = ctx->point_id, *host = NULL;
	lk_date from = lk_today();
	int days = 7;
	bool tsv = false;
	struct cmd_opt opts[] = {
		CMD_STRING("point", &point),
		CMD_STRING("host", &host),
		CMD_DATE("from", &from),
		CMD_INT("days", &days, 1, 366),
		CMD_FLAG("tsv", &tsv),
		CMD_END,
	};
	int status;
	if (parse(ctx, argc, argv, opts, 0, &cmd_event_list_entry, &status))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct list_out o = { .tsv = tsv };
	if (lk_event_list(st, point, host, from, days, print_event, &o, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	else if (!tsv && o.n == 0)
		printf("%s\n", _("No events."));
	lk_store_close(st);
	return status;
}

struct show_ctx {
	int capacity;
	bool tsv;
};

static int
print_participant(const struct lk_participant *p, void *ctx)
{
	const struct show_ctx *o = ctx;
	bool waiting = strcmp(p->state, "waiting") == 0;
	int place = waiting ? p->place - o->capacity : 0;
	if (o->tsv) {
		cmd_tsv(stdout, p->client_id, false);
		cmd_tsv(stdout, p->client_name, false);
		printf("%s\t%d\n", p->state, place);
		return 0;
	}
	printf("  ");
	cmd_col(p->client_name, 28);
	if (waiting)
		printf("%s %d\n", state_label(p->state), place);
	else
		printf("%s\n", state_label(p->state));
	return 0;
}

/* "  label:     " — a heading of `event show`, in display columns. */
static void
field(const char *label)
{
	printf("  ");
	cmd_col(label, 10);
}

static int
exec_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool tsv = false;
	struct cmd_opt opts[] = { CMD_FLAG("tsv", &tsv), CMD_END };
	int status;
	if (parse(ctx, argc, argv, opts, 1, &cmd_event_show_entry, &status))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_event e;
	if (lk_event_get(st, argv[optind], &e, &err) != LK_OK) {
		status = cmd_fail(ctx, &err);
		lk_store_close(st);
		return status;
	}
	if (!tsv) {
		char day[16];
		int m0 = lk_time_minute_of_day(e.start), m1 = m0 + e.minutes;
		printf("%s\n", e.title);
		field(_("kind:"));
		printf("%s%s\n", kind_label(e.kind), e.obligation ? _(" (attendance an obligation)") : "");
		field(_("when:"));
		printf("%s %02d:%02d-%02d:%02d\n", lk_date_fi(lk_time_date(e.start), day, sizeof day),
		       m0 / 60, m0 % 60, m1 / 60 % 24, m1 % 60);
		field(_("where:"));
		printf("%s%s%s%s%s\n", e.point_name, e.room_name[0] ? ", " : "", e.room_name,
		       e.link[0] ? ", " : "", e.link);
		field(_("host:"));
		printf("%s%s%s\n", e.host_name, e.partner[0] ? ", " : "", e.partner);
		field(_("list:"));
		printf(_("%d places, %d signed up, %d waiting, %d invited"), e.capacity,
		       e.signed_up + e.attended + e.no_show, e.waiting, e.invited);
		printf("\n");
		if (e.head_count >= 0) {
			field(_("came:"));
			printf("%d\n", e.head_count);
		}
		if (strcmp(e.status, "cancelled") == 0) {
			field(_("cancelled:"));
			printf("%s\n", e.cancel_reason);
		}
	}
	struct show_ctx o = { e.capacity, tsv };
	if (lk_event_participants(st, e.id, print_participant, &o, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

/* "25-54" into lo and hi. */
static bool
age_range(const char *s, int *lo, int *hi)
{
	char *end;
	long a = strtol(s, &end, 10);
	if (end == s || *end != '-')
		return false;
	const char *b = end + 1;
	long c = strtol(b, &end, 10);
	if (end == b || *end || a < 0 || c > 120 || a > c)
		return false;
	*lo = (int)a;
	*hi = (int)c;
	return true;
}

static int
exec_invite(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct lk_invite_filter f = { .months_min = -1, .age_min = -1, .age_max = -1,
	                              .no_meeting_days = -1 };
	const char *age = NULL;
	bool dry_run = false;
	struct cmd_opt opts[] = {
		CMD_STRING("client", &f.client),
		CMD_STRING("municipality", &f.municipality),
		CMD_STRING("point", &f.point),
		CMD_STRING("service-line", &f.service_line),
		CMD_INT("months", &f.months_min, 0, 600),
		CMD_STRING("age", &age),
		CMD_STRING("lang", &f.lang),
		CMD_STRING("caseworker", &f.caseworker),
		CMD_INT("no-meeting-days", &f.no_meeting_days, 0, 366),
		CMD_FLAG("obligation", &f.obligation),
		CMD_FLAG("dry-run", &dry_run),
		CMD_END,
	};
	int status;
	if (parse(ctx, argc, argv, opts, 1, &cmd_event_invite_entry, &status))
		return status;
	if (age && !age_range(age, &f.age_min, &f.age_max))
		return cmd_usage(ctx, "age", _("'%s' is not an age range (MIN-MAX, e.g. 25-54)"), age);
	bool filtered = f.municipality || f.point || f.service_line || f.months_min >= 0 || age ||
	                f.lang || f.caseworker || f.no_meeting_days >= 0;
	if (f.client && filtered)
		return cmd_usage(ctx, "client", _("either --client or a target-group filter, not both"));
	if (!f.client && !filtered)
		return cmd_usage(ctx, "client", _("who is invited? (--client ID or a target-group filter)"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	int matched, added;
	if (lk_event_invite(st, argv[optind], &f, dry_run, ctx->staff_id, &matched, &added, &err)
	        != LK_OK)
		status = cmd_fail(ctx, &err);
	else if (dry_run)
		printf(_("%d in the target group, %d would be invited\n"), matched, added);
	else
		printf(_("%d in the target group, %d invited\n"), matched, added);
	lk_store_close(st);
	return status;
}

/* The subcommands that take an event ID and --client ID. */
static int
exec_client_step(struct cmd_ctx *ctx, int argc, char **argv, const struct cmd_entry *e)
{
	const char *client = NULL, *as = NULL;
	struct cmd_opt opts[] = {
		CMD_STRING("client", &client),
		CMD_STRING("as", &as),
		CMD_END,
	};
	if (e != &cmd_event_attend_entry)
		opts[1] = (struct cmd_opt)CMD_END;
	int status;
	if (parse(ctx, argc, argv, opts, 1, e, &status))
		return status;
	if (client == NULL)
		return cmd_usage(ctx, "client", _("which client? (--client ID)"));
	if (e == &cmd_event_attend_entry && as == NULL)
		return cmd_usage(ctx, "as", _("attended or no-show? (--as attended|no-show)"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	const char *id = argv[optind];
	enum lk_status rc;
	if (e == &cmd_event_sign_up_entry) {
		char state[12];
		int place = 0;
		if ((rc = lk_event_sign_up(st, id, client, ctx->staff_id, state, sizeof state, &place,
		                           &err)) == LK_OK) {
			if (strcmp(state, "waiting") == 0)
				printf("%s %d\n", state, place);
			else
				printf("%s\n", state);
		}
	} else if (e == &cmd_event_cancel_entry) {
		char moved[204];
		if ((rc = lk_event_cancel_signup(st, id, client, ctx->staff_id, moved, &err)) == LK_OK) {
			printf("cancelled\n");
			if (moved[0])
				printf(_("moved up from the waiting list: %s\n"), moved);
		}
	} else {
		rc = lk_event_attend(st, id, client, as, ctx->staff_id, &err);
	}
	if (rc != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

static int
exec_sign_up(struct cmd_ctx *ctx, int argc, char **argv)
{
	return exec_client_step(ctx, argc, argv, &cmd_event_sign_up_entry);
}

static int
exec_cancel(struct cmd_ctx *ctx, int argc, char **argv)
{
	return exec_client_step(ctx, argc, argv, &cmd_event_cancel_entry);
}

static int
exec_attend(struct cmd_ctx *ctx, int argc, char **argv)
{
	return exec_client_step(ctx, argc, argv, &cmd_event_attend_entry);
}

static int
exec_count(struct cmd_ctx *ctx, int argc, char **argv)
{
	int people = -1;
	struct cmd_opt opts[] = { CMD_INT("people", &people, 0, 100000), CMD_END };
	int status;
	if (parse(ctx, argc, argv, opts, 1, &cmd_event_count_entry, &status))
		return status;
	if (people < 0)
		return cmd_usage(ctx, "people", _("how many came? (--people N)"));
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_event_count(st, argv[optind], people, ctx->staff_id, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

static int
exec_cancel_event(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *reason = NULL;
	struct cmd_opt opts[] = { CMD_STRING("reason", &reason), CMD_END };
	int status;
	if (parse(ctx, argc, argv, opts, 1, &cmd_event_cancel_event_entry, &status))
		return status;
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	if (lk_event_cancel(st, argv[optind], reason, ctx->staff_id, &err) != LK_OK)
		status = cmd_fail(ctx, &err);
	lk_store_close(st);
	return status;
}

/* The invitation letter (store/letter.h), audited like `luukku letter`. */
static int
exec_letter(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *client = NULL, *lang = NULL;
	static const char both[] = N_("choose either --plain or --no-plain, not both");
	int plain = LK_LETTER_PLAIN_CLIENT;
	struct cmd_out out = { 0 };
	struct cmd_opt opts[] = {
		CMD_STRING("client", &client),
		CMD_STRING("lang", &lang),
		CMD_SET("plain", &plain, LK_LETTER_PLAIN_YES, "plain", both),
		CMD_SET("no-plain", &plain, LK_LETTER_PLAIN_NO, "plain", both),
		CMD_STRING("out", &out.path),
		CMD_END,
	};
	int status;
	if (parse(ctx, argc, argv, opts, 1, &cmd_event_letter_entry, &status))
		return status;
	if (client == NULL)
		return cmd_usage(ctx, "client", _("which client? (--client ID)"));
	const char *id = argv[optind];
	struct lk_store *st = cmd_open(ctx, false, &status);
	if (st == NULL)
		return status;
	struct lk_err err = { 0 };
	struct lk_letter_made made;
	char text[8192], detail[128];
	if (lk_letter_make_invitation(st, id, client, lang, (enum lk_letter_plain)plain, text,
	                              sizeof text, &made, &err) != LK_OK)
		goto fail;
	size_t len = (size_t)made.len;
	if ((status = cmd_out_stage(ctx, &out, text, len)))
		goto done;
	snprintf(detail, sizeof detail, "invitation %.40s %s%s", id, made.lang,
	         made.plain ? " plain" : "");
	if (lk_audit(st, ctx->staff_id, "print-letter", made.client_id, detail, &err) != LK_OK) {
		cmd_out_finish(ctx, &out, text, len, false);
		goto fail;
	}
	status = cmd_out_finish(ctx, &out, text, len, true);
	goto done;
fail:
	status = cmd_fail(ctx, &err);
done:
	lk_store_close(st);
	return status;
}

/* `luukku event` alone or with --help: the subcommands. */
static int
exec_event_help(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool asked = argc > 1 && strcmp(argv[1], "--help") == 0;
	FILE *f = asked ? stdout : stderr;
	if (!asked && argc > 1)
		fprintf(f, "luukku event: %s '%s'\n", _("unknown or missing subcommand"), argv[1]);
	else if (!asked)
		fprintf(f, "luukku event: %s\n", _("unknown or missing subcommand"));
	for (const struct cmd_entry *const *e = subs; *e; e++)
		fprintf(f, "  luukku event %s %s\n      %s\n", (*e)->sub, (*e)->usage, _((*e)->summary));
	(void)ctx;
	return asked ? 0 : LK_EINPUT;
}

const struct cmd_entry cmd_event_add_entry = {
	"event", "add",
	"--title T --kind info|targeted|group --point ID [--room ID] [--link TEXT] "
	"--at \"YYYY-MM-DD HH:MM\" --minutes N --capacity N --host ID [--partner TEXT] [--lang L] "
	"[--description TEXT] [--obligation] [--repeat \"mon,wed until YYYY-MM-DD\"] "
	"[--benefit-checked-by LEAD_ID]",
	N_("add an event (a group may repeat weekly); prints each occurrence's id"), exec_add,
};
const struct cmd_entry cmd_event_set_entry = {
	"event", "set",
	"ID [--title T] [--at \"YYYY-MM-DD HH:MM\"] [--minutes N] [--capacity N] [--host ID] "
	"[--room ID|\"\"] [--link TEXT] [--partner TEXT] [--lang L] [--description TEXT] "
	"[--benefit-checked-by LEAD_ID]",
	N_("change one occurrence of an event (clashes refused as when added)"), exec_set,
};
const struct cmd_entry cmd_event_list_entry = {
	"event", "list", "[--point ID] [--host ID] [--from DATE] [--days N] [--tsv]",
	N_("the events of a week"), exec_list,
};
const struct cmd_entry cmd_event_show_entry = {
	"event", "show", "ID [--tsv]", N_("an event and its participants"), exec_show,
};
const struct cmd_entry cmd_event_invite_entry = {
	"event", "invite",
	"ID (--client ID | [--municipality M] [--point ID] [--service-line L] [--months N] "
	"[--age MIN-MAX] [--lang L] [--caseworker ID] [--no-meeting-days N]) [--obligation] "
	"[--dry-run]",
	N_("invite a client or a target group"), exec_invite,
};
const struct cmd_entry cmd_event_sign_up_entry = {
	"event", "sign-up", "ID --client ID", N_("sign a client up (or onto the waiting list)"),
	exec_sign_up,
};
const struct cmd_entry cmd_event_cancel_entry = {
	"event", "cancel", "ID --client ID",
	N_("cancel a client's sign-up; the first waiting moves up"), exec_cancel,
};
const struct cmd_entry cmd_event_attend_entry = {
	"event", "attend", "ID --client ID --as attended|no-show", N_("mark attendance"),
	exec_attend,
};
const struct cmd_entry cmd_event_count_entry = {
	"event", "count", "ID --people N", N_("the head count of an open info event"), exec_count,
};
const struct cmd_entry cmd_event_cancel_event_entry = {
	"event", "cancel-event", "ID --reason TEXT", N_("cancel the event (it is kept)"),
	exec_cancel_event,
};
const struct cmd_entry cmd_event_letter_entry = {
	"event", "letter", "ID --client ID [--lang fi|sv|en] [--plain|--no-plain] [--out FILE]",
	N_("the invitation letter for a client on the list, in the client's language"), exec_letter,
};
const struct cmd_entry cmd_event_help_entry = {
	"event", NULL, "add|list|show|invite|sign-up|cancel|attend|count|cancel-event …",
	N_("group sessions and info events"), exec_event_help,
};
