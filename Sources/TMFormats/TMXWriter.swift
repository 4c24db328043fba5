import CLibXML2
import TMCore

/// Writes TMX 1.4b through libxml2's streaming writer. (Skeleton: replaced by the real writer.)
public enum TMXFormat {
    public static let version = "1.4"
}
