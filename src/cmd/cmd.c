/*
 * cmd.c — the table of subcommands and what they share: opening the store,
 * reporting errors, numbers, TSV cells.
 */
#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <stdlib.h>
#include <wchar.h>
#include <string.h>

#include <iniparser.h>

#include "cmd/cmd.h"
#include "core/booking-rules.h"
#include "i18n.h"
#include "store/appointment.h"

extern const struct cmd_entry cmd_init_entry, cmd_demo_entry, cmd_hetu_entry,
	cmd_workdays_entry, cmd_point_list_entry, cmd_staff_list_entry, cmd_staff_add_entry,
	cmd_staff_passwd_entry,
	cmd_client_add_entry, cmd_client_set_entry, cmd_client_find_entry,
	cmd_client_show_entry, cmd_due_entry, cmd_book_entry, cmd_meeting_entry,
	cmd_piste_log_entry;
extern const struct cmd_entry cmd_slots_entry, cmd_agenda_entry,
	cmd_meeting_reschedule_entry, cmd_meeting_history_entry;
extern const struct cmd_entry cmd_tym_open_entry, cmd_tym_member_entry, cmd_tym_consent_entry,
	cmd_tym_show_entry, cmd_tym_close_entry, cmd_piste_arrive_entry, cmd_piste_call_entry,
	cmd_piste_serve_entry, cmd_piste_end_entry, cmd_piste_noshow_entry, cmd_piste_refer_entry,
	cmd_piste_queue_entry, cmd_piste_today_entry, cmd_kiosk_entry;
extern const struct cmd_entry cmd_audit_entry, cmd_export_entry, cmd_purge_entry;
extern const struct cmd_entry cmd_report_entry, cmd_feedback_entry, cmd_ical_entry,
	cmd_letter_entry;
extern const struct cmd_entry cmd_consent_give_entry, cmd_consent_withdraw_entry,
	cmd_consent_list_entry;

extern const struct cmd_entry cmd_import_clients_entry, cmd_import_staff_entry,
	cmd_export_register_clients_entry, cmd_export_register_staff_entry,
	cmd_export_register_appointments_entry, cmd_export_register_visits_entry;
extern const struct cmd_entry cmd_event_add_entry, cmd_event_list_entry, cmd_event_show_entry,
	cmd_event_invite_entry, cmd_event_sign_up_entry, cmd_event_cancel_entry,
	cmd_event_attend_entry, cmd_event_count_entry, cmd_event_cancel_event_entry,
	cmd_event_letter_entry, cmd_event_set_entry, cmd_event_help_entry;
extern const struct cmd_entry cmd_enrol_entry, cmd_sync_entry, cmd_conflicts_entry,
	cmd_conflicts_settle_entry;
const struct cmd_entry *const cmd_table[] = {
	&cmd_init_entry, &cmd_demo_entry, &cmd_hetu_entry, &cmd_workdays_entry,
	&cmd_enrol_entry, &cmd_sync_entry, &cmd_conflicts_settle_entry, &cmd_conflicts_entry,
	&cmd_point_list_entry, &cmd_staff_list_entry, &cmd_staff_add_entry,
	&cmd_staff_passwd_entry,
	&cmd_client_add_entry, &cmd_client_set_entry, &cmd_client_find_entry,
	/* Before "meeting": an entry without a sub takes every word after it. */
	&cmd_slots_entry, &cmd_agenda_entry, &cmd_meeting_reschedule_entry,
	&cmd_meeting_history_entry,
	&cmd_client_show_entry, &cmd_due_entry, &cmd_book_entry, &cmd_meeting_entry,
	&cmd_tym_open_entry, &cmd_tym_member_entry, &cmd_tym_consent_entry, &cmd_tym_show_entry,
	&cmd_tym_close_entry, &cmd_consent_give_entry, &cmd_consent_withdraw_entry,
	&cmd_consent_list_entry, &cmd_piste_arrive_entry, &cmd_piste_call_entry, &cmd_piste_serve_entry,
	&cmd_piste_end_entry, &cmd_piste_noshow_entry, &cmd_piste_refer_entry, &cmd_piste_queue_entry,
	&cmd_piste_today_entry, &cmd_kiosk_entry,
	&cmd_piste_log_entry, &cmd_audit_entry, &cmd_export_entry, &cmd_purge_entry,
	&cmd_report_entry, &cmd_feedback_entry, &cmd_ical_entry, &cmd_letter_entry,
	&cmd_import_clients_entry, &cmd_import_staff_entry, &cmd_export_register_clients_entry,
	&cmd_export_register_staff_entry, &cmd_export_register_appointments_entry,
	&cmd_export_register_visits_entry,
	/* The event subcommands before `event` alone (its help). */
	&cmd_event_add_entry, &cmd_event_list_entry, &cmd_event_show_entry, &cmd_event_invite_entry,
	&cmd_event_sign_up_entry, &cmd_event_cancel_entry, &cmd_event_attend_entry,
	&cmd_event_count_entry, &cmd_event_cancel_event_entry, &cmd_event_letter_entry,
	&cmd_event_set_entry, &cmd_event_help_entry, NULL,
};

int
cmd_fail(const struct cmd_ctx *ctx, const struct lk_err *err)
{
	if (err->field[0] && strcmp(err->field, "db") != 0)
		fprintf(stderr, "luukku %s: --%s: %s\n", ctx->name, err->field, err->msg);
	else
		fprintf(stderr, "luukku %s: %s\n", ctx->name, err->msg);
	return err->code ? (int)err->code : LK_EFAIL;
}

int
cmd_usage(const struct cmd_ctx *ctx, const char *field, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (field)
		fprintf(stderr, "luukku %s: --%s: %s\n", ctx->name, field, msg);
	else
		fprintf(stderr, "luukku %s: %s\n", ctx->name, msg);
	return LK_EINPUT;
}

/* [hours] of the config: `work = HH:MM-HH:MM` the working hours of phone
 * and video meetings (08:00-16:00 without it), `STAFF_ID = HH:MM-HH:MM` one
 * staff member's own (docs/rules.md#opening-hours). A value that is no such
 * span is refused naming the key (exit status 2). */
static int
work_hours(const struct cmd_ctx *ctx, struct lk_store *st)
{
	dictionary *ini = ctx->config_path ? iniparser_load(ctx->config_path) : NULL;
	if (ini == NULL)
		return 0;
	int status = 0;
	int n = iniparser_getsecnkeys(ini, "hours");
	if (n > 0) {
		const char **keys = calloc((size_t)n, sizeof *keys);
		if (keys && iniparser_getseckeys(ini, "hours", keys)) {
			for (int i = 0; i < n && status == 0; i++) {
				const char *v = iniparser_getstring(ini, keys[i], "");
				const char *name = keys[i] + strlen("hours:");
				int o, c;
				if (!lk_hours_parse(v, &o, &c))
					status = cmd_usage(ctx, keys[i],
					                   _("'%s' is not working hours (HH:MM-HH:MM)"), v);
				else
					lk_store_set_work_hours(st, strcmp(name, "work") == 0 ? NULL : name,
					                        o, c);
			}
		}
		free(keys);
	}
	iniparser_freedict(ini);
	return status;
}

struct lk_store *
cmd_open(struct cmd_ctx *ctx, bool create, int *status)
{
	struct lk_store *st = NULL;
	struct lk_err err = { 0 };
	enum lk_status rc = lk_store_open(ctx->db_path, create ? LK_OPEN_CREATE : 0, &st, &err);
	if (rc != LK_OK) {
		if (rc == LK_ENOTFOUND)
			fprintf(stderr, "luukku %s: --db: %s (%s)\n", ctx->name, err.msg,
			        _("create one with: luukku init --area AREA"));
		else
			fprintf(stderr, "luukku %s: --db: %s\n", ctx->name, err.msg);
		*status = rc;
		return NULL;
	}
	*status = 0;
	lk_store_set_actor(st, ctx->staff_id);
	if ((*status = work_hours(ctx, st)) != 0) {
		lk_store_close(st);
		return NULL;
	}
	return st;
}

bool
cmd_int(const struct cmd_ctx *ctx, const char *field, const char *s, long min, long max,
        long *out, int *status)
{
	char *end;
	errno = 0;
	long v = s ? strtol(s, &end, 10) : 0;
	if (s == NULL || *s == '\0' || *end != '\0' || errno || v < min || v > max) {
		*status = cmd_usage(ctx, field, _("'%s' is not a whole number from %ld to %ld"),
		                    s ? s : "", min, max);
		return false;
	}
	*out = v;
	return true;
}

void
cmd_tsv(FILE *f, const char *s, bool last)
{
	for (; s && *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
	fputc(last ? '\n' : '\t', f);
}

int
cmd_bad_option(const struct cmd_ctx *ctx, char **argv, int c)
{
	const char *opt = argv[optind - 1];
	if (c == ':')
		return cmd_usage(ctx, NULL, _("option '%s' needs a value"), opt);
	return cmd_usage(ctx, NULL, _("unknown option '%s' (see luukku --help)"), opt);
}

int
cmd_extra_args(const struct cmd_ctx *ctx, int argc, char **argv, int want)
{
	if (argc - optind == want)
		return 0;
	if (argc - optind < want)
		return cmd_usage(ctx, NULL, _("too few arguments (see luukku --help)"));
	return cmd_usage(ctx, NULL, _("unexpected argument '%s'"), argv[optind + want]);
}

void
cmd_col(const char *s, int width)
{
	wchar_t w[512];
	size_t n = mbstowcs(w, s ? s : "", sizeof w / sizeof w[0] - 1);
	int cols = n == (size_t)-1 ? (int)strlen(s) : wcswidth(w, n);
	if (cols < 0)
		cols = (int)n;
	fputs(s ? s : "", stdout);
	for (int i = cols; i < width; i++)
		putchar(' ');
	putchar(' ');
}
