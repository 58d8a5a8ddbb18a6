/*
 * import-staff.c — `luukku import staff FILE` (import.h): placeholder.
 */
#include "store/import-internal.h"

enum lk_status
lk_import_staff(struct lk_store *st, const char *text, size_t len,
                const struct lk_import_opts *o, struct lk_import_result *res,
                struct lk_err *err)
{
	(void)st; (void)text; (void)len; (void)o; (void)res;
	return lk_err_set(err, LK_EFAIL, "", "not yet");
}
