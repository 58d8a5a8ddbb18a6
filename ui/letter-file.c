/*
 * letter-file.c — a letter a screen made, into the desk's letters
 * directory and the audit trail (letter-file.h).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "store/audit.h"
#include "ui/letter-file.h"

/* mkdir -p of dir, each new level 0700. */
static void
make_dirs(char *dir)
{
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			mkdir(dir, 0700);
			*p = c;
			if (c == '\0')
				break;
		}
	}
}

void
lk_ui_save_letter(struct lk_ui *ui, const char *name, const char *text, size_t len,
                  const char *client_id, const char *detail)
{
	char dir[1024], path[1400];
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(dir, sizeof dir, "%s/luukku", xdg);
	else
		snprintf(dir, sizeof dir, "%s/.local/share/luukku", home && *home ? home : ".");
	strncat(dir, "/letters", sizeof dir - strlen(dir) - 1);
	make_dirs(dir);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	bool ok = fd >= 0 && write(fd, text, len) == (ssize_t)len;
	if (fd >= 0 && close(fd) != 0)
		ok = false;
	if (!ok) {
		lk_ui_message(ui, true, _("Could not write %s"), path);
		return;
	}
	struct lk_err err = { 0 };
	if (lk_audit(ui->st, ui->opt ? ui->opt->staff_id : NULL, "print-letter", client_id, detail,
	             &err) != LK_OK) {
		unlink(path);
		lk_ui_message(ui, true, "%s", err.msg);
		return;
	}
	/* ~/… where it is under the home directory: the status line is short. */
	char shown[1400];
	size_t h = home && *home ? strlen(home) : 0;
	if (h && strncmp(path, home, h) == 0 && path[h] == '/')
		snprintf(shown, sizeof shown, "~%s", path + h);
	else
		snprintf(shown, sizeof shown, "%s", path);
	lk_ui_message(ui, false, _("Letter: %s"), shown);
}
