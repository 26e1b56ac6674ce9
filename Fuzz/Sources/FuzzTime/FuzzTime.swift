import Foundation
import FuzzDriver
import PolicyGraphCore

// The time normaliser on any text: parse one expression and find every
// expression in a sentence, against five reference dates (the first input byte
// chooses). A trap (overflow, out-of-range index) or a hang is a finding.
let normalizer = TimeNormalizer()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let selector = data[0]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let references: [ReferenceDate?] = [nil, ReferenceDate("2025-03-15"), ReferenceDate("2025-01-05"), ReferenceDate("1900"), ReferenceDate("2199-12-31")]
    let reference = references[Int(selector) % references.count]
    if let value = normalizer.parse(text, reference: reference) {
        _ = value.isPast(relativeTo: reference)
    }
    for expression in normalizer.expressions(in: text, reference: reference) {
        _ = expression.value.isPast(relativeTo: reference)
    }
    return 0
}

// SwiftPM links executables with main=FuzzTime_main; hand over to libFuzzer's driver.
@_cdecl("FuzzTime_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzz(data!, size) }
}
