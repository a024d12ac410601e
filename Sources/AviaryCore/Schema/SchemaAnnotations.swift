/// Which properties and items of one instance location were evaluated by successful
/// subschemas: the input of `unevaluatedProperties` / `unevaluatedItems`.
struct SchemaAnnotations {
    var properties: Set<String> = []
    /// Items `0..<itemPrefix` were evaluated (by `prefixItems`).
    var itemPrefix = 0
    /// Every item was evaluated (`items`, `additionalItems`, `unevaluatedItems`).
    var allItems = false
    /// Individual items evaluated by `contains`.
    var items: Set<Int> = []

    mutating func merge(_ other: SchemaAnnotations) {
        if !other.properties.isEmpty { properties.formUnion(other.properties) }
        itemPrefix = max(itemPrefix, other.itemPrefix)
        allItems = allItems || other.allItems
        if !other.items.isEmpty { items.formUnion(other.items) }
    }

    func isItemEvaluated(_ index: Int) -> Bool {
        allItems || index < itemPrefix || items.contains(index)
    }
}
