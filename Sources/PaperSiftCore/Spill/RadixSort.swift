/// A least-significant-digit radix sort of plain values by byte digits (digit 0 the least
/// significant), stable, with a scratch array as large as the input; digits that every value
/// shares cost no pass.
enum RadixSort {
    static func sort<T: BitwiseCopyable>(_ items: inout [T], digits: Int, digit: (T, Int) -> Int) {
        let n = items.count
        guard n > 1 else { return }
        var counts = [Int](repeating: 0, count: digits * 256)
        counts.withUnsafeMutableBufferPointer { c in
            items.withUnsafeBufferPointer { src in
                for t in src { for d in 0..<digits { c[d * 256 + digit(t, d)] += 1 } }
            }
        }
        var scratch = items
        var inScratch = false
        for d in 0..<digits {
            let base = d * 256
            // A digit all values share leaves the order as it is.
            if counts[base + digit(items[0], d)] == n { continue }
            var offsets = [Int](repeating: 0, count: 256)
            var sum = 0
            for b in 0..<256 { offsets[b] = sum; sum += counts[base + b] }
            func scatter(_ from: UnsafeBufferPointer<T>, _ to: UnsafeMutableBufferPointer<T>) {
                offsets.withUnsafeMutableBufferPointer { o in
                    for t in from {
                        let b = digit(t, d)
                        to[o[b]] = t
                        o[b] += 1
                    }
                }
            }
            if inScratch {
                scratch.withUnsafeBufferPointer { from in items.withUnsafeMutableBufferPointer { to in scatter(from, to) } }
            } else {
                items.withUnsafeBufferPointer { from in scratch.withUnsafeMutableBufferPointer { to in scatter(from, to) } }
            }
            inScratch.toggle()
        }
        if inScratch { swap(&items, &scratch) }
    }
}
