import Testing
import PaperSiftCore

@Suite struct JSONTests {
    @Test func roundTripKeepsKeyOrderAndDoesNotEscapeSlash() throws {
        let text = #"{"b":1,"a":"https://x.org/é","c":[true,null,2.5,-3],"d":{"z":"q\"\\\n"}}"#
        let value = try JSONParser.parse(text)
        var w = JSONWriter()
        w.value(value)
        #expect(String(decoding: w.bytes, as: UTF8.self) == text)
    }

    @Test func integralDoublesAreWrittenAsIntegers() {
        var w = JSONWriter()
        w.beginArray(); w.number(81.0); w.number(0.008); w.number(1.04); w.endArray()
        #expect(String(decoding: w.bytes, as: UTF8.self) == "[81,0.008,1.04]")
    }

    @Test func unicodeEscapesAndSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\u00e9\ud83d\ude80""#) == .string("é🚀"))
    }

    @Test(arguments: [#"{"a":1"#, #"{"a":}"#, "[1,]", #""abc"#, "nul", "{} x", #"{"a":"\q"}"#])
    func malformedJSONIsAnErrorWithAnOffset(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    /// `1e309` is valid JSON grammar but overflows a Double; read as infinity it would be written
    /// back as `null`. The parser refuses it, so the record is rejected with its file and line.
    @Test(arguments: ["1e309", "-1e309", #"{"value":2e400}"#, "[1, 1e999]"])
    func numbersBeyondADoubleAreAnError(_ text: String) {
        #expect { try JSONParser.parse(text) } throws: { "\($0)".contains("number out of range") }
    }

    @Test func theLargestDoublesStillParse() throws {
        #expect(try JSONParser.parse("1.7976931348623157e308") == .double(.greatestFiniteMagnitude))
        #expect(try JSONParser.parse("-5e-324") == .double(-.leastNonzeroMagnitude))
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func wrongShapeNamesTheField() {
        do {
            _ = try Occurrence(json: JSONParser.parse(#"{"file":"a","line":"x","format":"t","title":"T"}"#))
            Issue.record("accepted a wrong shape")
        } catch {
            #expect("\(error)".contains("'line'"))
        }
    }
}
