#include "CFuzzDriver.h"
#include <stddef.h>
#include <stdint.h>

// Both defined at link time: the driver by the runtime `-sanitize=fuzzer` links, the test function
// by the fuzz target.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int jiaodui_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
