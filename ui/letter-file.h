/*
 * letter-file.h — where the terminal puts a letter a screen made: the
 * desk's letters directory ($XDG_DATA_HOME/luukku/letters/, else
 * ~/.local/share/luukku/letters/), directories and file readable by their
 * owner only, a file name that holds times and ids but never a person's
 * name; the letter audited as printed, or the file removed again. Shared
 * by the calendar's appointment letters and the events screen's
 * invitations, which may not call one another.
 *
 * Writes only the file and the audit row (through the store's audit API);
 * never draws but the status-line message.
 */
#ifndef LK_UI_LETTER_FILE_H
#define LK_UI_LETTER_FILE_H

#include <stddef.h>

#include "ui/ui.h"

/* Save text (len bytes) as `name` in the letters directory, audit it as
 * "print-letter" of client with detail, and say where it went (or why
 * not) on the status line. */
void lk_ui_save_letter(struct lk_ui *ui, const char *name, const char *text, size_t len,
                       const char *client_id, const char *detail);

#endif
