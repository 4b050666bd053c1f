/// Help text shared by every command.
enum StageHelp {
    /// The exit codes, as in the README's table (after a blank line; the discussion ends with a newline).
    static let exitStatus = "\n" + """
        Exit status: 0 every record went through; 1 some records were rejected (reported on \
        standard error, and in --rejects); 2 usage or configuration error (unknown option, invalid \
        rule); 3 an input could not be read or an output written; 4 stopped by --strict.
        """
}
