// The view models publish their state for SwiftUI through Combine's
// `ObservableObject` and `@Published`. Linux has no Combine, and MachiKit is
// compiled and tested there too (tests/swift, scripts/swift-linux.sh): there
// the two names are the minimal stand-ins below, so the same view-model
// sources build unchanged on both, and the tests read the published values
// directly. SwiftUI itself stays in the app target (ios/App).
#if canImport(Combine)
@_exported import Combine
#else
/// Linux stand-in for Combine's `ObservableObject`: a class whose state a UI observes.
public protocol ObservableObject: AnyObject {}

/// Linux stand-in for Combine's `@Published`: stores the value, publishes nothing
/// (no SwiftUI on Linux to redraw).
@propertyWrapper
public struct Published<Value> {
    /// The current value.
    public var wrappedValue: Value

    /// Wraps the property's initial value.
    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }
}
#endif
