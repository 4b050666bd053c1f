import PaperSiftCLI

StageMain.run(DedupeCommand.self)
