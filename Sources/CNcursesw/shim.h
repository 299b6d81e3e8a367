#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros and globals Swift cannot import (function-like macros, shared mutable state),
   wrapped as functions for TerminalNcurses. */
static inline WINDOW *meterdesk_stdscr(void) { return stdscr; }
static inline FILE *meterdesk_stdin(void) { return stdin; }
static inline FILE *meterdesk_stdout(void) { return stdout; }
static inline int meterdesk_colors(void) { return COLORS; }
static inline int meterdesk_color_pairs(void) { return COLOR_PAIRS; }
static inline int meterdesk_lines(void) { return getmaxy(stdscr); }
static inline int meterdesk_cols(void) { return getmaxx(stdscr); }
static inline attr_t meterdesk_a_bold(void) { return A_BOLD; }
static inline attr_t meterdesk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t meterdesk_a_reverse(void) { return A_REVERSE; }
static inline attr_t meterdesk_a_dim(void) { return A_DIM; }
static inline attr_t meterdesk_a_normal(void) { return A_NORMAL; }
static inline int meterdesk_key_f(int n) { return KEY_F(n); }
static inline mmask_t meterdesk_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t meterdesk_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t meterdesk_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t meterdesk_button2_clicked(void) { return BUTTON2_CLICKED; }
static inline mmask_t meterdesk_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t meterdesk_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t meterdesk_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t meterdesk_button5_pressed(void) { return BUTTON5_PRESSED; }
#endif
