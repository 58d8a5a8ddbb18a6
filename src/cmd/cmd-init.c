/*
 * cmd-init.c — `luukku init --area AREA [--admin "Surname, Given"]`: an
 * empty database holding the area's municipalities, service points and
 * commuting links; with --admin also the first administrator account,
 * whose sign-in secret is read from standard input before anything is
 * written (a bad secret leaves no database behind).
 */
#include <getopt.h>
#include <stdio.h>
#include <unistd.h>

#include <sodium.h>

#include "cmd/cmd.h"
#include "cmd/cmd-opts.h"
#include "i18n.h"
#include "store/area.h"
#include "store/signin.h"
#include "store/staff.h"

/* The first point of the walk: the area's main office. */
static int
first_point(const struct lk_point *p, void *ctx)
{
	snprintf(ctx, sizeof ((struct lk_point *)0)->id, "%s", p->id);
	return 1;
}

/* The administrator account with its secret, at the main office. */
static int
make_admin(struct cmd_ctx *ctx, struct lk_store *st, const char *name, const char *secret)
{
	struct lk_err err = { 0 };
	char point[65] = "", id[LK_ID_LEN + 1];
	if (lk_point_list(st, first_point, point, &err) != LK_OK)
		return cmd_fail(ctx, &err);
	struct lk_staff_input in = { .name = name, .role = "admin", .point = point };
	if (lk_staff_add(st, &in, id, &err) != LK_OK ||
	    lk_staff_set_secret(st, id, secret, &err) != LK_OK)
		return cmd_fail(ctx, &err);
	printf("%s\n", id);
	return 0;
}

static int
exec_init(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *area = NULL, *admin = NULL;
	struct cmd_opt opts[] = { CMD_STRING("area", &area), CMD_STRING("admin", &admin), CMD_END };
	int status;
	if ((status = cmd_parse_opts(ctx, argc, argv, opts, 0)))
		return status;
	if (area == NULL)
		return cmd_usage(ctx, "area", _("which area? e.g. --area pohjois-karjala"));
	if (lk_area_find(area) == NULL) {
		struct lk_err err;
		lk_area_init(NULL, area, &err);   /* only builds the message */
		return cmd_fail(ctx, &err);
	}
	char secret[LK_SECRET_MAX + 2] = "";
	if (admin && !cmd_read_secret(ctx, secret, sizeof secret, &status))
		return status;
	if (admin && access(ctx->db_path, F_OK) == 0) {
		sodium_memzero(secret, sizeof secret);
		return cmd_usage(ctx, "admin", _("the first admin account is made only with a new database"));
	}
	struct lk_store *st = cmd_open(ctx, true, &status);
	if (st == NULL) {
		sodium_memzero(secret, sizeof secret);
		return status;
	}
	struct lk_err err = { 0 };
	status = lk_area_init(st, area, &err) == LK_OK ? 0 : cmd_fail(ctx, &err);
	if (status == 0 && admin)
		status = make_admin(ctx, st, admin, secret);
	sodium_memzero(secret, sizeof secret);
	lk_store_close(st);
	if (status != 0 && admin)
		unlink(ctx->db_path);   /* nothing half-made stays behind */
	return status;
}

const struct cmd_entry cmd_init_entry = {
	"init", NULL, "--area AREA [--admin \"Surname, Given\"]  (the admin's secret from standard input)",
	N_("create an empty database of an area"), exec_init,
};
