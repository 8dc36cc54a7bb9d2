#ifndef JIAODUI_FUZZ_DRIVER_H
#define JIAODUI_FUZZ_DRIVER_H

/// Runs libFuzzer's driver on the target's `LLVMFuzzerTestOneInput` (a Swift `@_cdecl` function).
/// SwiftPM renames an executable's `main`, so libFuzzer's own `main` never runs; each target's
/// main.swift calls this instead.
int jiaodui_fuzz_main(int argc, char **argv);

#endif
