/*
 * cmd-hetu.c — `luukku hetu CODE`: is this identity code valid, and what
 * does it say (birth date, sex, temporary range)?
 */
#include <getopt.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/hetu.h"
#include "i18n.h"

static int
exec_hetu(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool tsv;
	int status;
	if ((status = cmd_parse_tsv(ctx, argc, argv, 1, &tsv)))
		return status;
	const char *code = argv[optind];
	struct lk_hetu h;
	enum lk_hetu_error e = lk_hetu_parse(code, &h);
	if (e != LK_HETU_OK)
		return cmd_usage(ctx, "hetu", "%s: %s", code, _(lk_hetu_strerror(e)));
	char iso[16], fi[16];
	lk_date_iso(h.birth, iso, sizeof iso);
	if (tsv) {
		printf("%s\t%s\t%s\n", iso, h.sex == 'M' ? "M" : "F",
		       h.temporary ? "temporary" : "permanent");
		return 0;
	}
	printf("%s: %s (%s)\n", _("Born"), iso, lk_date_fi(h.birth, fi, sizeof fi));
	printf("%s: %s\n", _("Sex"), h.sex == 'M' ? _("male") : _("female"));
	printf("%s: %s\n", _("Temporary code"), h.temporary ? _("yes") : _("no"));
	return 0;
}

const struct cmd_entry cmd_hetu_entry = {
	"hetu", NULL, "CODE", N_("check an identity code"), exec_hetu,
};
