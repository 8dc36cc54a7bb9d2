import JiaoduiCLI

Jiaodui.runMain()
