import JiaoduiCLI

Jiaodui.main()
