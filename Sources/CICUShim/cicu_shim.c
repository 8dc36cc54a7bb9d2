#include "cicu_shim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uregex.h>
#include <unicode/uscript.h>

int32_t jd_breaks(int32_t kind, const uint16_t *text, int32_t length, int32_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == JD_BREAK_SENTENCE ? UBRK_SENTENCE
                            : kind == JD_BREAK_CHARACTER ? UBRK_CHARACTER : UBRK_WORD;
    UBreakIterator *it = ubrk_open(type, "zh", (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) {
        if (count < capacity) out[count] = b;
        count++;
    }
    ubrk_close(it);
    return count;
}

int32_t jd_script(uint32_t codepoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codepoint, &status);
    return U_FAILURE(status) ? -1 : (int32_t)code;
}

int32_t jd_general_category(uint32_t codepoint) { return (int32_t)u_charType((UChar32)codepoint); }

int32_t jd_east_asian_width(uint32_t codepoint) {
    return (int32_t)u_getIntPropertyValue((UChar32)codepoint, UCHAR_EAST_ASIAN_WIDTH);
}

// ICU's clone copies the pattern and flags but not the matcher's time limit: keep it to set again.
struct jd_regex { URegularExpression *re; int32_t time_limit; };

jd_regex *jd_regex_open(const uint16_t *pattern, int32_t length, int32_t time_limit,
                        char *error, int32_t error_capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    URegularExpression *re = uregex_open((const UChar *)pattern, length, 0, &parse, &status);
    if (U_FAILURE(status)) {
        if (error && error_capacity > 0)
            snprintf(error, (size_t)error_capacity, "%s at offset %d", u_errorName(status), (int)parse.offset);
        return NULL;
    }
    if (time_limit > 0) uregex_setTimeLimit(re, time_limit, &status);
    jd_regex *r = malloc(sizeof *r);
    if (!r) { uregex_close(re); return NULL; }
    r->re = re;
    r->time_limit = time_limit;
    return r;
}

void jd_regex_close(jd_regex *regex) {
    if (!regex) return;
    uregex_close(regex->re);
    free(regex);
}

int32_t jd_regex_set_text(jd_regex *regex, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText(regex->re, (const UChar *)text, length, &status);
    return U_FAILURE(status) ? -1 : 0;
}

int32_t jd_regex_find(jd_regex *regex, int32_t start, int32_t group, int32_t *match_start,
                      int32_t *match_end, int32_t *timed_out) {
    UErrorCode status = U_ZERO_ERROR;
    *timed_out = 0;
    UBool found = start >= 0 ? uregex_find(regex->re, start, &status) : uregex_findNext(regex->re, &status);
    if (status == U_REGEX_TIME_OUT) { *timed_out = 1; return -1; }
    if (U_FAILURE(status)) { *timed_out = 2; return -1; }
    if (!found) return 0;
    *match_start = uregex_start(regex->re, group, &status);
    *match_end = uregex_end(regex->re, group, &status);
    return U_FAILURE(status) ? -1 : 1;
}

jd_regex *jd_regex_clone(const jd_regex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone(regex->re, &status);
    if (U_FAILURE(status)) return NULL;
    if (regex->time_limit > 0) uregex_setTimeLimit(re, regex->time_limit, &status);
    jd_regex *r = malloc(sizeof *r);
    if (!r) { uregex_close(re); return NULL; }
    r->re = re;
    r->time_limit = regex->time_limit;
    return r;
}

int32_t jd_regex_group_count(jd_regex *regex) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uregex_groupCount(regex->re, &status);
    return U_FAILURE(status) ? -1 : n;
}

int32_t jd_regex_group(jd_regex *regex, int32_t group, int32_t *match_start, int32_t *match_end) {
    UErrorCode status = U_ZERO_ERROR;
    *match_start = uregex_start(regex->re, group, &status);
    *match_end = uregex_end(regex->re, group, &status);
    return U_FAILURE(status) ? -1 : 0;
}
