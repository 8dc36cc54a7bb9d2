#ifndef JIAODUI_CICU_SHIM_H
#define JIAODUI_CICU_SHIM_H
// Plain-C face of the ICU calls jiaodui needs. Swift must never see <unicode/...>: those headers
// clash with the ICU that Foundation carries. Text is passed as UTF-16 (uint16_t) as ICU wants it.
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Break kinds for jd_breaks.
enum { JD_BREAK_WORD = 0, JD_BREAK_SENTENCE = 1, JD_BREAK_CHARACTER = 2 };

/// Writes the UTF-16 offsets of the break boundaries of `text` (the leading 0 included) into
/// `out`, at most `capacity` of them. Returns how many boundaries there are in all (which may be
/// more than `capacity`), or -1 when ICU fails.
int32_t jd_breaks(int32_t kind, const uint16_t *text, int32_t length, int32_t *out, int32_t capacity);

/// ICU's UScriptCode of a code point (17 = Han, 25 = Latin, 0 = Common, 1 = Inherited).
int32_t jd_script(uint32_t codepoint);
/// ICU's UCharCategory (general category) of a code point.
int32_t jd_general_category(uint32_t codepoint);
/// UEastAsianWidth: 0 neutral, 1 ambiguous, 2 halfwidth, 3 fullwidth, 4 narrow, 5 wide.
int32_t jd_east_asian_width(uint32_t codepoint);

/// A compiled regular expression with a time limit. Opaque.
typedef struct jd_regex jd_regex;
/// Compiles `pattern` (UTF-16). On failure returns NULL and writes a message into `error`.
/// `time_limit` is in ICU's steps (see uregex_setTimeLimit); 0 means none.
jd_regex *jd_regex_open(const uint16_t *pattern, int32_t length, int32_t time_limit,
                        char *error, int32_t error_capacity);
void jd_regex_close(jd_regex *regex);
/// Sets the subject text (ICU keeps a pointer: the buffer must outlive the matching).
int32_t jd_regex_set_text(jd_regex *regex, const uint16_t *text, int32_t length);
/// Finds the next match from `start` (-1: continue after the last). Writes the UTF-16 range of
/// capture `group` (0 = whole match). Returns 1 on a match, 0 on none, -1 on an error: then
/// `timed_out` is 1 for a time-out, 2 for another failure (such as the backtracking stack running
/// out).
int32_t jd_regex_find(jd_regex *regex, int32_t start, int32_t group, int32_t *match_start,
                      int32_t *match_end, int32_t *timed_out);

/// A second matcher over the same compiled pattern (ICU shares the pattern; each matcher keeps its
/// own state, so each thread or document uses its own clone). NULL on failure.
jd_regex *jd_regex_clone(const jd_regex *regex);
/// The number of capture groups of the pattern (-1 on error).
int32_t jd_regex_group_count(jd_regex *regex);
/// The UTF-16 range of capture `group` of the last match (-1 for a group that did not take part).
int32_t jd_regex_group(jd_regex *regex, int32_t group, int32_t *match_start, int32_t *match_end);

#ifdef __cplusplus
}
#endif
#endif
