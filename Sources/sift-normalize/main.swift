import PaperSiftCLI

StageMain.run(NormalizeCommand.self)
