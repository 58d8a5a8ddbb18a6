/*
 * cmd-guard.h — the output rule (cmd-guard.c): standard output / standard
 * error through the sanitiser of core/text.h. luukku: stderr for every
 * run; stdout for every command but the ncurses terminal and the kiosk.
 * luukkud: both, for every run (a desk's names and messages reach its log).
 */
#ifndef LK_CMD_GUARD_H
#define LK_CMD_GUARD_H

void cmd_guard_stderr(void);
void cmd_guard_stdout(void);

#endif
