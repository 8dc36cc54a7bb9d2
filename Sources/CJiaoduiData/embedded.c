// Embeds rules/ into the binary with the assembler's .incbin, so `jiaodui` runs from any directory.
// SwiftPM does not know these files are inputs: after editing rules/, touch this file (or run a
// clean build); after adding or removing one, run Scripts/embed-list.py. EmbeddedDataTests fails
// when the embedded copy and rules/ differ.
#include "jiaodui_data.h"

#ifndef JD_RULES_DIR
#error "JD_RULES_DIR must be defined by Package.swift"
#endif

// ELF (Linux) and Mach-O (macOS: sections named differently, C symbols prefixed with _). Only the
// ELF branch is built and tested here.
#if defined(__APPLE__)
#define JD_SECTION ".const_data\n"
#define JD_SYMBOL(name) "_" #name
#else
#define JD_SECTION ".section .rodata\n"
#define JD_SYMBOL(name) #name
#endif

#define JD_EMBED(sym, file)                                                   \
    __asm__(JD_SECTION                                                        \
            ".globl " JD_SYMBOL(sym##_start) "\n"                             \
            ".balign 16\n" JD_SYMBOL(sym##_start) ":\n"                       \
            ".incbin \"" JD_RULES_DIR "/" file "\"\n"                         \
            ".globl " JD_SYMBOL(sym##_end) "\n" JD_SYMBOL(sym##_end) ":\n"     \
            ".byte 0\n"                                                       \
            ".text\n");                                                       \
    extern const uint8_t sym##_start[];                                       \
    extern const uint8_t sym##_end[];

// The embedded files: Scripts/embed-list.py writes their list from rules/.
#define JD_FILE(sym, file) JD_EMBED(sym, file)
#include "embedded_files.h"
#undef JD_FILE

struct entry { const char *name; const uint8_t *start; const uint8_t *end; };

static const struct entry entries[] = {
#define JD_FILE(sym, file) {file, sym##_start, sym##_end},
#include "embedded_files.h"
#undef JD_FILE
};

// The page of `jiaodui serve` (Sources/JiaoduiCLI/Resources/serve.html), outside the table above:
// it is no part of the rule pack. After editing it, touch this file too.
#ifndef JD_SERVE_PAGE
#error "JD_SERVE_PAGE must be defined by Package.swift"
#endif
__asm__(JD_SECTION
        ".globl " JD_SYMBOL(jd_serve_page_start) "\n"
        ".balign 16\n" JD_SYMBOL(jd_serve_page_start) ":\n"
        ".incbin \"" JD_SERVE_PAGE "\"\n"
        ".globl " JD_SYMBOL(jd_serve_page_end) "\n" JD_SYMBOL(jd_serve_page_end) ":\n"
        ".byte 0\n"
        ".text\n");
extern const uint8_t jd_serve_page_start[];
extern const uint8_t jd_serve_page_end[];

const uint8_t *jd_serve_page_data(void) { return jd_serve_page_start; }
int64_t jd_serve_page_size(void) { return (int64_t)(jd_serve_page_end - jd_serve_page_start); }

int32_t jd_embedded_count(void) { return (int32_t)(sizeof entries / sizeof entries[0]); }
const char *jd_embedded_name(int32_t i) { return entries[i].name; }
const uint8_t *jd_embedded_data(int32_t i) { return entries[i].start; }
int64_t jd_embedded_size(int32_t i) { return (int64_t)(entries[i].end - entries[i].start); }
