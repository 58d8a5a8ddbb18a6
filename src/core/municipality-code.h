/*
 * municipality-code.h — the official municipality numbers (kuntanumero,
 * Statistics Finland's three-digit code) of the municipalities of the
 * areas Luukku knows (data/service_points.csv), so that a file from the
 * national client information system, which names a home municipality by
 * its number, can be read. Pure C, no store: the name found is looked up
 * in the desk's own municipality table by the caller.
 */
#ifndef LK_CORE_MUNICIPALITY_CODE_H
#define LK_CORE_MUNICIPALITY_CODE_H

/* The municipality named by an official number ("167", "90" or "090");
 * NULL when the text is not such a number or the number is not known. */
const char *lk_municipality_by_code(const char *code);

#endif
