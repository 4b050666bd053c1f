import PaperSiftCLI

StageMain.run(CleanCommand.self)
