import PaperSiftCLI

StageMain.run(ExtractCommand.self)
