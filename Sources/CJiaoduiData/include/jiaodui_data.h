#ifndef JIAODUI_DATA_H
#define JIAODUI_DATA_H
// The default rule pack and lexicon, embedded in the binary at build time from rules/.
#include <stdint.h>

/// How many files are embedded.
int32_t jd_embedded_count(void);
/// The path of file `index`, relative to rules/ (e.g. "broken-wrap.yml").
const char *jd_embedded_name(int32_t index);
/// The bytes of file `index` and their count.
const uint8_t *jd_embedded_data(int32_t index);
int64_t jd_embedded_size(int32_t index);

/// The page `jiaodui serve` shows (Sources/JiaoduiCLI/Resources/serve.html) and its size.
const uint8_t *jd_serve_page_data(void);
int64_t jd_serve_page_size(void);

#endif
