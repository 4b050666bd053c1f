import PaperSiftCLI

StageMain.run(SiftCommand.self)
