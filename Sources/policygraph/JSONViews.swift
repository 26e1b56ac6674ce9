import Foundation
import PolicyGraphCore
import PolicyGraphStore

/// The JSON answers of the graph commands: objects, every node with its id, years as numbers.
enum JSONViews {
    /// A node by id, kind and name (the store's reference to a node).
    typealias NodeRef = EntityDetails.NodeReference

    /// `targets --format json`: the store's view of each target, with its holder.
    struct Targets: Encodable {
        let targets: [GroupedTarget]
    }

    struct Neighbor: Encodable {
        let edge: String?
        let direction: String?
        let node: NodeRef
        let sources: Int?
    }

    struct Neighbors: Encodable {
        let node: NodeRef
        let neighbors: [Neighbor]
    }

    struct Step: Encodable {
        let step: Int
        let via: String?
        let node: NodeRef
    }

    struct Path: Encodable {
        let path: [Step]
    }
}
