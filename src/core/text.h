/*
 * text.h — the one text rule of Luukku, in and out (design.md, "Text
 * contract").
 *
 * In: a field a person types or sync brings is valid UTF-8 in shortest form
 * (no overlong encodings, no surrogates U+D800–U+DFFF, nothing above
 * U+10FFFF) with no control characters (C0 U+0000–U+001F, DEL U+007F, C1
 * U+0080–U+009F, the line and paragraph separators U+2028/U+2029). Names
 * (LK_TEXT_NAME) take no bidi control at all (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069); free text refuses the embeddings and
 * overrides U+202A–U+202E, which reorder what a reader sees, and keeps the
 * marks and isolates a note mixing Arabic and Finnish may need.
 *
 * Out: lk_text_clean() turns whatever a database holds into text that is
 * harmless on a terminal and in a file: every invalid byte, control
 * character and bidi control becomes U+FFFD, except the layout characters
 * a caller keeps (tab, newline, CR before LF).
 *
 * Pure C: no I/O, no heap.
 */
#ifndef LK_CORE_TEXT_H
#define LK_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LK_TEXT_REPLACEMENT "\xEF\xBF\xBD"   /* U+FFFD, 3 bytes */

/* Decode the code point at s (n bytes there). Returns its length 1–4 and
 * sets *cp, or 0 when the bytes are no valid shortest-form UTF-8 sequence
 * of a scalar value (also when n cuts the sequence short). */
int lk_utf8_next(const unsigned char *s, size_t n, uint32_t *cp);
/* True when the n bytes at s (n >= 1) could still become a valid sequence
 * with more bytes: a lead byte and continuation bytes so far all right. */
bool lk_utf8_prefix(const unsigned char *s, size_t n);

/* C0, DEL, C1, U+2028, U+2029. */
bool lk_cp_control(uint32_t cp);
/* Every bidi control: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069. */
bool lk_cp_bidi(uint32_t cp);

enum lk_text_fault {
	LK_TEXT_OK = 0,
	LK_TEXT_EUTF8,      /* not valid shortest-form UTF-8 */
	LK_TEXT_ECONTROL,   /* a control character */
	LK_TEXT_EBIDI,      /* a bidi control (any in a name; embeddings and overrides anywhere) */
};
#define LK_TEXT_NAME 1u     /* a name: no bidi control at all */

/* Check NUL-terminated s against the rule; flags LK_TEXT_NAME or 0. */
enum lk_text_fault lk_text_check(const char *s, unsigned flags);

#define LK_CLEAN_TAB  1u    /* keep tabs */
#define LK_CLEAN_LF   2u    /* keep newlines */
#define LK_CLEAN_CRLF 4u    /* keep a CR directly before LF (with LK_CLEAN_LF) */

/* One step of cleaning the n bytes at s: writes at most 4 bytes to out,
 * sets *used to the bytes consumed (>= 1) and returns the bytes written.
 * When `more` (the text goes on after these n bytes) and the bytes at s
 * are a cut-short sequence or a CR at the end, returns 0 with *used 0:
 * call again with more bytes. */
size_t lk_text_clean_step(const unsigned char *s, size_t n, bool more, unsigned flags,
                          char out[4], size_t *used);
/* Clean NUL-terminated s into out (size bytes, always terminated when size
 * > 0, cut only between characters). Returns the length the whole cleaned
 * text needs (at most 3 × strlen(s)), like snprintf. */
size_t lk_text_clean(const char *s, unsigned flags, char *out, size_t size);

/* For a CSV cell (OWASP): true when a spreadsheet could read the text as a
 * formula — it begins with '=', '+', '-', '@', tab or CR and is not a plain
 * number such as "-12" or "+3.5". The writer then puts a ' before it. */
bool lk_text_formula(const char *s);

#endif
