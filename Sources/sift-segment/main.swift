import PaperSiftCLI

StageMain.run(SegmentCommand.self)
