import Foundation
import PolicyGraphCore

/// The scan's and the whole extraction's throughput as ratios to the Python
/// anchors, read from the JSON lines `../shared/bench/ner-bench.py --json FILE`
/// wrote for the same corpus in the same session.
enum AnchorRatios {
    static func report(files: [String], scan: Double, extraction: Double, inputBytes: Int) {
        for file in files {
            guard let data = FileBytes.read(file),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let tool = object["tool"] as? String, let rate = (object["mb_per_s"] as? NSNumber)?.doubleValue, rate > 0 else {
                fail("\(file): not a result of ner-bench.py --json (needs 'tool' and 'mb_per_s')")
            }
            let bytes = (object["bytes"] as? NSNumber)?.intValue ?? 0
            let sameCorpus = bytes == inputBytes ? "" : String(format: " (its corpus has %d bytes, this one %d: not the same corpus)", bytes, inputBytes)
            let version = (object["version"] as? String).map { " \($0)" } ?? ""
            print(String(format: "anchor %@%@ + re (ner-bench.py, wall): %.1f MB/s; scan ×%.1f, whole extraction ×%.2f%@",
                         tool, version, rate, scan / rate, extraction / rate, sameCorpus))
        }
    }
}
