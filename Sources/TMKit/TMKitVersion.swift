/// The version written into TMX `creationtoolversion` and printed by `tmkit --version`.
public enum TMKitVersion {
    public static let current = "0.1.0"
}
