#ifndef LIAISON_CNCURSESW_SHIM_H
#define LIAISON_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Attribute and key macros are expressions Swift cannot import; these wrap them.
static inline attr_t liaison_a_normal(void) { return A_NORMAL; }
static inline attr_t liaison_a_bold(void) { return A_BOLD; }
static inline attr_t liaison_a_reverse(void) { return A_REVERSE; }
static inline attr_t liaison_a_underline(void) { return A_UNDERLINE; }
static inline attr_t liaison_a_dim(void) { return A_DIM; }
static inline attr_t liaison_color_pair(short n) { return COLOR_PAIR(n); }
static inline int liaison_key_f(int n) { return KEY_F(n); }
static inline chtype liaison_acs_hline(void) { return ACS_HLINE; }
static inline chtype liaison_acs_vline(void) { return ACS_VLINE; }
static inline chtype liaison_acs_ulcorner(void) { return ACS_ULCORNER; }
static inline chtype liaison_acs_urcorner(void) { return ACS_URCORNER; }
static inline chtype liaison_acs_llcorner(void) { return ACS_LLCORNER; }
static inline chtype liaison_acs_lrcorner(void) { return ACS_LRCORNER; }
static inline chtype liaison_acs_ltee(void) { return ACS_LTEE; }
static inline chtype liaison_acs_rtee(void) { return ACS_RTEE; }
static inline WINDOW *liaison_stdscr(void) { return stdscr; }
static inline const char *liaison_codeset(void) { return nl_langinfo(CODESET); }
#endif
