import CFuzzDriver
import Foundation

// libFuzzer's driver, with the test function of FuzzLSP.swift.
exit(jiaodui_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv))
