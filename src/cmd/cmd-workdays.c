/*
 * cmd-workdays.c — `luukku workdays DATE N`: the date N business days
 * after DATE, skipping weekends, public holidays, Christmas Eve and
 * Midsummer Eve.
 */
#include <getopt.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "core/calendar.h"
#include "i18n.h"

static int
exec_workdays(struct cmd_ctx *ctx, int argc, char **argv)
{
	int status;
	if ((status = cmd_parse_args(ctx, argc, argv, 2)))   /* N may be negative */
		return status;
	lk_date day;
	if (!lk_date_parse(argv[optind], &day) || lk_date_to_ymd(day).y < 1900 ||
	    lk_date_to_ymd(day).y > 2100)
		return cmd_usage(ctx, "date", _("'%s' is not a date from 1900 to 2100 (YYYY-MM-DD)"),
		                 argv[optind]);
	long n;
	if (!cmd_int(ctx, "n", argv[optind + 1], -10000, 10000, &n, &status))
		return status;
	lk_date out = lk_add_business_days(day, (int)n);
	if (lk_date_to_ymd(out).y > 2100 || lk_date_to_ymd(out).y < 1900)
		return cmd_usage(ctx, "n", _("the result falls outside 1900-2100"));
	char iso[16];
	printf("%s\n", lk_date_iso(out, iso, sizeof iso));
	return 0;
}

const struct cmd_entry cmd_workdays_entry = {
	"workdays", NULL, "DATE N", N_("the date N business days after DATE"), exec_workdays,
};
